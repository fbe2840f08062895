using System.Globalization;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Grub.Pygrub;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub;

/// <summary>
/// The lossless syntax tree of a GRUB legacy <c>menu.lst</c> / <c>grub.conf</c>: every character of the input belongs
/// to exactly one <see cref="GrubLine"/>, so <see cref="ToString"/> returns the input unchanged, for valid and invalid
/// files alike. Lines are read as GRUB 0.97 reads them (see <c>spec/grub.md</c>); the diagnostics say where GRUB reads
/// a line differently from how it looks (unknown or misplaced commands, bad numbers and devices, long lines) and where
/// pygrub reads the file differently from GRUB.
/// </summary>
/// <remarks>
/// Whether the menu boots (empty entries, command order, missing kernels and dom0 modules, no entries, <c>default</c>
/// out of range: XC4007-XC4012) is a semantic check: <c>XenConfig.Validation</c>'s <c>GrubMenuValidator</c> reports it.
/// </remarks>
public sealed class GrubMenuDocument
{
    private readonly List<Diagnostic> _diagnostics = [];

    private GrubMenuDocument(SourceText source, GrubParseOptions options)
    {
        SourceText = source;
        Options = options;
        Source = GrubSource.Of(source);
        Lines = GrubScanner.Scan(Source);
        Analyze();
        if (options.PygrubChecks)
        {
            PygrubComparison.Compare(this, _diagnostics);
        }

        _diagnostics.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
    }

    /// <summary>The characters the readers scan: the text's ASCII bytes when it has them (its Content is then not decoded).</summary>
    internal GrubSource Source { get; }

    /// <summary>The text as read, with its path.</summary>
    public SourceText SourceText { get; }

    /// <summary>The file path, or null.</summary>
    public string? Path => SourceText.Path;

    /// <summary>The options the text was read with.</summary>
    public GrubParseOptions Options { get; }

    /// <summary>Every logical line in file order; together they cover the whole text.</summary>
    public IReadOnlyList<GrubLine> Lines { get; }

    /// <summary>Everything found, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>True when some diagnostic is an error.</summary>
    public bool HasErrors => _diagnostics.Any(d => d.IsError);

    /// <summary>The entries GRUB numbers (titles without commands are dropped first).</summary>
    public IReadOnlyList<GrubEntry> Entries { get; private set; } = [];

    /// <summary>The command lines before the first title (the global section), known and unknown.</summary>
    public IReadOnlyList<GrubLine> GlobalCommands { get; private set; } = [];

    /// <summary>The <c>title</c> lines GRUB drops because no command it keeps follows them, in file order.</summary>
    public IReadOnlyList<GrubLine> DroppedTitles { get; private set; } = [];

    /// <summary>The <c>default</c> line GRUB uses (the last readable one before the first title), or null.</summary>
    public GrubLine? DefaultLine { get; private set; }

    internal List<Block> Blocks { get; } = [];

    internal int DefaultValue { get; private set; }

    internal bool DefaultSaved { get; private set; }

    internal int? Timeout { get; private set; }

    internal GrubLine? TimeoutLine { get; private set; }

    internal IReadOnlyList<int> Fallback { get; private set; } = [];

    internal GrubLine? FallbackLine { get; private set; }

    internal int? DefaultEntryIndex { get; private set; }

    /// <summary>Reads a menu.lst. Never throws: problems become <see cref="Diagnostics"/>.</summary>
    public static GrubMenuDocument Parse(string text, string? path = null, GrubParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new GrubMenuDocument(SourceText.From(text, path), options ?? GrubParseOptions.Default);
    }

    /// <summary>Reads a menu.lst from a <see cref="SourceText"/> (keeps its encoding for saving). Never throws.</summary>
    public static GrubMenuDocument Parse(SourceText source, GrubParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new GrubMenuDocument(source, options ?? GrubParseOptions.Default);
    }

    /// <summary>Reads a file without normalizing anything; only I/O problems throw.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GrubMenuDocument Load(string path, GrubParseOptions? options = null) => Parse(SourceText.Load(path), options);

    /// <summary>The text exactly as read.</summary>
    public override string ToString() => SourceText.Content;

    /// <summary>
    /// Writes the text to <paramref name="path"/> (default: the file it was loaded from) with <see cref="AtomicFile"/>,
    /// in the encoding it was read with: through symbolic links, keeping mode, owner and group. Saving to the file it
    /// was loaded from is refused when that file changed since (someone else's edit).
    /// </summary>
    /// <param name="path">Where to write; null for the file the document was loaded from.</param>
    /// <param name="options">Checks and overrides (<see cref="AtomicFileOptions.Force"/>); null for the defaults.</param>
    /// <exception cref="InvalidOperationException">No path was given and the document has none.</exception>
    /// <exception cref="SaveRefusedException">The save was refused (XC0013): changed since read, read-only, hard links, locked.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string? path = null, AtomicFileOptions? options = null)
    {
        path ??= SourceText.Path ?? throw new InvalidOperationException("The document has no path; pass one to Save.");
        AtomicFile.WriteAllBytes(path, SourceText.GetBytes(SourceText.Content), AtomicFile.ForDocument(SourceText, path, options));
    }

    internal SourceLocation Location(TextSpan span) => SourceText.GetLocation(span);

    /// <summary>Where a diagnostic about <paramref name="line"/> points: a command's name, else its first non-blank character.</summary>
    public SourceLocation GetLocation(GrubLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Location(line);
    }

    internal SourceLocation Location(GrubLine line)
    {
        if (line.Kind == GrubLineKind.Command)
        {
            return Location(line.NameSpan);
        }

        var offset = line.Span.Start;
        var text = Source.All;
        while (offset < line.Span.End && (text[offset] is ' ' or '\t' or '\r'))
        {
            offset++;
        }

        return Location(new TextSpan(offset, 0));
    }

    private void Report(DiagnosticDescriptor descriptor, GrubLine line, string message) =>
        _diagnostics.Add(descriptor.Create(Location(line), message));

    private void Report(DiagnosticDescriptor descriptor, GrubLine line, string message, DiagnosticSeverity severity) =>
        _diagnostics.Add(descriptor.Create(Location(line), message, severity));

    private void Analyze()
    {
        var globals = new List<GrubLine>();
        Block? block = null;

        // The commands of the block being read; a block keeps them as an array of their exact number when it ends
        // (a list per block grew 4 -> 8 for most entries).
        var commands = new List<GrubLine>();
        for (var index = 0; index < Lines.Count; index++)
        {
            var line = Lines[index];
            if (line.IsTruncated)
            {
                Report(DiagnosticIds.GrubLineTooLong, line, string.Create(CultureInfo.InvariantCulture,
                    $"this line is longer than GRUB's {GrubScanner.MaxLineLength}-character buffer; GRUB drops everything after character {GrubScanner.MaxLineLength}"));
            }

            if (line.Kind == GrubLineKind.Comment && line.SwallowsLine)
            {
                Report(DiagnosticIds.GrubCommentSwallowsLine, line,
                    "this comment ends with a backslash, so GRUB reads the next line as part of the comment and ignores it");
            }

            if (line.Kind != GrubLineKind.Command)
            {
                continue;
            }

            var flags = line.CommandFlags;
            if (flags == GrubCommandFlags.Title)
            {
                block?.Close(commands);
                block = new Block(index);
                Blocks.Add(block);
                continue;
            }

            if (block is null)
            {
                globals.Add(line);
            }
            else
            {
                block.LastLine = index;
            }

            if (flags == GrubCommandFlags.None)
            {
                ReportUnknown(line);
                continue;
            }

            if (block is null)
            {
                if ((flags & GrubCommandFlags.Menu) != 0)
                {
                    ApplyGlobal(line);
                }
                else
                {
                    Report(DiagnosticIds.GrubCommandMisplaced, line,
                        $"'{line.Name}' before the first title is ignored by GRUB; it only works inside an entry", DiagnosticSeverity.Warning);
                }

                continue;
            }

            commands.Add(line);
            if (flags == GrubCommandFlags.Menu)
            {
                Report(DiagnosticIds.GrubCommandMisplaced, line,
                    $"'{line.Name}' only works before the first title; inside the entry '{Lines[block.TitleLine].Argument}' GRUB stops with \"Error 27: Unrecognized command\" when it boots");
            }
        }

        block?.Close(commands);
        GlobalCommands = globals;
        BuildEntries();
        ResolveDefault();
    }

    private void ReportUnknown(GrubLine line)
    {
        var lower = line.Name.ToLowerInvariant();
        var hint = lower != line.Name && GrubCommandTable.Lookup(lower) != GrubCommandFlags.None
            ? $" (commands are case-sensitive: did you mean '{lower}'?)"
            : line.Name is "kernel$" or "module$" or "findroot" or "bootfs" or "uuid"
                ? " (a Solaris or Red Hat GRUB extension that GRUB 0.97 does not know)"
            : line.Name.StartsWith("title", StringComparison.Ordinal)
                ? " (it is not 'title': the line does not start an entry)"
                : string.Empty;
        Report(DiagnosticIds.GrubUnknownCommand, line, $"unknown command '{line.Name}'; GRUB ignores the line{hint}");
    }

    private void ApplyGlobal(GrubLine line)
    {
        var argument = line.Argument;
        switch (line.Name)
        {
            case "default":
                if (argument == "saved")
                {
                    DefaultLine = line;
                    DefaultSaved = true;
                    DefaultValue = 0;
                }
                else if (ReadNumber(line, "default", out var value))
                {
                    DefaultLine = line;
                    DefaultSaved = false;
                    DefaultValue = value;
                }

                break;
            case "timeout":
                if (ReadNumber(line, "timeout", out var seconds))
                {
                    TimeoutLine = line;
                    Timeout = seconds;
                }

                break;
            case "fallback":
                ReadFallback(line);
                break;
            default:
                break;
        }
    }

    private bool ReadNumber(GrubLine line, string what, out int value)
    {
        var argument = line.Argument;
        if (!GrubNumber.TryParse(argument, 0, out value, out var consumed))
        {
            Report(DiagnosticIds.GrubBadNumber, line, $"'{argument}' is not a number GRUB can read; GRUB ignores this {what} line");
            return false;
        }

        if (consumed < argument.Length)
        {
            Report(DiagnosticIds.GrubBadNumber, line, string.Create(CultureInfo.InvariantCulture,
                $"GRUB reads {what} {value} and ignores the rest '{argument[consumed..]}'"));
        }

        return true;
    }

    private void ReadFallback(GrubLine line)
    {
        // fallback_func of GRUB 0.97: numbers separated by blanks (skip_to), duplicates abort the command.
        var argument = line.Argument;
        var entries = new List<int>();
        var position = 0;
        while (position < argument.Length)
        {
            if (!GrubNumber.TryParse(argument, position, out var entry, out var consumed))
            {
                Report(DiagnosticIds.GrubBadNumber, line, entries.Count > 0 && !char.IsAsciiDigit(argument[position])
                    ? "a repeated fallback number makes GRUB 0.97 misread the rest of the line; it ignores the whole fallback list"
                    : $"'{argument}' is not a list of entry numbers; GRUB ignores this fallback line");
                return;
            }

            position += consumed;
            if (entries.Contains(entry))
            {
                continue;
            }

            entries.Add(entry);
            if (entries.Count == 8)
            {
                if (position < argument.Length)
                {
                    Report(DiagnosticIds.GrubBadNumber, line, "GRUB uses at most 8 fallback entries and ignores the rest");
                }

                break;
            }

            var (_, _, next) = GrubText.SplitWord(argument, position);
            position = next;
        }

        Fallback = entries;
        FallbackLine = line;
    }

    private void BuildEntries()
    {
        var entries = new List<GrubEntry>(Blocks.Count);
        var dropped = new List<GrubLine>();
        for (var b = 0; b < Blocks.Count; b++)
        {
            var block = Blocks[b];
            var title = Lines[block.TitleLine];
            if (block.Commands.Length == 0)
            {
                dropped.Add(title);
                continue;
            }

            var start = OwnedStart(block.TitleLine);
            var end = b + 1 < Blocks.Count ? Lines[OwnedStart(Blocks[b + 1].TitleLine)].Span.Start : LastCommandEnd(block);
            var span = TextSpan.FromBounds(Lines[start].Span.Start, end);
            var entry = new GrubEntry(entries.Count, title, block.Commands, span);
            block.Entry = entry;
            entries.Add(entry);
            CheckEntry(entry);
        }

        Entries = entries;
        DroppedTitles = dropped;
    }

    /// <summary>The first line an entry owns: blank lines, then comment lines directly above its title.</summary>
    internal int OwnedStart(int titleLine)
    {
        var start = titleLine;
        while (start > 0 && Lines[start - 1].Kind == GrubLineKind.Comment)
        {
            start--;
        }

        while (start > 0 && Lines[start - 1].Kind == GrubLineKind.Blank)
        {
            start--;
        }

        return start;
    }

    private int LastCommandEnd(Block block) => Lines[block.LastLine].Span.End;

    private void CheckEntry(GrubEntry entry)
    {
        if (entry.Kernel is { } kernel)
        {
            for (var o = 0; o < kernel.Options.Count; o++)
            {
                var option = kernel.Options[o];
                if (option.StartsWith("--type=", StringComparison.Ordinal) &&
                    option[7..] is not ("netbsd" or "freebsd" or "openbsd" or "linux" or "biglinux" or "multiboot"))
                {
                    Report(DiagnosticIds.GrubBadDevice, kernel.Line, $"unknown kernel type '{option[7..]}' (GRUB knows netbsd, freebsd, openbsd, linux, biglinux, multiboot)");
                }
            }

            CheckPath(kernel.Line, kernel.PathChars);
        }

        // A bare 'root' only prints the current root device in GRUB 0.97: nothing malformed. The device is checked on
        // the line's characters (no string, no device object); only a failed one is parsed again, for the wording of
        // the error.
        if (entry.RootLine is { } rootLine && !GrubDevice.IsValid(entry.RootChars) && !entry.RootChars.IsWhiteSpace()
            && !GrubDevice.TryParse(entry.RootChars.ToString(), out _, out var error))
        {
            Report(DiagnosticIds.GrubBadDevice, rootLine, error);
        }

        var commands = entry.Commands;
        for (var c = 0; c < commands.Count; c++)
        {
            var command = commands[c];
            if (command.Name is "module" or "modulenounzip" or "initrd")
            {
                CheckPath(command, GrubText.FirstWord(command.ArgumentChars));
            }
        }
    }

    private void CheckPath(GrubLine line, GrubChars file)
    {
        if (file.IsEmpty || file[0] != '(')
        {
            return;
        }

        var close = file.IndexOf(')');
        if (close < 0 || !GrubDevice.IsValid(file.Slice(0, close + 1)))
        {
            Report(DiagnosticIds.GrubBadDevice, line, $"'{file.ToString()}' starts with a malformed device name");
        }
    }

    private void ResolveDefault()
    {
        if (Entries.Count == 0)
        {
            DefaultEntryIndex = null;
            return;
        }

        var valid = Fallback.Where(f => f < Entries.Count).ToList();
        if (FallbackLine is not null && valid.Count < Fallback.Count)
        {
            Report(DiagnosticIds.GrubBadNumber, FallbackLine, string.Create(CultureInfo.InvariantCulture,
                $"fallback names entries that do not exist (there are {Entries.Count}); GRUB drops them"));
        }

        // GRUB boots the first existing fallback entry when default names none (GrubMenuValidator reports it: XC4010).
        DefaultEntryIndex = DefaultValue >= Entries.Count ? (valid.Count > 0 ? valid[0] : 0) : DefaultValue;
    }

    /// <summary>A <c>title</c> line and the command lines GRUB stores after it.</summary>
    internal sealed class Block(int titleLine)
    {
        public int TitleLine { get; } = titleLine;

        public int LastLine { get; set; } = titleLine;

        public GrubLine[] Commands { get; private set; } = [];

        public GrubEntry? Entry { get; set; }

        /// <summary>Takes the block's commands from <paramref name="commands"/> (then emptied for the next block).</summary>
        public void Close(List<GrubLine> commands)
        {
            Commands = commands.Count == 0 ? [] : [.. commands];
            commands.Clear();
        }
    }
}
