using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace XenConfig.Cli;

/// <summary>
/// Native Linux builds only: the 2 MB at the start of the garbage collector's first allocation region become one
/// transparent huge page before the command runs, instead of a page fault for each 4 KB page the first allocations
/// write. (Native/prefault.c does the same for the runtime's own data, before the runtime starts.)
/// </summary>
/// <remarks>
/// <para>A one-guest <c>validate</c> allocates about 450 KB: 114 of its 330 page faults were the first writes to fresh GC
/// memory, and a page fault costs 10-15 us on the virtualised hosts measured. The GC commits a region piecemeal
/// (<c>mprotect</c>, then <c>madvise(MADV_DODUMP)</c>) and relies only on freshly committed memory being zero, which a
/// populated page nobody wrote is; so the block is committed here the same way, advised for huge pages and collapsed
/// into one (<c>MADV_COLLAPSE</c>, Linux 6.1+, which keeps the pages already written). Everything is advice: on a kernel
/// without it the calls fail and the GC's pages fault in one by one as before.</para>
/// <para>Only a block that shows the GC region's signature in <c>/proc/self/maps</c> is touched: the allocation lies in
/// private anonymous read-write memory that begins at the 2 MB boundary, and the rest of the block is the reservation
/// after it (private anonymous, inaccessible). Anything else (another allocator's mapping, a file, a gap) leaves it alone.</para>
/// </remarks>
internal static partial class GcHeapPrefault
{
    internal const ulong BlockSize = 2 * 1024 * 1024;

    private const int ProtReadWrite = 0x1 | 0x2;
    private const int MadvHugePage = 14;
    private const int MadvDoDump = 17;
    private const int MadvCollapse = 25;

    /// <summary>Prefaults the block of the current allocation region when the process is the native Linux build.</summary>
    public static void Run()
    {
        // The JIT-compiled tool (dotnet tool) starts differently and is not what this was measured on.
        if (!OperatingSystem.IsLinux() || RuntimeFeature.IsDynamicCodeSupported || AppContext.TryGetSwitch("XenConfig.Cli.GcHeapPrefault.Disable", out var disabled) && disabled)
        {
            return;
        }

        var probe = new object();
        var address = (ulong)Unsafe.As<object, nint>(ref probe);
        GC.KeepAlive(probe);
        Span<byte> maps = stackalloc byte[16384];
        var length = ReadMaps(maps);
        if (length > 0 && FindBlock(maps[..length], address) is { } block)
        {
            var start = (nint)block;
            if (Mprotect(start, (nint)BlockSize, ProtReadWrite) == 0)
            {
                _ = Madvise(start, (nint)BlockSize, MadvDoDump);
                _ = Madvise(start, (nint)BlockSize, MadvHugePage);
                _ = Madvise(start, (nint)BlockSize, MadvCollapse);
            }
        }
    }

    /// <summary>
    /// The 2 MB block holding <paramref name="address"/> when <paramref name="maps"/> (the text of /proc/self/maps)
    /// shows it as the start of a GC region: the mapping holding the address is private anonymous read-write memory
    /// beginning at the block's start and ending inside it, and the next mapping, adjacent, is private anonymous
    /// inaccessible memory reaching at least to the block's end. Otherwise null.
    /// </summary>
    internal static ulong? FindBlock(ReadOnlySpan<byte> maps, ulong address)
    {
        var block = address & ~(BlockSize - 1);
        ulong? committedEnd = null;
        while (!maps.IsEmpty)
        {
            var newline = maps.IndexOf((byte)'\n');
            var line = newline < 0 ? maps : maps[..newline];
            maps = newline < 0 ? [] : maps[(newline + 1)..];
            if (!TryParse(line, out var start, out var end, out var permissions, out var anonymous))
            {
                return null;
            }

            if (committedEnd is null)
            {
                if (start <= address && address < end)
                {
                    if (start != block || end >= block + BlockSize || !anonymous || !permissions.SequenceEqual("rw-p"u8))
                    {
                        return null;
                    }

                    committedEnd = end;
                }

                continue;
            }

            return start == committedEnd && end >= block + BlockSize && anonymous && permissions.SequenceEqual("---p"u8) ? block : null;
        }

        return null;
    }

    // "start-end perms offset dev inode [path]": anonymous when the inode is 0 and there is no path.
    private static bool TryParse(ReadOnlySpan<byte> line, out ulong start, out ulong end, out ReadOnlySpan<byte> permissions, out bool anonymous)
    {
        start = end = 0;
        permissions = default;
        anonymous = false;
        Span<Range> words = stackalloc Range[6];
        var nonEmpty = 0;
        var position = 0;
        while (position < line.Length && nonEmpty < words.Length)
        {
            var space = line[position..].IndexOf((byte)' ');
            var wordEnd = space < 0 ? line.Length : position + space;
            if (wordEnd > position)
            {
                words[nonEmpty++] = new Range(position, wordEnd);
            }

            position = wordEnd + 1;
        }

        if (nonEmpty < 5)
        {
            return false;
        }

        var range = line[words[0]];
        var dash = range.IndexOf((byte)'-');
        if (dash < 0 || !TryHex(range[..dash], out start) || !TryHex(range[(dash + 1)..], out end))
        {
            return false;
        }

        permissions = line[words[1]];
        anonymous = line[words[4]].SequenceEqual("0"u8) && nonEmpty == 5;
        return true;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 16)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)digit;
        }

        return true;
    }

    // The whole file or nothing: a truncated listing could miss the mapping after the block.
    private static int ReadMaps(Span<byte> buffer)
    {
        var fd = Open("/proc/self/maps", 0);
        if (fd < 0)
        {
            return 0;
        }

        var length = 0;
        while (true)
        {
            var read = (int)Read(fd, ref MemoryMarshal.GetReference(buffer[length..]), buffer.Length - length);
            if (read <= 0)
            {
                _ = Close(fd);
                return read == 0 && length < buffer.Length ? length : 0;
            }

            length += read;
            if (length == buffer.Length)
            {
                _ = Close(fd);
                return 0;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, ref byte buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Mprotect(nint address, nint length, int protection);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nint length, int advice);
}
