namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC2030: xl refuses the config because of this value (xl's own reason in the message).</summary>
    public static readonly DiagnosticDescriptor XlRejectsValue =
        new("XC2030", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "xl refuses to create the domain because of this value");

    /// <summary>XC2031: xl warns about this value, or ignores it (or part of it), and creates the domain anyway.</summary>
    public static readonly DiagnosticDescriptor XlIgnoresValue =
        new("XC2031", DiagnosticSeverity.Warning, DiagnosticCategory.Xl, "xl warns about this value or ignores it, and creates the domain anyway");

    /// <summary>XC2032: xl makes this value up at random (<c>ms_vm_genid = "generate"</c>); the libxl projection leaves it out.</summary>
    public static readonly DiagnosticDescriptor XlKeyNotModelled =
        new("XC2032", DiagnosticSeverity.Info, DiagnosticCategory.Xl, "xl makes this value up at random; the libxl projection leaves it out");

    private static IEnumerable<DiagnosticDescriptor> LibxlDescriptors() => [XlRejectsValue, XlIgnoresValue, XlKeyNotModelled];
}
