using XenConfig.Diagnostics;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Validation.Tests;

/// <summary>
/// Suppressions drop findings, and only the ones they name: ids ignored per path glob, inline
/// <c># xenconfig: ignore</c> comments, and a baseline that still recognizes a finding after its line moved.
/// </summary>
public sealed class SuppressionTests
{
    /// <summary>Two mounts of / in one fstab: XC3010 (error) on line 2.</summary>
    private const string DuplicateRoot = "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvda1 / ext4 defaults 0 1\n";

    private static RepositoryValidationReport Validate(TempFolder folder, Func<DiagnosticSuppressions, DiagnosticSuppressions>? configure = null)
    {
        var suppressions = new DiagnosticSuppressions(folder.Path);
        return RepositoryValidation.Validate([folder.Path], RepositoryValidationOptions.Default with { Suppressions = configure?.Invoke(suppressions) ?? suppressions });
    }

    private static List<string> Ids(IEnumerable<Diagnostic> diagnostics, string root) =>
        [.. diagnostics.Select(d => $"{d.Id} {Path.GetRelativePath(root, d.Location.Path!).Replace('\\', '/')}:{d.Location.Start.DisplayLine}")];

    [Fact]
    public void Without_suppressions_the_duplicate_root_mount_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("legacy/db/fstab", DuplicateRoot);

        var report = Validate(folder);

        Assert.Equal(["XC3010 legacy/db/fstab:2"], Ids(report.Diagnostics, folder.Path));
        Assert.Empty(report.Suppressed);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("legacy/**", true)]
    [InlineData("legacy", true)]
    [InlineData("legacy/*/fstab", true)]
    [InlineData("**/fstab", true)]
    [InlineData("legacy/db/fstab", true)]
    [InlineData("legacy/d?/fstab", true)]
    [InlineData("legacy/*", true)]
    [InlineData("current/**", false)]
    [InlineData("legacy/*/fsta", false)]
    [InlineData("leg", false)]
    [InlineData("*/fstab", false)]
    public void An_ignore_rule_suppresses_its_id_in_the_paths_its_globs_match(string? glob, bool suppressed)
    {
        using var folder = new TempFolder();
        folder.Write("legacy/db/fstab", DuplicateRoot);

        var report = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder) { Rules = [new SuppressionRule("XC3010", glob is null ? null : [glob])] });

        Assert.Equal(suppressed ? 0 : 1, report.Diagnostics.Count);
        Assert.Equal(suppressed ? 1 : 0, report.Suppressed.Count);
    }

    [Fact]
    public void An_ignore_rule_for_another_id_suppresses_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("fstab", DuplicateRoot);

        var report = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder) { Rules = [new SuppressionRule("XC3011")] });

        Assert.Single(report.Diagnostics);
        Assert.Empty(report.Suppressed);
    }

    [Theory]
    [InlineData("# xenconfig: ignore XC3010\n", true)]
    [InlineData("  #xenconfig: ignore XC3011, XC3010\n", true)]
    [InlineData("# xenconfig: ignore xc3010\n", true)]
    [InlineData("# xenconfig: ignore XC3011\n", false)]
    [InlineData("# xenconfig: ignore XC3010\n\n", false)]
    [InlineData("# ignore XC3010\n", false)]
    public void An_inline_comment_on_the_line_before_suppresses_the_ids_it_names(string comment, bool suppressed)
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n" + comment + "/dev/xvda1 / ext4 defaults 0 1\n");

        var report = Validate(folder);

        Assert.Equal(suppressed ? 0 : 1, report.Diagnostics.Count(d => d.Id == "XC3010"));
        Assert.Equal(suppressed ? 1 : 0, report.Suppressed.Count);
    }

    [Fact]
    public void An_ignore_written_inside_a_quoted_value_suppresses_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("web01/web01.cfg", "name = \"web01\"\nmemory = 512\nfoo = \"quiet # xenconfig: ignore XC2003\"\n");
        folder.Write("web02/web02.cfg", "name = \"web02\"\nmemory = 512\nfoo = \"quiet\" # xenconfig: ignore XC2003\n");

        var report = Validate(folder);

        Assert.Contains("XC2003 web01/web01.cfg:3", Ids(report.Diagnostics, folder.Path));
        Assert.Contains("XC2003 web02/web02.cfg:3", Ids(report.Suppressed, folder.Path));
    }

    [Fact]
    public void An_inline_comment_at_the_end_of_the_line_suppresses_that_line()
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvda1 / ext4 defaults 0 1  # xenconfig: ignore XC3010\n");

        var report = Validate(folder);

        Assert.Empty(report.Diagnostics);
        Assert.Equal(["XC3010 fstab:2"], Ids(report.Suppressed, folder.Path));
    }

    [Theory]
    [InlineData("# xenconfig: ignore XC3011\n/dev/xvda1 / ext4 defaults 0 1\n", "XC3011", 2, 1)]
    [InlineData("/dev/xvda1 / ext4 defaults 0 1  # xenconfig: ignore XC3010, XC3011\n", "XC3011", 2, 33)]
    [InlineData("/dev/xvda1 / ext4 defaults 0 1\n# xenconfig: ignore XC3010\n", "XC3010", 3, 1)]
    public void An_inline_ignore_that_suppresses_nothing_is_warned_at_its_comment(string rest, string unusedId, int line, int column)
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n" + rest);

        var report = Validate(folder);

        var warning = Assert.Single(report.Diagnostics, d => d.Id == "XC0018");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal((line, column), (warning.Location.Start.DisplayLine, warning.Location.Start.DisplayColumn));
        Assert.Contains($"ignore of {unusedId} suppresses nothing", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fstab", "/dev/xvda1 / ext4 defaults 0 1  # xenconfig: ignore XC3010\n", 1, 33)]
    [InlineData("web01/web01.cfg", "name = \"web01\"\n# xenconfig: ignore XC2003\nkernel = \"/boot/vmlinuz\"\n", 2, 1)]
    public void A_stale_inline_ignore_is_warned_in_a_file_that_has_no_findings(string file, string content, int line, int column)
    {
        using var folder = new TempFolder();
        folder.Write(file, content);

        var report = Validate(folder);

        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal("XC0018", warning.Id);
        Assert.Equal((line, column), (warning.Location.Start.DisplayLine, warning.Location.Start.DisplayColumn));
    }

    [Fact]
    public void A_clean_file_without_an_inline_ignore_gets_no_warning()
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "# xenconfig keeps this file\n/dev/xvda1 / ext4 defaults 0 1\n");

        var report = Validate(folder);

        Assert.Empty(report.Diagnostics);
    }

    /// <summary>XC3014 (strict) and XC5001 (crosscheck) can only be found when their rule set runs.</summary>
    [Theory]
    [InlineData("XC3014", "default,crosscheck", false)]
    [InlineData("XC3014", "default,crosscheck,strict", true)]
    [InlineData("XC5001", "default", false)]
    [InlineData("XC5001", "default,crosscheck", true)]
    [InlineData("XC3010", "default", true)]
    public void An_ignore_of_an_id_only_a_rule_set_not_run_reports_is_not_judged(string id, string ruleSets, bool warned)
    {
        using var folder = new TempFolder();
        folder.Write("fstab", $"/dev/xvda1 / ext4 defaults 0 1  # xenconfig: ignore {id}\n");

        var report = RepositoryValidation.Validate([folder.Path], RepositoryValidationOptions.Default with
        {
            RuleSets = ruleSets.Split(','),
            Suppressions = new DiagnosticSuppressions(folder.Path),
        });

        string[] expected = warned ? ["XC0018 fstab:1"] : [];
        Assert.Equal(expected, Ids(report.Diagnostics, folder.Path));
    }

    [Theory]
    [InlineData("XC6001")]
    [InlineData("XC6004")]
    public void An_ignore_of_an_id_found_across_guests_is_never_judged_since_it_depends_on_the_other_guests_validated(string id)
    {
        using var folder = new TempFolder();
        folder.Write("web01/web01.cfg", $"name = \"web01\" # xenconfig: ignore {id}\nmemory = 512\n");

        var report = Validate(folder);

        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "XC0018");
    }

    [Fact]
    public void The_ignores_of_a_file_xl_rejects_are_not_judged_since_its_other_checks_did_not_run()
    {
        using var folder = new TempFolder();
        folder.Write("web01/web01.cfg", "name = \"web01\"\nmemory = 512!\nfoo = 1 # xenconfig: ignore XC2003\n");

        var report = Validate(folder);

        Assert.Equal(["XC1001 web01/web01.cfg:2"], Ids(report.Diagnostics, folder.Path));
    }

    [Fact]
    public void A_settings_rule_that_suppresses_nothing_in_this_run_is_not_warned()
    {
        // A .xenconfig.yaml entry is repository policy, and a run often checks part of the repository: "nothing to
        // suppress here" does not make it stale (unlike an inline comment, which names one line).
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n");

        var report = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder)
        {
            Rules = [new SuppressionRule("XC3010"), new SuppressionRule("XC2003", ["legacy/**"])],
        });

        Assert.Empty(report.Diagnostics);
        Assert.Empty(report.Suppressed);
    }

    [Fact]
    public void An_inline_ignore_that_suppresses_a_finding_gets_no_warning_even_when_a_rule_suppresses_it_too()
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n# xenconfig: ignore XC3010\n/dev/xvda1 / ext4 defaults 0 1\n");

        var inline = Validate(folder);
        var both = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder) { Rules = [new SuppressionRule("XC3010")] });

        Assert.Empty(inline.Diagnostics);
        Assert.Empty(both.Diagnostics);
    }

    [Fact]
    public void The_unused_inline_ignore_warning_can_itself_be_ignored_by_a_rule()
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n# xenconfig: ignore XC3011\n/dev/xvda1 / ext4 defaults 0 1\n");

        var report = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder) { Rules = [new SuppressionRule("XC0018")] });

        Assert.Equal(["XC3010 fstab:3"], Ids(report.Diagnostics, folder.Path));
        Assert.Equal(["XC0018 fstab:2"], Ids(report.Suppressed, folder.Path));
    }

    [Fact]
    public void Inline_comments_are_ignored_when_turned_off()
    {
        using var folder = new TempFolder();
        folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n# xenconfig: ignore XC3010\n/dev/xvda1 / ext4 defaults 0 1\n");

        var report = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder) { InlineComments = false });

        Assert.Single(report.Diagnostics);
    }

    [Fact]
    public void A_baseline_accepts_recorded_findings_after_their_lines_moved_and_reports_new_ones()
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("guests/db/fstab", DuplicateRoot);
        var first = Validate(folder);
        var baseline = new DiagnosticSuppressions(folder.Path).CreateBaseline(first.Diagnostics, first.GetText);

        // Lines added above move the recorded finding from line 2 to line 4; a new duplicate appears below it.
        File.WriteAllText(fstab, "# database guest\n\n" + DuplicateRoot + "/dev/xvdb1 /srv ext4 defaults 0 2\n/dev/xvdb1 /srv ext4 defaults 0 2\n");
        var second = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder) { Baseline = baseline });

        Assert.Equal(["XC3010 guests/db/fstab:6"], Ids(second.Diagnostics, folder.Path));
        Assert.Equal(["XC3010 guests/db/fstab:4"], Ids(second.Suppressed, folder.Path));
    }

    [Fact]
    public void A_baseline_entry_accepts_one_finding_not_every_equal_one()
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("fstab", DuplicateRoot);
        var first = Validate(folder);
        var baseline = new DiagnosticSuppressions(folder.Path).CreateBaseline(first.Diagnostics, first.GetText);

        File.WriteAllText(fstab, DuplicateRoot + "/dev/xvda1 / ext4 defaults 0 1\n");
        var second = Validate(folder, s => new DiagnosticSuppressions(s.RootFolder) { Baseline = baseline });

        Assert.Single(second.Diagnostics);
        Assert.Single(second.Suppressed);
    }

    [Fact]
    public void A_baseline_written_and_read_back_is_the_same_sorted_stable_json()
    {
        var baseline = new DiagnosticBaseline(
        [
            new BaselineEntry("XC5003", "guests/web01/fstab", "00000000000000bb", "disk 'xvdb' is exported read-only"),
            new BaselineEntry("XC2022", "guests/web01/web01.cfg", "00000000000000aa", "a \"quoted\" message"),
            new BaselineEntry("XC3010", "guests/db/fstab", "00000000000000cc", "mounted twice"),
        ]);

        var json = baseline.ToJson();
        Assert.True(DiagnosticBaseline.TryParse(SourceText.From(json, "baseline.json"), out var read, out _));

        Assert.Equal(["guests/db/fstab", "guests/web01/fstab", "guests/web01/web01.cfg"], baseline.Entries.Select(e => e.Path));
        Assert.Equal(baseline.Entries, read.Entries);
        Assert.Equal(json, read.ToJson());
        Assert.StartsWith("{\n  \"version\": 1,\n  \"findings\": [\n", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"version\": 1, \"findings\": [\n  {\"id\": \"XC3010\", \"path\": \"fstab\",\n", 3)]
    [InlineData("[]", 1)]
    [InlineData("{\"version\": 2, \"findings\": []}", 1)]
    [InlineData("{\"version\": 1, \"findings\": [{\"id\": \"XC3010\", \"path\": \"fstab\"}]}", 1)]
    public void A_malformed_baseline_is_xc0007_with_its_line(string json, int line)
    {
        Assert.False(DiagnosticBaseline.TryParse(SourceText.From(json, "baseline.json"), out _, out var problem));

        Assert.Equal("XC0007", problem.Id);
        Assert.Equal("baseline.json", problem.Location.Path);
        Assert.Equal(line, problem.Location.Start.DisplayLine);
    }

    [Fact]
    public void The_fingerprint_depends_on_the_id_and_the_trimmed_line_not_on_the_line_number()
    {
        var before = SourceText.From("a = 1\nmemory = 2\n", "x.cfg");
        var after = SourceText.From("# moved\n\n   memory = 2   \n", "x.cfg");
        var at = (SourceText text, int line) => DiagnosticIds.UnknownKey.Create(text.GetLocation(text.GetLineSpan(line)), "m");

        Assert.Equal(DiagnosticFingerprint.Compute(at(before, 1), before), DiagnosticFingerprint.Compute(at(after, 2), after));
        Assert.NotEqual(DiagnosticFingerprint.Compute(at(before, 0), before), DiagnosticFingerprint.Compute(at(before, 1), before));
        Assert.Matches("^[0-9a-f]{16}$", DiagnosticFingerprint.Compute(at(before, 1), before));
    }

    [Fact]
    public void Relative_paths_are_slash_separated_under_the_root_and_never_climb_out_of_it()
    {
        using var folder = new TempFolder();
        var suppressions = new DiagnosticSuppressions(Path.Combine(folder.Path, "repo"));

        Assert.Equal("guests/web01/web01.cfg", suppressions.RelativePath(Path.Combine(folder.Path, "repo", "guests", "web01", "web01.cfg")));
        Assert.Equal(Path.Combine(folder.Path, "elsewhere.cfg"), suppressions.RelativePath(Path.Combine(folder.Path, "elsewhere.cfg")));
        Assert.DoesNotContain("..", suppressions.RelativePath(Path.Combine(folder.Path, "repo", "..", "elsewhere.cfg")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_root_is_the_git_root_above_the_validated_folder_and_the_settings_file_is_found_there()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "repo", ".git"));
        var settings = folder.Write("repo/.xenconfig.yaml", "ignore: []\n");
        folder.Write("repo/guests/web01/fstab", DuplicateRoot);
        folder.Write(".xenconfig.yaml", "ignore: []\n");   // above the git root: not this repository's

        var guests = Path.Combine(folder.Path, "repo", "guests");

        Assert.Equal(Path.Combine(folder.Path, "repo"), RepositoryRoot.Find([guests]));
        Assert.Equal(settings, RepositoryRoot.FindSettingsFile([guests]));
        File.Delete(settings);
        Assert.Null(RepositoryRoot.FindSettingsFile([guests]));
    }

    [Fact]
    public void Without_git_the_root_is_the_validated_folder_and_a_settings_file_above_it_is_not_read()
    {
        using var folder = new TempFolder();
        var a = folder.Write("repo/guests/a/fstab", DuplicateRoot);
        var b = folder.Write("repo/guests/b/fstab", DuplicateRoot);
        folder.Write("repo/.xenconfig.yaml", "ignore: []\n");   // above what is validated, and no .git: no repository's

        Assert.Equal(Path.Combine(folder.Path, "repo", "guests"), RepositoryRoot.Find([a, b]));
        Assert.Null(RepositoryRoot.FindSettingsFile([a, b]));

        var settings = folder.Write("repo/guests/.xenconfig.yaml", "ignore: []\n");
        Assert.Equal(settings, RepositoryRoot.FindSettingsFile([a, b]));
        Assert.Equal(settings, RepositoryRoot.FindSettingsFile([Path.Combine(folder.Path, "repo", "guests")]));
    }

    [Theory]
    [InlineData("# xenconfig: ignore XC2022", new[] { "XC2022" })]
    [InlineData("memory = 512 # xenconfig: ignore XC2022,XC5003", new[] { "XC2022", "XC5003" })]
    [InlineData("# xenconfig: ignore", new string[0])]
    [InlineData("# xenconfig ignore XC2022", new string[0])]
    [InlineData("extra = \"console=hvc0 # xenconfig: ignore XC2012\"", new string[0])]                 // inside a quoted value
    [InlineData("extra = 'a\\' # xenconfig: ignore XC2012'", new string[0])]                            // an escaped quote does not end it
    [InlineData("extra = \"a # b\" # xenconfig: ignore XC2012", new[] { "XC2012" })]                     // the comment after the value
    [InlineData("note: 'it''s' # xenconfig: ignore XC0005", new[] { "XC0005" })]
    [InlineData("memory = 512 # XenConfig: IGNORE xc2022", new[] { "xc2022" })]                          // any case, as the marker check
    [InlineData("memory = 512 # migrated from xm; ignore XC2022", new string[0])]                          // a comment without the marker
    public void Inline_comments_name_ids_after_ignore(string line, string[] ids)
    {
        Assert.Equal(ids, DiagnosticSuppressions.InlineIgnoredIds(line));
    }
}
