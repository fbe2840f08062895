namespace XenConfig.Domain;

/// <summary>Options for parsing domain configs.</summary>
public sealed record DomainConfigParseOptions
{
    /// <summary>The defaults: files up to 32 MiB.</summary>
    public static DomainConfigParseOptions Default { get; } = new();

    /// <summary>Largest input, in characters, that is parsed; a larger one gets error XC0002 and an empty tree that still prints back the input.</summary>
    public int MaxLength { get; init; } = 32 * 1024 * 1024;

    /// <summary>Whether to report XC1014 (info) when a key is assigned more than once.</summary>
    public bool ReportDuplicateKeys { get; init; } = true;

    /// <summary>
    /// How many diagnostics the document keeps (the first, by position); the rest are counted in one XC0014 with
    /// their highest severity. Default 100; zero or less keeps all.
    /// </summary>
    public int MaxDiagnostics { get; init; } = Diagnostics.DiagnosticLimit.DefaultPerFile;

    /// <summary>
    /// Whether a file may be read by the fast pass (<see cref="Syntax.XlCleanScan"/>) instead of the full parse; false
    /// makes every read build the tree (for tests that compare both).
    /// </summary>
    internal bool FastPass { get; init; } = true;
}
