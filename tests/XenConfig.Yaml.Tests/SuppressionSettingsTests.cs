using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Yaml.Tests;

/// <summary><c>.xenconfig.yaml</c> reads into suppression rules; a wrong shape is XC0006 at its node, an unknown id XC0008.</summary>
public sealed class SuppressionSettingsTests
{
    private static (IReadOnlyList<Validation.SuppressionRule> Rules, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var settings = SuppressionSettings.Parse(SourceText.From(yaml, ".xenconfig.yaml"));
        return (settings.Rules, settings.Diagnostics);
    }

    [Fact]
    public void Settings_carry_their_text_path_and_error_state_like_every_document()
    {
        var bad = SuppressionSettings.Parse("ignore:\n  - paths: [a]\n", ".xenconfig.yaml");
        var good = SuppressionSettings.Parse("ignore:\n  - id: XC2022\n", ".xenconfig.yaml");

        Assert.Equal(".xenconfig.yaml", bad.Path);
        Assert.Equal("ignore:\n  - paths: [a]\n", bad.SourceText.Content);
        Assert.True(bad.HasErrors);
        Assert.Empty(bad.Rules);
        Assert.Equal(DiagnosticIds.SettingsFileInvalid.Id, Assert.Single(bad.Diagnostics).Id);
        Assert.False(good.HasErrors);
        Assert.Equal("XC2022", Assert.Single(good.Rules).Id);
    }

    [Fact]
    public void Ignore_entries_become_rules_with_their_path_globs()
    {
        var (rules, diagnostics) = Parse("""
            ignore:
              - id: XC2022
                paths: ["guests/legacy/**", "old/*.cfg"]
              - id: xc5003           # everywhere
              - id: XC3010
                paths: guests/db/fstab
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(["XC2022", "XC5003", "XC3010"], rules.Select(r => r.Id));
        Assert.Equal(["guests/legacy/**", "old/*.cfg"], rules[0].Paths);
        Assert.Empty(rules[1].Paths);
        Assert.Equal(["guests/db/fstab"], rules[2].Paths);
        Assert.True(rules[0].Matches("XC2022", "guests/legacy/web01/web01.cfg"));
        Assert.False(rules[0].Matches("XC2022", "guests/web01/web01.cfg"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing ignored yet\n")]
    [InlineData("ignore: []\n")]
    public void An_empty_settings_file_has_no_rules_and_no_problems(string yaml)
    {
        var (rules, diagnostics) = Parse(yaml);

        Assert.Empty(rules);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("ignore:\n  - XC2022\n", "XC0006", 2, 0)]
    [InlineData("ignore:\n  - id: XC5003\n    path: guests/**\n", "XC0006", 3, 0)]
    [InlineData("ignores:\n  - id: XC5003\n", "XC0006", 1, 0)]
    [InlineData("ignore: XC5003\n", "XC0006", 1, 0)]
    [InlineData("ignore:\n  - paths: [a]\n", "XC0006", 2, 0)]
    [InlineData("ignore:\n  - id: [XC5003]\n", "XC0006", 2, 0)]
    [InlineData("- id: XC5003\n", "XC0006", 1, 0)]
    [InlineData("ignore:\n  - id: XC2202\n", "XC0008", 2, 1)]
    [InlineData("ignore: [\n", "XC0004", 2, 0)]
    public void A_wrong_setting_is_reported_at_its_line_and_good_entries_still_apply(string yaml, string id, int line, int rules)
    {
        var (parsed, diagnostics) = Parse(yaml);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(".xenconfig.yaml", diagnostic.Location.Path);
        Assert.Equal(line, diagnostic.Location.Start.DisplayLine);
        Assert.Equal(rules, parsed.Count);
    }
}
