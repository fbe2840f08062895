using XenConfig.Diagnostics;

namespace XenConfig.Validation;

/// <summary>What <see cref="RepositoryValidation"/> found.</summary>
public sealed class RepositoryValidationReport
{
    /// <summary>Creates a report; the diagnostics are kept in the order given.</summary>
    /// <param name="fileCount">Number of files read and checked.</param>
    /// <param name="diagnostics">Every diagnostic, sorted by path, line and column.</param>
    public RepositoryValidationReport(int fileCount, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fileCount);
        ArgumentNullException.ThrowIfNull(diagnostics);
        FileCount = fileCount;
        Diagnostics = diagnostics;
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
