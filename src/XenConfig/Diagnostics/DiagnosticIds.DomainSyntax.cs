namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    private static IEnumerable<DiagnosticDescriptor> DomainSyntaxDescriptors() => [];
}
