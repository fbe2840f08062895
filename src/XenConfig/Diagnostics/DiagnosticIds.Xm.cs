namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    // XC1100-XC1199: the xm (Python) dialect of domain configs.
    private static IEnumerable<DiagnosticDescriptor> XmDescriptors() => [];
}
