using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Domain.Json;
using XenConfig.Text;

namespace XenConfig.Cli;

/// <summary>
/// The forms of <c>validate</c> output: MSBuild-canonical text, JSON (docs/json.md), SARIF 2.1.0, GitHub workflow
/// commands and a GitLab Code Quality report (docs/ci.md).
/// </summary>
internal static class ValidationOutput
{
    private const string SourceRoot = "%SRCROOT%";
    private const string DocsUri = "https://github.com/xenconfig/xenconfig/blob/main/docs/diagnostics.md";

    public static void WriteText(TextWriter output, int files, IReadOnlyList<Diagnostic> diagnostics, int suppressed)
    {
        DiagnosticFormatter.Write(output, diagnostics);
        output.WriteLine(Summary(files, diagnostics, suppressed));
    }

    /// <summary>"N files checked: E errors, W warnings[, S suppressed]".</summary>
    public static string Summary(int files, IReadOnlyList<Diagnostic> diagnostics, int suppressed)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var summary = $"{files} file{(files == 1 ? "" : "s")} checked: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}";
        return suppressed > 0 ? $"{summary}, {suppressed} suppressed" : summary;
    }

    public static void WriteJson(TextWriter output, int files, IReadOnlyList<Diagnostic> diagnostics, int suppressed)
    {
        output.WriteLine(Serialize(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("files", files);
            writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            writer.WriteNumber("suppressed", suppressed);
            DiagnosticJson.WriteProperty(writer, diagnostics);
            writer.WriteEndObject();
        }));
    }

    /// <summary>
    /// GitHub Actions workflow commands, one per finding (<c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=XC2012::message</c>),
    /// which GitHub shows as annotations on the pull request; then the summary line. Paths are repository-relative.
    /// </summary>
    public static void WriteGitHub(TextWriter output, int files, IReadOnlyList<Diagnostic> diagnostics, int suppressed, FindingLocator locator)
    {
        foreach (var diagnostic in diagnostics)
        {
            var properties = new List<string>();
            if (locator.RelativePath(diagnostic) is { } path)
            {
                properties.Add("file=" + GitHubProperty(path));
            }

            if (FindingLocator.HasPosition(diagnostic))
            {
                var start = diagnostic.Location.Start;
                properties.Add($"line={start.DisplayLine}");
                properties.Add($"col={start.DisplayColumn}");
                if (locator.End(diagnostic) is { } end)
                {
                    properties.Add($"endLine={end.DisplayLine}");
                    properties.Add($"endColumn={end.DisplayColumn}");
                }
            }

            properties.Add("title=" + GitHubProperty(diagnostic.Id));
            var command = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            output.WriteLine($"::{command} {string.Join(',', properties)}::{GitHubData($"{diagnostic.Message} [{DiagnosticDescriptor.CategoryText(diagnostic.Category)}]")}");
        }

        output.WriteLine(Summary(files, diagnostics, suppressed));
    }

    /// <summary>A workflow command's message: %, CR and LF escaped (GitHub's toolkit rules).</summary>
    public static string GitHubData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A workflow command's property value: as data, and also ':' and ',' escaped.</summary>
    public static string GitHubProperty(string value) =>
        GitHubData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// A GitLab Code Quality report: a JSON array of issues with description, check_name, fingerprint (stable across
    /// runs and line moves, unique in the report), severity and location (repository-relative path, begin line).
    /// </summary>
    public static void WriteCodeQuality(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, FindingLocator locator)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        output.WriteLine(Serialize(writer =>
        {
            writer.WriteStartArray();
            foreach (var diagnostic in diagnostics)
            {
                var path = locator.RelativePath(diagnostic) ?? "";
                var key = $"{diagnostic.Id}\n{path}\n{locator.Fingerprint(diagnostic)}";
                var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
                var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{occurrence}")), 0, 16).ToLowerInvariant();
                writer.WriteStartObject();
                writer.WriteString("description", $"{diagnostic.Id}: {diagnostic.Message}");
                writer.WriteString("check_name", diagnostic.Id);
                writer.WriteString("fingerprint", fingerprint);
                writer.WriteString("severity", diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => "critical",
                    DiagnosticSeverity.Warning => "major",
                    _ => "info",
                });
                writer.WriteStartArray("categories");
                writer.WriteStringValue(diagnostic.Category == DiagnosticCategory.Policy ? "Style" : "Bug Risk");
                writer.WriteEndArray();
                writer.WriteStartObject("location");
                writer.WriteString("path", path);
                writer.WriteStartObject("lines");
                writer.WriteNumber("begin", diagnostic.Location.Start.DisplayLine);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }));
    }

    /// <summary>The rule name SARIF viewers show: the title in PascalCase ("a file cannot be read" -> "AFileCannotBeRead").</summary>
    public static string RuleName(string title)
    {
        var name = new StringBuilder();
        var startOfWord = true;
        foreach (var c in title)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return name.ToString();
    }

    /// <summary>The anchor of an id's section in docs/diagnostics.md ("## XC0001: error" -> "xc0001-error").</summary>
    public static string HelpUri(DiagnosticDescriptor rule) =>
        $"{DocsUri}#{rule.Id.ToLowerInvariant()}-{Diagnostic.SeverityText(rule.DefaultSeverity)}";

    /// <summary>
    /// SARIF 2.1.0 as GitHub code scanning accepts it: one run, rule metadata for every id (name, help link), URIs
    /// relative to %SRCROOT% (the repository root), regions with end positions where the span is known.
    /// </summary>
    public static void WriteSarif(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, FindingLocator locator)
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
                writer.WriteString("name", RuleName(rule.Title));
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", rule.Title);
                writer.WriteEndObject();
                writer.WriteString("helpUri", HelpUri(rule));
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
            writer.WriteStartObject("originalUriBaseIds");
            writer.WriteStartObject(SourceRoot);
            writer.WriteString("uri", new Uri(Path.EndsInDirectorySeparator(locator.Root) ? locator.Root : locator.Root + Path.DirectorySeparatorChar).AbsoluteUri);
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
                var path = locator.RelativePath(diagnostic) ?? "";
                if (Path.IsPathRooted(path))
                {
                    writer.WriteString("uri", new Uri(path).AbsoluteUri);
                }
                else
                {
                    writer.WriteString("uri", string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
                    writer.WriteString("uriBaseId", SourceRoot);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", diagnostic.Location.Start.DisplayLine);
                writer.WriteNumber("startColumn", diagnostic.Location.Start.DisplayColumn);
                if (locator.End(diagnostic) is { } end)
                {
                    writer.WriteNumber("endLine", end.DisplayLine);
                    writer.WriteNumber("endColumn", end.DisplayColumn);
                }

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

    private static string Serialize(Action<Utf8JsonWriter> write) => JsonText.Write(DomainConfigJson.WriterOptions, write);
}
