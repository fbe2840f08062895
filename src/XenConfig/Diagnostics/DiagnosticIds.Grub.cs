namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC4010: <c>default</c> names an entry that does not exist.</summary>
    public static readonly DiagnosticDescriptor GrubDefaultOutOfRange =
        new("XC4010", DiagnosticSeverity.Error, "default names an entry that does not exist");

    /// <summary>XC4011: an entry has no <c>kernel</c> (nor <c>chainloader</c>).</summary>
    public static readonly DiagnosticDescriptor GrubEntryWithoutKernel =
        new("XC4011", DiagnosticSeverity.Error, "an entry has no kernel (nor chainloader)");

    /// <summary>XC4012: a Xen entry has no dom0 kernel <c>module</c>.</summary>
    public static readonly DiagnosticDescriptor GrubXenEntryWithoutDom0Module =
        new("XC4012", DiagnosticSeverity.Error, "a Xen entry (kernel .../xen*.gz) has no dom0 kernel module");

    private static IEnumerable<DiagnosticDescriptor> GrubDescriptors() =>
    [
        GrubDefaultOutOfRange, GrubEntryWithoutKernel, GrubXenEntryWithoutDom0Module,
    ];
}
