namespace XenConfig.Validation.Tests;

/// <summary>
/// The index of the repository checks: for each item, the first item added with the same key, whatever the hash codes
/// do and however many items come; emptied, it serves the next check.
/// </summary>
public sealed class FirstOccurrencesTests
{
    /// <summary>Keys from a table (item i has key keys[i]), with the hash code the test chooses.</summary>
    private readonly struct Keys(int[] keys, Func<int, int> hash) : FirstOccurrences.IItemKeys
    {
        public int Hash(long item) => hash(keys[item]);

        public bool Same(long x, long y) => keys[x] == keys[y];
    }

    // Each item's first equal item, as a dictionary of the keys finds it.
    private static long[] Expected(int[] keys)
    {
        var first = new Dictionary<int, long>();
        return keys.Select((key, item) => first.TryAdd(key, item) ? item : first[key]).ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(20_000)]
    public void Each_item_gets_the_first_item_with_its_key(int capacity)
    {
        // 20,000 items over 7,000 keys, in a scrambled order: most keys come several times.
        var keys = Enumerable.Range(0, 20_000).Select(i => (int)((i * 2_654_435_761L) % 7_000)).ToArray();
        var index = new FirstOccurrences(capacity);

        var firsts = Enumerable.Range(0, keys.Length).Select(item => index.FirstOf(item, new Keys(keys, key => key.GetHashCode()))).ToArray();

        Assert.Equal(Expected(keys), firsts);
        Assert.Equal(7_000, index.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1 << 20)]
    public void Keys_whose_hash_codes_are_all_alike_are_told_apart(int sameHash)
    {
        // One hash code for every key (and, the second time, one that differs only above the bits a table uses).
        var keys = Enumerable.Range(0, 3_000).Select(i => i % 1_000).ToArray();
        var index = new FirstOccurrences(10);

        var firsts = Enumerable.Range(0, keys.Length).Select(item => index.FirstOf(item, new Keys(keys, key => sameHash * (key % 2)))).ToArray();

        Assert.Equal(Expected(keys), firsts);
    }

    [Fact]
    public void Emptied_it_knows_nothing_of_the_items_before()
    {
        var keys = new[] { 5, 5, 6 };
        var index = new FirstOccurrences(4);
        Assert.Equal(0, index.FirstOf(0, new Keys(keys, key => key)));
        Assert.Equal(0, index.FirstOf(1, new Keys(keys, key => key)));

        index.Clear();

        Assert.Equal(0, index.Count);
        Assert.Equal(1, index.FirstOf(1, new Keys(keys, key => key)));
        Assert.Equal(2, index.FirstOf(2, new Keys(keys, key => key)));
        Assert.Equal(1, index.FirstOf(0, new Keys(keys, key => key)));
    }

    [Fact]
    public void Packed_guest_and_device_numbers_are_items_too()
    {
        // A guest's number in the high half: items far beyond any table's size.
        var keys = new Dictionary<long, int> { [(3L << 32) | 1] = 9, [(70_000L << 32) | 0] = 9, [(70_000L << 32) | 2] = 4 };
        var index = new FirstOccurrences(2);
        var byKey = new PackedKeys(keys);

        Assert.Equal((3L << 32) | 1, index.FirstOf((3L << 32) | 1, byKey));
        Assert.Equal((3L << 32) | 1, index.FirstOf(70_000L << 32, byKey));
        Assert.Equal((70_000L << 32) | 2, index.FirstOf((70_000L << 32) | 2, byKey));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.FirstOf(-1, byKey));
    }

    private readonly struct PackedKeys(Dictionary<long, int> keys) : FirstOccurrences.IItemKeys
    {
        public int Hash(long item) => keys[item];

        public bool Same(long x, long y) => keys[x] == keys[y];
    }
}
