using System.Numerics;
using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// An entry line: three to six fields, each with the blanks before it, then whatever libmount ignores after the last
/// field it reads (trailing blanks, a seventh field, a <c># note</c> after the pass number).
/// </summary>
/// <remarks>
/// A line read from a file keeps where it is in the file's text (its bytes, for a file read as ASCII), and a field is a
/// small view made each time it is asked for: the line holds no field objects, strings or field offsets, so a large
/// file's tree is a small object per line and what a reader takes from it dies young. An edit re-reads the line from
/// the edited text.
/// </remarks>
public sealed class FstabEntryLine : FstabLine
{
    // The text the line was read from, where the line starts, where libmount stops reading fields (a NUL or a dropped
    // carriage return of a last line), where the text ends, and how many fields there are. Field offsets are not kept:
    // they are found again when asked for (FstabParser.FieldAt), so a line of a large file is a small object. Not
    // readonly: an edit re-reads the line and this object (which the model's entry views hold) takes the new reading.
    private SourceText _text;
    private int _lineStart;
    private int _contentEnd;
    private int _textEnd;
    private int _count;

    /// <summary>
    /// A line of <paramref name="text"/> from <paramref name="lineStart"/> to <paramref name="textEnd"/> (its line break
    /// not included) with <paramref name="count"/> fields before <paramref name="contentEnd"/>.
    /// </summary>
    internal FstabEntryLine(SourceText text, int lineStart, int contentEnd, int textEnd, int count, string lineBreak)
        : base(lineBreak)
    {
        _text = text;
        _lineStart = lineStart;
        _contentEnd = contentEnd;
        _textEnd = textEnd;
        _count = count;
    }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Entry;

    /// <inheritdoc />
    public override string Text => CodeUnits.Substring(_text, _lineStart, _textEnd - _lineStart);

    /// <summary>The fields present, in order: always source, target and type; then options, dump and pass if written.</summary>
    public IReadOnlyList<FstabField> Fields
    {
        get
        {
            var fields = new FstabField[_count];
            for (var i = 0; i < _count; i++)
            {
                fields[i] = Field(i);
            }

            return fields;
        }
    }

    /// <summary>Field 1.</summary>
    public FstabField Source => Field(0);

    /// <summary>Field 2.</summary>
    public FstabField Target => Field(1);

    /// <summary>Field 3.</summary>
    public FstabField FileSystemType => Field(2);

    /// <summary>Field 4, or null when the line has only three fields.</summary>
    public FstabField? Options => _count > 3 ? Field(3) : null;

    /// <summary>Field 5, or null when absent.</summary>
    public FstabField? Dump => _count > 4 ? Field(4) : null;

    /// <summary>Field 6, or null when absent.</summary>
    public FstabField? Pass => _count > 5 ? Field(5) : null;

    /// <summary>
    /// The value libmount reads from the field <paramref name="kind"/>, the same string as that field's
    /// <see cref="FstabField.Value"/>, without making a field object; null when the line does not have that field. Reading
    /// every entry of a large file this way allocates only the value strings (short ones are shared).
    /// </summary>
    /// <param name="kind">Which field.</param>
    public string? GetValue(FstabFieldKind kind)
    {
        var index = (int)kind;
        if ((uint)index >= (uint)_count)
        {
            return null;
        }

        return _text.TryGetAscii(out var bytes) ? ReadValue(bytes.Span, kind) : ReadValue(_text.Content.AsSpan(), kind);
    }

    /// <summary>Text after the last field libmount reads: blanks and ignored extra fields, kept as written.</summary>
    public string TrailingText
    {
        get
        {
            var end = Bounds(_count - 1).End;
            return FstabStrings.Blanks(_text, end, _textEnd);
        }
    }

    /// <summary>The dump number libmount reads (C <c>strtol</c>, stored in an int); 0 when the field is absent.</summary>
    public int DumpNumber => Number(FstabFieldKind.Dump);

    /// <summary>The pass number libmount reads (C <c>strtol</c>, stored in an int); 0 when the field is absent.</summary>
    public int PassNumber => Number(FstabFieldKind.Pass);

    // An edit read the line again: this object (which the model's entry views hold) takes the new line's content.
    internal void Adopt(FstabEntryLine now)
    {
        if (ReferenceEquals(now, this))
        {
            return;
        }

        _text = now._text;
        _lineStart = now._lineStart;
        _contentEnd = now._contentEnd;
        _textEnd = now._textEnd;
        _count = now._count;
        LineBreak = now.LineBreak;
    }

    private string ReadValue<TChar>(ReadOnlySpan<TChar> text, FstabFieldKind kind)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var (_, start, end) = FstabParser.FieldAt(text, _lineStart, _contentEnd, (int)kind);
        return FstabField.ReadValue(kind, text[start..end], _text.Encoding);
    }

    private int Number(FstabFieldKind kind)
    {
        var index = (int)kind;
        if (index >= _count)
        {
            return 0;
        }

        var start = Bounds(index).Start;
        return _text.TryGetAscii(out var bytes)
            ? FstabParser.StrToL(bytes.Span, start, _contentEnd).Value
            : FstabParser.StrToL(_text.Content.AsSpan(), start, _contentEnd).Value;
    }

    private (int TriviaStart, int Start, int End) Bounds(int index) =>
        _text.TryGetAscii(out var bytes)
            ? FstabParser.FieldAt(bytes.Span, _lineStart, _contentEnd, index)
            : FstabParser.FieldAt(_text.Content.AsSpan(), _lineStart, _contentEnd, index);

    private FstabField Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        var (triviaStart, start, end) = Bounds(index);
        return new FstabField((FstabFieldKind)index, _text.Content, triviaStart, start, end, _text.Encoding);
    }
}
