using System.Diagnostics;
using System.Runtime.CompilerServices;
using XenConfig.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// The logical lines of one menu, kept as an array of packed values (8 bytes a line, no object per line): the readers
/// ask it about a line by its index. The public <see cref="GrubLine"/> of a line is made the first time someone asks
/// for it, and the same object is handed out after that.
/// </summary>
/// <remarks>
/// Most lines are one physical line whose content is a run of the source (only tabs read as spaces): such a line keeps
/// where it starts and, in one 32-bit word, what cannot be found from there cheaply (kind, command, indentation, the
/// blanks after the command word, the length of its line break). The rest follows: the content ends before the line
/// break, a known command's word is its name. A line whose numbers do not fit, and a joined line (its content and a
/// map from each content character to its offset in the source), keep their details in a side table. A 100 MB menu's
/// table is 20 MB of fresh memory per parse instead of 40, and the readers' passes over it touch half the cache lines.
/// </remarks>
internal sealed class GrubLineTable : PackedTable<GrubLine>
{
    // The packed word of a line, from the low bits: kind (2), truncated, wide (details in the side table), joined
    // (its content is in the side table), the command's index (7 bits; NoCommand for a name GRUB does not know and for
    // blank and comment lines), the word's length (6), where the argument starts in the content (7), the length of the
    // line break after the content (2) and the indentation (5). Each is read with a shift and a mask, none looked up.
    // Wide lines keep kind, the flags and the command here too.
    private const uint KindMask = 3;
    private const uint TruncatedFlag = 1 << 2;
    private const uint WideFlag = 1 << 3;
    private const uint JoinedFlag = 1 << 4;
    private const int CommandShift = 5;
    private const int NameShift = 12;
    private const int ArgumentShift = 18;
    private const int BreakShift = 25;
    private const int IndentShift = 27;

    private const int NoCommand = 127;
    private const int MaxName = 63;
    private const int MaxArgument = 127;
    private const int MaxIndent = 31;

    private Dictionary<int, Wide>? _wide;
    private Line[] _lines;
    private int _count;
    private int _lastEnd;

    public GrubLineTable(GrubSource source, int capacity)
    {
        Source = source;
        // Every line is written before it is read (a 100 MB menu's table is 20 MB): the runtime need not clear it first.
        _lines = GC.AllocateUninitializedArray<Line>(Math.Max(capacity, 1));
    }

    /// <summary>The characters the lines are in.</summary>
    public GrubSource Source { get; }

    /// <summary>The number of lines.</summary>
    public override int Count => _count;

    /// <summary>The number of <c>title</c> lines.</summary>
    public int TitleCount { get; private set; }

    /// <summary>The number of lines whose details are in the side table (for tests).</summary>
    internal int WideCount => _wide?.Count ?? 0;

    /// <inheritdoc />
    protected override GrubLine MakeView(int index) => new(this, index);

    /// <summary>
    /// Adds a blank or comment line (<paramref name="contentStart"/> = <paramref name="contentEnd"/>), or a command
    /// line whose content is the characters <c>[contentStart, contentEnd)</c> of the source, tabs read as spaces, cut at
    /// GRUB's line length; the line break follows the content.
    /// </summary>
    public void Add(GrubLineKind kind, TextSpan span, int contentStart, int contentEnd)
    {
        if (kind != GrubLineKind.Command)
        {
            Append(span, (uint)kind | (NoCommand << CommandShift), null);
            return;
        }

        var length = contentEnd - contentStart;
        var truncated = length > GrubScanner.MaxLineLength;
        length = Math.Min(length, GrubScanner.MaxLineLength);
        var (nameLength, argumentStart, command) = SplitName(Source.Slice(contentStart, length));
        var indent = contentStart - span.Start;
        var lineBreak = span.End - contentEnd;
        var packed = (uint)kind | (truncated ? TruncatedFlag : 0) | ((uint)command << CommandShift);
        if (indent <= MaxIndent && argumentStart <= MaxArgument && nameLength <= MaxName && lineBreak <= 2)
        {
            Append(span, packed | ((uint)nameLength << NameShift) | ((uint)argumentStart << ArgumentShift) | ((uint)lineBreak << BreakShift) | ((uint)indent << IndentShift), null);
            return;
        }

        Append(span, packed | WideFlag, new Wide(contentStart, length, nameLength, argumentStart, null, 0));
    }

    /// <summary>Adds a line with its content as GRUB builds it and the source offset of each content character.</summary>
    public void Add(GrubLineKind kind, TextSpan span, string content, int[] map, bool truncated, bool swallowsNextLine, bool continued)
    {
        var (nameLength, argumentStart, command) = kind == GrubLineKind.Command
            ? SplitName(content)
            : (0, content.Length, NoCommand);
        var packed = (uint)kind | WideFlag | JoinedFlag | (truncated ? TruncatedFlag : 0) | ((uint)command << CommandShift);
        var flags = (byte)((swallowsNextLine ? Wide.SwallowsFlag : 0) | (continued ? Wide.ContinuedFlag : 0));
        Append(span, packed, new Wide(0, content.Length, nameLength, argumentStart, new Joined(content, map), flags));
    }

    /// <summary>Blank, comment or command.</summary>
    public GrubLineKind Kind(int index) => (GrubLineKind)(_lines[index].Packed & KindMask);

    /// <summary>Every character the line owns, its line break(s) included: up to where the next line starts.</summary>
    public TextSpan Span(int index) => TextSpan.FromBounds(_lines[index].Start, End(index));

    /// <summary>The characters of <see cref="Span"/>, exactly as in the file.</summary>
    public string Text(int index)
    {
        var span = Span(index);
        return Source.Substring(span.Start, span.Length);
    }

    /// <summary>The logical line GRUB builds from the bytes (empty for blank lines and comments).</summary>
    public string Content(int index)
    {
        var packed = _lines[index].Packed;
        return (packed & JoinedFlag) != 0 ? _wide![index].Joined!.Content
            : IsCommand(packed) ? Spaced(ContentStart(index), ContentLength(index)) : string.Empty;
    }

    /// <summary>The length of <see cref="Content"/>.</summary>
    public int ContentLength(int index)
    {
        var packed = _lines[index].Packed;
        return (packed & WideFlag) != 0 ? _wide![index].ContentLength
            : IsCommand(packed) ? Math.Min(End(index) - (int)((packed >> BreakShift) & 3) - ContentStart(index), GrubScanner.MaxLineLength)
            : 0;
    }

    /// <summary>The command word exactly as written; empty unless a command.</summary>
    public string Name(int index)
    {
        var packed = _lines[index].Packed;
        return Command(packed) != NoCommand ? GrubCommandTable.NameAt(Command(packed))
            : NameLength(index) == 0 ? string.Empty : NameChars(index).ToString();
    }

    /// <summary>The argument GRUB passes to the command: the text after the word and its run of blanks and <c>=</c>.</summary>
    public string Argument(int index)
    {
        var packed = _lines[index].Packed;
        return !IsCommand(packed) ? string.Empty
            : (packed & JoinedFlag) != 0 ? _wide![index].Joined!.Content[_wide[index].ArgumentStart..]
            : Spaced(ContentStart(index) + ArgumentStart(index), ContentLength(index) - ArgumentStart(index));
    }

    /// <summary>True when the line was longer than GRUB's buffer and GRUB dropped the rest.</summary>
    public bool IsTruncated(int index) => (_lines[index].Packed & TruncatedFlag) != 0;

    /// <summary>True for a comment whose last character is a backslash.</summary>
    public bool SwallowsLine(int index) => (_lines[index].Packed & JoinedFlag) != 0 && (_wide![index].Flags & Wide.SwallowsFlag) != 0;

    /// <summary>True when a backslash-newline joined two or more physical lines into this one.</summary>
    public bool IsContinued(int index) => (_lines[index].Packed & JoinedFlag) != 0 && (_wide![index].Flags & Wide.ContinuedFlag) != 0;

    /// <summary>True when the line's content is not one run of the source (several physical lines, or a carriage return or backslash inside).</summary>
    public bool IsJoined(int index) => (_lines[index].Packed & JoinedFlag) != 0;

    /// <summary>The index of the line's command in <see cref="GrubCommandTable"/>, or -1 for a name GRUB does not know and for blank and comment lines.</summary>
    public int CommandIndex(int index)
    {
        var command = Command(_lines[index].Packed);
        return command != NoCommand ? command : -1;
    }

    /// <summary>Where the content of a line that is not <see cref="IsJoined"/> starts in the source.</summary>
    public int ContentOffset(int index) => ContentStart(index);

    /// <summary>Where the argument starts in the content.</summary>
    public int ArgumentStart(int index)
    {
        var packed = _lines[index].Packed;
        return (packed & WideFlag) != 0 ? _wide![index].ArgumentStart : (int)((packed >> ArgumentShift) & MaxArgument);
    }

    /// <summary>The length of the command word.</summary>
    public int NameLength(int index)
    {
        var packed = _lines[index].Packed;
        return (packed & WideFlag) != 0 ? _wide![index].NameLength : (int)((packed >> NameShift) & MaxName);
    }

    /// <summary>Where GRUB accepts the command (<see cref="GrubCommandFlags.None"/> for a name it does not know, and for blank and comment lines).</summary>
    public GrubCommandFlags CommandFlags(int index)
    {
        var command = Command(_lines[index].Packed);
        return command != NoCommand ? GrubCommandTable.FlagsAt(command) : GrubCommandFlags.None;
    }

    /// <summary>
    /// The characters of <see cref="Argument"/> without making a string: for a line that is one run of the source, tabs
    /// stay tabs (callers treat them as blanks, as GRUB does).
    /// </summary>
    public GrubChars ArgumentChars(int index)
    {
        var packed = _lines[index].Packed;
        if (!IsCommand(packed))
        {
            return default;
        }

        if ((packed & WideFlag) != 0)
        {
            var wide = _wide![index];
            return wide.Joined is { } joined ? joined.Content.AsSpan(wide.ArgumentStart)
                : Source.Slice(wide.ContentStart + wide.ArgumentStart, wide.ContentLength - wide.ArgumentStart);
        }

        // The usual line, read from its word alone: the content ends before the line break (cut at GRUB's length).
        var start = _lines[index].Start + (int)(packed >> IndentShift);
        var argument = (int)((packed >> ArgumentShift) & MaxArgument);
        var length = Math.Min(End(index) - (int)((packed >> BreakShift) & 3) - start, GrubScanner.MaxLineLength);
        return Source.Slice(start + argument, length - argument);
    }

    /// <summary>The source offset of a logical character.</summary>
    public int SourceOffset(int index, int logicalIndex) =>
        (_lines[index].Packed & JoinedFlag) != 0 ? _wide![index].Joined!.Map[logicalIndex] : ContentStart(index) + logicalIndex;

    /// <summary>The source span that holds the logical characters <c>[start, end)</c> of line <paramref name="index"/>.</summary>
    public TextSpan MapRange(int index, int start, int end)
    {
        if (start < end)
        {
            return TextSpan.FromBounds(SourceOffset(index, start), SourceOffset(index, end - 1) + 1);
        }

        var length = ContentLength(index);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCommand(uint packed) => (packed & KindMask) == (uint)GrubLineKind.Command;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Command(uint packed) => (int)((packed >> CommandShift) & NoCommand);

    /// <summary>Where the next line starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int End(int index) => index + 1 < _count ? _lines[index + 1].Start : Source.Length;

    /// <summary>Where the content starts in the source (for a line that is not joined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ContentStart(int index)
    {
        ref readonly var line = ref _lines[index];
        return (line.Packed & WideFlag) != 0 ? _wide![index].ContentStart : line.Start + (int)(line.Packed >> IndentShift);
    }

    private GrubChars NameChars(int index)
    {
        var length = NameLength(index);
        return (_lines[index].Packed & JoinedFlag) != 0 ? _wide![index].Joined!.Content.AsSpan(0, length) : Source.Slice(ContentStart(index), length);
    }

    private void Append(TextSpan span, uint packed, Wide? wide)
    {
        if (Command(packed) == GrubCommandTable.Title)
        {
            TitleCount++;
        }

        Debug.Assert(_count == 0 || span.Start == _lastEnd, "lines follow one another");
        _lastEnd = span.End;
        if (wide is not null)
        {
            (_wide ??= []).Add(_count, wide);
        }

        if (_count == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
        }

        _lines[_count++] = new Line(span.Start, packed);
    }

    /// <summary>The source characters <c>[start, start + length)</c> with tabs as spaces.</summary>
    private string Spaced(int start, int length) => GrubText.Spaced(Source.Slice(start, length));

    /// <summary>
    /// find_command: the word ends at a space, a tab or '='; skip_to(1, ...): then a run of blanks and '='. Also which
    /// known command the word is (<see cref="NoCommand"/> for none), looked up once here.
    /// </summary>
    private static (int NameLength, int ArgumentStart, int Command) SplitName(GrubChars content)
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

        return (end, argument, end == 0 ? NoCommand : CommandOrNone(GrubCommandTable.IndexOf(content.Slice(0, end))));
    }

    /// <summary>
    /// <see cref="SplitName(GrubChars)"/> of a line read from bytes: a command word is a few letters, so both runs are
    /// stepped over rather than searched for.
    /// </summary>
    private static (int NameLength, int ArgumentStart, int Command) SplitName(ReadOnlySpan<byte> content)
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

        return (end, argument, end == 0 ? NoCommand : CommandOrNone(GrubCommandTable.IndexOf(content.Slice(0, end))));
    }

    private static int CommandOrNone(int command)
    {
        Debug.Assert(GrubCommandTable.Count < NoCommand, "a command's index fits the line's 7 bits");
        return command < 0 ? NoCommand : command;
    }

    /// <summary>One line in 8 bytes: where it starts (it ends where the next one starts) and its packed word.</summary>
    private readonly record struct Line(int Start, uint Packed);

    /// <summary>
    /// The details of a line whose numbers do not fit its packed word (a long unknown word, deep indentation, many
    /// blanks after the word) or whose content is not one run of the source: <see cref="ContentStart"/> is the
    /// content's offset in the source when <see cref="Joined"/> is null.
    /// </summary>
    private sealed record Wide(int ContentStart, int ContentLength, int NameLength, int ArgumentStart, Joined? Joined, byte Flags)
    {
        public const byte SwallowsFlag = 1;
        public const byte ContinuedFlag = 2;
    }

    /// <summary>The content of a joined line and the source offset of each of its characters.</summary>
    private sealed record Joined(string Content, int[] Map);
}
