using XenConfig.Testing;
using XenConfig.Validation;

namespace XenConfig.Yaml.Tests;

/// <summary>VM definitions as guests of the library's one repository validation, confined to the repository.</summary>
public sealed class VmDefinitionGuestSourceTests
{
    private const string Secret = "GITHUB_TOKEN=ghp_0123456789abcdef";

    [Fact]
    public void The_examples_validate_clean_with_the_definition_as_a_guest_and_its_fstab_checked_once()
    {
        var report = RepositoryValidation.Validate([RepositoryPaths.InRepository("examples")], null, new VmDefinitionGuestSource());

        Assert.Empty(report.Diagnostics);
        // 4 configs, 3 fstabs, 2 menus, and app01.vm.yaml with the fstab it names.
        Assert.Equal(11, report.FileCount);
    }

    [Fact]
    public void Without_the_source_a_definition_is_reported_not_dropped()
    {
        var report = RepositoryValidation.Validate([RepositoryPaths.InRepository("examples")]);

        var skipped = Assert.Single(report.Diagnostics);
        Assert.Equal("XC0003", skipped.Id);
        Assert.EndsWith("app01.vm.yaml", skipped.Location.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("dotdot")]
    [InlineData("proc")]
    public void A_definition_naming_a_file_outside_gets_xc0010_at_the_path_and_the_file_is_not_read(string how)
    {
        using var outside = new TempFolder();
        var secret = outside.Write("secret.cfg", Secret + "\n");
        using var folder = new TempFolder();
        var reference = how switch
        {
            "absolute" => secret,
            "dotdot" => Path.GetRelativePath(Path.Combine(folder.Path, "web"), secret),
            _ => "/proc/self/environ",
        };
        folder.Write("web/web.vm.yaml", $"name: web\nconfig: {reference}\n");

        var report = RepositoryValidation.Validate([folder.Path], null, new VmDefinitionGuestSource());

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("XC0010", 2, 9), (diagnostic.Id, diagnostic.Location.Start.DisplayLine, diagnostic.Location.Start.DisplayColumn));
        Assert.EndsWith("web.vm.yaml", diagnostic.Location.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PATH=", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_may_name_a_file_outside_in_an_allowed_folder()
    {
        using var outside = new TempFolder();
        var config = outside.Write("xen/web.cfg", "name = \"web\"\nkernel = \"/k\"\nmemory = 512\n");
        using var folder = new TempFolder();
        folder.Write("web/web.vm.yaml", $"name: web\nconfig: {config}\n");
        var options = new RepositoryValidationOptions { AllowOutside = [Path.Combine(outside.Path, "xen")] };

        var report = RepositoryValidation.Validate([folder.Path], options, new VmDefinitionGuestSource());

        Assert.DoesNotContain(report.Diagnostics, d => d.IsError);
        Assert.Equal(2, report.FileCount);
    }

    [Fact]
    public void A_file_a_definition_names_is_checked_once_as_its_part()
    {
        using var folder = new TempFolder();
        folder.Write("web/web.cfg", "name = \"web\"\nkernel = \"/k\"\nmemory = 512\n");
        folder.Write("web/web.vm.yaml", "name: web\nconfig: web.cfg\n");

        var report = RepositoryValidation.Validate([folder.Path], null, new VmDefinitionGuestSource());

        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "XC6001");
        Assert.Equal(2, report.FileCount);
    }

    private sealed class NoProgress : IProgress<ValidationProgress>
    {
        public void Report(ValidationProgress value)
        {
        }
    }

    [Theory]
    [InlineData("name = \"web\"\nkernel = \"/k\"\nmemory = 512\nroot = \"/dev/xvdb1 ro\"\n")]
    [InlineData("import os\nname = 'web'\nkernel = '/k'\nroot = '/dev/xvdb1 ro'\n")]
    public void A_part_met_as_a_guest_while_the_walk_streams_leaves_nothing_behind(string config)
    {
        using var folder = new TempFolder();
        folder.Write("web/web.cfg", config);
        folder.Write("web/fstab", "/dev/xvda1 / ext4 defaults 0 1 # xenconfig: ignore XC5001\n");
        folder.Write("web/web.vm.yaml", "name: web\nconfig: web.cfg\n");
        folder.Write("db/db.cfg", "name = \"web\"\nkernel = \"/k\"\n");
        var options = new RepositoryValidationOptions { Suppressions = new DiagnosticSuppressions(folder.Path) };

        var streamed = RepositoryValidation.Validate([folder.Path], options, new VmDefinitionGuestSource());
        var walkedFirst = RepositoryValidation.Validate([folder.Path], options with { Progress = new NoProgress() }, new VmDefinitionGuestSource());

        Assert.Equal(walkedFirst.Diagnostics.Select(d => d.ToString()), streamed.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(walkedFirst.FileCount, streamed.FileCount);
        Assert.Equal(walkedFirst.Suppressed.Select(d => d.ToString()), streamed.Suppressed.Select(d => d.ToString()));
    }
}
