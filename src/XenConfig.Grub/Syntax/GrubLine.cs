using XenConfig.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// One logical line of a menu.lst with every byte it covers: its physical lines, their line breaks, blanks and
/// carriage returns. <see cref="Content"/> is what GRUB 0.97 makes of it (carriage returns dropped, tabs turned into
/// spaces, leading blanks skipped, backslash-newline joined into one space).
/// </summary>
/// <remarks>
/// Most lines are one physical line whose content is a run of the source (only tabs read as spaces): such a line keeps
/// where that run is, and its strings are made each time they are asked for (a large menu's tree then holds no copy of
/// its text; command names are shared strings). A joined line keeps its content and a map from each content character
/// to its offset in the source.
/// </remarks>
public sealed class GrubLine
{
    private readonly string _source;

    // The content's offset in the source when it is one run of it (then _map is null), and its length.
    private readonly int _contentStart;
    private readonly int _contentLength;
    private readonly int[]? _map;
    private readonly int _nameLength;
    private readonly string? _content;

    /// <summary>A line whose content is the characters <c>[contentStart, contentStart + contentLength)</c> of the source, tabs read as spaces.</summary>
    internal GrubLine(GrubLineKind kind, string source, TextSpan span, int contentStart, int contentLength, bool truncated)
    {
        Kind = kind;
        Span = span;
        _source = source;
        _contentStart = contentStart;
        _contentLength = contentLength;
        IsTruncated = truncated;
        (_nameLength, ArgumentStart) = kind == GrubLineKind.Command ? SplitName(source.AsSpan(contentStart, contentLength)) : (0, 0);
    }

    /// <summary>A line with its content as GRUB builds it and the source offset of each content character.</summary>
    internal GrubLine(GrubLineKind kind, string source, TextSpan span, string content, int[] map, bool truncated, bool swallowsNextLine)
    {
        Kind = kind;
        Span = span;
        _source = source;
        _content = content;
        _contentLength = content.Length;
        _map = map;
        IsTruncated = truncated;
        SwallowsLine = swallowsNextLine;
        (_nameLength, ArgumentStart) = kind == GrubLineKind.Command ? SplitName(content) : (0, content.Length);
    }

    /// <summary>Blank, comment or command.</summary>
    public GrubLineKind Kind { get; }

    /// <summary>Every character the line owns, its line break(s) included.</summary>
    public TextSpan Span { get; }

    /// <summary>The characters of <see cref="Span"/>, exactly as in the file.</summary>
    public string Text => _source.Substring(Span.Start, Span.Length);

    /// <summary>The logical line GRUB builds from the bytes (empty for blank lines and comments).</summary>
    public string Content => _content ?? (Kind == GrubLineKind.Command ? Spaced(_contentStart, _contentLength) : string.Empty);

    /// <summary>The command word (<c>kernel</c>, <c>title</c>, ...), exactly as written; empty unless a command.</summary>
    public string Name => _nameLength == 0 ? string.Empty
        : GrubCommandTable.KnownName(NameChars) ?? NameChars.ToString();

    /// <summary>The argument GRUB passes to the command: the text after the word and its run of blanks and <c>=</c>.</summary>
    public string Argument => Kind != GrubLineKind.Command ? string.Empty
        : _map is null ? Spaced(_contentStart + ArgumentStart, _contentLength - ArgumentStart) : _content![ArgumentStart..];

    /// <summary>True when the line was longer than GRUB's 1500-character buffer and GRUB dropped the rest.</summary>
    public bool IsTruncated { get; }

    /// <summary>True for a comment whose last character is a backslash: GRUB continues the comment onto the next line.</summary>
    public bool SwallowsLine { get; }

    /// <summary>True when a backslash-newline joined two or more physical lines into this one.</summary>
    public bool IsContinued { get; internal set; }

    /// <summary>Where the command word is in the file (empty span at the line start unless a command).</summary>
    public TextSpan NameSpan => MapRange(0, _nameLength);

    /// <summary>Where the argument is in the file (an empty span at the end of the content when there is none).</summary>
    public TextSpan ArgumentSpan => MapRange(ArgumentStart, _contentLength);

    internal int ArgumentStart { get; }

    /// <summary>
    /// The characters of <see cref="Argument"/> without making a string: for a line that is one run of the source, tabs
    /// stay tabs (callers treat them as blanks, as GRUB does).
    /// </summary>
    internal ReadOnlySpan<char> ArgumentChars => Kind != GrubLineKind.Command ? default
        : _map is null ? _source.AsSpan(_contentStart + ArgumentStart, _contentLength - ArgumentStart) : _content.AsSpan(ArgumentStart);

    private ReadOnlySpan<char> NameChars => _map is null ? _source.AsSpan(_contentStart, _nameLength) : _content.AsSpan(0, _nameLength);

    /// <summary>The source offset of a logical character.</summary>
    internal int SourceOffset(int logicalIndex) => _map is null ? _contentStart + logicalIndex : _map[logicalIndex];

    /// <summary>The source span that holds the logical characters <c>[start, end)</c>.</summary>
    internal TextSpan MapRange(int start, int end)
    {
        if (start < end)
        {
            return TextSpan.FromBounds(SourceOffset(start), SourceOffset(end - 1) + 1);
        }

        if (start < _contentLength)
        {
            return new TextSpan(SourceOffset(start), 0);
        }

        // Empty range at the end: just after the last logical character, or the start of the line.
        return new TextSpan(_contentLength > 0 ? SourceOffset(_contentLength - 1) + 1 : Span.Start, 0);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>find_command: the word ends at a space, a tab or '='; skip_to(1, ...): then a run of blanks and '='.</summary>
    private static (int NameLength, int ArgumentStart) SplitName(ReadOnlySpan<char> content)
    {
        var end = content.IndexOfAny(' ', '\t', '=');
        end = end < 0 ? content.Length : end;
        var argument = content[end..].IndexOfAnyExcept(' ', '\t', '=');
        return (end, argument < 0 ? content.Length : end + argument);
    }

    /// <summary>The source characters <c>[start, start + length)</c> with tabs as spaces.</summary>
    private string Spaced(int start, int length)
    {
        var text = _source.AsSpan(start, length);
        return text.Contains('\t') ? string.Create(length, (_source, start), static (chars, state) =>
        {
            state._source.AsSpan(state.start, chars.Length).CopyTo(chars);
            chars.Replace('\t', ' ');
        }) : text.ToString();
    }
}
