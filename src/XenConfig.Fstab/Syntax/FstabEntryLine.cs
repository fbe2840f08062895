using System.Runtime.CompilerServices;
using System.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// An entry line: three to six fields, each with the blanks before it, then whatever libmount ignores after the last
/// field it reads (trailing blanks, a seventh field, a <c># note</c> after the pass number).
/// </summary>
/// <remarks>
/// A line read from a file keeps where its fields are in the file's text, and a field is a small view made each time
/// it is asked for: the line holds no field objects or strings, so a large file's tree is a line object per line and
/// what a reader takes from it dies young. An edit re-reads the line from the edited text.
/// </remarks>
public sealed class FstabEntryLine : FstabLine
{
    // The text the line was read from, where the line starts and ends, and the start and end of each field. Not
    // readonly: an edit re-reads the line and this object (which the model's entry views hold) takes the new reading.
    private string _source;
    private Encoding _encoding;
    private int _lineStart;
    private int _textEnd;
    private FieldBounds _bounds;
    private int _count;

    /// <summary>
    /// A line of <paramref name="source"/> from <paramref name="lineStart"/> to <paramref name="textEnd"/> (its line break
    /// not included) whose fields are at <paramref name="bounds"/>: start and end of each of the first
    /// <paramref name="count"/> fields.
    /// </summary>
    internal FstabEntryLine(string source, Encoding encoding, int lineStart, int textEnd, in FieldBounds bounds, int count,
        string lineBreak, int dump, int pass)
        : base(lineBreak)
    {
        _source = source;
        _encoding = encoding;
        _lineStart = lineStart;
        _textEnd = textEnd;
        _bounds = bounds;
        _count = count;
        DumpNumber = dump;
        PassNumber = pass;
    }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Entry;

    /// <inheritdoc />
    public override string Text => _source.Substring(_lineStart, _textEnd - _lineStart);

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

        return FstabField.ReadValue(kind, _source.AsSpan(_bounds[2 * index], _bounds[(2 * index) + 1] - _bounds[2 * index]), _encoding);
    }

    /// <summary>Text after the last field libmount reads: blanks and ignored extra fields, kept as written.</summary>
    public string TrailingText => FstabStrings.Blanks(_source, _bounds[(2 * _count) - 1], _textEnd);

    /// <summary>The dump number libmount reads (C <c>strtol</c>, stored in an int); 0 when the field is absent.</summary>
    public int DumpNumber { get; private set; }

    /// <summary>The pass number libmount reads (C <c>strtol</c>, stored in an int); 0 when the field is absent.</summary>
    public int PassNumber { get; private set; }

    // An edit read the line again: this object (which the model's entry views hold) takes the new line's content.
    internal void Adopt(FstabEntryLine now)
    {
        if (ReferenceEquals(now, this))
        {
            return;
        }

        _source = now._source;
        _encoding = now._encoding;
        _lineStart = now._lineStart;
        _textEnd = now._textEnd;
        _bounds = now._bounds;
        _count = now._count;
        LineBreak = now.LineBreak;
        DumpNumber = now.DumpNumber;
        PassNumber = now.PassNumber;
    }

    private FstabField Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        return new FstabField((FstabFieldKind)index, _source, index == 0 ? _lineStart : _bounds[(2 * index) - 1],
            _bounds[2 * index], _bounds[(2 * index) + 1], _encoding);
    }
}

/// <summary>Start and end offsets of up to six fields, in the line object itself (no array per line).</summary>
[InlineArray(12)]
internal struct FieldBounds
{
    private int _first;
}
