using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using XenConfig.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// The characters of a menu as its readers see them: the file's bytes when it was read as ASCII (then
/// <see cref="SourceText.Content"/> is never decoded for a parse), else the decoded string. The lines of a document share
/// one.
/// </summary>
internal sealed class GrubSource
{
    // The characters, or the array that holds the bytes (from _offset on, _length of them): a slice is then made
    // without going through ReadOnlyMemory<byte>.Span, which the readers ask for once per value.
    private readonly string? _text;
    private readonly byte[] _bytes;
    private readonly int _offset;
    private readonly int _length;

    private GrubSource(string? text, ReadOnlyMemory<byte> bytes)
    {
        _text = text;
        if (text is not null)
        {
            _bytes = [];
            _length = text.Length;
        }
        else if (MemoryMarshal.TryGetArray(bytes, out var segment))
        {
            (_bytes, _offset, _length) = (segment.Array!, segment.Offset, segment.Count);
        }
        else
        {
            (_bytes, _offset, _length) = (bytes.ToArray(), 0, bytes.Length);
        }
    }

    /// <summary>The number of characters.</summary>
    public int Length => _length;

    /// <summary>All the characters.</summary>
    public GrubChars All => Slice(0, _length);

    /// <summary>The source of a text: its ASCII bytes when it has them, else its characters.</summary>
    public static GrubSource Of(SourceText text) =>
        text.TryGetAscii(out var bytes) ? new GrubSource(null, bytes) : new GrubSource(text.Content, default);

    /// <summary>The source of a string.</summary>
    public static GrubSource Of(string text) => new(text, default);

    /// <summary>The characters <c>[start, start + length)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GrubChars Slice(int start, int length)
    {
        if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        // Checked once above: the span is made without the checks its constructor would repeat (every argument and
        // word a reader asks for is a slice of the source).
        return _text is null
            ? new GrubChars(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bytes), _offset + start), length))
            : new GrubChars(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(_text.AsSpan()), start), length));
    }

    /// <summary>The characters <c>[start, start + length)</c> as a string.</summary>
    public string Substring(int start, int length) =>
        _text is null ? Encoding.Latin1.GetString(Slice(start, length).Bytes) : _text.Substring(start, length);
}
