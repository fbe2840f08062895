namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC3001: an fstab line has fewer than the three mandatory fields (libmount skips it).</summary>
    public static readonly DiagnosticDescriptor FstabMissingField =
        new("XC3001", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "an fstab line has fewer than three fields (source, mount point, type)");

    /// <summary>XC3002: the fifth fstab field (dump frequency) is not a number (libmount skips the line).</summary>
    public static readonly DiagnosticDescriptor FstabInvalidDump =
        new("XC3002", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the dump field of an fstab line is not a number");

    /// <summary>XC3003: the sixth fstab field (fsck pass number) is not a number (libmount skips the line).</summary>
    public static readonly DiagnosticDescriptor FstabInvalidPass =
        new("XC3003", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the pass field of an fstab line is not a number");

    /// <summary>XC3004: an fstab line contains a NUL character (libmount skips the line).</summary>
    public static readonly DiagnosticDescriptor FstabNulCharacter =
        new("XC3004", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "an fstab line contains a NUL character");

    /// <summary>XC3010: two fstab entries mount the same mount point.</summary>
    public static readonly DiagnosticDescriptor FstabDuplicateMountPoint =
        new("XC3010", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "two fstab entries mount the same mount point");

    /// <summary>XC3011: no fstab entry mounts <c>/</c>.</summary>
    public static readonly DiagnosticDescriptor FstabNoRootEntry =
        new("XC3011", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "no fstab entry mounts /");

    /// <summary>XC3012: the <c>/</c> entry's pass number is not 1.</summary>
    public static readonly DiagnosticDescriptor FstabRootPassNotOne =
        new("XC3012", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "the / entry's pass number is not 1");

    /// <summary>XC3013: an entry is mounted before the entry of its parent directory (findmnt --verify's order check).</summary>
    public static readonly DiagnosticDescriptor FstabChildBeforeParent =
        new("XC3013", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "an entry comes before the entry that mounts its parent directory");

    /// <summary>XC3014: a swap entry's <c>pri=</c> or <c>discard=</c> option has an invalid value.</summary>
    public static readonly DiagnosticDescriptor FstabInvalidSwapOption =
        new("XC3014", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "a swap entry's pri= or discard= option has an invalid value");

    private static IEnumerable<DiagnosticDescriptor> FstabDescriptors() =>
    [
        FstabMissingField, FstabInvalidDump, FstabInvalidPass, FstabNulCharacter,
        FstabDuplicateMountPoint, FstabNoRootEntry, FstabRootPassNotOne, FstabChildBeforeParent, FstabInvalidSwapOption,
    ];
}
