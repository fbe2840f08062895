namespace XenConfig.Fstab.Syntax;

/// <summary>
/// An entry line: three to six fields, each with the blanks before it, then whatever libmount ignores after the last
/// field it reads (trailing blanks, a seventh field, a <c># note</c> after the pass number).
/// </summary>
public sealed class FstabEntryLine : FstabLine
{
    private readonly List<FstabField> _fields;

    internal FstabEntryLine(List<FstabField> fields, string trailingText, string lineBreak, int dump, int pass)
        : base(lineBreak)
    {
        _fields = fields;
        TrailingText = trailingText;
        DumpNumber = dump;
        PassNumber = pass;
    }

    /// <inheritdoc />
    public override FstabLineKind Kind => FstabLineKind.Entry;

    /// <inheritdoc />
    public override string Text => string.Concat(_fields.Select(f => f.ToString())) + TrailingText;

    /// <summary>The fields present, in order: always source, target and type; then options, dump and pass if written.</summary>
    public IReadOnlyList<FstabField> Fields => _fields;

    /// <summary>Field 1.</summary>
    public FstabField Source => _fields[0];

    /// <summary>Field 2.</summary>
    public FstabField Target => _fields[1];

    /// <summary>Field 3.</summary>
    public FstabField FileSystemType => _fields[2];

    /// <summary>Field 4, or null when the line has only three fields.</summary>
    public FstabField? Options => _fields.Count > 3 ? _fields[3] : null;

    /// <summary>Field 5, or null when absent.</summary>
    public FstabField? Dump => _fields.Count > 4 ? _fields[4] : null;

    /// <summary>Field 6, or null when absent.</summary>
    public FstabField? Pass => _fields.Count > 5 ? _fields[5] : null;

    /// <summary>Text after the last field libmount reads: blanks and ignored extra fields, kept as written.</summary>
    public string TrailingText { get; private set; }

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

        _fields.Clear();
        _fields.AddRange(now._fields);
        TrailingText = now.TrailingText;
        LineBreak = now.LineBreak;
        DumpNumber = now.DumpNumber;
        PassNumber = now.PassNumber;
    }
}
