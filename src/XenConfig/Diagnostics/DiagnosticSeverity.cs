namespace XenConfig.Diagnostics;

/// <summary>How serious a diagnostic is. Ordered: a greater value is more serious.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing; never a failure.</summary>
    Info = 0,

    /// <summary>Probably a mistake, but the file works (or the tool ignores it).</summary>
    Warning = 1,

    /// <summary>The file is rejected or the guest will not work.</summary>
    Error = 2,
}
