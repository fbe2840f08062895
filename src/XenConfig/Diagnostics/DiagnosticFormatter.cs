namespace XenConfig.Diagnostics;

/// <summary>Writes diagnostics in the MSBuild-canonical text form, one per line.</summary>
public static class DiagnosticFormatter
{
    /// <summary>Writes each diagnostic as <c>path(line,col): severity ID: message</c>.</summary>
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>The text form of all diagnostics, one per line, each line ending in LF.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(writer, diagnostics);
        return writer.ToString();
    }
}
