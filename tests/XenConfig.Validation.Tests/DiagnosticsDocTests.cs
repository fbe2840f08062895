using System.Text.RegularExpressions;
using XenConfig.Diagnostics;
using XenConfig.Testing;

namespace XenConfig.Validation.Tests;

public sealed partial class DiagnosticsDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryPaths.InRepository("docs", "diagnostics.md"));

    public static TheoryData<string> Ids => [.. DiagnosticIds.All.Select(d => d.Id)];

    private static Dictionary<string, (string Severity, string Body)> Sections() =>
        HeadingPattern().Matches(Doc).ToDictionary(
            m => m.Groups["id"].Value,
            m => (m.Groups["severity"].Value, Doc[(m.Index + m.Length)..NextHeading(m.Index + m.Length)]));

    private static int NextHeading(int from)
    {
        var next = Doc.IndexOf("\n## ", from, StringComparison.Ordinal);
        return next < 0 ? Doc.Length : next;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_documented_with_its_severity_a_bad_and_a_fixed_example(string id)
    {
        var sections = Sections();

        Assert.True(sections.TryGetValue(id, out var section), $"docs/diagnostics.md has no '## {id}: severity' section");
        Assert.Equal(Diagnostic.SeverityText(DiagnosticIds.Find(id)!.DefaultSeverity), section.Severity);
        var bad = section.Body.IndexOf("\nBad:\n", StringComparison.Ordinal);
        var fixedAt = section.Body.IndexOf("\nFixed:\n", StringComparison.Ordinal);
        Assert.True(bad >= 0 && fixedAt > bad, $"{id}: needs 'Bad:' then 'Fixed:'");
        Assert.True(section.Body[bad..fixedAt].Split("```").Length >= 3, $"{id}: the bad example needs a code block");
        Assert.True(section.Body[fixedAt..].Split("```").Length >= 3, $"{id}: the fixed example needs a code block");
    }

    [Fact]
    public void Doc_documents_no_id_that_does_not_exist()
    {
        var unknown = Sections().Keys.Where(id => DiagnosticIds.Find(id) is null).ToList();

        Assert.Empty(unknown);
    }

    [GeneratedRegex(@"^## (?<id>XC\d{4}): (?<severity>error|warning|info)\s*$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();
}
