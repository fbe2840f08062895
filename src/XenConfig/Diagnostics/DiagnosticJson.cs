using System.Text.Json;

namespace XenConfig.Diagnostics;

/// <summary>The JSON form of diagnostics shared by every <c>show</c> and <c>validate</c> output (docs/json.md).</summary>
public static class DiagnosticJson
{
    /// <summary>Writes <c>"diagnostics":[{"id","severity","category","message","path","line","column"}]</c> (1-based line and column).</summary>
    public static void WriteProperty(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName("diagnostics");
        WriteArray(writer, diagnostics);
    }

    /// <summary>Writes the diagnostics as a JSON array.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        writer.WriteStartArray();
        foreach (var diagnostic in diagnostics)
        {
            Write(writer, diagnostic);
            writer.FlushWhenFull();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one diagnostic as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostic);
        writer.WriteStartObject();
        writer.WriteString("id", diagnostic.Id);
        writer.WriteString("severity", Diagnostic.SeverityText(diagnostic.Severity));
        writer.WriteString("category", DiagnosticDescriptor.CategoryText(diagnostic.Category));
        writer.WriteString("message", diagnostic.Message);
        if (diagnostic.Location.Path is { } path)
        {
            writer.WriteString("path", path);
        }
        else
        {
            writer.WriteNull("path");
        }

        writer.WriteNumber("line", diagnostic.Location.Start.DisplayLine);
        writer.WriteNumber("column", diagnostic.Location.Start.DisplayColumn);
        writer.WriteEndObject();
    }
}
