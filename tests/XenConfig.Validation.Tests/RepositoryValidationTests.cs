using XenConfig.Diagnostics;
using XenConfig.Testing;

namespace XenConfig.Validation.Tests;

public sealed class RepositoryValidationTests
{
    private static readonly string Planted = RepositoryPaths.InRepository("tests", "XenConfig.Validation.Tests", "PlantedRepository");

    private static List<string> Describe(RepositoryValidationReport report, string root) =>
        report.Diagnostics.Select(d => $"{d.Id} {Path.GetRelativePath(root, d.Location.Path!).Replace('\\', '/')}:{d.Location.Start.DisplayLine}").ToList();

    [Fact]
    public void Planted_repository_reports_exactly_its_planted_defects()
    {
        var report = RepositoryValidation.Validate([Planted]);

        Assert.Equal(
            [
                "XC6001 fileserver/fileserver.cfg:2",
                "XC5002 fileserver/fstab:2",
                "XC5003 fileserver/fstab:3",
                "XC4021 host/menu.lst:10",
                "XC5007 mailhub/fstab:2",
                "XC6002 mailhub/mailhub.cfg:3",
                "XC5004 mailhub/mailhub.cfg:11",
                "XC5006 pyguest/fstab:3",
                "XC5005 pyguest/menu.lst:11",
                "XC5001 xenvm1/fstab:3",
                "XC6004 xenvm1/xenvm1.cfg:8",
                "XC6003 xenvm1/xenvm1.cfg:9",
            ],
            Describe(report, Planted));
        Assert.Equal(11, report.FileCount);
        Assert.Equal(8, report.ErrorCount);
        Assert.Equal(1, report.WarningCount);
        Assert.Equal(3, report.InfoCount);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Checking_guests_in_parallel_reports_what_one_thread_reports(int parallelism)
    {
        var sequential = RepositoryValidation.Validate([Planted], RepositoryValidationOptions.Default with { Parallelism = 1 });
        var parallel = RepositoryValidation.Validate([Planted], RepositoryValidationOptions.Default with { Parallelism = parallelism });

        // The duplicates are reported at the later guest, naming the first: both depend on the order of the guests.
        Assert.Contains(sequential.Diagnostics, d => d.Id == "XC6003");
        Assert.Equal(sequential.Diagnostics.Select(d => d.ToString()), parallel.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(sequential.FileCount, parallel.FileCount);
    }

    [Fact]
    public void Every_guest_and_repository_id_is_planted()
    {
        var planted = RepositoryValidation.Validate([Planted]).Diagnostics.Select(d => d.Id).ToHashSet();
        var expected = DiagnosticIds.All.Select(d => d.Id).Where(id => id.StartsWith("XC5", StringComparison.Ordinal) || id.StartsWith("XC6", StringComparison.Ordinal));

        Assert.All(expected, id => Assert.Contains(id, planted));
    }

    [Fact]
    public void Seed_case_reports_the_fstab_line_of_the_missing_disk_with_the_guest_name()
    {
        var report = RepositoryValidation.Validate([Path.Combine(Planted, "xenvm1")]);

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("XC5001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((3, 1), (diagnostic.Location.Start.DisplayLine, diagnostic.Location.Start.DisplayColumn));
        Assert.Contains("'/dev/hda3' (/var) is not provided by any disk of domain 'xenvm1'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_name_the_first_occurrence_file_and_line()
    {
        var report = RepositoryValidation.Validate([Planted]);

        var mac = Assert.Single(report.Diagnostics, d => d.Id == "XC6003");
        Assert.Contains(Path.Combine(Planted, "clone", "clone.cfg") + " line 10", mac.Message, StringComparison.Ordinal);
        Assert.Equal((9, 12), (mac.Location.Start.DisplayLine, mac.Location.Start.DisplayColumn));
    }

    [Fact]
    public void Examples_have_no_errors_and_no_warnings()
    {
        var report = RepositoryValidation.Validate([RepositoryPaths.InRepository("examples")]);

        Assert.Equal(0, report.ErrorCount);
        Assert.Equal(0, report.WarningCount);
        // 4 configs, 4 fstabs (app01's, whose YAML definition the CLI reads, is checked here on its own), 2 menus.
        Assert.Equal(10, report.FileCount);
    }

    [Fact]
    public void Examples_stay_clean_in_the_strict_rule_set()
    {
        var options = new RepositoryValidationOptions { RuleSets = ValidationRuleSets.All };

        var report = RepositoryValidation.Validate([RepositoryPaths.InRepository("examples")], options);

        Assert.Equal((0, 0), (report.ErrorCount, report.WarningCount));
    }

    [Fact]
    public void Without_crosscheck_only_per_file_checks_run()
    {
        var options = new RepositoryValidationOptions { RuleSets = [ValidationRuleSets.Default] };

        var report = RepositoryValidation.Validate([Planted], options);

        Assert.Equal(["XC4021 host/menu.lst:10"], Describe(report, Planted));
    }

    [Fact]
    public void Config_that_xl_rejects_reports_its_parse_errors_and_is_skipped_by_value_checks()
    {
        using var folder = new TempFolder();
        folder.Write("bad/bad.cfg", "name = \"bad\"\nmemory = = 5\ndisk = ['phy:/dev/vg0/x,xvda1,w']\n");
        folder.Write("bad/fstab", "/dev/xvdz1 / ext4 defaults 0 1\n");
        folder.Write("good/good.cfg", "name = \"bad\"\nkernel = \"/k\"\ndisk = ['phy:/dev/vg0/x,xvda1,w']\n");

        var report = RepositoryValidation.Validate([folder.Path]);

        Assert.Contains(report.Diagnostics, d => d.Id.StartsWith("XC1", StringComparison.Ordinal) && d.Location.Path!.EndsWith("bad.cfg", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Id is "XC5001" or "XC6001" or "XC6004");
        Assert.Equal(3, report.FileCount);
    }

    [Fact]
    public void A_file_named_on_the_command_line_that_is_no_known_kind_gets_an_info()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.txt", "just some notes\nabout nothing\n");

        var report = RepositoryValidation.Validate([path]);

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("XC0003", DiagnosticSeverity.Info, path), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.Path));
        Assert.Equal(0, report.FileCount);
    }

    [Fact]
    public void An_xm_config_is_evaluated_as_xm_and_its_findings_point_at_the_xm_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("pv/pv.cfg",
            "import os\nvmid = 3\nname = 'pv%d' % vmid\nkernel = '/boot/vmlinuz'\n"
            + "disk = ['phy:/dev/vg0/' + name + ',xvda1,w']\nroot = '/dev/xvdb1 ro'\n");

        var report = RepositoryValidation.Validate([folder.Path]);

        Assert.DoesNotContain(report.Diagnostics, d => d.Id.StartsWith("XC10", StringComparison.Ordinal));
        var root = Assert.Single(report.Diagnostics, d => d.Id == DiagnosticIds.RootDeviceNotProvided.Id);
        Assert.Equal((path, 6), (root.Location.Path, root.Location.Start.DisplayLine));
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        Assert.Throws<FileNotFoundException>(() => RepositoryValidation.Validate([Path.Combine(Planted, "no-such-folder")]));
    }

    [Fact]
    public void Diagnostics_are_sorted_by_path_line_and_column_without_duplicates()
    {
        var report = RepositoryValidation.Validate([Planted, Path.Combine(Planted, "xenvm1", "fstab")]);

        var keys = report.Diagnostics.Select(d => (d.Location.Path, d.Location.Start.Line, d.Location.Start.Character)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.Line).ThenBy(k => k.Character), keys);
        Assert.Equal(report.Diagnostics.Count, report.Diagnostics.Distinct().Count());
        Assert.Single(report.Diagnostics, d => d.Id == "XC5001");
    }

    [Fact]
    public void Host_menus_are_not_compared_with_pygrub_but_guest_menus_are()
    {
        using var folder = new TempFolder();
        const string menu = "default 0\ntimeout = 5\ntitle Linux\nroot (hd0,0)\nkernel /vmlinuz root=/dev/xvda1\n";
        folder.Write("host/menu.lst", menu);
        folder.Write("guest/guest.cfg", "name = \"g\"\nbootloader = \"pygrub\"\ndisk = ['phy:/dev/vg0/g,xvda1,w']\n");
        folder.Write("guest/menu.lst", menu);

        var report = RepositoryValidation.Validate([folder.Path]);

        var pygrub = report.Diagnostics.Where(d => d.Id == DiagnosticIds.PygrubTimeoutDiffers.Id).Select(d => Path.GetRelativePath(folder.Path, d.Location.Path!)).ToList();
        Assert.Equal([Path.Combine("guest", "menu.lst")], pygrub);
    }

    [Fact]
    public void Corpus_validates_without_exceptions_in_every_rule_set()
    {
        var corpus = Path.Combine(RepositoryPaths.TestData, "corpus");
        Assert.True(Directory.Exists(corpus), $"the shared corpus is missing: {corpus}");

        var report = RepositoryValidation.Validate([corpus], new RepositoryValidationOptions { RuleSets = ValidationRuleSets.All });

        Assert.True(report.FileCount > 100, $"only {report.FileCount} files read");
        Assert.All(report.Diagnostics, d => Assert.NotNull(DiagnosticIds.Find(d.Id)));
    }

    /// <summary>A progress callback makes the walk end before the first guest is read; without one the guests stream.</summary>
    private sealed class NoProgress : IProgress<ValidationProgress>
    {
        public void Report(ValidationProgress value)
        {
        }
    }

    public static TheoryData<string> Trees => new() { "planted", "planted and a named fstab", "corpus", "examples", "a duplicate in a linked folder" };

    [Theory]
    [MemberData(nameof(Trees))]
    public void Streamed_guests_report_what_a_walk_that_ends_first_reports(string tree)
    {
        using var folder = new TempFolder();
        string[] paths = tree switch
        {
            "planted" => [Planted],
            "planted and a named fstab" => [Planted, Path.Combine(Planted, "xenvm1", "fstab")],
            "corpus" => [Path.Combine(RepositoryPaths.TestData, "corpus")],
            "examples" => [RepositoryPaths.InRepository("examples")],
            _ => [folder.Path],
        };
        if (tree == "a duplicate in a linked folder")
        {
            // b/ streams as it is listed; a/ has a link in it and is checked after the walk, yet it is the first "x".
            folder.Write("a/a.cfg", "name = \"x\"\nkernel = \"/k\"\n");
            folder.Write("shared/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");
            File.CreateSymbolicLink(Path.Combine(folder.Path, "a", "fstab"), Path.Combine(folder.Path, "shared", "fstab"));
            folder.Write("b/b.cfg", "name = \"x\"\nkernel = \"/k\"\n");
        }

        var options = new RepositoryValidationOptions { RuleSets = ValidationRuleSets.All };
        var streamed = RepositoryValidation.Validate(paths, options);
        var walkedFirst = RepositoryValidation.Validate(paths, options with { Progress = new NoProgress() });

        Assert.Equal(walkedFirst.Diagnostics.Select(d => d.ToString()), streamed.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(walkedFirst.FileCount, streamed.FileCount);
        if (tree == "a duplicate in a linked folder")
        {
            var duplicate = Assert.Single(streamed.Diagnostics, d => d.Id == DiagnosticIds.DuplicateDomainName.Id);
            Assert.Equal(Path.Combine(folder.Path, "b", "b.cfg"), duplicate.Location.Path);
        }
    }

    [Fact]
    public void The_report_keeps_no_table_of_folder_links()
    {
        var scan = XenConfig.Files.RepositoryScanner.Scan([Planted]);

        var report = RepositoryValidation.Validate(scan, null);

        Assert.Equal(11, report.FileCount);
        Assert.Equal(0, scan.Boundary.FolderLinkCount);
    }
}
