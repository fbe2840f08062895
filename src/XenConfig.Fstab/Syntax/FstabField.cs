using System.Numerics;
using System.Text;
using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// One field of an entry line: the blanks before it (trivia) and its raw text as written. The decoded value is computed
/// on demand, exactly as libmount decodes it.
/// </summary>
/// <remarks>
/// A field read from a file is a view of the file's text (a start and an end); its strings are made when first asked
/// for, and short ones are shared (<see cref="FstabStrings"/>), so reading a large file does not copy every field.
/// </remarks>
public sealed class FstabField
{
    private readonly Encoding _encoding;
    private readonly string _source;
    private readonly int _triviaStart;
    private readonly int _start;
    private readonly int _end;
    private string? _leadingTrivia;
    private string? _rawText;

    /// <summary>A field that is the characters <c>[start, end)</c> of <paramref name="source"/>, after the blanks from <paramref name="triviaStart"/>.</summary>
    internal FstabField(FstabFieldKind kind, string source, int triviaStart, int start, int end, Encoding encoding)
    {
        Kind = kind;
        _source = source;
        _triviaStart = triviaStart;
        _start = start;
        _end = end;
        _encoding = encoding;
    }

    /// <summary>Which of the six fields this is.</summary>
    public FstabFieldKind Kind { get; }

    /// <summary>The spaces and tabs before the field (for the source field: the indentation of the line).</summary>
    public string LeadingTrivia => _leadingTrivia ??= FstabStrings.Blanks(_source, _triviaStart, _start);

    /// <summary>The field exactly as written, escapes included.</summary>
    public string RawText => _rawText ??= FstabStrings.Get(_source.AsSpan(_start, _end - _start));

    /// <summary>True for the dump and pass fields, which libmount reads as numbers without decoding escapes.</summary>
    public bool IsNumeric => Kind is FstabFieldKind.Dump or FstabFieldKind.Pass;

    /// <summary>
    /// The value libmount reads: octal escapes <c>\NNN</c> decoded and the text cut at a decoded NUL (C string
    /// semantics). Numeric fields are not decoded. Bytes that are not valid in the file's encoding read as U+FFFD; use
    /// <see cref="GetValueBytes"/> for the exact bytes.
    /// </summary>
    public string Value => IsNumeric || !RawSpan.Contains('\\') ? RawText : FstabEscaping.DecodeToText(RawSpan, _encoding);

    /// <summary>The exact bytes of <see cref="Value"/> in the file's encoding.</summary>
    public byte[] GetValueBytes() => IsNumeric ? _encoding.GetBytes(RawText) : FstabEscaping.Decode(RawText, _encoding);

    /// <summary>The field with its trivia, as written.</summary>
    public override string ToString() => _source.Substring(_triviaStart, _end - _triviaStart);

    internal Encoding Encoding => _encoding;

    /// <summary>
    /// The value of a field whose raw text is <paramref name="raw"/>, as <see cref="Value"/> reads it (for a line that
    /// reads a value without making a field).
    /// </summary>
    internal static string ReadValue<TChar>(FstabFieldKind kind, ReadOnlySpan<TChar> raw, Encoding encoding)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (kind is FstabFieldKind.Dump or FstabFieldKind.Pass || !raw.Contains(CodeUnits.Of<TChar>('\\')))
        {
            return FstabStrings.Get(raw);
        }

        return FstabEscaping.DecodeToText(raw, encoding);
    }

    /// <summary>The raw text without making a string of it.</summary>
    internal ReadOnlySpan<char> RawSpan => _source.AsSpan(_start, _end - _start);
}
