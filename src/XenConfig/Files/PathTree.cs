using System.Runtime.InteropServices;
using System.Text;

namespace XenConfig.Files;

/// <summary>
/// The folders and domain configs a walk met, each found by its identity (device and inode) and named by its path as
/// the walk spelled it. The walk keeps every one until it ends, to know one that a link or mount reaches again, and
/// reads a path back only for that message; so a path is kept as a tree of names (its parent's path and one name joined
/// with <see cref="Path.Combine(string, string)"/>, exactly as the walk joined them), and everything lives in a few
/// chunked arrays: 24 bytes an entry (parent, name, identity), its name's bytes (Latin-1 when every character fits,
/// else UTF-16) and one slot of an index by identity, about 80 bytes for a guest's folder and config. A dictionary by
/// identity beside a tree of paths took 44 bytes an entry in the dictionary alone, and its arrays grew by copying,
/// leaving the old ones to the collector.
/// </summary>
/// <remarks>
/// Entries and names are kept in chunks below the large object heap's threshold, so a growing tree never copies
/// them: only the first chunk grows (from a small size, since most walks are a few folders), and the index (4 bytes a
/// slot, at most three quarters full) is the one array that is copied as it grows. Identities known only by their
/// resolved path (where the system tells no device and inode) are looked up in a dictionary of their own.
/// </remarks>
internal sealed class PathTree
{
    private const int Root = -1;

    // 2,048 entries of 24 bytes and 65,536 bytes of names: each chunk stays below the 85,000 bytes from which an array
    // goes to the large object heap, which is collected only with the oldest generation.
    private const int EntryChunkBits = 11;
    private const int EntryChunkSize = 1 << EntryChunkBits;
    private const int NameChunkBits = 16;
    private const int NameChunkBytes = 1 << NameChunkBits;
    private const int MaxNameChunks = int.MaxValue >> NameChunkBits;
    private const uint FolderBit = 1u << 31;

    private readonly List<Entry[]> _entries = [new Entry[64]];
    private readonly List<byte[]> _names = [new byte[1024]];
    private readonly List<ulong> _devices = [];
    private int _nameUsed;

    // The number of each entry known by device and inode, plus one (0: free), at the slot its identity hashes to or
    // after it (linear probing).
    private int[] _index = new int[64];
    private int _indexed;
    private Dictionary<(string ResolvedPath, bool IsFolder), int>? _byPath;

    /// <summary>How many paths the tree holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a path kept whole (a path the walk was given, or met through a link); returns its number.</summary>
    /// <param name="path">The path as the walk spelled it.</param>
    /// <param name="identity">The folder or file it reaches: not in the tree yet (as a folder, or as a file).</param>
    /// <param name="isFolder">Whether it is a folder; a folder and a file are never found for each other.</param>
    public int AddRoot(string path, FileIdentity identity, bool isFolder) => Add(Root, path, identity, isFolder);

    /// <summary>Adds the path <c>Path.Combine(Text(parent), name)</c>; returns its number.</summary>
    /// <param name="parent">A number <see cref="AddRoot"/> or <see cref="Add"/> returned.</param>
    /// <param name="name">One name: no separator (else the path would not read back as the walk spelled it).</param>
    /// <param name="identity">The folder or file it reaches: not in the tree yet (as a folder, or as a file).</param>
    /// <param name="isFolder">Whether it is a folder; a folder and a file are never found for each other.</param>
    public int Add(int parent, ReadOnlySpan<char> name, FileIdentity identity, bool isFolder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parent, Root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parent, Count);
        System.Diagnostics.Debug.Assert(!TryFind(identity, isFolder, out _), "each identity is added once");
        var number = Count;
        ref var entry = ref NewEntry(number);
        entry.Parent = parent;
        (entry.Name, entry.Length) = AddName(name);
        if (identity.ResolvedPath is { } resolved)
        {
            (_byPath ??= []).Add((resolved, isFolder), number);
            entry.Device = isFolder ? FolderBit : 0;
        }
        else
        {
            entry.Device = DeviceNumber(identity.Device, add: true) | (isFolder ? FolderBit : 0);
            entry.Inode = identity.Inode;
            Index(number, entry.Inode, entry.Device);
        }

        Count++;
        return number;
    }

    /// <summary>Finds the path added with <paramref name="identity"/> as a folder (or as a file); false when there is none.</summary>
    public bool TryFind(FileIdentity identity, bool isFolder, out int path)
    {
        if (identity.ResolvedPath is { } resolved)
        {
            path = -1;
            return _byPath is not null && _byPath.TryGetValue((resolved, isFolder), out path);
        }

        var device = DeviceNumber(identity.Device, add: false);
        if (device != 0)
        {
            device |= isFolder ? FolderBit : 0;
            var mask = _index.Length - 1;
            for (var slot = Hash(identity.Inode, device) & mask; _index[slot] != 0; slot = (slot + 1) & mask)
            {
                ref var entry = ref EntryAt(_index[slot] - 1);
                if (entry.Inode == identity.Inode && entry.Device == device)
                {
                    path = _index[slot] - 1;
                    return true;
                }
            }
        }

        path = -1;
        return false;
    }

    /// <summary>The path of entry <paramref name="path"/>, as the walk spelled it.</summary>
    public string Text(int path)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(path, Count);
        var parent = EntryAt(path).Parent;
        return parent == Root ? Name(path) : Path.Combine(Text(parent), Name(path));
    }

    private string Name(int path)
    {
        ref var entry = ref EntryAt(path);
        var bytes = _names[entry.Name >>> NameChunkBits].AsSpan(entry.Name & (NameChunkBytes - 1), Math.Abs(entry.Length));
        return entry.Length < 0 ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.Latin1.GetString(bytes);
    }

    private ref Entry EntryAt(int number) => ref _entries[number >> EntryChunkBits][number & (EntryChunkSize - 1)];

    private ref Entry NewEntry(int number)
    {
        var chunk = number >> EntryChunkBits;
        if (chunk == _entries.Count)
        {
            _entries.Add(new Entry[EntryChunkSize]);
        }
        else if (chunk == 0 && number == _entries[0].Length)
        {
            // Only the first chunk starts small and grows: a walk of a few folders needs no 48 KB.
            var first = _entries[0];
            Array.Resize(ref first, first.Length * 2);
            _entries[0] = first;
        }

        return ref EntryAt(number);
    }

    // Where the name's bytes went (chunk and offset in one number) and their count, negative for UTF-16.
    private (int Name, int Length) AddName(ReadOnlySpan<char> name)
    {
        var isWide = false;
        foreach (var character in name)
        {
            if (character > '\u00FF')
            {
                isWide = true;
                break;
            }
        }

        var byteCount = isWide ? name.Length * sizeof(char) : name.Length;
        var chunk = _names.Count - 1;
        if (_names[chunk].Length - _nameUsed < byteCount)
        {
            if (_names[chunk].Length < NameChunkBytes && _nameUsed + byteCount <= NameChunkBytes)
            {
                // The first chunk grows up to a whole chunk, as the first chunk of entries does.
                var first = _names[chunk];
                Array.Resize(ref first, Math.Max(first.Length * 2, _nameUsed + byteCount));
                _names[chunk] = first;
            }
            else
            {
                // A name longer than a chunk (a root path can be) has a chunk of its own, read from its start.
                if (_names.Count == MaxNameChunks)
                {
                    throw new InvalidOperationException("The walk met more paths than it can keep.");
                }

                _names.Add(new byte[Math.Max(NameChunkBytes, byteCount)]);
                _nameUsed = 0;
                chunk++;
            }
        }

        var bytes = _names[chunk].AsSpan(_nameUsed, byteCount);
        if (isWide)
        {
            MemoryMarshal.AsBytes(name).CopyTo(bytes);
        }
        else
        {
            Encoding.Latin1.GetBytes(name, bytes);
        }

        var at = (chunk << NameChunkBits) | _nameUsed;
        _nameUsed += byteCount;
        return (at, isWide ? -byteCount : byteCount);
    }

    // The device's number in the table, plus one (0: not in it); the table holds the few devices of one walk.
    private uint DeviceNumber(ulong device, bool add)
    {
        var index = _devices.IndexOf(device);
        if (index < 0 && add)
        {
            _devices.Add(device);
            index = _devices.Count - 1;
        }

        return (uint)(index + 1);
    }

    private void Index(int number, ulong inode, uint device)
    {
        if ((_indexed + 1) * 4 > _index.Length * 3)
        {
            var old = _index;
            _index = new int[old.Length * 2];
            foreach (var kept in old)
            {
                if (kept != 0)
                {
                    ref var entry = ref EntryAt(kept - 1);
                    Place(kept, entry.Inode, entry.Device);
                }
            }
        }

        Place(number + 1, inode, device);
        _indexed++;
    }

    private void Place(int value, ulong inode, uint device)
    {
        var mask = _index.Length - 1;
        var slot = Hash(inode, device) & mask;
        while (_index[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _index[slot] = value;
    }

    // Inodes of one folder tree are often consecutive: multiplying spreads them over the high bits, which are kept.
    private static int Hash(ulong inode, uint device) => (int)(((inode + (device * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL) >> 33);

    /// <summary>One path: its parent (Root for a path kept whole), its name, and the identity it was added with.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public ulong Inode;
        public int Parent;
        public int Name;
        public int Length;

        // The device's number in the table plus one (0 for an identity by resolved path), and FolderBit for a folder.
        public uint Device;
    }
}
