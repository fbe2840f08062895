using System.Buffers;
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
    // Made with the first diagnostic: most menus have none.
    private List<Diagnostic>? _diagnostics;
    private readonly GrubLineTable _lines;
    private IReadOnlyList<GrubLine>? _globalCommands;
    private IReadOnlyList<GrubLine>? _droppedTitles;
    private int _defaultLine = -1;
    private int _timeoutLine = -1;
    private int _fallbackLine = -1;

    private GrubMenuDocument(SourceText source, GrubParseOptions options)
    {
        SourceText = source;
        Options = options;
        Source = GrubSource.Of(source);
        _lines = GrubScanner.Scan(Source);
        var readings = Analyze();
        if (options.PygrubChecks)
        {
            PygrubComparison.Compare(this, readings);
        }

        if (readings.Length > 0)
        {
            ArrayPool<EntryReading>.Shared.Return(readings);
        }

        _diagnostics?.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
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
    public IReadOnlyList<GrubLine> Lines => _lines;

    /// <summary>The lines as the readers ask about them: by index, without an object per line.</summary>
    internal GrubLineTable LineTable => _lines;

    /// <summary>Everything found, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ?? (IReadOnlyList<Diagnostic>)[];

    /// <summary>True when some diagnostic is an error.</summary>
    public bool HasErrors => _diagnostics?.Exists(d => d.IsError) ?? false;

    /// <summary>The entries GRUB numbers (titles without commands are dropped first).</summary>
    public IReadOnlyList<GrubEntry> Entries => EntryTable;

    /// <summary>The entries as the readers ask about them: by number, without an object per entry.</summary>
    internal GrubEntryTable EntryTable { get; private set; } = null!;

    /// <summary>The command lines before the first title (the global section), known and unknown.</summary>
    public IReadOnlyList<GrubLine> GlobalCommands => _globalCommands ??= ReadGlobalCommands();

    /// <summary>The <c>title</c> lines GRUB drops because no command it keeps follows them, in file order.</summary>
    public IReadOnlyList<GrubLine> DroppedTitles => _droppedTitles ??= Dropped.Select(d => _lines[d.TitleLine]).ToList();

    /// <summary>The <c>default</c> line GRUB uses (the last readable one before the first title), or null.</summary>
    public GrubLine? DefaultLine => View(_defaultLine);

    /// <summary>The index of <see cref="DefaultLine"/>, or -1.</summary>
    internal int DefaultLineIndex => _defaultLine;

    /// <summary>
    /// Where the global section ends: the index of the first title line, or the number of lines. Its command lines are
    /// <see cref="GlobalCommands"/> (found from the line table when asked for, not kept in a list per parse).
    /// </summary>
    internal int GlobalEnd { get; private set; }

    /// <summary>
    /// The <c>title</c> lines GRUB drops, in file order (most menus have none). The titles GRUB keeps are the entries'
    /// (<see cref="EntryTable"/>): no array with a row per title duplicates the entry rows (6 MB per 100 MB menu).
    /// </summary>
    internal IReadOnlyList<DroppedTitle> Dropped { get; private set; } = [];

    internal int DefaultValue { get; private set; }

    internal bool DefaultSaved { get; private set; }

    internal int? Timeout { get; private set; }

    internal GrubLine? TimeoutLine => View(_timeoutLine);

    internal IReadOnlyList<int> Fallback { get; private set; } = [];

    internal GrubLine? FallbackLine => View(_fallbackLine);

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

    internal SourceLocation Location(GrubLine line) => Location(line.Kind, line.Span, line.NameSpan);

    /// <summary>Where a diagnostic about line <paramref name="line"/> points (see <see cref="GetLocation"/>).</summary>
    internal SourceLocation Location(int line) =>
        Location(_lines.Kind(line), _lines.Span(line), _lines.MapRange(line, 0, _lines.NameLength(line)));

    private SourceLocation Location(GrubLineKind kind, TextSpan span, TextSpan nameSpan)
    {
        if (kind == GrubLineKind.Command)
        {
            return Location(nameSpan);
        }

        var offset = span.Start;
        var text = Source.All;
        while (offset < span.End && (text[offset] is ' ' or '\t' or '\r'))
        {
            offset++;
        }

        return Location(new TextSpan(offset, 0));
    }

    private List<GrubLine> ReadGlobalCommands()
    {
        var commands = new List<GrubLine>();
        for (var line = 0; line < GlobalEnd; line++)
        {
            if (_lines.Kind(line) == GrubLineKind.Command)
            {
                commands.Add(_lines[line]);
            }
        }

        return commands;
    }

    /// <summary>Adds a diagnostic of the parse (the pygrub comparison adds its own here).</summary>
    internal void AddDiagnostic(Diagnostic diagnostic) => (_diagnostics ??= []).Add(diagnostic);

    private GrubLine? View(int line) => line < 0 ? null : _lines[line];

    private void Report(DiagnosticDescriptor descriptor, int line, string message) =>
        AddDiagnostic(descriptor.Create(Location(line), message));

    private void Report(DiagnosticDescriptor descriptor, int line, string message, DiagnosticSeverity severity) =>
        AddDiagnostic(descriptor.Create(Location(line), message, severity));

    /// <summary>Reads the lines into blocks and entries; returns what the entry check read of each entry (see <see cref="EntryReading"/>).</summary>
    private EntryReading[] Analyze()
    {
        var lines = _lines;
        // Room for an entry per title; a block is added to the entries as it closes (its lines were just read).
        var entryTable = new GrubEntryTable(lines, lines.TitleCount);
        List<DroppedTitle>? dropped = null;

        // The block being read: its title line (-1 before the first title), its last command line and how many
        // commands GRUB stores for it.
        var title = -1;
        var last = -1;
        var commands = 0;
        var entries = 0;
        void CloseBlock()
        {
            if (title >= 0 && commands > 0)
            {
                entryTable.Add(title, last);
                entries++;
            }
            else if (title >= 0)
            {
                (dropped ??= []).Add(new DroppedTitle(title, entries));
            }
        }

        for (var index = 0; index < lines.Count; index++)
        {
            if (lines.IsTruncated(index))
            {
                Report(DiagnosticIds.GrubLineTooLong, index, string.Create(CultureInfo.InvariantCulture,
                    $"this line is longer than GRUB's {GrubScanner.MaxLineLength}-character buffer; GRUB drops everything after character {GrubScanner.MaxLineLength}"));
            }

            var kind = lines.Kind(index);
            if (kind == GrubLineKind.Comment && lines.SwallowsLine(index))
            {
                Report(DiagnosticIds.GrubCommentSwallowsLine, index,
                    "this comment ends with a backslash, so GRUB reads the next line as part of the comment and ignores it");
            }

            if (kind != GrubLineKind.Command)
            {
                continue;
            }

            var flags = lines.CommandFlags(index);
            if (flags == GrubCommandFlags.Title)
            {
                GlobalEnd = title < 0 ? index : GlobalEnd;
                CloseBlock();
                (title, last, commands) = (index, index, 0);
                continue;
            }

            if (title >= 0)
            {
                last = index;
            }

            if (flags == GrubCommandFlags.None)
            {
                ReportUnknown(index);
                continue;
            }

            if (title < 0)
            {
                if ((flags & GrubCommandFlags.Menu) != 0)
                {
                    ApplyGlobal(index);
                }
                else
                {
                    Report(DiagnosticIds.GrubCommandMisplaced, index,
                        $"'{lines.Name(index)}' before the first title is ignored by GRUB; it only works inside an entry", DiagnosticSeverity.Warning);
                }

                continue;
            }

            commands++;
            if (flags == GrubCommandFlags.Menu)
            {
                Report(DiagnosticIds.GrubCommandMisplaced, index,
                    $"'{lines.Name(index)}' only works before the first title; inside the entry '{lines.Argument(title)}' GRUB stops with \"Error 27: Unrecognized command\" when it boots");
            }
        }

        GlobalEnd = title < 0 ? lines.Count : GlobalEnd;
        CloseBlock();
        System.Diagnostics.Debug.Assert(entries + (dropped?.Count ?? 0) == lines.TitleCount, "an entry or a dropped title per title line");
        Dropped = dropped ?? (IReadOnlyList<DroppedTitle>)[];
        EntryTable = entryTable;
        var readings = CheckEntries();
        ResolveDefault();
        return readings;
    }

    private void ReportUnknown(int index)
    {
        var name = _lines.Name(index);
        var lower = name.ToLowerInvariant();
        var hint = lower != name && GrubCommandTable.Lookup(lower) != GrubCommandFlags.None
            ? $" (commands are case-sensitive: did you mean '{lower}'?)"
            : name is "kernel$" or "module$" or "findroot" or "bootfs" or "uuid"
                ? " (a Solaris or Red Hat GRUB extension that GRUB 0.97 does not know)"
            : name.StartsWith("title", StringComparison.Ordinal)
                ? " (it is not 'title': the line does not start an entry)"
                : string.Empty;
        Report(DiagnosticIds.GrubUnknownCommand, index, $"unknown command '{name}'; GRUB ignores the line{hint}");
    }

    // The global commands are read on the line's characters: the argument is made a string only for a message.
    private void ApplyGlobal(int line)
    {
        var command = _lines.CommandIndex(line);
        if (command == GrubCommandTable.Default)
        {
            if (_lines.ArgumentChars(line).SequenceEqual("saved"))
            {
                _defaultLine = line;
                DefaultSaved = true;
                DefaultValue = 0;
            }
            else if (ReadNumber(line, "default", out var value))
            {
                _defaultLine = line;
                DefaultSaved = false;
                DefaultValue = value;
            }
        }
        else if (command == GrubCommandTable.Timeout)
        {
            if (ReadNumber(line, "timeout", out var seconds))
            {
                _timeoutLine = line;
                Timeout = seconds;
            }
        }
        else if (command == GrubCommandTable.Fallback)
        {
            ReadFallback(line);
        }
    }

    private bool ReadNumber(int line, string what, out int value)
    {
        var argument = _lines.ArgumentChars(line);
        if (!GrubNumber.TryParse(argument, 0, out value, out var consumed))
        {
            Report(DiagnosticIds.GrubBadNumber, line, $"'{_lines.Argument(line)}' is not a number GRUB can read; GRUB ignores this {what} line");
            return false;
        }

        if (consumed < argument.Length)
        {
            Report(DiagnosticIds.GrubBadNumber, line, string.Create(CultureInfo.InvariantCulture,
                $"GRUB reads {what} {value} and ignores the rest '{_lines.Argument(line)[consumed..]}'"));
        }

        return true;
    }

    private void ReadFallback(int line)
    {
        // fallback_func of GRUB 0.97: numbers separated by blanks (skip_to), duplicates abort the command.
        var argument = _lines.Argument(line);
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
        _fallbackLine = line;
    }

    // After the whole file is read, as when the entries were built from the blocks: diagnostics at one place keep the
    // order they were added in.
    private EntryReading[] CheckEntries()
    {
        var entries = EntryTable;
        // Each entry's reading is written by CheckEntry before the comparison reads it.
        var readings = entries.Count > 0 && Options.PygrubChecks ? ArrayPool<EntryReading>.Shared.Rent(entries.Count) : [];
        var unused = default(EntryReading);
        for (var entry = 0; entry < entries.Count; entry++)
        {
            CheckEntry(entries, entry, ref readings.Length > 0 ? ref readings[entry] : ref unused);
        }

        return readings;
    }

    /// <summary>True when line <paramref name="line"/> is a <c>title</c> line GRUB drops.</summary>
    internal bool IsDroppedTitle(int line)
    {
        int low = 0, high = Dropped.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var title = Dropped[middle].TitleLine;
            if (title == line)
            {
                return true;
            }

            (low, high) = title < line ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }

    /// <summary>The first line an entry owns: blank lines, then comment lines directly above its title.</summary>
    internal int OwnedStart(int titleLine) => GrubEntryTable.OwnedStart(_lines, titleLine);

    private void CheckEntry(GrubEntryTable entries, int entry, ref EntryReading reading)
    {
        var kernelLine = entries.KernelLine(entry);
        if (kernelLine >= 0)
        {
            var argument = _lines.ArgumentChars(kernelLine);
            var position = 0;
            while (GrubKernel.IsOption(argument.Slice(position)))
            {
                var (start, end, next) = GrubText.SplitWord(argument, position);
                var option = argument.Slice(start, end - start);
                if (option.StartsWith("--type=") && !IsKernelType(option.Slice(7)))
                {
                    Report(DiagnosticIds.GrubBadDevice, kernelLine, $"unknown kernel type '{option.Slice(7).ToString()}' (GRUB knows netbsd, freebsd, openbsd, linux, biglinux, multiboot)");
                }

                position = next;
            }

            // The file and the rest where GrubKernel.Split finds them (past the same options).
            var (pathStart, pathEnd, rest) = GrubText.SplitWord(argument, position);
            reading.KernelPathStart = pathStart;
            reading.KernelPathEnd = pathEnd;
            reading.KernelRest = rest;
            reading.KernelPathPart = CheckPath(kernelLine, argument.Slice(pathStart, pathEnd - pathStart));
        }

        // A bare 'root' only prints the current root device in GRUB 0.97: nothing malformed. The device is checked on
        // the line's characters (no string, no device object); only a failed one is parsed again, for the wording of
        // the error.
        var rootLine = entries.RootLine(entry);
        if (rootLine >= 0)
        {
            var root = entries.RootChars(entry);
            reading.RootValid = GrubDevice.TryScan(root, out reading.Root);
            if (!reading.RootValid && !root.IsWhiteSpace() && !GrubDevice.TryParse(root.ToString(), out _, out var error))
            {
                Report(DiagnosticIds.GrubBadDevice, rootLine, error);
            }
        }

        var initrdLine = entries.InitrdLine(entry);
        for (var line = entries.TitleLine(entry) + 1; line <= entries.LastLine(entry); line++)
        {
            var command = _lines.CommandIndex(line);
            if (command == GrubCommandTable.Module || command == GrubCommandTable.ModuleNoUnzip || command == GrubCommandTable.Initrd)
            {
                var file = GrubText.FirstWord(_lines.ArgumentChars(line));
                var pathPart = CheckPath(line, file);
                if (line == initrdLine)
                {
                    reading.InitrdLength = file.Length;
                    reading.InitrdPathPart = pathPart;
                }
            }
        }
    }

    private static bool IsKernelType(GrubChars type) =>
        type.SequenceEqual("netbsd") || type.SequenceEqual("freebsd") || type.SequenceEqual("openbsd") || type.SequenceEqual("linux")
        || type.SequenceEqual("biglinux") || type.SequenceEqual("multiboot");

    /// <summary>Reports a malformed device prefix of a file; returns where the path after a well-formed one starts (0 when there is none).</summary>
    private int CheckPath(int line, GrubChars file)
    {
        if (file.IsEmpty || file[0] != '(')
        {
            return 0;
        }

        var close = file.IndexOf(')');
        if (close < 0 || !GrubDevice.IsValid(file.Slice(0, close + 1)))
        {
            Report(DiagnosticIds.GrubBadDevice, line, $"'{file.ToString()}' starts with a malformed device name");
            return 0;
        }

        return close + 1;
    }

    private void ResolveDefault()
    {
        if (EntryTable.Count == 0)
        {
            DefaultEntryIndex = null;
            return;
        }

        var firstValid = -1;
        var validCount = 0;
        foreach (var fallback in Fallback)
        {
            if (fallback < Entries.Count)
            {
                if (validCount == 0)
                {
                    firstValid = fallback;
                }

                validCount++;
            }
        }

        if (_fallbackLine >= 0 && validCount < Fallback.Count)
        {
            Report(DiagnosticIds.GrubBadNumber, _fallbackLine, string.Create(CultureInfo.InvariantCulture,
                $"fallback names entries that do not exist (there are {Entries.Count}); GRUB drops them"));
        }

        // GRUB boots the first existing fallback entry when default names none (GrubMenuValidator reports it: XC4010).
        DefaultEntryIndex = DefaultValue >= Entries.Count ? Math.Max(firstValid, 0) : DefaultValue;
    }

    /// <summary>
    /// What the entry check reads of an entry and the pygrub comparison reads again, kept for the length of one parse
    /// (in a pooled array) so each is read once: where the kernel line's file and arguments are, the device-free part of
    /// the kernel and initrd files, the root device's reading.
    /// </summary>
    internal struct EntryReading
    {
        /// <summary>Where the kernel file starts in its line's argument (past the options).</summary>
        public int KernelPathStart;

        /// <summary>Where the kernel file ends in its line's argument.</summary>
        public int KernelPathEnd;

        /// <summary>Where the kernel arguments start in the line's argument (its length when there are none).</summary>
        public int KernelRest;

        /// <summary>Where the path after a well-formed device prefix starts in the kernel file (0 when it has none).</summary>
        public int KernelPathPart;

        /// <summary>True when the root device reads as a device (<see cref="GrubDevice.TryScan"/>); its parts in <see cref="Root"/>.</summary>
        public bool RootValid;

        /// <summary>The root device's parts when <see cref="RootValid"/>.</summary>
        public GrubDevice.Parts Root;

        /// <summary>The length of the initrd file (the first word of the last initrd line).</summary>
        public int InitrdLength;

        /// <summary>Where the path after a well-formed device prefix starts in the initrd file (0 when it has none).</summary>
        public int InitrdPathPart;
    }

    /// <summary>A <c>title</c> line GRUB drops (no command it stores follows it) and how many entries GRUB numbers before it.</summary>
    internal readonly record struct DroppedTitle(int TitleLine, int EntriesBefore);
}
