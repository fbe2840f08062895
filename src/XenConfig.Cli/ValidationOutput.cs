using System.Text.Json;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Domain.Json;

namespace XenConfig.Cli;

/// <summary>The three forms of <c>validate</c> output: MSBuild-canonical text, JSON (docs/json.md) and SARIF 2.1.0.</summary>
internal static class ValidationOutput
{
    public static void WriteText(TextWriter output, int files, IReadOnlyList<Diagnostic> diagnostics)
    {
        DiagnosticFormatter.Write(output, diagnostics);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        output.WriteLine($"{files} file{(files == 1 ? "" : "s")} checked: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }

    public static void WriteJson(TextWriter output, int files, IReadOnlyList<Diagnostic> diagnostics)
    {
        output.WriteLine(Serialize(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("files", files);
            writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            DiagnosticJson.WriteProperty(writer, diagnostics);
            writer.WriteEndObject();
        }));
    }

    /// <summary>SARIF 2.1.0 as GitHub code scanning accepts it: one run, rule metadata for every id, relative URIs.</summary>
    public static void WriteSarif(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        var rules = DiagnosticIds.All;
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);
        output.WriteLine(Serialize(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "xenconfig");
            writer.WriteString("informationUri", "https://github.com/xenconfig/xenconfig");
            writer.WriteString("semanticVersion", typeof(ValidationOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", rule.Title);
                writer.WriteEndObject();
                writer.WriteString("helpUri", $"https://github.com/xenconfig/xenconfig/blob/main/docs/diagnostics.md#{rule.Id.ToLowerInvariant()}");
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", Level(rule.DefaultSeverity));
                writer.WriteEndObject();
                writer.WriteStartObject("properties");
                writer.WriteStartArray("tags");
                writer.WriteStringValue(DiagnosticDescriptor.CategoryText(rule.Category));
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", diagnostic.Id);
                if (ruleIndex.TryGetValue(diagnostic.Id, out var index))
                {
                    writer.WriteNumber("ruleIndex", index);
                }

                writer.WriteString("level", Level(diagnostic.Severity));
                writer.WriteStartObject("message");
                writer.WriteString("text", diagnostic.Message);
                writer.WriteEndObject();
                writer.WriteStartObject("properties");
                writer.WriteString("category", DiagnosticDescriptor.CategoryText(diagnostic.Category));
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", Uri(diagnostic.Location.Path, baseDirectory));
                writer.WriteEndObject();
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", diagnostic.Location.Start.DisplayLine);
                writer.WriteNumber("startColumn", diagnostic.Location.Start.DisplayColumn);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string Uri(string? path, string baseDirectory)
    {
        if (path is null)
        {
            return "";
        }

        var relative = Path.GetRelativePath(baseDirectory, Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');
        return string.Join('/', relative.Split('/').Select(System.Uri.EscapeDataString));
    }

    private static string Serialize(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DomainConfigJson.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
