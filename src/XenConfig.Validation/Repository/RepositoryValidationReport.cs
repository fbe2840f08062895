using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>What <see cref="RepositoryValidation"/> found; made only by its <c>Validate</c>.</summary>
public sealed class RepositoryValidationReport
{
    internal RepositoryValidationReport(int fileCount, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Diagnostic> suppressed, Func<string, SourceText?>? readText)
    {
        FileCount = fileCount;
        Diagnostics = diagnostics;
        Suppressed = suppressed;
        _readText = readText;
    }

    private readonly Func<string, SourceText?>? _readText;

    /// <summary>
    /// The findings <see cref="RepositoryValidationOptions.Suppressions"/> dropped (ignored ids, inline comments,
    /// the baseline); not counted in <see cref="ErrorCount"/> and the others.
    /// </summary>
    public IReadOnlyList<Diagnostic> Suppressed { get; }

    /// <summary>
    /// The text of a file a finding points into, read again inside the repository's boundary (for end positions,
    /// fingerprints, snippets); null when it cannot be read.
    /// </summary>
    /// <param name="path">The path as the finding names it.</param>
    public SourceText? GetText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _readText?.Invoke(path);
    }

    /// <summary>Number of files read and checked (domain configs, fstabs, GRUB legacy menus).</summary>
    public int FileCount { get; }

    /// <summary>Every diagnostic (parse, per-file, guest and repository), sorted by path, line, column and id, without duplicates.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>Number of infos.</summary>
    public int InfoCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);

    /// <summary>True when some diagnostic is an error (the CLI exits 1; with <c>--warnaserror</c> also on warnings).</summary>
    public bool HasErrors => ErrorCount > 0;
}
