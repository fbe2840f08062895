using XenConfig.Diagnostics;
using XenConfig.Text;
using XenConfig.Validation;

namespace XenConfig.Yaml;

/// <summary>
/// Reads <c>.xenconfig.yaml</c>, the repository's settings file (found by
/// <see cref="RepositoryRoot.FindSettingsFile(IEnumerable{string})"/>): its <see cref="Rules"/> and what is wrong in it
/// (<see cref="Diagnostics"/>). Made by <see cref="Parse(SourceText)"/> and <see cref="Load(string)"/>; never throws on
/// content.
/// <code>
/// ignore:
///   - id: XC2022
///     paths: ["guests/legacy/**"]
///   - id: XC5003           # everywhere
/// </code>
/// </summary>
/// <remarks>
/// A YAML syntax error is XC0004; a wrong shape (an unknown key, an entry without <c>id</c>, a path that is not a
/// string) is error XC0006 at the offending node; an id XenConfig does not have is warning XC0008. A bad entry is
/// left out, the others still apply.
/// </remarks>
public sealed class SuppressionSettings
{
    private const int MaxDepth = 16;

    private SuppressionSettings(SourceText sourceText, IReadOnlyList<SuppressionRule> rules, IReadOnlyList<Diagnostic> diagnostics)
    {
        SourceText = sourceText;
        Rules = rules;
        Diagnostics = diagnostics;
    }

    /// <summary>The text of the settings file, as read.</summary>
    public SourceText SourceText { get; }

    /// <summary>The file's path, or null for text that has no file.</summary>
    public string? Path => SourceText.Path;

    /// <summary>The ignore rules, in file order; a bad entry is left out.</summary>
    public IReadOnlyList<SuppressionRule> Rules { get; }

    /// <summary>Syntax (XC0004), shape (XC0006) and unknown-id (XC0008) findings, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when some diagnostic is an error (then some entries were left out).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Reads a settings file's text.</summary>
    /// <param name="text">The file's text (its path names the diagnostics).</param>
    public static SuppressionSettings Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var rules = ReadRules(text, diagnostics);
        return new SuppressionSettings(text, rules, diagnostics);
    }

    /// <summary>Reads settings from a string.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="path">The file it came from, for diagnostics; null for none.</param>
    public static SuppressionSettings Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(SourceText.From(text, path));
    }

    /// <summary>Reads the settings file at <paramref name="path"/>.</summary>
    /// <param name="path">The <c>.xenconfig.yaml</c> file.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SuppressionSettings Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(SourceText.Load(path));
    }

    private static List<SuppressionRule> ReadRules(SourceText text, List<Diagnostic> diagnostics)
    {
        var rules = new List<SuppressionRule>();
        if (text.Content.Split('\n').All(line => line.Trim().Trim('\uFEFF') is "" or ['#', ..] or "---" or "..."))
        {
            return rules;   // empty, or comments only: nothing ignored yet
        }

        var root = YamlTreeReader.Read(text, diagnostics, MaxDepth);
        if (root is null || (root.Kind == YamlNodeKind.Scalar && root.IsPlain && root.Value is "" or "~" or "null"))
        {
            return rules;
        }

        if (root.Kind != YamlNodeKind.Mapping)
        {
            diagnostics.Add(Invalid(text, root, $"expected a mapping with an 'ignore' list, found {root.Describe()}"));
            return rules;
        }

        foreach (var (key, value) in root.Pairs)
        {
            if (key.Value != "ignore")
            {
                diagnostics.Add(Invalid(text, key, $"unknown setting '{key.Value}'; the settings file knows 'ignore'"));
                continue;
            }

            if (value.Kind != YamlNodeKind.Sequence)
            {
                diagnostics.Add(Invalid(text, value, $"'ignore' is a list of entries ('- id: XC2022'), found {value.Describe()}"));
                continue;
            }

            foreach (var entry in value.Items)
            {
                if (Rule(text, entry, diagnostics) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        return rules;
    }

    private static SuppressionRule? Rule(SourceText text, YamlNode entry, List<Diagnostic> diagnostics)
    {
        if (entry.Kind != YamlNodeKind.Mapping)
        {
            diagnostics.Add(Invalid(text, entry, $"an 'ignore' entry is a mapping with 'id' and optional 'paths', found {entry.Describe()}"));
            return null;
        }

        YamlNode? id = null;
        var paths = new List<string>();
        foreach (var (key, value) in entry.Pairs)
        {
            switch (key.Value)
            {
                case "id" when value.Kind == YamlNodeKind.Scalar:
                    id = value;
                    break;
                case "paths" when value.Kind == YamlNodeKind.Sequence && value.Items.TrueForAll(p => p.Kind == YamlNodeKind.Scalar && p.Value.Length > 0):
                    paths.AddRange(value.Items.Select(p => p.Value));
                    break;
                case "paths" when value.Kind == YamlNodeKind.Scalar && value.Value.Length > 0:
                    paths.Add(value.Value);
                    break;
                case "id" or "paths":
                    diagnostics.Add(Invalid(text, value, $"'{key.Value}' is {(key.Value == "id" ? "a diagnostic id (XC2022)" : "a list of path globs")}, found {value.Describe()}"));
                    return null;
                default:
                    diagnostics.Add(Invalid(text, key, $"unknown key '{key.Value}' in an 'ignore' entry; it has 'id' and 'paths'"));
                    return null;
            }
        }

        if (id is null)
        {
            diagnostics.Add(Invalid(text, entry, "an 'ignore' entry needs an 'id'"));
            return null;
        }

        if (DiagnosticIds.Find(id.Value.ToUpperInvariant()) is null)
        {
            diagnostics.Add(DiagnosticIds.UnknownSuppressedId.Create(YamlTreeReader.Location(text, id), $"'{id.Value}' is not an id XenConfig reports; the entry suppresses nothing"));
        }

        return new SuppressionRule(id.Value.ToUpperInvariant(), paths);
    }

    private static Diagnostic Invalid(SourceText text, YamlNode node, string message) =>
        DiagnosticIds.SettingsFileInvalid.Create(YamlTreeReader.Location(text, node), message);
}
