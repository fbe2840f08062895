using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Fstab;
using XenConfig.Grub;
using XenConfig.Text;
using XenConfig.Validation.Discovery;

namespace XenConfig.Validation;

/// <summary>
/// Validates a VM repository end to end: discovers its guests (<see cref="RepositoryScanner"/>), parses every file,
/// runs the per-file validators, the guest validator on each guest and the repository validator across all guests.
/// </summary>
/// <remarks>
/// A domain config with parse errors (one that xl rejects) gets its parse diagnostics and nothing else: the checks
/// that need its values skip it, and it takes no part in the repository checks. Its fstab and menu are still checked
/// on their own. Menus that belong to no guest are a Xen host's boot menus: they are checked as GRUB menus, without
/// the pygrub comparison. YAML VM definitions and GRUB 2 configs are not read here and are not counted.
/// </remarks>
public static class RepositoryValidation
{
    /// <summary>Validates the files and folders (walked recursively) of <paramref name="paths"/>.</summary>
    /// <param name="paths">Files and folders; a file named here that is of no kind XenConfig reads gets an XC0003 info.</param>
    /// <param name="options">The rule sets to run; <see cref="RepositoryValidationOptions.Default"/> when null.</param>
    /// <returns>The file count and every diagnostic, sorted by path, line and column.</returns>
    /// <exception cref="FileNotFoundException">A path does not exist (a usage error, exit code 2).</exception>
    /// <exception cref="IOException">A folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder cannot be listed.</exception>
    public static RepositoryValidationReport Validate(IEnumerable<string> paths, RepositoryValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var given = paths.ToList();
        var scan = RepositoryScanner.Scan(given);
        var report = Validate(scan, options);
        var named = given.Where(File.Exists).ToHashSet(StringComparer.Ordinal);
        var unknown = scan.Skipped.Where(named.Contains)
            .Select(path => DiagnosticIds.UnknownFileKind.Create(SourceLocation.None(path),
                "the file is neither a domain config, an fstab nor a GRUB menu; it is skipped"));
        return new RepositoryValidationReport(report.FileCount, Finish(report.Diagnostics.Concat(unknown)));
    }

    /// <summary>Validates the guests and menus of a scan made by <see cref="RepositoryScanner.Scan"/>.</summary>
    /// <param name="scan">The discovered files.</param>
    /// <param name="options">The rule sets to run; <see cref="RepositoryValidationOptions.Default"/> when null.</param>
    /// <returns>The file count and every diagnostic, sorted by path, line and column.</returns>
    public static RepositoryValidationReport Validate(RepositoryScan scan, RepositoryValidationOptions? options = null) =>
        Validate(scan, options, []);

    /// <summary>
    /// Validates the files of a scan together with guests read elsewhere (<paramref name="otherGuests"/>, e.g. YAML VM
    /// definitions): each of those is checked like a guest on disk and takes part in the repository checks; its
    /// diagnostics are relocated with its <see cref="GuestSource.Relocate"/>.
    /// </summary>
    public static RepositoryValidationReport Validate(RepositoryScan scan, RepositoryValidationOptions? options, IEnumerable<GuestSource> otherGuests)
    {
        ArgumentNullException.ThrowIfNull(otherGuests);
        ArgumentNullException.ThrowIfNull(scan);
        options ??= RepositoryValidationOptions.Default;
        if (options.RuleSets.Count == 0)
        {
            throw new ArgumentException("At least one rule set is needed.", nameof(options));
        }

        var run = new Run(options.RuleSets.ToArray(), options.Progress);
        var guests = new List<Guest>();
        foreach (var files in scan.Guests)
        {
            var config = run.LoadConfig(files.DomainConfig);
            var fstab = files.Fstab is null ? null : run.LoadFstab(files.Fstab);
            var menu = files.Menu is null ? null : run.LoadMenu(files.Menu, GrubParseOptions.Default);
            if (config is not null)
            {
                var guest = new Guest(config, fstab, menu);
                run.Add(new GuestValidator().Validate(guest, run.Select));
                guests.Add(guest);
            }
        }

        foreach (var path in scan.HostMenus)
        {
            run.LoadMenu(path, new GrubParseOptions { PygrubChecks = false });
        }

        foreach (var (path, _) in scan.Other.Where(o => o.Kind == FileKind.Fstab))
        {
            run.LoadFstab(path);
        }

        var sources = otherGuests.ToList();
        var fileCount = run.FileCount;
        foreach (var source in sources)
        {
            fileCount += source.FilesRead;
            run.Diagnostics.AddRange(source.Diagnostics);
            if (source.Guest is { } guest && !guest.Config.Document.HasErrors)
            {
                run.Validate(guest);
                guests.Add(guest);
            }
        }

        run.Add(new RepositoryValidator().Validate(new GuestRepository(guests), run.Select));
        var relocated = run.Diagnostics.Select(d => sources.Aggregate(d, (current, source) => source.Relocate(current)));
        return new RepositoryValidationReport(fileCount, Finish(relocated));
    }

    private static List<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Start.Line)
            .ThenBy(d => d.Location.Start.Character)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    /// <summary>The state of one validation: rule sets, diagnostics collected, files read.</summary>
    private sealed class Run(string[] ruleSets, IProgress<int>? progress)
    {
        private readonly DomainConfigValidator _configValidator = new();
        private readonly FstabValidator _fstabValidator = new();
        private readonly GrubMenuValidator _menuValidator = new();

        public List<Diagnostic> Diagnostics { get; } = [];

        public int FileCount { get; private set; }

        public void Select<T>(ValidationStrategy<T> strategy) => strategy.IncludeRuleSets(ruleSets);

        public void Add(ValidationResult result) => Diagnostics.AddRange(result.ToDiagnostics());

        /// <summary>Runs the per-file and guest validators on a guest whose documents were read elsewhere.</summary>
        public void Validate(Guest guest)
        {
            Add(_configValidator.Validate(guest.Config, Select));
            if (guest.Fstab is { } fstab)
            {
                Add(_fstabValidator.Validate(fstab, Select));
            }

            if (guest.Menu is { } menu)
            {
                Add(_menuValidator.Validate(menu, Select));
            }

            Add(new GuestValidator().Validate(guest, Select));
        }

        /// <summary>The typed config, or null when the file cannot be read or xl would reject it.</summary>
        public DomainConfig? LoadConfig(string path)
        {
            if (Read(path) is not { } text)
            {
                return null;
            }

            var document = DomainConfigDocument.Parse(text);
            Diagnostics.AddRange(document.Diagnostics);
            if (document.HasErrors)
            {
                return null;
            }

            var config = DomainConfig.FromDocument(document);
            Add(_configValidator.Validate(config, Select));
            return config;
        }

        public FstabDocument? LoadFstab(string path)
        {
            if (Read(path) is not { } text)
            {
                return null;
            }

            var fstab = FstabDocument.Parse(text);
            Diagnostics.AddRange(fstab.Diagnostics);
            Add(_fstabValidator.Validate(fstab, Select));
            return fstab;
        }

        public GrubMenuDocument? LoadMenu(string path, GrubParseOptions options)
        {
            if (Read(path) is not { } text)
            {
                return null;
            }

            var menu = GrubMenuDocument.Parse(text, options);
            Diagnostics.AddRange(menu.Diagnostics);
            Add(_menuValidator.Validate(menu, Select));
            return menu;
        }

        private SourceText? Read(string path)
        {
            try
            {
                var text = SourceText.Load(path);
                FileCount++;
                progress?.Report(FileCount);
                return text;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Diagnostics.Add(DiagnosticIds.FileUnreadable.Create(SourceLocation.None(path), $"cannot read the file: {exception.Message}"));
                return null;
            }
        }
    }
}
