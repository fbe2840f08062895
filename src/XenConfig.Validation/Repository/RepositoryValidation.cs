using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Files;
using XenConfig.Fstab;
using XenConfig.Grub;
using XenConfig.Text;
using XenConfig.Xm;

namespace XenConfig.Validation;

/// <summary>
/// Validates a VM repository end to end: walks it (<see cref="RepositoryScanner"/>), parses every file, runs the
/// per-file validators, the guest validator on each guest and the repository validator across all guests. Guests read
/// by an <see cref="IGuestSource"/> (YAML VM definitions, say) are checked the same way.
/// </summary>
/// <remarks>
/// Nothing outside the validated paths is read unless <see cref="RepositoryValidationOptions.AllowOutside"/> allows
/// it (XC0010), no FIFO or device is opened (XC0011), and a folder reached twice is walked once (XC0012).
/// A domain config with parse errors (one that xl rejects) gets its parse diagnostics and nothing else: the checks
/// that need its values skip it, and it takes no part in the repository checks. Its fstab and menu are still checked
/// on their own. Menus that belong to no guest are a Xen host's boot menus: they are checked as GRUB menus, without
/// the pygrub comparison. GRUB 2 configs are not checked and not counted.
/// </remarks>
public static class RepositoryValidation
{
    /// <summary>Validates the files and folders (walked recursively) of <paramref name="paths"/>.</summary>
    /// <remarks>
    /// Without <see cref="RepositoryValidationOptions.Progress"/> the guests are checked while the walk goes on, as their
    /// folders are listed, so no list of the repository's files is held; with it the walk ends first (the progress
    /// counts against the files found). The report is the same either way.
    /// </remarks>
    /// <param name="paths">Files and folders: together they are the repository. A named file of no kind XenConfig reads gets XC0003.</param>
    /// <param name="options">The rule sets to run and where else to read; <see cref="RepositoryValidationOptions.Default"/> when null.</param>
    /// <param name="sources">Readers of other guests, e.g. <c>new VmDefinitionGuestSource()</c> from <c>XenConfig.Yaml</c>.</param>
    /// <returns>The file count and every diagnostic, sorted by path, line and column.</returns>
    /// <exception cref="FileNotFoundException">A path does not exist (a usage error, exit code 2).</exception>
    public static RepositoryValidationReport Validate(IEnumerable<string> paths, RepositoryValidationOptions? options = null, params IGuestSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(sources);
        options ??= RepositoryValidationOptions.Default;
        var ruleSets = RuleSets(options);
        var scanOptions = new RepositoryScanOptions { AllowOutside = options.AllowOutside, NamedFileKind = options.NamedFileKind };
        if (options.Progress is not null)
        {
            // A progress line counts against the files the walk found: it ends before the first guest is read.
            return Validate(RepositoryScanner.Scan(paths, scanOptions), options, sources);
        }

        // The walk hands over each guest as its folder is listed, and the guests are checked in batches as they come:
        // no list of every file is held, only the walk's table of folders met and what each guest leaves behind.
        Run? run = null;
        GuestChecker? checker = null;
        var scan = RepositoryScanner.Scan(paths, scanOptions, PhysicalFileSystem.Instance, boundary =>
        {
            run = new Run(ruleSets, boundary, progress: null, total: 0);
            checker = new GuestChecker(run, options.Parallelism);
            return checker.Add;
        });
        checker!.Flush();
        // The guests of folders that links or named files joined: known only now.
        foreach (var guest in scan.Guests)
        {
            checker.Add(guest);
        }

        checker.Flush();
        return Conclude(scan, options, sources, run!, checker, loaded: null);
    }

    /// <summary>
    /// Validates the files of a scan made by <see cref="RepositoryScanner.Scan(IEnumerable{string}, RepositoryScanOptions?)"/>,
    /// reading only inside its <see cref="RepositoryScan.Boundary"/>, together with the guests <paramref name="sources"/>
    /// read from it; their diagnostics are relocated with <see cref="LoadedGuest.Relocator"/>.
    /// </summary>
    /// <param name="scan">The discovered files.</param>
    /// <param name="options">The rule sets to run; <see cref="RepositoryValidationOptions.Default"/> when null.</param>
    /// <param name="sources">Readers of other guests; each file is offered to the first source that accepts it.</param>
    /// <returns>The file count and every diagnostic, sorted by path, line and column.</returns>
    public static RepositoryValidationReport Validate(RepositoryScan scan, RepositoryValidationOptions? options, params IGuestSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(sources);
        options ??= RepositoryValidationOptions.Default;
        var run = new Run(RuleSets(options), scan.Boundary, options.Progress, scan.FileCount);
        var loaded = LoadGuests(scan, sources, run);
        var parts = Parts(loaded);

        // Each guest is read, checked and summarised on its own, in parallel; only its findings and its summary (name,
        // UUID, MACs, disks) outlive it, so memory does not grow with the text of the repository.
        var checker = new GuestChecker(run, options.Parallelism);
        foreach (var guest in scan.Guests)
        {
            if (!parts.Contains(Path.GetFullPath(guest.DomainConfig)))
            {
                checker.Add(guest);
            }
        }

        checker.Flush();
        return Conclude(scan, options, sources, run, checker, loaded);
    }

    private static string[] RuleSets(RepositoryValidationOptions options) =>
        options.RuleSets.Count == 0 ? throw new ArgumentException("At least one rule set is needed.", nameof(options)) : options.RuleSets.ToArray();

    // A loop, not SelectMany(...).Select(...): Select on a LINQ iterator is a generic virtual call, which the native build
    // resolves through its type loader on first use, even when there is no VM definition at all.
    private static HashSet<string> Parts(List<(string Path, LoadedGuest Guest)> loaded)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, guest) in loaded)
        {
            foreach (var part in guest.Parts)
            {
                parts.Add(Path.GetFullPath(part));
            }
        }

        return parts;
    }

    // Everything after the guests of the folders: VM definitions (loaded here when the guests were streamed, and then a
    // guest that turns out to be a part of one is dropped with all it left), host menus, lone fstabs, the repository
    // checks, sorting and suppressions.
    private static RepositoryValidationReport Conclude(
        RepositoryScan scan, RepositoryValidationOptions options, IGuestSource[] sources, Run run, GuestChecker checker, List<(string Path, LoadedGuest Guest)>? loaded)
    {
        loaded ??= LoadGuests(scan, sources, run);
        var parts = Parts(loaded);
        bool IsPart(string path) => parts.Count > 0 && parts.Contains(Path.GetFullPath(path));

        // "First" in the repository checks follows the order of the scan's guests, whatever order they were checked in.
        var summaries = checker.Summaries;
        summaries.Sort(GuestSummary.ComparePaths);
        // The checked guests' summaries are the repository checks' list, unless a guest turns out to be a VM definition's part.
        var guests = parts.Count == 0 ? summaries : new List<GuestSummary>(summaries.Count);
        var fileCount = 0;
        var commented = new List<string>();
        foreach (var summary in summaries)
        {
            var config = parts.Count > 0 || checker.Sinks.Count > 0 ? summary.Path! : null;
            if (config is not null && IsPart(config))
            {
                run.ForgetXmConfig(config);
                continue;
            }

            fileCount += summary.FilesRead;
            if (checker.Sinks.Count > 0 && checker.Sinks.TryGetValue(config!, out var sink))
            {
                run.Diagnostics.AddRange(sink.Findings);
                commented.AddRange(sink.Commented ?? []);
            }

            if (!ReferenceEquals(guests, summaries))
            {
                guests.Add(summary);
            }
        }

        foreach (var path in scan.HostMenus.Where(p => !IsPart(p)))
        {
            run.LoadMenu(path, new GrubParseOptions { PygrubChecks = false }, run.Shared);
        }

        foreach (var (path, _) in scan.Other.Where(o => o.Kind == FileKind.Fstab && !IsPart(o.Path)))
        {
            run.LoadFstab(path, run.Shared);
        }

        fileCount += run.Shared.FilesRead;
        commented.AddRange(run.Shared.Commented ?? []);
        foreach (var (_, guest) in loaded)
        {
            fileCount += 1 + guest.Parts.Count;
            run.Diagnostics.AddRange(guest.Diagnostics);
            if (guest.Guest is { } parsed && !parsed.Config.Document.HasErrors)
            {
                run.Validate(parsed);
                guests.Add(GuestSummary.Of(parsed.Config, run.XmRelocation(parsed.Config.Document.Path)));
            }
        }
        // The summaries' spots are already at the xm lines: the repository's findings are not moved again.
        run.Diagnostics.AddRange(new RepositoryValidator().Validate(new GuestRepository(guests), run.Select).ToDiagnostics());
        var claimed = loaded.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        var walk = scan.Diagnostics.Where(d => !(d.Id == DiagnosticIds.UnknownFileKind.Id && claimed.Contains(d.Location.Path ?? "")));
        var relocated = run.Diagnostics.Select(d => loaded.Aggregate(d, (current, l) => l.Guest.Relocator?.Relocate(current) ?? current));
        var diagnostics = Finish(walk.Concat(relocated));
        // The report reads texts again through the boundary; the folders' links it read for the run need not outlive it.
        scan.Boundary.ForgetFolderLinks();
        var texts = new TextCache(scan.Boundary);
        // Files with an inline ignore comment are checked for stale ones even when they have no findings.
        var (kept, suppressed) = options.Suppressions is { } suppressions
            ? suppressions.Apply(diagnostics, texts.Get, commented.Concat(loaded.SelectMany(l => l.Guest.Parts.Prepend(l.Path))), options.RuleSets)
            : new SuppressionResult(diagnostics, []);
        // Suppressed findings do not count toward the per-file limit.
        return new RepositoryValidationReport(fileCount, DiagnosticLimit.CapPerFile(kept, options.MaxDiagnosticsPerFile), suppressed, texts.Get);
    }

    /// <summary>What the files of one guest (or the files read on one thread) found, and how many were read.</summary>
    private sealed class Sink
    {
        public List<Diagnostic> Findings { get; } = [];

        /// <summary>Files read that hold an inline <c># xenconfig: ignore</c> comment; null for none.</summary>
        public List<string>? Commented { get; set; }

        public int FilesRead { get; set; }
    }

    /// <summary>
    /// Checks guests in batches, each batch in parallel, and keeps what each leaves behind: its summary (which also
    /// counts the files it read), and what it found in the rare guest that found something. One reference per guest,
    /// not a record of four fields beside each summary.
    /// </summary>
    private sealed class GuestChecker(Run run, int parallelism)
    {
        // Enough guests to keep every thread busy; few enough that their documents are a small part of the memory.
        private const int BatchSize = 512;

        private readonly List<GuestFiles> _batch = new(BatchSize);

        /// <summary>One per guest checked, in the order checked; a guest whose config was not read has an empty one.</summary>
        public List<GuestSummary> Summaries { get; } = [];

        /// <summary>What the guests that found something (or read an inline ignore comment) found, by config path.</summary>
        public Dictionary<string, Sink> Sinks { get; } = new(StringComparer.Ordinal);

        public void Add(GuestFiles guest)
        {
            _batch.Add(guest);
            if (_batch.Count == BatchSize)
            {
                Flush();
            }
        }

        public void Flush()
        {
            var outcomes = new (GuestSummary Summary, Sink? Sink)[_batch.Count];
            ForEachIndex(_batch.Count, parallelism, index => outcomes[index] = run.Check(_batch[index]));
            for (var index = 0; index < outcomes.Length; index++)
            {
                var (summary, sink) = outcomes[index];
                Summaries.Add(summary);
                if (sink is not null)
                {
                    Sinks.Add(_batch[index].DomainConfig, sink);
                }
            }

            _batch.Clear();
        }
    }

    // Runs body(0..count-1) on up to `parallelism` threads. A failure surfaces as itself, as it would without threads.
    private static void ForEachIndex(int count, int parallelism, Action<int> body)
    {
        if (parallelism <= 1 || count < 2)
        {
            for (var index = 0; index < count; index++)
            {
                body(index);
            }

            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, body);
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(aggregate.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>
    /// Texts of files with findings, read again on demand through the boundary (nothing outside it is read). Only the
    /// last one is kept: findings come sorted by path, so each file is asked for in one run of calls, and holding every
    /// text with a finding (10,000 xm configs with info findings) made the memory grow with the repository.
    /// </summary>
    private sealed class TextCache(RepositoryBoundary boundary)
    {
        private readonly object _lock = new();
        private string? _path;
        private SourceText? _text;

        public SourceText? Get(string path)
        {
            lock (_lock)
            {
                if (!string.Equals(path, _path, StringComparison.Ordinal))
                {
                    _text = boundary.TryRead(path, reference: null, "file", out var read, out _) ? read : null;
                    _path = path;
                }

                return _text;
            }
        }
    }

    // Each VM definition, and each file of unknown kind, goes to the first source that accepts it. A VM definition that
    // no source reads is reported: a library user who did not pass XenConfig.Yaml's source would not know otherwise.
    private static List<(string Path, LoadedGuest Guest)> LoadGuests(RepositoryScan scan, IGuestSource[] sources, Run run)
    {
        var loaded = new List<(string, LoadedGuest)>();
        foreach (var (path, kind) in scan.VmDefinitions.Select(p => (p, FileKind.VmDefinition)).Concat(scan.Skipped.Select(p => (p, FileKind.Unknown))))
        {
            if (sources.FirstOrDefault(s => s.Accepts(path, kind)) is { } source)
            {
                loaded.Add((path, source.Load(path, scan.Boundary)));
                run.ReportProgress();
            }
            else if (kind == FileKind.VmDefinition)
            {
                run.Diagnostics.Add(DiagnosticIds.UnknownFileKind.Create(SourceLocation.None(path),
                    "the file is a YAML VM definition, and no guest source for them was given (XenConfig.Yaml's VmDefinitionGuestSource); it is skipped"));
            }
        }

        return loaded;
    }

    private static List<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Distinct().OrderBy(d => d, DiagnosticOrder.ForReport).ToList();

    /// <summary>
    /// The state of one validation: rule sets, validators, files read. The loaders may run on several threads at once:
    /// each writes its findings to the list it is given, and the shared counters and tables are thread-safe.
    /// </summary>
    private sealed class Run(string[] ruleSets, RepositoryBoundary boundary, IProgress<ValidationProgress>? progress, int total)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, XmLineRelocation> _relocations = new(StringComparer.Ordinal);
        private readonly object _progressLock = new();
        private int _filesSeen;

        // Each validator is built when the first file of its kind is checked: a run over fstabs alone builds no other,
        // and building one (its FluentValidation rules) is a measurable part of a one-file run. Loaders may race to
        // build one; equal validators, one is kept.
        private DomainConfigValidator? _configValidator;
        private FstabValidator? _fstabValidator;
        private GrubMenuValidator? _menuValidator;
        private GuestValidator? _guestValidator;

        private DomainConfigValidator ConfigValidator => _configValidator ?? BuiltOnce(ref _configValidator, new DomainConfigValidator());

        private FstabValidator FstabValidator => _fstabValidator ?? BuiltOnce(ref _fstabValidator, new FstabValidator());

        private GrubMenuValidator MenuValidator => _menuValidator ?? BuiltOnce(ref _menuValidator, new GrubMenuValidator());

        private GuestValidator GuestValidator => _guestValidator ?? BuiltOnce(ref _guestValidator, new GuestValidator());

        /// <summary>What the parts that run on one thread read and found (VM definitions, host menus, lone fstabs, the repository checks).</summary>
        public Sink Shared { get; } = new();

        /// <summary>The findings of <see cref="Shared"/>.</summary>
        public List<Diagnostic> Diagnostics => Shared.Findings;

        /// <summary>Reads, checks and summarises one guest; nothing of its documents outlives the call.</summary>
        public (GuestSummary Summary, Sink? Sink) Check(GuestFiles files)
        {
            var sink = new Sink();
            var config = LoadConfig(files.DomainConfig, sink);
            var fstab = files.Fstab is null ? null : LoadFstab(files.Fstab, sink);
            var menu = files.Menu is null ? null : LoadMenu(files.Menu, GrubParseOptions.Default, sink);
            GuestSummary summary;
            if (config is not null)
            {
                Add(GuestValidator.Validate(new Guest(config, fstab, menu), Select), sink.Findings);
                summary = GuestSummary.Of(config, XmRelocation(files.DomainConfig), sink.FilesRead);
            }
            else
            {
                summary = GuestSummary.Unread(files.DomainConfig, sink.FilesRead);
            }

            // The guest's findings and summary are at the xm lines now: its relocation need not outlive it (the repository's
            // findings name the summaries' spots, which are moved already).
            _relocations.TryRemove(files.DomainConfig, out _);
            var kept = sink.Findings.Count > 0 || sink.Commented is not null ? sink : null;
            return (summary, kept);
        }

        /// <summary>Forgets an xm config that turned out to be a part of a VM definition: its guest was dropped.</summary>
        public void ForgetXmConfig(string path) => _relocations.TryRemove(path, out _);

        public void Select<T>(ValidationStrategy<T> strategy) => strategy.IncludeRuleSets(ruleSets);

        /// <summary>Adds a validator's findings; those on an xm config's converted text move to the xm lines.</summary>
        public void Add(ValidationResult result, List<Diagnostic> sink) => sink.AddRange(result.ToDiagnostics().Select(RelocateToXm));

        /// <summary>Runs the per-file and guest validators on a guest whose documents were read elsewhere.</summary>
        public void Validate(Guest guest)
        {
            Add(ConfigValidator.Validate(guest.Config, Select), Diagnostics);
            if (guest.Fstab is { } fstab)
            {
                Add(FstabValidator.Validate(fstab, Select), Diagnostics);
            }

            if (guest.Menu is { } menu)
            {
                Add(MenuValidator.Validate(menu, Select), Diagnostics);
            }

            Add(GuestValidator.Validate(guest, Select), Diagnostics);
        }

        /// <summary>
        /// The typed config, or null when the file cannot be read or has errors. An xm (Python) config is evaluated and
        /// converted to xl, as <c>xm create</c> would read it; the checks then run on the xl it converts to, and what
        /// they find is moved back to the xm line that set the key.
        /// </summary>
        public DomainConfig? LoadConfig(string path, Sink sink)
        {
            if (Read(path, sink) is not { } text)
            {
                return null;
            }

            var source = DomainConfigSource.Parse(text);
            sink.Findings.AddRange(source.Diagnostics);
            if (source.HasErrors)
            {
                return null;
            }

            var config = source.ToModel();
            if (source.Evaluation is { } evaluation)
            {
                // Only the assignments' bounds and xm lines stay for the repository checks, not the documents.
                _relocations.TryAdd(path, XmLineRelocation.Of(source.Document, evaluation));
            }

            Add(ConfigValidator.Validate(config, Select), sink.Findings);
            return config;
        }

        /// <summary>How locations on the converted text of the xm config at <paramref name="path"/> move to its lines; null for an xl config.</summary>
        public Func<SourceLocation, SourceLocation>? XmRelocation(string? path) =>
            path is not null && _relocations.TryGetValue(path, out var relocation) ? relocation.Relocate : null;

        /// <summary>Moves a diagnostic on an xm config's converted text to where the script assigned that key.</summary>
        public Diagnostic RelocateToXm(Diagnostic diagnostic) =>
            diagnostic.Location.Path is { } path && !_relocations.IsEmpty && _relocations.TryGetValue(path, out var relocation) ? relocation.Relocate(diagnostic) : diagnostic;

        public FstabDocument? LoadFstab(string path, Sink sink)
        {
            if (Read(path, sink) is not { } text)
            {
                return null;
            }

            var fstab = FstabDocument.Parse(text);
            sink.Findings.AddRange(fstab.Diagnostics);
            Add(FstabValidator.Validate(fstab, Select), sink.Findings);
            return fstab;
        }

        public GrubMenuDocument? LoadMenu(string path, GrubParseOptions options, Sink sink)
        {
            if (Read(path, sink) is not { } text)
            {
                return null;
            }

            var menu = GrubMenuDocument.Parse(text, options);
            sink.Findings.AddRange(menu.Diagnostics);
            Add(MenuValidator.Validate(menu, Select), sink.Findings);
            return menu;
        }

        private static T BuiltOnce<T>(ref T? field, T built)
            where T : class =>
            Interlocked.CompareExchange(ref field, built, null) ?? built;

        /// <summary>Counts one more file towards the progress line.</summary>
        public void ReportProgress()
        {
            if (progress is null)
            {
                return;
            }

            // One report at a time, in order: a progress line must not count backwards.
            lock (_progressLock)
            {
                progress.Report(new ValidationProgress(++_filesSeen, total));
            }
        }

        private SourceText? Read(string path, Sink sink)
        {
            ReportProgress();
            if (!boundary.TryRead(path, reference: null, "file", out var text, out var problem))
            {
                sink.Findings.Add(problem);
                return null;
            }

            sink.FilesRead++;
            if (text.Content.Contains(DiagnosticSuppressions.InlineCommentMarker, StringComparison.OrdinalIgnoreCase))
            {
                (sink.Commented ??= []).Add(path);
            }

            return text;
        }
    }
}
