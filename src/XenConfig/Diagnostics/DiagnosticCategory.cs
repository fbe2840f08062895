namespace XenConfig.Diagnostics;

/// <summary>What kind of problem a diagnostic reports, so that a user can tell "xl will refuse this" from "we think this is unwise".</summary>
public enum DiagnosticCategory
{
    /// <summary><c>syntax</c>: the file cannot be read as the real tool reads it (or at all).</summary>
    Syntax,

    /// <summary><c>xl</c>: what xl does with the config: it refuses it (error), or warns about or ignores a value (warning).</summary>
    Xl,

    /// <summary><c>boot</c>: the guest will not boot, or boots differently from what the files say.</summary>
    Boot,

    /// <summary><c>policy</c>: XenConfig's judgement (conventions, duplicates across a repository, conversions); the tools accept it.</summary>
    Policy,
}
