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
    // Bits of _shape: the number of fields (3 bits), whether the text goes on after a NUL to the end of the text (the
    // last line of a file, which libmount reads up to the NUL), whether the line may hold an escape (a backslash; without
    // one a value is its raw text), the line break (2 bits, an index into LineBreaks), and where the source, target,
    // type and options fields start, 14 bits each, counted from the line's start (all four "not kept" when one does not
    // fit: such a line is scanned again up to the field asked for).
    private const int CountBits = 3;
    private const ulong CountMask = (1UL << CountBits) - 1;
    private const ulong NulTail = 1UL << CountBits;
    private const ulong Escaped = NulTail << 1;
    private const int BreakShift = CountBits + 2;
    private const ulong BreakMask = 3UL << BreakShift;
    private const int StartsShift = BreakShift + 2;
    private const int StartBits = 14;
    private const ulong StartMask = (1UL << StartBits) - 1;
    private const ulong NoStarts = StartMask;

    // The line breaks a line can end with (see FstabLine.LineBreak).
    private static readonly string[] LineBreaks = ["\n", "\r\n", string.Empty, "\r"];

    // The text the line was read from, where the line starts, where libmount stops reading fields (the line's end, or a
    // NUL or a dropped carriage return of a last line) and the shape above. The field starts cost no memory: they share
    // a word with the count and the line break, so a line of a large file is a 40-byte object, and reading a value is a scan of that field
    // only. Not readonly: an edit re-reads the line and this object (which the model's entry views hold) takes the new
    // reading.
    private SourceText _text;
    private int _lineStart;
    private int _contentEnd;
    private ulong _shape;

    /// <summary>
    /// A line of <paramref name="text"/> from <paramref name="lineStart"/> (its line break not included) with
    /// <paramref name="count"/> fields before <paramref name="contentEnd"/>, the first four starting at
    /// <paramref name="starts"/>; the text goes on after <paramref name="contentEnd"/> to the end of the text when
    /// <paramref name="nulTail"/> (a last line with a NUL), otherwise the line ends there. A line that is not
    /// <paramref name="escaped"/> has no backslash before <paramref name="contentEnd"/>.
    /// </summary>
    internal FstabEntryLine(SourceText text, int lineStart, int contentEnd, bool nulTail, bool escaped, int count, ReadOnlySpan<int> starts,
        string lineBreak)
    {
        _text = text;
        _lineStart = lineStart;
        _contentEnd = contentEnd;
        _shape = (uint)count | (nulTail ? NulTail : 0) | (escaped ? Escaped : 0) | ((ulong)BreakIndex(lineBreak) << BreakShift)
            | (PackStarts(lineStart, starts[..Math.Min(count, 4)]) << StartsShift);
    }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Entry;

    /// <inheritdoc />
    public override string Text => CodeUnits.Substring(_text, _lineStart, TextEnd - _lineStart);

    /// <summary>The fields present, in order: always source, target and type; then options, dump and pass if written.</summary>
    public IReadOnlyList<FstabField> Fields
    {
        get
        {
            var fields = new FstabField[Count];
            for (var i = 0; i < Count; i++)
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
    public FstabField? Options => Count > 3 ? Field(3) : null;

    /// <summary>Field 5, or null when absent.</summary>
    public FstabField? Dump => Count > 4 ? Field(4) : null;

    /// <summary>Field 6, or null when absent.</summary>
    public FstabField? Pass => Count > 5 ? Field(5) : null;

    /// <summary>
    /// The value libmount reads from the field <paramref name="kind"/>, the same string as that field's
    /// <see cref="FstabField.Value"/>, without making a field object; null when the line does not have that field. Reading
    /// every entry of a large file this way allocates only the value strings (short ones are shared).
    /// </summary>
    /// <param name="kind">Which field.</param>
    public string? GetValue(FstabFieldKind kind)
    {
        var index = (int)kind;
        if ((uint)index >= (uint)Count)
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
            var end = Bounds(Count - 1).End;
            return FstabStrings.Blanks(_text, end, TextEnd);
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
        _shape = now._shape;
    }

    /// <inheritdoc />
    private protected override string LineBreakText => LineBreaks[(int)((_shape & BreakMask) >> BreakShift)];

    private int Count => (int)(_shape & CountMask);

    // The index of a line break in LineBreaks.
    private static int BreakIndex(string lineBreak) => lineBreak.Length switch
    {
        0 => 2,
        1 => lineBreak[0] == '\n' ? 0 : 3,
        _ => 1,
    };

    // The end of the line's text: the end of the whole text for a last line with a NUL (see the parser), else where
    // libmount stops reading.
    private int TextEnd => (_shape & NulTail) != 0 ? _text.Length : _contentEnd;

    private static ulong PackStarts(int lineStart, ReadOnlySpan<int> starts)
    {
        ulong packed = 0;
        for (var k = 0; k < starts.Length; k++)
        {
            var offset = (uint)(starts[k] - lineStart);
            if (offset >= NoStarts)
            {
                return NoStarts;
            }

            packed |= (ulong)offset << (k * StartBits);
        }

        return packed;
    }

    private string ReadValue<TChar>(ReadOnlySpan<TChar> text, FstabFieldKind kind)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var (_, start, end) = Bounds(text, (int)kind);
        return (_shape & Escaped) == 0 ? FstabStrings.Get(text[start..end]) : FstabField.ReadValue(kind, text[start..end], _text.Encoding);
    }

    private int Number(FstabFieldKind kind)
    {
        var index = (int)kind;
        if (index >= Count)
        {
            return 0;
        }

        var start = Bounds(index).Start;
        return _text.TryGetAscii(out var bytes)
            ? FstabParser.StrToL(bytes.Span, start, _contentEnd).Value
            : FstabParser.StrToL(_text.Content.AsSpan(), start, _contentEnd).Value;
    }

    private (int TriviaStart, int Start, int End) Bounds(int index) =>
        _text.TryGetAscii(out var bytes) ? Bounds(bytes.Span, index) : Bounds(_text.Content.AsSpan(), index);

    /// <summary>
    /// Where field <paramref name="index"/> is: the end of the field before it (the start of its blanks), its start and its
    /// end. The first four fields start where the parser found them; a field ends at the blanks before the next one, and
    /// the last one kept (or a field of a line whose starts did not fit) is scanned.
    /// </summary>
    private (int TriviaStart, int Start, int End) Bounds<TChar>(ReadOnlySpan<TChar> text, int index)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var starts = (_shape >> StartsShift) & ((1UL << (4 * StartBits)) - 1);
        if (index >= 4 || starts == NoStarts)
        {
            return FstabParser.FieldAt(text, _lineStart, _contentEnd, index);
        }

        var start = _lineStart + StartAt(starts, index);
        var triviaStart = index == 0 ? _lineStart : BlanksBefore(text, start);
        var end = index + 1 < Math.Min(Count, 4)
            ? BlanksBefore(text, _lineStart + StartAt(starts, index + 1))
            : FstabParser.SkipField(text, start, _contentEnd);
        return (triviaStart, start, end);
    }

    private static int StartAt(ulong starts, int index) => (int)((starts >> (index * StartBits)) & StartMask);

    // Where the blanks before position start: fields are separated by spaces and tabs only.
    private static int BlanksBefore<TChar>(ReadOnlySpan<TChar> text, int position)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        while (CodeUnits.At(text, position - 1) is ' ' or '\t')
        {
            position--;
        }

        return position;
    }

    private FstabField Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var (triviaStart, start, end) = Bounds(index);
        return new FstabField((FstabFieldKind)index, _text.Content, triviaStart, start, end, _text.Encoding);
    }
}
