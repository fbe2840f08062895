using System.Text.Json;
using System.Text.RegularExpressions;
using XenConfig.Diagnostics;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>
/// <c>validate</c> in CI: GitHub workflow commands (and their escaping), the GitLab Code Quality report, SARIF for code
/// scanning, and suppressions from <c>.xenconfig.yaml</c>, inline comments and baselines (docs/ci.md).
/// </summary>
public sealed partial class CiIntegrationTests
{
    /// <summary>Two mounts of / in one fstab: XC3010 (error) at line 2, column 12 (the second "/"), one character long.</summary>
    private const string DuplicateRoot = "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvda1 / ext4 defaults 0 1\n";

    private static readonly string Planted = RepositoryPaths.InRepository("tests", "XenConfig.Validation.Tests", "PlantedRepository");

    [Fact]
    public void Github_format_prints_one_workflow_command_per_finding_with_a_repository_relative_file_then_the_summary()
    {
        using var folder = new TempFolder();
        folder.Write("guests/db/fstab", DuplicateRoot);

        var result = CliRunner.Run("validate", "--format", "github", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^::error file=guests/db/fstab,line=2,col=12,endLine=2,endColumn=13,title=XC3010::[^\n]+ \[(syntax|boot|policy|xl)\]\n", result.Stdout);
        Assert.EndsWith("\n1 file checked: 1 error, 0 warnings\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", null, "::error ")]
    [InlineData("TRUE", null, "::error ")]
    [InlineData("true", "text", "")]
    [InlineData(null, null, "")]
    [InlineData("false", null, "")]
    public void Github_is_the_default_format_inside_github_actions_unless_a_format_is_given(string? githubActions, string? format, string prefix)
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("fstab", DuplicateRoot);
        var environment = githubActions is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["GITHUB_ACTIONS"] = githubActions };

        var result = CliRunner.RunWithEnvironment(environment, ["validate", .. format is null ? Array.Empty<string>() : ["--format", format], folder.Path]);

        Assert.StartsWith(prefix.Length > 0 ? prefix : fstab + "(2,12): error XC3010", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain", "plain")]
    [InlineData("100% sure", "100%25 sure", "100%25 sure")]
    [InlineData("two\nlines\r\n", "two%0Alines%0D%0A", "two%0Alines%0D%0A")]
    [InlineData("a:b,c", "a:b,c", "a%3Ab%2Cc")]
    [InlineData("%0A", "%250A", "%250A")]
    public void Github_escapes_percent_and_line_breaks_in_messages_and_also_colon_and_comma_in_properties(string value, string data, string property)
    {
        Assert.Equal(data, ValidationOutput.GitHubData(value));
        Assert.Equal(property, ValidationOutput.GitHubProperty(value));
    }

    [Fact]
    public void Github_commands_escape_a_file_name_with_a_comma_and_use_warning_and_notice_for_other_severities()
    {
        using var folder = new TempFolder();
        folder.Write("a,b/fstab", DuplicateRoot);

        var result = CliRunner.Run("validate", "--format", "github", folder.Path);
        var planted = CliRunner.Run("validate", "--format", "github", Planted);

        Assert.StartsWith("::error file=a%2Cb/fstab,line=2,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("::warning file=tests/XenConfig.Validation.Tests/PlantedRepository/host/menu.lst,line=10,", planted.Stdout, StringComparison.Ordinal);
        Assert.Contains("::notice file=tests/XenConfig.Validation.Tests/PlantedRepository/mailhub/fstab,line=2,", planted.Stdout, StringComparison.Ordinal);
        Assert.All(planted.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1], line => Assert.Matches("^::(error|warning|notice) ", line));
    }

    [Fact]
    public void Codequality_is_a_gitlab_report_with_stable_unique_fingerprints_and_repository_relative_paths()
    {
        var first = CliRunner.Run("validate", "--format", "codequality", Planted);
        var second = CliRunner.Run("validate", "--format", "codequality", Planted);

        Assert.Equal(first.Stdout, second.Stdout);
        using var json = JsonDocument.Parse(first.Stdout);
        var issues = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(12, issues.Count);
        Assert.All(issues, issue =>
        {
            Assert.Matches("^XC[0-9]{4}$", issue.GetProperty("check_name").GetString()!);
            Assert.StartsWith(issue.GetProperty("check_name").GetString() + ": ", issue.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "blocker", "critical", "major", "minor", "info" });
            var path = issue.GetProperty("location").GetProperty("path").GetString()!;
            Assert.StartsWith("tests/XenConfig.Validation.Tests/PlantedRepository/", path, StringComparison.Ordinal);
            Assert.True(issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        });
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        var xc5001 = issues.Single(i => i.GetProperty("check_name").GetString() == "XC5001");
        Assert.Equal("critical", xc5001.GetProperty("severity").GetString());
        Assert.Equal("tests/XenConfig.Validation.Tests/PlantedRepository/xenvm1/fstab", xc5001.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(3, xc5001.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [Fact]
    public void Sarif_rules_have_names_help_links_to_their_doc_sections_and_descriptions()
    {
        var result = CliRunner.Run("validate", "--format", "sarif", Planted);

        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var doc = File.ReadAllText(RepositoryPaths.InRepository("docs", "diagnostics.md"));
        var anchors = DocHeading().Matches(doc).Select(m => $"{m.Groups[1].Value.ToLowerInvariant()}-{m.Groups[2].Value}").ToHashSet();
        Assert.All(rules, rule =>
        {
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.GetProperty("name").GetString()!);
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            var help = rule.GetProperty("helpUri").GetString()!;
            Assert.StartsWith("https://github.com/xenconfig/xenconfig/blob/main/docs/diagnostics.md#", help, StringComparison.Ordinal);
            Assert.Contains(help[(help.IndexOf('#') + 1)..], anchors);
        });
        Assert.Equal("AFileOrFolderCannotBeRead", rules.Single(r => r.GetProperty("id").GetString() == "XC0001").GetProperty("name").GetString());
    }

    [Fact]
    public void Sarif_uris_are_relative_to_the_repository_root_even_from_a_subfolder_with_end_positions_where_the_span_is_known()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        folder.Write("guests/db/fstab", DuplicateRoot);

        var result = CliRunner.Run("validate", "--format", "sarif", Path.Combine(folder.Path, "guests", "db"));

        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(new Uri(folder.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("guests/db/fstab", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((2, 12, 2, 13), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void Sarif_uris_of_the_checked_in_repository_never_climb_out_of_it()
    {
        var result = CliRunner.Run("validate", "--format", "sarif", Planted);

        using var json = JsonDocument.Parse(result.Stdout);
        var uris = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).ToList();
        Assert.NotEmpty(uris);
        Assert.All(uris, uri => Assert.StartsWith("tests/XenConfig.Validation.Tests/PlantedRepository/", uri, StringComparison.Ordinal));
    }

    [Fact]
    public void A_settings_file_at_the_repository_root_suppresses_ids_per_path_and_the_summary_counts_them()
    {
        using var folder = new TempFolder();
        folder.Write(".xenconfig.yaml", "ignore:\n  - id: XC3010\n    paths: [\"legacy/**\"]\n");
        folder.Write("legacy/db/fstab", DuplicateRoot);
        var current = folder.Write("current/db/fstab", DuplicateRoot);

        var result = CliRunner.Run("validate", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{current}(2,12): error XC3010: ", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n2 files checked: 1 error, 0 warnings, 1 suppressed\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_settings_file_is_reported_with_the_findings_and_fails_the_run()
    {
        using var folder = new TempFolder();
        var settings = folder.Write(".xenconfig.yaml", "ignore:\n  - XC3010\n");
        folder.Write("guests/db/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");

        var result = CliRunner.Run("validate", "--format", "json", folder.Path);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("XC0006", diagnostic.GetProperty("id").GetString());
        Assert.Equal(settings, diagnostic.GetProperty("path").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public void Write_baseline_records_the_findings_and_baseline_then_reports_only_new_ones()
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("guests/db/fstab", DuplicateRoot);
        var baseline = Path.Combine(folder.Path, "baseline.json");

        var written = CliRunner.Run("validate", "--write-baseline", baseline, folder.Path);

        Assert.Equal(0, written.ExitCode);
        Assert.Equal("", written.Stdout);
        Assert.Contains("wrote 1 finding to the baseline", written.Stderr, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(baseline)))
        {
            var entry = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("XC3010", entry.GetProperty("id").GetString());
            Assert.Equal("guests/db/fstab", entry.GetProperty("path").GetString());
        }

        var accepted = CliRunner.Run("validate", "--baseline", baseline, folder.Path);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal("1 file checked: 0 errors, 0 warnings, 1 suppressed\n", accepted.Stdout);

        File.WriteAllText(fstab, "# moved down by a comment\n" + DuplicateRoot + "/dev/xvdb1 /srv ext4 defaults 0 2\n/dev/xvdb1 /srv ext4 defaults 0 2\n");
        var newFinding = CliRunner.Run("validate", "--baseline", baseline, folder.Path);
        Assert.Equal(1, newFinding.ExitCode);
        Assert.StartsWith($"{fstab}(5,12): error XC3010", newFinding.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 file checked: 1 error, 0 warnings, 1 suppressed\n", newFinding.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_baseline_output_is_stable_from_run_to_run()
    {
        var first = Path.GetTempFileName();
        var second = Path.GetTempFileName();
        try
        {
            CliRunner.Run("validate", "--write-baseline", first, Planted);
            CliRunner.Run("validate", "--write-baseline", second, Planted);

            Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
            Assert.Equal(12, JsonDocument.Parse(File.ReadAllText(first)).RootElement.GetProperty("findings").GetArrayLength());
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Theory]
    [InlineData("{\"findings\": []}", "XC0007")]
    [InlineData("not json", "XC0007")]
    [InlineData(null, "XC0001")]
    public void A_missing_or_malformed_baseline_is_a_usage_error(string? content, string id)
    {
        using var folder = new TempFolder();
        folder.Write("fstab", DuplicateRoot);
        var baseline = Path.Combine(folder.Path, "baseline.json");
        if (content is not null)
        {
            File.WriteAllText(baseline, content);
        }

        var result = CliRunner.Run("validate", "--baseline", baseline, folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"{baseline}(", result.Stderr.Replace($"{baseline}:", $"{baseline}(", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"error {id}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_comment_suppresses_through_the_command_line_too()
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvda1 / ext4 defaults 0 1 # xenconfig: ignore XC3010\n");

        var result = CliRunner.Run("validate", folder.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1 file checked: 0 errors, 0 warnings, 1 suppressed\n", result.Stdout);
    }

    [GeneratedRegex(@"^## (XC\d{4}): (error|warning|info)\s*$", RegexOptions.Multiline)]
    private static partial Regex DocHeading();
}
