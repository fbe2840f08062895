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
    // A large menu holds one of these per line, so the fields are packed (48 bytes with the object header): lengths
    // and offsets inside the content fit 16 bits (GRUB's buffer is 1500 characters), the kind, the command and the
    // flags one byte each.
    private const byte NoCommand = byte.MaxValue;
    private const byte TruncatedFlag = 1;
    private const byte SwallowsFlag = 2;
    private const byte ContinuedFlag = 4;

    // The source (GrubSource) when the content is one run of it; for a joined line, its content, the source offset of each
    // of its characters and the source (one field for both: a reference less per line).
    private readonly object _data;

    // The content's offset in the source when it is one run of it, and its length.
    private readonly int _contentStart;
    private readonly ushort _contentLength;
    private readonly ushort _nameLength;
    private readonly ushort _argumentStart;
    private readonly byte _kind;

    // The command's index in GrubCommandTable, or NoCommand (not a command line, or a name GRUB does not know).
    private readonly byte _command;
    private byte _flags;

    /// <summary>A line whose content is the characters <c>[contentStart, contentStart + contentLength)</c> of the source, tabs read as spaces.</summary>
    internal GrubLine(GrubLineKind kind, GrubSource source, TextSpan span, int contentStart, int contentLength, bool truncated)
    {
        _kind = (byte)kind;
        Span = span;
        _data = source;
        _contentStart = contentStart;
        _contentLength = (ushort)contentLength;
        _flags = truncated ? TruncatedFlag : (byte)0;
        (_nameLength, _argumentStart, _command) = kind == GrubLineKind.Command ? SplitName(source.Slice(contentStart, contentLength)) : ((ushort)0, (ushort)0, NoCommand);
    }

    /// <summary>A line with its content as GRUB builds it and the source offset of each content character.</summary>
    internal GrubLine(GrubLineKind kind, GrubSource source, TextSpan span, string content, int[] map, bool truncated, bool swallowsNextLine)
    {
        _kind = (byte)kind;
        Span = span;
        _data = new Joined(source, content, map);
        _contentLength = (ushort)content.Length;
        _flags = (byte)((truncated ? TruncatedFlag : 0) | (swallowsNextLine ? SwallowsFlag : 0));
        (_nameLength, _argumentStart, _command) = kind == GrubLineKind.Command ? SplitName(content) : ((ushort)0, (ushort)content.Length, NoCommand);
    }

    /// <summary>Blank, comment or command.</summary>
    public GrubLineKind Kind => (GrubLineKind)_kind;

    /// <summary>Every character the line owns, its line break(s) included.</summary>
    public TextSpan Span { get; }

    /// <summary>The characters of <see cref="Span"/>, exactly as in the file.</summary>
    public string Text => Source.Substring(Span.Start, Span.Length);

    /// <summary>The logical line GRUB builds from the bytes (empty for blank lines and comments).</summary>
    public string Content => JoinedLine?.Content ?? (Kind == GrubLineKind.Command ? Spaced(_contentStart, _contentLength) : string.Empty);

    /// <summary>The command word (<c>kernel</c>, <c>title</c>, ...), exactly as written; empty unless a command.</summary>
    public string Name => _command != NoCommand ? GrubCommandTable.NameAt(_command)
        : _nameLength == 0 ? string.Empty : NameChars.ToString();

    /// <summary>The argument GRUB passes to the command: the text after the word and its run of blanks and <c>=</c>.</summary>
    public string Argument => Kind != GrubLineKind.Command ? string.Empty
        : JoinedLine is null ? Spaced(_contentStart + ArgumentStart, _contentLength - ArgumentStart) : JoinedLine.Content[ArgumentStart..];

    /// <summary>True when the line was longer than GRUB's 1500-character buffer and GRUB dropped the rest.</summary>
    public bool IsTruncated => (_flags & TruncatedFlag) != 0;

    /// <summary>True for a comment whose last character is a backslash: GRUB continues the comment onto the next line.</summary>
    public bool SwallowsLine => (_flags & SwallowsFlag) != 0;

    /// <summary>True when a backslash-newline joined two or more physical lines into this one.</summary>
    public bool IsContinued
    {
        get => (_flags & ContinuedFlag) != 0;
        internal set => _flags = (byte)(value ? _flags | ContinuedFlag : _flags & ~ContinuedFlag);
    }

    /// <summary>Where the command word is in the file (empty span at the line start unless a command).</summary>
    public TextSpan NameSpan => MapRange(0, _nameLength);

    /// <summary>Where the argument is in the file (an empty span at the end of the content when there is none).</summary>
    public TextSpan ArgumentSpan => MapRange(ArgumentStart, _contentLength);

    internal int ArgumentStart => _argumentStart;

    /// <summary>Where GRUB accepts the command (<see cref="GrubCommandFlags.None"/> for a name it does not know, and for blank and comment lines).</summary>
    internal GrubCommandFlags CommandFlags => _command != NoCommand ? GrubCommandTable.FlagsAt(_command) : GrubCommandFlags.None;

    /// <summary>
    /// The characters of <see cref="Argument"/> without making a string: for a line that is one run of the source, tabs
    /// stay tabs (callers treat them as blanks, as GRUB does).
    /// </summary>
    internal GrubChars ArgumentChars => Kind != GrubLineKind.Command ? default
        : JoinedLine is null ? Source.Slice(_contentStart + ArgumentStart, _contentLength - ArgumentStart) : JoinedLine.Content.AsSpan(ArgumentStart);

    private GrubChars NameChars => JoinedLine is null ? Source.Slice(_contentStart, _nameLength) : JoinedLine.Content.AsSpan(0, _nameLength);

    /// <summary>The source offset of a logical character.</summary>
    internal int SourceOffset(int logicalIndex) => JoinedLine is null ? _contentStart + logicalIndex : JoinedLine.Map[logicalIndex];

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

    /// <summary>
    /// find_command: the word ends at a space, a tab or '='; skip_to(1, ...): then a run of blanks and '='. Also which
    /// known command the word is, looked up once here.
    /// </summary>
    private static (ushort NameLength, ushort ArgumentStart, byte Command) SplitName(GrubChars content)
    {
        var end = content.IndexOfAny(' ', '\t', '=');
        end = end < 0 ? content.Length : end;
        var argument = content.Slice(end).IndexOfAnyExcept(' ', '\t', '=');
        var command = end == 0 ? -1 : GrubCommandTable.IndexOf(content.Slice(0, end));
        return ((ushort)end, (ushort)(argument < 0 ? content.Length : end + argument), command < 0 ? NoCommand : (byte)command);
    }

    /// <summary>The content of a joined line and the source offset of each of its characters.</summary>
    private sealed class Joined(GrubSource source, string content, int[] map)
    {
        public GrubSource Source { get; } = source;

        public string Content { get; } = content;

        public int[] Map { get; } = map;
    }

    private Joined? JoinedLine => _data as Joined;

    private GrubSource Source => _data as GrubSource ?? ((Joined)_data).Source;

    /// <summary>The source characters <c>[start, start + length)</c> with tabs as spaces.</summary>
    private string Spaced(int start, int length) => GrubText.Spaced(Source.Slice(start, length));
}
