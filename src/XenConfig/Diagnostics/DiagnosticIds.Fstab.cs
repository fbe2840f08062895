namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC3010: two fstab entries mount the same mount point.</summary>
    public static readonly DiagnosticDescriptor FstabDuplicateMountPoint =
        new("XC3010", DiagnosticSeverity.Error, "two fstab entries mount the same mount point");

    /// <summary>XC3011: no fstab entry mounts <c>/</c>.</summary>
    public static readonly DiagnosticDescriptor FstabNoRootEntry =
        new("XC3011", DiagnosticSeverity.Warning, "no fstab entry mounts /");

    /// <summary>XC3012: the <c>/</c> entry's pass number is not 1.</summary>
    public static readonly DiagnosticDescriptor FstabRootPassNotOne =
        new("XC3012", DiagnosticSeverity.Warning, "the / entry's pass number is not 1");

    private static IEnumerable<DiagnosticDescriptor> FstabDescriptors() =>
    [
        FstabDuplicateMountPoint, FstabNoRootEntry, FstabRootPassNotOne,
    ];
}
