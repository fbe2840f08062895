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
    /// <param name="paths">Files and folders: together they are the repository. A named file of no kind XenConfig reads gets XC0003.</param>
    /// <param name="options">The rule sets to run and where else to read; <see cref="RepositoryValidationOptions.Default"/> when null.</param>
    /// <param name="sources">Readers of other guests, e.g. <c>new VmDefinitionGuestSource()</c> from <c>XenConfig.Yaml</c>.</param>
    /// <returns>The file count and every diagnostic, sorted by path, line and column.</returns>
    /// <exception cref="FileNotFoundException">A path does not exist (a usage error, exit code 2).</exception>
    public static RepositoryValidationReport Validate(IEnumerable<string> paths, RepositoryValidationOptions? options = null, params IGuestSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= RepositoryValidationOptions.Default;
        var scan = RepositoryScanner.Scan(paths, new RepositoryScanOptions { AllowOutside = options.AllowOutside, NamedFileKind = options.NamedFileKind });
        return Validate(scan, options, sources);
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
        if (options.RuleSets.Count == 0)
        {
            throw new ArgumentException("At least one rule set is needed.", nameof(options));
        }

        var run = new Run(options.RuleSets.ToArray(), scan.Boundary, options.Progress, scan.FileCount);
        var loaded = LoadGuests(scan, sources, run);
        var parts = loaded.SelectMany(l => l.Guest.Parts).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        bool IsPart(string path) => parts.Contains(Path.GetFullPath(path));

        // Each guest is read, checked and summarised on its own, in parallel; only its findings and its summary (name,
        // UUID, MACs, disks) outlive it, so memory does not grow with the text of the repository.
        var guestFiles = scan.Guests.Where(g => !IsPart(g.DomainConfig)).ToList();
        var summaries = new GuestSummary?[guestFiles.Count];
        var findings = new List<Diagnostic>?[guestFiles.Count];
        ForEachIndex(guestFiles.Count, options.Parallelism, index =>
        {
            var files = guestFiles[index];
            var sink = new List<Diagnostic>();
            var config = run.LoadConfig(files.DomainConfig, sink);
            var fstab = files.Fstab is null ? null : run.LoadFstab(files.Fstab, sink);
            var menu = files.Menu is null ? null : run.LoadMenu(files.Menu, GrubParseOptions.Default, sink);
            if (config is not null)
            {
                run.Add(run.GuestValidator.Validate(new Guest(config, fstab, menu), run.Select), sink);
                summaries[index] = GuestSummary.Of(config);
            }

            findings[index] = sink.Count == 0 ? null : sink;
        });

        foreach (var sink in findings)
        {
            run.Diagnostics.AddRange(sink ?? []);
        }

        var guests = summaries.OfType<GuestSummary>().ToList();
        foreach (var path in scan.HostMenus.Where(p => !IsPart(p)))
        {
            run.LoadMenu(path, new GrubParseOptions { PygrubChecks = false }, run.Diagnostics);
        }

        foreach (var (path, _) in scan.Other.Where(o => o.Kind == FileKind.Fstab && !IsPart(o.Path)))
        {
            run.LoadFstab(path, run.Diagnostics);
        }

        var fileCount = run.FileCount;
        foreach (var (_, guest) in loaded)
        {
            fileCount += 1 + guest.Parts.Count;
            run.Diagnostics.AddRange(guest.Diagnostics);
            if (guest.Guest is { } parsed && !parsed.Config.Document.HasErrors)
            {
                run.Validate(parsed);
                guests.Add(GuestSummary.Of(parsed.Config));
            }
        }

        run.Add(new RepositoryValidator().Validate(new GuestRepository(guests), run.Select), run.Diagnostics);
        var claimed = loaded.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        var walk = scan.Diagnostics.Where(d => !(d.Id == DiagnosticIds.UnknownFileKind.Id && claimed.Contains(d.Location.Path ?? "")));
        var relocated = run.Diagnostics.Select(d => loaded.Aggregate(d, (current, l) => l.Guest.Relocator?.Relocate(current) ?? current));
        var diagnostics = Finish(walk.Concat(relocated));
        var texts = new TextCache(scan.Boundary);
        // Files with an inline ignore comment are checked for stale ones even when they have no findings.
        var commented = run.Commented.Concat(loaded.SelectMany(l => l.Guest.Parts.Prepend(l.Path)));
        var (kept, suppressed) = options.Suppressions is { } suppressions
            ? suppressions.Apply(diagnostics, texts.Get, commented, options.RuleSets)
            : new SuppressionResult(diagnostics, []);
        // Suppressed findings do not count toward the per-file limit.
        return new RepositoryValidationReport(fileCount, DiagnosticLimit.CapPerFile(kept, options.MaxDiagnosticsPerFile), suppressed, texts.Get);
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

    /// <summary>Texts of files with findings, read again on demand through the boundary (nothing outside it is read).</summary>
    private sealed class TextCache(RepositoryBoundary boundary)
    {
        private readonly Dictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);

        public SourceText? Get(string path)
        {
            lock (_texts)
            {
                if (!_texts.TryGetValue(path, out var text))
                {
                    text = boundary.TryRead(path, reference: null, "file", out var read, out _) ? read : null;
                    _texts.Add(path, text);
                }

                return text;
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

    // What every inline ignore comment holds; a file without it has none (DiagnosticSuppressions reads the comments).
    private const string InlineCommentMarker = "xenconfig:";

    private static List<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Start.Line)
            .ThenBy(d => d.Location.Start.Character)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The state of one validation: rule sets, validators, files read. The loaders may run on several threads at once:
    /// each writes its findings to the list it is given, and the shared counters and tables are thread-safe.
    /// </summary>
    private sealed class Run(string[] ruleSets, RepositoryBoundary boundary, IProgress<ValidationProgress>? progress, int total)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<Diagnostic, Diagnostic>> _relocations = new(StringComparer.Ordinal);
        private readonly object _progressLock = new();
        private int _filesSeen;
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _commented = [];
        private int _fileCount;

        private readonly DomainConfigValidator _configValidator = new();
        private readonly FstabValidator _fstabValidator = new();
        private readonly GrubMenuValidator _menuValidator = new();

        /// <summary>Findings of the parts that run on one thread (the walk, VM definitions, host menus, the repository checks).</summary>
        public List<Diagnostic> Diagnostics { get; } = [];

        public GuestValidator GuestValidator { get; } = new();

        public int FileCount => _fileCount;

        /// <summary>The files read that may hold an inline <c># xenconfig: ignore</c> comment.</summary>
        public IEnumerable<string> Commented => _commented;

        public void Select<T>(ValidationStrategy<T> strategy) => strategy.IncludeRuleSets(ruleSets);

        /// <summary>Adds a validator's findings; those on an xm config's converted text move to the xm lines.</summary>
        public void Add(ValidationResult result, List<Diagnostic> sink) => sink.AddRange(result.ToDiagnostics().Select(RelocateToXm));

        /// <summary>Runs the per-file and guest validators on a guest whose documents were read elsewhere.</summary>
        public void Validate(Guest guest)
        {
            Add(_configValidator.Validate(guest.Config, Select), Diagnostics);
            if (guest.Fstab is { } fstab)
            {
                Add(_fstabValidator.Validate(fstab, Select), Diagnostics);
            }

            if (guest.Menu is { } menu)
            {
                Add(_menuValidator.Validate(menu, Select), Diagnostics);
            }

            Add(GuestValidator.Validate(guest, Select), Diagnostics);
        }

        /// <summary>
        /// The typed config, or null when the file cannot be read or has errors. An xm (Python) config is evaluated and
        /// converted to xl, as <c>xm create</c> would read it; the checks then run on the xl it converts to, and what
        /// they find is moved back to the xm line that set the key.
        /// </summary>
        public DomainConfig? LoadConfig(string path, List<Diagnostic> sink)
        {
            if (Read(path, sink) is not { } text)
            {
                return null;
            }

            var source = DomainConfigSource.Parse(text);
            sink.AddRange(source.Diagnostics);
            if (source.HasErrors)
            {
                return null;
            }

            var config = source.ToModel();
            if (source.Evaluation is { } evaluation)
            {
                _relocations.TryAdd(path, diagnostic => ToXmLine(diagnostic, source.Document, evaluation));
            }

            Add(_configValidator.Validate(config, Select), sink);
            return config;
        }

        /// <summary>Moves a diagnostic on an xm config's converted text to where the script assigned that key.</summary>
        public Diagnostic RelocateToXm(Diagnostic diagnostic) =>
            diagnostic.Location.Path is { } path && !_relocations.IsEmpty && _relocations.TryGetValue(path, out var relocate) ? relocate(diagnostic) : diagnostic;

        private static Diagnostic ToXmLine(Diagnostic diagnostic, DomainConfigDocument converted, XmEvaluation evaluation)
        {
            var position = diagnostic.Location.Span.Start;
            var assignment = converted.Syntax.Assignments.FirstOrDefault(a => a.FullSpan.Start <= position && position <= a.FullSpan.End);
            var location = assignment is null ? null : evaluation.GetLocation(assignment.Name);
            return diagnostic with { Location = location ?? SourceLocation.None(diagnostic.Location.Path) };
        }

        public FstabDocument? LoadFstab(string path, List<Diagnostic> sink)
        {
            if (Read(path, sink) is not { } text)
            {
                return null;
            }

            var fstab = FstabDocument.Parse(text);
            sink.AddRange(fstab.Diagnostics);
            Add(_fstabValidator.Validate(fstab, Select), sink);
            return fstab;
        }

        public GrubMenuDocument? LoadMenu(string path, GrubParseOptions options, List<Diagnostic> sink)
        {
            if (Read(path, sink) is not { } text)
            {
                return null;
            }

            var menu = GrubMenuDocument.Parse(text, options);
            sink.AddRange(menu.Diagnostics);
            Add(_menuValidator.Validate(menu, Select), sink);
            return menu;
        }

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

        private SourceText? Read(string path, List<Diagnostic> sink)
        {
            ReportProgress();
            if (!boundary.TryRead(path, reference: null, "file", out var text, out var problem))
            {
                sink.Add(problem);
                return null;
            }

            Interlocked.Increment(ref _fileCount);
            if (text.Content.Contains(InlineCommentMarker, StringComparison.OrdinalIgnoreCase))
            {
                _commented.Add(path);
            }

            return text;
        }
    }
}
