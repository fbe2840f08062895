using System.Text.Json;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

public class CommandTests
{
    private const string Guest = "# web\nname = 'web01'  # n\nmemory = 0x200\ndisk = [ 'phy:/dev/vg0/web01,xvda1,w' ]\n";

    [Fact]
    public void Validate_on_the_examples_exits_0()
    {
        var result = CliRunner.Run("validate", RepositoryPaths.InRepository("examples"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("11 files checked: 0 errors, 0 warnings\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Validate_prints_msbuild_canonical_lines_and_exits_1_on_errors()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web.cfg", "name = 'web'\nkernel = '/boot/vmlinuz'\nroot = '/dev/xvdb1 ro'\ndisk = [ 'phy:/dev/vg0/web,xvda1,w' ]\n");

        var result = CliRunner.Run("validate", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{path}(3,8): error XC2012: root device /dev/xvdb1 is not provided by any disk", result.Stdout);
        Assert.EndsWith("1 file checked: 1 error, 0 warnings\n", result.Stdout);
    }

    [Fact]
    public void Validate_warnaserror_fails_on_warnings_only()
    {
        using var folder = new TempFolder();
        folder.Write("web.cfg", "name = 'web'\nkernel = '/boot/vmlinuz'\nmemmory = 512\n");

        Assert.Equal(0, CliRunner.Run("validate", folder.Path).ExitCode);
        Assert.Equal(1, CliRunner.Run("validate", folder.Path, "--warnaserror").ExitCode);
    }

    [Fact]
    public void Validate_json_counts_files_errors_and_warnings()
    {
        var result = CliRunner.Run("validate", "--format", "json", RepositoryPaths.InRepository("tests", "XenConfig.Validation.Tests", "PlantedRepository"));

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("files").GetInt32() > 5);
        Assert.Equal(root.GetProperty("errors").GetInt32(), root.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("severity").GetString() == "error"));
        Assert.Contains(root.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "XC5001");
    }

    [Fact]
    public void Validate_sarif_is_2_1_0_with_rule_metadata_for_every_id()
    {
        var result = CliRunner.Run("validate", "--format", "sarif", RepositoryPaths.InRepository("tests", "XenConfig.Validation.Tests", "PlantedRepository"));

        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(XenConfig.Diagnostics.DiagnosticIds.All.Select(d => d.Id), rules);
        var first = run.GetProperty("results")[0];
        Assert.Equal(rules[first.GetProperty("ruleIndex").GetInt32()], first.GetProperty("ruleId").GetString());
        var region = first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
    }

    [Fact]
    public void Show_prints_the_json_contract_of_a_domain_config()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Guest);

        var result = CliRunner.Run("show", path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("xl", root.GetProperty("kind").GetString());
        Assert.Equal("0x200", root.GetProperty("settings").GetProperty("memory").GetString());
        Assert.Equal("phy:/dev/vg0/web01,xvda1,w", root.GetProperty("settings").GetProperty("disk")[0].GetString());
        Assert.Equal(512, root.GetProperty("model").GetProperty("memory").GetInt64());
        Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Show_reports_diagnostics_with_line_and_column_and_exits_1_on_errors()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.cfg", "name = 'a'\nMemory = 512\n");

        var result = CliRunner.Run("show", path);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("XC1009", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(2, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(path, diagnostic.GetProperty("path").GetString());
    }

    [Fact]
    public void Show_detects_fstab_and_grub_by_name()
    {
        var fstab = CliRunner.Run("show", RepositoryPaths.InRepository("examples", "guests", "db01", "fstab"));
        var grub = CliRunner.Run("show", RepositoryPaths.InRepository("examples", "host", "menu.lst"), "--format", "yaml");

        Assert.Equal(0, fstab.ExitCode);
        Assert.Equal("fstab", JsonDocument.Parse(fstab.Stdout).RootElement.GetProperty("kind").GetString());
        Assert.Equal(0, grub.ExitCode);
        Assert.StartsWith("kind: grub\n", grub.Stdout);
    }

    [Theory]
    [InlineData("memory", "0x200")]
    [InlineData("name", "web01")]
    [InlineData("disk", "[\"phy:/dev/vg0/web01,xvda1,w\"]")]
    public void Get_prints_the_effective_value(string key, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Guest);

        var result = CliRunner.Run("get", path, key);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stdout);
    }

    [Fact]
    public void Get_of_an_unset_key_exits_1()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Guest);

        var result = CliRunner.Run("get", path, "maxmem");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'maxmem' is not set", result.Stderr);
    }

    [Fact]
    public void Set_changes_only_the_value_bytes_and_get_reads_it_back()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Guest);

        Assert.Equal(0, CliRunner.Run("set", path, "memory", "1024").ExitCode);
        Assert.Equal(0, CliRunner.Run("set", path, "name", "web02").ExitCode);
        Assert.Equal(0, CliRunner.Run("set", path, "vif", "['bridge=xenbr0']").ExitCode);

        Assert.Equal("# web\nname = 'web02'  # n\nmemory = 1024\ndisk = [ 'phy:/dev/vg0/web01,xvda1,w' ]\nvif = [ 'bridge=xenbr0' ]\n", File.ReadAllText(path));
        Assert.Equal("1024\n", CliRunner.Run("get", path, "memory").Stdout);
    }

    [Fact]
    public void Set_on_fstab_and_grub_selectors_changes_one_field()
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvdb1 /var/lib/mysql xfs noatime 0 2\n");
        var menu = folder.Write("menu.lst", "default 0\ntitle Xen\nroot (hd0,0)\nkernel /xen.gz dom0_mem=512M\nmodule /vmlinuz root=/dev/sda1 ro\n");

        Assert.Equal(0, CliRunner.Run("set", fstab, "/var/lib/mysql.options", "noatime,nodev").ExitCode);
        Assert.Equal(0, CliRunner.Run("set", menu, "entries[0].kernel.args.dom0_mem", "1G").ExitCode);

        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1\n/dev/xvdb1 /var/lib/mysql xfs noatime,nodev 0 2\n", File.ReadAllText(fstab));
        Assert.Equal("default 0\ntitle Xen\nroot (hd0,0)\nkernel /xen.gz dom0_mem=1G\nmodule /vmlinuz root=/dev/sda1 ro\n", File.ReadAllText(menu));
        Assert.Equal("/dev/sda1\n", CliRunner.Run("get", menu, "entries[0].modules[0].args.root").Stdout);
    }

    [Fact]
    public void Fmt_check_exits_1_without_changing_and_fmt_rewrites_idempotently()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web.cfg", "name='a';memory=1\r\n");

        var check = CliRunner.Run("fmt", "--check", path);
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("name='a';memory=1\r\n", File.ReadAllText(path));

        Assert.Equal(0, CliRunner.Run("fmt", path).ExitCode);
        Assert.Equal("name = 'a'\nmemory = 1\n", File.ReadAllText(path));
        Assert.Equal(0, CliRunner.Run("fmt", "--check", path).ExitCode);
    }

    [Fact]
    public void Fmt_refuses_files_that_are_not_xl_domain_configs()
    {
        var result = CliRunner.Run("fmt", "--check", RepositoryPaths.InRepository("examples", "guests", "web01", "fstab"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("fmt formats xl domain configs; this file reads as fstab", result.Stderr);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("frobnicate")]
    [InlineData("show", "a.cfg", "--format", "xml")]
    [InlineData("validate", "--format")]
    public void Bad_usage_exits_2_with_a_message(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Stderr);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("get")]
    [InlineData("fmt")]
    public void Missing_files_exit_2_with_a_clear_message(string command)
    {
        var args = command == "get" ? new[] { command, "/nonexistent/x.cfg", "name" } : [command, "/nonexistent/x.cfg"];

        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("/nonexistent/x.cfg: error XC0001: no such file or folder\n", result.Stderr);
    }
}

public class HostileCommandInputTests
{
    [SkippableFact]
    public void An_endless_device_is_refused_with_a_message_not_read_forever()
    {
        Skip.IfNot(File.Exists("/dev/zero"));

        var result = CliRunner.Run("show", "/dev/zero", "--kind", "xl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error XC0001", result.Stderr);
    }

    [Fact]
    public void A_folder_given_as_a_file_is_refused_with_a_message()
    {
        using var folder = new TempFolder();

        var result = CliRunner.Run("show", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("this is a folder", result.Stderr);
    }
}
