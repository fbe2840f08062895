using System.Text;

namespace XenConfig.Cli.Tests;

/// <summary>
/// Which block GcHeapPrefault commits, read from /proc/self/maps: only the first 2 MB of a GC region (read-write memory
/// that starts at the 2 MB boundary, then the region's inaccessible reservation), never memory of another shape.
/// </summary>
public sealed class GcHeapPrefaultTests
{
    // A GC reservation as the runtime leaves it (regions 4 MB apart, each with its first pages committed), between a
    // file mapping and a thread stack; the first allocations lie in the region at 7feb3d800000.
    private const string Maps = """
        55d0c0000000-55d0c0100000 r--p 00000000 fe:01 1234567                    /tmp/xenconfig
        7feb3d400000-7feb3d401000 rw-p 00000000 00:00 0 
        7feb3d401000-7feb3d800000 ---p 00000000 00:00 0 
        7feb3d800000-7feb3d811000 rw-p 00000000 00:00 0 
        7feb3d811000-7feb3dc00000 ---p 00000000 00:00 0 
        7feb3dc00000-7feb3dc01000 rw-p 00000000 00:00 0 
        7feb3dc01000-7ff700000000 ---p 00000000 00:00 0 
        7ff7f0000000-7ff7f0001000 ---p 00000000 00:00 0 
        7ff7f0001000-7ff7f0801000 rw-p 00000000 00:00 0 
        7ffc1a2b3000-7ffc1a2d4000 rw-p 00000000 00:00 0                          [stack]

        """;

    private static ulong? Find(string maps, ulong address) => GcHeapPrefault.FindBlock(Encoding.ASCII.GetBytes(maps), address);

    [Fact]
    public void The_block_of_an_allocation_at_the_start_of_a_region_is_the_regions_first_2_MB()
    {
        Assert.Equal(0x7feb3d800000UL, Find(Maps, 0x7feb3d8099a8));
    }

    [Theory]
    [InlineData(0x7feb3d800000UL)] // the first byte of the region
    [InlineData(0x7feb3d810ff8UL)] // the last word committed
    public void Any_address_in_the_committed_start_gives_the_same_block(ulong address)
    {
        Assert.Equal(0x7feb3d800000UL, Find(Maps, address));
    }

    [Fact]
    public void A_listing_without_a_final_newline_reads_the_same()
    {
        Assert.Equal(0x7feb3d800000UL, Find(Maps.TrimEnd('\n'), 0x7feb3d8099a8));
    }

    [Theory]
    [InlineData(0x55d0c0000100UL)] // a file mapping
    [InlineData(0x7ffc1a2c0000UL)] // the stack: it has a name
    [InlineData(0x7ff7f0002000UL)] // read-write anonymous memory that does not start at a 2 MB boundary
    [InlineData(0x7feb3d900000UL)] // inside the reservation, not in committed memory
    [InlineData(0x1000UL)] // in no mapping
    public void Memory_that_is_not_the_start_of_a_GC_region_is_left_alone(ulong address)
    {
        Assert.Null(Find(Maps, address));
    }

    [Fact]
    public void Committed_memory_reaching_the_block_end_is_left_alone()
    {
        // The whole block committed already: there is nothing to populate, and the next mapping is not the reservation.
        var maps = "7feb3d800000-7feb3da00000 rw-p 00000000 00:00 0 \n7feb3da00000-7feb3dc00000 ---p 00000000 00:00 0 \n";

        Assert.Null(Find(maps, 0x7feb3d8099a8));
    }

    [Theory]
    [InlineData("7feb3d811000-7feb3d900000 ---p 00000000 00:00 0 \n")] // the reservation ends inside the block
    [InlineData("7feb3d812000-7feb3dc00000 ---p 00000000 00:00 0 \n")] // a gap between the two mappings
    [InlineData("7feb3d811000-7feb3dc00000 r--p 00000000 00:00 0 \n")] // readable, so someone's memory
    [InlineData("7feb3d811000-7feb3dc00000 ---s 00000000 00:00 0 \n")] // shared
    [InlineData("7feb3d811000-7feb3dc00000 ---p 00000000 fe:01 42 /tmp/data\n")] // a file
    [InlineData("")] // no mapping after it
    public void The_rest_of_the_block_must_be_one_private_anonymous_reservation(string next)
    {
        var maps = "7feb3d800000-7feb3d811000 rw-p 00000000 00:00 0 \n" + next;

        Assert.Null(Find(maps, 0x7feb3d8099a8));
    }

    [Fact]
    public void Committed_memory_of_another_kind_is_left_alone()
    {
        var maps = "7feb3d800000-7feb3d811000 rwxp 00000000 00:00 0 \n7feb3d811000-7feb3dc00000 ---p 00000000 00:00 0 \n";

        Assert.Null(Find(maps, 0x7feb3d8099a8));
    }

    [Theory]
    [InlineData("garbage\n")]
    [InlineData("7feb3d800000 rw-p 00000000 00:00 0\n")]
    [InlineData("7feb3d8g0000-7feb3d811000 rw-p 00000000 00:00 0\n")]
    [InlineData("17feb3d80000000000-7feb3d811000 rw-p 00000000 00:00 0\n")]
    public void An_unreadable_listing_prefaults_nothing(string firstLine)
    {
        Assert.Null(Find(firstLine + Maps, 0x7feb3d8099a8));
    }
}
