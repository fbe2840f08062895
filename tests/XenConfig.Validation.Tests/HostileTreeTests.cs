using System.Diagnostics;
using XenConfig.Diagnostics;

namespace XenConfig.Validation.Tests;

/// <summary>
/// Repository validation on the hostile trees of issue #15, end to end: it ends, it reads nothing outside, an alias
/// gives no duplicate errors, and no diagnostic quotes a file it was not allowed to read.
/// </summary>
public sealed class HostileTreeTests : IDisposable
{
    private const string Secret = "GITHUB_TOKEN=ghp_0123456789abcdef";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xenconfig-hostile-" + Guid.NewGuid().ToString("N"));
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "xenconfig-outside-" + Guid.NewGuid().ToString("N"));

    public HostileTreeTests()
    {
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret"), Secret + "\n");
        Write("web/web.cfg",
            "name = \"web\"\nuuid = \"11111111-2222-3333-4444-555555555555\"\nkernel = \"/k\"\nextra = \"root=/dev/xvda1\"\n"
            + "disk = ['phy:/dev/vg0/web,xvda1,w']\nvif = ['mac=00:16:3e:00:00:01']\n");
        Write("web/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private List<string> Ids(RepositoryValidationReport report) =>
        report.Diagnostics.Select(d => $"{d.Id} {Path.GetRelativePath(_root, d.Location.Path!)}").ToList();

    [Fact]
    public void A_folder_alias_gives_no_duplicate_name_uuid_mac_or_disk_errors()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "alias"), "web");

        var report = RepositoryValidation.Validate([_root]);

        Assert.Equal(["XC0012 alias"], Ids(report));
        Assert.Equal(2, report.FileCount);
    }

    [Fact]
    public void A_link_to_a_secret_is_an_error_that_never_quotes_it()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "web", "menu.lst"), Path.Combine(_outside, "secret"));
        File.CreateSymbolicLink(Path.Combine(_root, "leak.cfg"), Path.Combine(_outside, "secret"));

        var report = RepositoryValidation.Validate([_root]);

        Assert.Equal(["XC0010 leak.cfg", "XC0010 web/menu.lst"], Ids(report));
        Assert.True(report.HasErrors);
        Assert.All(report.Diagnostics, d => Assert.DoesNotContain("ghp_", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Allow_outside_reads_the_linked_file()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "leak.cfg"), Path.Combine(_outside, "secret"));

        var report = RepositoryValidation.Validate([_root], new RepositoryValidationOptions { AllowOutside = [_outside] });

        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "XC0010");
        Assert.Contains(report.Diagnostics, d => d.Location.Path!.EndsWith("leak.cfg", StringComparison.Ordinal) && d.Id.StartsWith("XC1", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_fifo_beside_a_guest_is_a_warning_and_the_guest_is_still_checked()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are told from files by statx, on Linux");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(_root, "web", "console")]))
        {
            mkfifo.WaitForExit();
        }

        Write("web/web.cfg", "name = \"web\"\nkernel = \"/k\"\nextra = \"root=/dev/xvdb1\"\ndisk = ['phy:/dev/vg0/web,xvda1,w']\n");

        var report = RepositoryValidation.Validate([_root]);

        Assert.Contains("XC0011 web/console", Ids(report));
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.RootDeviceNotProvided.Id);
        Assert.Equal(2, report.FileCount);
    }

    [Fact]
    public void A_link_loop_ends_the_walk_with_an_info_and_results_for_everything_else()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "web", "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_root, "web", "up"), "../web");

        var report = RepositoryValidation.Validate([Path.Combine(_root, "web")]);

        Assert.Equal(["XC0012 web/self", "XC0012 web/up"], Ids(report));
        Assert.Equal(2, report.FileCount);
    }

    [Fact]
    public void A_diagnostic_quotes_at_most_its_own_line_so_a_secret_on_another_line_stays_out()
    {
        Write("web/web.cfg", "name = \"web\"\nmemory = = 5\nbootloader_args = \"--token=" + Secret + "\"\nMemory = 1\n");

        var report = RepositoryValidation.Validate([_root]);

        Assert.Contains(report.Diagnostics, d => d.Location.Start.DisplayLine == 2 && d.IsError);
        Assert.Contains(report.Diagnostics, d => d.Location.Start.DisplayLine == 4 && d.IsError);
        Assert.All(report.Diagnostics, d => Assert.DoesNotContain("ghp_", d.Message, StringComparison.Ordinal));
    }
}
