using XenConfig.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// One logical line of a menu.lst with every byte it covers: its physical lines, their line breaks, blanks and
/// carriage returns. <see cref="Content"/> is what GRUB 0.97 makes of it (carriage returns dropped, tabs turned into
/// spaces, leading blanks skipped, backslash-newline joined into one space).
/// </summary>
/// <remarks>
/// The document keeps its lines packed in a table; this object is made the first time a line is asked for (a parse
/// makes none), and asking again gives the same object. Its strings are made each time they are asked for.
/// </remarks>
public sealed class GrubLine
{
    private readonly GrubLineTable _table;
    private readonly int _index;

    internal GrubLine(GrubLineTable table, int index)
    {
        _table = table;
        _index = index;
    }

    /// <summary>Blank, comment or command.</summary>
    public GrubLineKind Kind => _table.Kind(_index);

    /// <summary>Every character the line owns, its line break(s) included.</summary>
    public TextSpan Span => _table.Span(_index);

    /// <summary>The characters of <see cref="Span"/>, exactly as in the file.</summary>
    public string Text => _table.Text(_index);

    /// <summary>The logical line GRUB builds from the bytes (empty for blank lines and comments).</summary>
    public string Content => _table.Content(_index);

    /// <summary>The command word (<c>kernel</c>, <c>title</c>, ...), exactly as written; empty unless a command.</summary>
    public string Name => _table.Name(_index);

    /// <summary>The argument GRUB passes to the command: the text after the word and its run of blanks and <c>=</c>.</summary>
    public string Argument => _table.Argument(_index);

    /// <summary>True when the line was longer than GRUB's 1500-character buffer and GRUB dropped the rest.</summary>
    public bool IsTruncated => _table.IsTruncated(_index);

    /// <summary>True for a comment whose last character is a backslash: GRUB continues the comment onto the next line.</summary>
    public bool SwallowsLine => _table.SwallowsLine(_index);

    /// <summary>True when a backslash-newline joined two or more physical lines into this one.</summary>
    public bool IsContinued => _table.IsContinued(_index);

    /// <summary>Where the command word is in the file (empty span at the line start unless a command).</summary>
    public TextSpan NameSpan => _table.MapRange(_index, 0, _table.NameLength(_index));

    /// <summary>Where the argument is in the file (an empty span at the end of the content when there is none).</summary>
    public TextSpan ArgumentSpan => _table.MapRange(_index, _table.ArgumentStart(_index), _table.ContentLength(_index));

    internal int ArgumentStart => _table.ArgumentStart(_index);

    /// <summary>Where GRUB accepts the command (<see cref="GrubCommandFlags.None"/> for a name it does not know, and for blank and comment lines).</summary>
    internal GrubCommandFlags CommandFlags => _table.CommandFlags(_index);

    /// <summary>The characters of <see cref="Argument"/> without making a string (see <see cref="GrubLineTable.ArgumentChars"/>).</summary>
    internal GrubChars ArgumentChars => _table.ArgumentChars(_index);

    /// <summary>The source span that holds the logical characters <c>[start, end)</c>.</summary>
    internal TextSpan MapRange(int start, int end) => _table.MapRange(_index, start, end);

    /// <inheritdoc />
    public override string ToString() => Text;
}
