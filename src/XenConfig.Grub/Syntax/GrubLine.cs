using XenConfig.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// One logical line of a menu.lst with every byte it covers: its physical lines, their line breaks, blanks and
/// carriage returns. <see cref="Content"/> is what GRUB 0.97 makes of it (carriage returns dropped, tabs turned into
/// spaces, leading blanks skipped, backslash-newline joined into one space).
/// </summary>
public sealed class GrubLine
{
    private readonly int[] _map;

    internal GrubLine(GrubLineKind kind, string source, TextSpan span, string content, int[] map, bool truncated, bool swallowsNextLine)
    {
        Kind = kind;
        Span = span;
        Text = source.Substring(span.Start, span.Length);
        Content = content;
        _map = map;
        IsTruncated = truncated;
        SwallowsLine = swallowsNextLine;
        if (kind != GrubLineKind.Command)
        {
            Name = string.Empty;
            Argument = string.Empty;
            ArgumentStart = content.Length;
            return;
        }

        // find_command: the word ends at a space, a tab or '='; skip_to(1, ...): then a run of blanks and '='.
        var end = 0;
        while (end < content.Length && content[end] != ' ' && content[end] != '\t' && content[end] != '=')
        {
            end++;
        }

        Name = content[..end];
        var argument = end;
        while (argument < content.Length && (content[argument] == ' ' || content[argument] == '\t' || content[argument] == '='))
        {
            argument++;
        }

        ArgumentStart = argument;
        Argument = content[argument..];
    }

    /// <summary>Blank, comment or command.</summary>
    public GrubLineKind Kind { get; }

    /// <summary>Every character the line owns, its line break(s) included.</summary>
    public TextSpan Span { get; }

    /// <summary>The characters of <see cref="Span"/>, exactly as in the file.</summary>
    public string Text { get; }

    /// <summary>The logical line GRUB builds from the bytes (empty for blank lines and comments).</summary>
    public string Content { get; }

    /// <summary>The command word (<c>kernel</c>, <c>title</c>, ...), exactly as written; empty unless a command.</summary>
    public string Name { get; }

    /// <summary>The argument GRUB passes to the command: the text after the word and its run of blanks and <c>=</c>.</summary>
    public string Argument { get; }

    /// <summary>True when the line was longer than GRUB's 1500-character buffer and GRUB dropped the rest.</summary>
    public bool IsTruncated { get; }

    /// <summary>True for a comment whose last character is a backslash: GRUB continues the comment onto the next line.</summary>
    public bool SwallowsLine { get; }

    /// <summary>True when a backslash-newline joined two or more physical lines into this one.</summary>
    public bool IsContinued { get; internal set; }

    /// <summary>Where the command word is in the file (empty span at the line start unless a command).</summary>
    public TextSpan NameSpan => MapRange(0, Name.Length);

    /// <summary>Where the argument is in the file (an empty span at the end of the content when there is none).</summary>
    public TextSpan ArgumentSpan => MapRange(ArgumentStart, Content.Length);

    internal int ArgumentStart { get; }

    /// <summary>The source offset of a logical character.</summary>
    internal int SourceOffset(int logicalIndex) => _map[logicalIndex];

    /// <summary>The source span that holds the logical characters <c>[start, end)</c>.</summary>
    internal TextSpan MapRange(int start, int end)
    {
        if (start < end)
        {
            return TextSpan.FromBounds(_map[start], _map[end - 1] + 1);
        }

        if (start < _map.Length)
        {
            return new TextSpan(_map[start], 0);
        }

        // Empty range at the end: just after the last logical character, or the start of the line.
        return new TextSpan(_map.Length > 0 ? _map[^1] + 1 : Span.Start, 0);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
