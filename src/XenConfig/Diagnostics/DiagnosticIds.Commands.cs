namespace XenConfig.Diagnostics;

// XC0015-XC0019: what a command refuses to do with a file it could read (the xenconfig tool, and library callers that
// report the same refusals).
public static partial class DiagnosticIds
{
    /// <summary>
    /// XC0015: a command cannot do what was asked: an unknown option or argument, an option value that does not parse,
    /// a command that does not take this kind of file, or an edit the file cannot hold (it would change something else,
    /// or the file's encoding lacks a character). Nothing is written.
    /// </summary>
    public static readonly DiagnosticDescriptor CommandRefused =
        new("XC0015", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the command cannot do what was asked with this file or value; nothing is written");

    /// <summary>XC0016: <c>xenconfig get</c> was asked for a key or selector that names nothing in the file.</summary>
    public static readonly DiagnosticDescriptor NothingSelected =
        new("XC0016", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the key or selector names nothing in the file");

    /// <summary>XC0017: <c>xenconfig fmt</c> leaves a file alone because it has syntax errors formatting cannot repair.</summary>
    public static readonly DiagnosticDescriptor NotFormattable =
        new("XC0017", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the file has syntax errors that formatting cannot repair; it is not formatted");

    private static IEnumerable<DiagnosticDescriptor> CommandDescriptors() =>
        [CommandRefused, NothingSelected, NotFormattable];
}
