using System.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// One field of an entry line: the blanks before it (trivia) and its raw text as written. The decoded value is computed
/// on demand, exactly as libmount decodes it.
/// </summary>
public sealed class FstabField
{
    private readonly Encoding _encoding;

    internal FstabField(FstabFieldKind kind, string leadingTrivia, string rawText, Encoding encoding)
    {
        Kind = kind;
        LeadingTrivia = leadingTrivia;
        RawText = rawText;
        _encoding = encoding;
    }

    /// <summary>Which of the six fields this is.</summary>
    public FstabFieldKind Kind { get; }

    /// <summary>The spaces and tabs before the field (for the source field: the indentation of the line).</summary>
    public string LeadingTrivia { get; }

    /// <summary>The field exactly as written, escapes included.</summary>
    public string RawText { get; }

    /// <summary>True for the dump and pass fields, which libmount reads as numbers without decoding escapes.</summary>
    public bool IsNumeric => Kind is FstabFieldKind.Dump or FstabFieldKind.Pass;

    /// <summary>
    /// The value libmount reads: octal escapes <c>\NNN</c> decoded and the text cut at a decoded NUL (C string
    /// semantics). Numeric fields are not decoded. Bytes that are not valid in the file's encoding read as U+FFFD; use
    /// <see cref="GetValueBytes"/> for the exact bytes.
    /// </summary>
    public string Value => IsNumeric || !RawText.Contains('\\', StringComparison.Ordinal) ? RawText : FstabEscaping.ToText(GetValueBytes(), _encoding);

    /// <summary>The exact bytes of <see cref="Value"/> in the file's encoding.</summary>
    public byte[] GetValueBytes() => IsNumeric ? _encoding.GetBytes(RawText) : FstabEscaping.Decode(RawText, _encoding);

    /// <summary>The field with its trivia, as written.</summary>
    public override string ToString() => LeadingTrivia + RawText;

    internal Encoding Encoding => _encoding;
}
