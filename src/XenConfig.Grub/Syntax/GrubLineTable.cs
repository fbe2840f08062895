using System.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// The logical lines of one menu, kept as an array of packed values (16 bytes a line, no object per line): the readers
/// ask it about a line by its index. The public <see cref="GrubLine"/> of a line is made the first time someone asks
/// for it, and the same object is handed out after that.
/// </summary>
/// <remarks>
/// Most lines are one physical line whose content is a run of the source (only tabs read as spaces): such a line keeps
/// where that run is, and its strings are made each time they are asked for. A joined line keeps its content and a
/// map from each content character to its offset in the source, in a side list.
/// </remarks>
internal sealed class GrubLineTable : PackedTable<GrubLine>
{
    private const byte NoCommand = byte.MaxValue;

    // The kind takes the two low bits of a line's KindAndFlags.
    private const byte KindMask = 3;
    private const byte TruncatedFlag = 4;
    private const byte SwallowsFlag = 8;
    private const byte ContinuedFlag = 16;
    private const byte JoinedFlag = 32;

    private List<Joined>? _joined;
    private Line[] _lines;
    private int _count;
    private int _lastEnd;

    public GrubLineTable(GrubSource source, int capacity)
    {
        Source = source;
        // Every line is written before it is read (a 100 MB menu's table is 40 MB): the runtime need not clear it first.
        _lines = GC.AllocateUninitializedArray<Line>(Math.Max(capacity, 1));
    }

    /// <summary>The characters the lines are in.</summary>
    public GrubSource Source { get; }

    /// <summary>The number of lines.</summary>
    public override int Count => _count;

    /// <summary>The number of <c>title</c> lines.</summary>
    public int TitleCount { get; private set; }

    /// <inheritdoc />
    protected override GrubLine MakeView(int index) => new(this, index);

    /// <summary>Adds a line whose content is the characters <c>[contentStart, contentStart + contentLength)</c> of the source, tabs read as spaces.</summary>
    public void Add(GrubLineKind kind, TextSpan span, int contentStart, int contentLength, bool truncated)
    {
        var (nameLength, argumentStart, command) = kind == GrubLineKind.Command
            ? SplitName(Source.Slice(contentStart, contentLength))
            : ((ushort)0, (ushort)0, NoCommand);
        Append(span, new Line(span.Start, contentStart, (ushort)contentLength, nameLength, argumentStart, command, (byte)((byte)kind | (truncated ? TruncatedFlag : 0))));
    }

    /// <summary>Adds a line with its content as GRUB builds it and the source offset of each content character.</summary>
    public void Add(GrubLineKind kind, TextSpan span, string content, int[] map, bool truncated, bool swallowsNextLine, bool continued)
    {
        var (nameLength, argumentStart, command) = kind == GrubLineKind.Command
            ? SplitName(content)
            : ((ushort)0, (ushort)content.Length, NoCommand);
        var flags = (byte)((byte)kind | JoinedFlag | (truncated ? TruncatedFlag : 0) | (swallowsNextLine ? SwallowsFlag : 0) | (continued ? ContinuedFlag : 0));
        (_joined ??= []).Add(new Joined(content, map));
        Append(span, new Line(span.Start, _joined.Count - 1, (ushort)content.Length, nameLength, argumentStart, command, flags));
    }

    /// <summary>Blank, comment or command.</summary>
    public GrubLineKind Kind(int index) => (GrubLineKind)(_lines[index].KindAndFlags & KindMask);

    /// <summary>Every character the line owns, its line break(s) included: up to where the next line starts.</summary>
    public TextSpan Span(int index) => TextSpan.FromBounds(_lines[index].Start, index + 1 < _count ? _lines[index + 1].Start : Source.Length);

    /// <summary>The characters of <see cref="Span"/>, exactly as in the file.</summary>
    public string Text(int index)
    {
        var span = Span(index);
        return Source.Substring(span.Start, span.Length);
    }

    /// <summary>The logical line GRUB builds from the bytes (empty for blank lines and comments).</summary>
    public string Content(int index)
    {
        ref readonly var line = ref _lines[index];
        return JoinedOf(line) is { } joined ? joined.Content
            : line.IsCommand ? Spaced(line.ContentStart, line.ContentLength) : string.Empty;
    }

    /// <summary>The length of <see cref="Content"/>.</summary>
    public int ContentLength(int index) => _lines[index].ContentLength;

    /// <summary>The command word exactly as written; empty unless a command.</summary>
    public string Name(int index)
    {
        ref readonly var line = ref _lines[index];
        return line.Command != NoCommand ? GrubCommandTable.NameAt(line.Command)
            : line.NameLength == 0 ? string.Empty : NameChars(index).ToString();
    }

    /// <summary>The argument GRUB passes to the command: the text after the word and its run of blanks and <c>=</c>.</summary>
    public string Argument(int index)
    {
        ref readonly var line = ref _lines[index];
        return !line.IsCommand ? string.Empty
            : JoinedOf(line) is { } joined ? joined.Content[line.ArgumentStart..]
            : Spaced(line.ContentStart + line.ArgumentStart, line.ContentLength - line.ArgumentStart);
    }

    /// <summary>True when the line was longer than GRUB's buffer and GRUB dropped the rest.</summary>
    public bool IsTruncated(int index) => (_lines[index].KindAndFlags & TruncatedFlag) != 0;

    /// <summary>True for a comment whose last character is a backslash.</summary>
    public bool SwallowsLine(int index) => (_lines[index].KindAndFlags & SwallowsFlag) != 0;

    /// <summary>True when a backslash-newline joined two or more physical lines into this one.</summary>
    public bool IsContinued(int index) => (_lines[index].KindAndFlags & ContinuedFlag) != 0;

    /// <summary>True when the line's content is not one run of the source (several physical lines, or a carriage return or backslash inside).</summary>
    public bool IsJoined(int index) => (_lines[index].KindAndFlags & JoinedFlag) != 0;

    /// <summary>The index of the line's command in <see cref="GrubCommandTable"/>, or -1 for a name GRUB does not know and for blank and comment lines.</summary>
    public int CommandIndex(int index)
    {
        var command = _lines[index].Command;
        return command != NoCommand ? command : -1;
    }

    /// <summary>Where the content of a line that is not <see cref="IsJoined"/> starts in the source.</summary>
    public int ContentOffset(int index) => _lines[index].ContentStart;

    /// <summary>Where the argument starts in the content.</summary>
    public int ArgumentStart(int index) => _lines[index].ArgumentStart;

    /// <summary>The length of the command word.</summary>
    public int NameLength(int index) => _lines[index].NameLength;

    /// <summary>Where GRUB accepts the command (<see cref="GrubCommandFlags.None"/> for a name it does not know, and for blank and comment lines).</summary>
    public GrubCommandFlags CommandFlags(int index)
    {
        var command = _lines[index].Command;
        return command != NoCommand ? GrubCommandTable.FlagsAt(command) : GrubCommandFlags.None;
    }

    /// <summary>
    /// The characters of <see cref="Argument"/> without making a string: for a line that is one run of the source, tabs
    /// stay tabs (callers treat them as blanks, as GRUB does).
    /// </summary>
    public GrubChars ArgumentChars(int index)
    {
        ref readonly var line = ref _lines[index];
        return !line.IsCommand ? default
            : JoinedOf(line) is { } joined ? joined.Content.AsSpan(line.ArgumentStart)
            : Source.Slice(line.ContentStart + line.ArgumentStart, line.ContentLength - line.ArgumentStart);
    }

    /// <summary>The source offset of a logical character.</summary>
    public int SourceOffset(int index, int logicalIndex)
    {
        ref readonly var line = ref _lines[index];
        return JoinedOf(line) is { } joined ? joined.Map[logicalIndex] : line.ContentStart + logicalIndex;
    }

    /// <summary>The source span that holds the logical characters <c>[start, end)</c> of line <paramref name="index"/>.</summary>
    public TextSpan MapRange(int index, int start, int end)
    {
        if (start < end)
        {
            return TextSpan.FromBounds(SourceOffset(index, start), SourceOffset(index, end - 1) + 1);
        }

        var length = _lines[index].ContentLength;
        if (start < length)
        {
            return new TextSpan(SourceOffset(index, start), 0);
        }

        // Empty range at the end: just after the last logical character, or the start of the line.
        return new TextSpan(length > 0 ? SourceOffset(index, length - 1) + 1 : _lines[index].Start, 0);
    }

    /// <summary>The index of the line that starts at <paramref name="offset"/>, or -1.</summary>
    public int IndexAt(int offset)
    {
        int low = 0, high = _count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var start = _lines[middle].Start;
            if (start == offset)
            {
                return middle;
            }

            (low, high) = start < offset ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    private GrubChars NameChars(int index)
    {
        ref readonly var line = ref _lines[index];
        return JoinedOf(line) is { } joined ? joined.Content.AsSpan(0, line.NameLength) : Source.Slice(line.ContentStart, line.NameLength);
    }

    private void Append(TextSpan span, in Line line)
    {
        if (line.Command == GrubCommandTable.Title)
        {
            TitleCount++;
        }

        Debug.Assert(_count == 0 || span.Start == _lastEnd, "lines follow one another");
        _lastEnd = span.End;
        if (_count == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
        }

        _lines[_count++] = line;
    }

    private Joined? JoinedOf(in Line line) => (line.KindAndFlags & JoinedFlag) != 0 ? _joined![line.ContentStart] : null;

    /// <summary>The source characters <c>[start, start + length)</c> with tabs as spaces.</summary>
    private string Spaced(int start, int length) => GrubText.Spaced(Source.Slice(start, length));

    /// <summary>
    /// find_command: the word ends at a space, a tab or '='; skip_to(1, ...): then a run of blanks and '='. Also which
    /// known command the word is, looked up once here.
    /// </summary>
    private static (ushort NameLength, ushort ArgumentStart, byte Command) SplitName(GrubChars content)
    {
        if (content.IsBytes)
        {
            return SplitName(content.Bytes);
        }

        var end = content.IndexOfAny(' ', '\t', '=');
        end = end < 0 ? content.Length : end;

        // Mostly one space or a tab or two: stepped over, not searched for.
        var argument = end;
        while (argument < content.Length && content[argument] is ' ' or '\t' or '=')
        {
            argument++;
        }

        var command = end == 0 ? -1 : GrubCommandTable.IndexOf(content.Slice(0, end));
        return ((ushort)end, (ushort)argument, command < 0 ? NoCommand : (byte)command);
    }

    /// <summary>
    /// <see cref="SplitName(GrubChars)"/> of a line read from bytes: a command word is a few letters, so both runs are
    /// stepped over rather than searched for.
    /// </summary>
    private static (ushort NameLength, ushort ArgumentStart, byte Command) SplitName(ReadOnlySpan<byte> content)
    {
        var end = 0;
        while (end < content.Length && content[end] is not ((byte)' ' or (byte)'\t' or (byte)'='))
        {
            end++;
        }

        var argument = end;
        while (argument < content.Length && content[argument] is (byte)' ' or (byte)'\t' or (byte)'=')
        {
            argument++;
        }

        var command = end == 0 ? -1 : GrubCommandTable.IndexOf(content.Slice(0, end));
        return ((ushort)end, (ushort)argument, command < 0 ? NoCommand : (byte)command);
    }

    /// <summary>
    /// One line, packed into 16 bytes: where it starts (it ends where the next one starts); lengths and offsets inside
    /// the content fit 16 bits (GRUB's buffer is 1500 characters); the command (its index in
    /// <see cref="GrubCommandTable"/>, or <see cref="NoCommand"/>) one byte, and the kind and flags one byte.
    /// <see cref="ContentStart"/> is the content's offset in the source, or for a joined line its index in the side list.
    /// </summary>
    private readonly record struct Line(int Start, int ContentStart, ushort ContentLength, ushort NameLength, ushort ArgumentStart, byte Command, byte KindAndFlags)
    {
        public bool IsCommand => (KindAndFlags & KindMask) == (byte)GrubLineKind.Command;
    }

    /// <summary>The content of a joined line and the source offset of each of its characters.</summary>
    private sealed record Joined(string Content, int[] Map);
}
