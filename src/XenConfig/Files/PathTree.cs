using System.Runtime.InteropServices;
using System.Text;

namespace XenConfig.Files;

/// <summary>
/// The paths a walk met, kept as a tree of names: a path is its parent's path and one name joined with
/// <see cref="Path.Combine(string, string)"/>, exactly as the walk joined them, so it reads back as the same string. The
/// walk keeps every folder and domain config it met until it ends (to know them if a link or mount reaches them again)
/// and needs their paths only for that message: here a guest's folder and config cost two entries of 12 bytes and their
/// names' bytes (Latin-1 when every character fits, else UTF-16), instead of a string of the whole path.
/// </summary>
internal sealed class PathTree
{
    private const int Root = -1;

    // Per entry: its parent (Root for a path kept whole), where its name's bytes start, and their count (negative for UTF-16).
    private int[] _parents = new int[64];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private byte[] _names = new byte[1024];
    private int _used;

    /// <summary>How many paths the tree holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a path kept whole (a path the walk was given, or met through a link); returns its number.</summary>
    public int AddRoot(string path) => Add(Root, path);

    /// <summary>Adds the path <c>Path.Combine(Text(parent), name)</c>; returns its number.</summary>
    /// <param name="parent">A number <see cref="AddRoot"/> or <see cref="Add"/> returned.</param>
    /// <param name="name">One name: no separator (else the path would not read back as the walk spelled it).</param>
    public int Add(int parent, ReadOnlySpan<char> name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parent, Root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parent, Count);
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
        if (Count == _parents.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _parents, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
        }

        if (_names.Length - _used < byteCount)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, _used + byteCount));
        }

        if (isWide)
        {
            MemoryMarshal.AsBytes(name).CopyTo(_names.AsSpan(_used));
        }
        else
        {
            Encoding.Latin1.GetBytes(name, _names.AsSpan(_used));
        }

        _parents[Count] = parent;
        _starts[Count] = _used;
        _lengths[Count] = isWide ? -byteCount : byteCount;
        _used += byteCount;
        return Count++;
    }

    /// <summary>The path of entry <paramref name="path"/>, as the walk spelled it.</summary>
    public string Text(int path)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(path, Count);
        return _parents[path] == Root ? Name(path) : Path.Combine(Text(_parents[path]), Name(path));
    }

    private string Name(int path)
    {
        var length = _lengths[path];
        var bytes = _names.AsSpan(_starts[path], Math.Abs(length));
        return length < 0 ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.Latin1.GetString(bytes);
    }
}
