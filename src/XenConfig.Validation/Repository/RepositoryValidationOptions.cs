using XenConfig.Files;

namespace XenConfig.Validation;

/// <summary>What <see cref="RepositoryValidation"/> checks, and where it may read.</summary>
public sealed record RepositoryValidationOptions
{
    /// <summary>The defaults: rule sets <c>default</c> and <c>crosscheck</c>; <c>strict</c> only when asked for.</summary>
    public static RepositoryValidationOptions Default { get; } = new();

    /// <summary>
    /// The rule sets to run (names from <see cref="ValidationRuleSets"/>). Parse diagnostics are always reported;
    /// <c>default</c> runs the per-file validators, <c>crosscheck</c> the guest and repository validators,
    /// <c>strict</c> the style rules.
    /// </summary>
    public IReadOnlyList<string> RuleSets { get; init; } = [ValidationRuleSets.Default, ValidationRuleSets.CrossCheck];

    /// <summary>
    /// Folders and files outside the validated paths that links and VM definitions may still reach (the CLI's
    /// <c>--allow-outside</c>); anything else outside is error XC0010 and is not read.
    /// </summary>
    public IReadOnlyList<string> AllowOutside { get; init; } = [];

    /// <summary>The kind of every file named directly (the CLI's <c>--kind</c>); null to tell it by name and content.</summary>
    public FileKind? NamedFileKind { get; init; }

    /// <summary>
    /// Findings not to report (<c>.xenconfig.yaml</c> rules, inline <c># xenconfig: ignore</c> comments, a baseline);
    /// null to report everything. Suppressed findings are counted in <see cref="RepositoryValidationReport.Suppressed"/>.
    /// </summary>
    public DiagnosticSuppressions? Suppressions { get; init; }

    /// <summary>Told how many files were read so far, of how many, after each file (for a progress line); null for none.</summary>
    public IProgress<ValidationProgress>? Progress { get; init; }

    /// <summary>
    /// How many guests are read and checked at once: by default one per processor. The report is the same for every
    /// value (diagnostics are sorted, and "first" in the repository checks follows the order of the files); 1 reads
    /// the guests one after another on the calling thread.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many diagnostics are reported per file (the first, by position); the rest are counted in one XC0014 with
    /// their highest severity. Default 100; zero or
    /// less reports all.
    /// </summary>
    public int MaxDiagnosticsPerFile { get; init; } = XenConfig.Diagnostics.DiagnosticLimit.DefaultPerFile;
}
