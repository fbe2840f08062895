using System.Text.Json;
using XenConfig.Grub.Grub2;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>GRUB 2 <c>grub.cfg</c> files in the commands: read for their entries (show, get), never edited or converted.</summary>
public class Grub2CommandTests
{
    private const string XenConfig = """
        set default="0"
        set timeout=5
        menuentry 'Debian GNU/Linux, with Xen hypervisor' --class debian {
            insmod part_msdos
            echo 'Loading Xen ...'
            multiboot2 /boot/xen-4.17-amd64.gz placeholder dom0_mem=4096M,max:4096M
            module2 /boot/vmlinuz-6.1.0-28-amd64 placeholder root=/dev/xvda1 ro quiet
            module2 --nounzip /boot/initrd.img-6.1.0-28-amd64
        }
        submenu 'Advanced options' {
            menuentry 'Debian GNU/Linux, with Linux 6.1.0-28-amd64' {
                linux /boot/vmlinuz-6.1.0-28-amd64 root=/dev/xvda1 ro
                initrd /boot/initrd.img-6.1.0-28-amd64
            }
        }

        """;

    public static TheoryData<string> CorpusConfigs() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("grub2"));

    [Theory]
    [MemberData(nameof(CorpusConfigs))]
    public void Show_lists_every_entry_of_a_real_grub_cfg_in_file_order_without_findings(string file)
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("grub2"), file));
        var path = folder.Write("grub.cfg", text);

        var result = CliRunner.Run("show", path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("grub2", root.GetProperty("kind").GetString());
        Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
        var expected = Grub2Config.Parse(text).Entries;
        Assert.NotEmpty(expected);
        Assert.Equal(
            expected.Select(e => (e.Title, e.Line + 1, e.Hypervisor)),
            root.GetProperty("entries").EnumerateArray().Select(e =>
                (e.GetProperty("title").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("hypervisor").GetString())));
    }

    [Fact]
    public void Show_types_the_xen_entry_and_keeps_the_submenu_path()
    {
        using var folder = new TempFolder();
        var path = folder.Write("grub.cfg", XenConfig);

        var result = CliRunner.Run("show", path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("0", root.GetProperty("default").GetString());
        Assert.Equal("5", root.GetProperty("timeout").GetString());
        var xen = root.GetProperty("entries")[0];
        Assert.Equal("multiboot2", xen.GetProperty("loader").GetString());
        Assert.Equal("/boot/xen-4.17-amd64.gz", xen.GetProperty("hypervisor").GetString());
        Assert.Equal("placeholder dom0_mem=4096M,max:4096M", xen.GetProperty("hypervisorArgs").GetString());
        Assert.Equal(
            ["/boot/vmlinuz-6.1.0-28-amd64", "/boot/initrd.img-6.1.0-28-amd64"],
            xen.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("path").GetString()!));
        Assert.Equal(JsonValueKind.Null, xen.GetProperty("submenu").ValueKind);
        var linux = root.GetProperty("entries")[1];
        Assert.Equal("Advanced options", linux.GetProperty("submenu").GetString());
        Assert.Equal("/boot/vmlinuz-6.1.0-28-amd64", linux.GetProperty("linux").GetString());
        Assert.Equal("root=/dev/xvda1 ro", linux.GetProperty("args").GetString());
        Assert.Equal(JsonValueKind.Null, linux.GetProperty("hypervisor").ValueKind);
    }

    [Fact]
    public void A_grub_cfg_is_recognised_by_its_menuentry_blocks_under_any_name()
    {
        using var folder = new TempFolder();
        var path = folder.Write("boot-menu", XenConfig);

        var result = CliRunner.Run("show", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"kind\": \"grub2\"", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default", "0")]
    [InlineData("timeout", "5")]
    [InlineData("entries[0].hypervisor", "/boot/xen-4.17-amd64.gz")]
    [InlineData("entries[1].title", "Debian GNU/Linux, with Linux 6.1.0-28-amd64")]
    [InlineData("entries[1].initrd", "/boot/initrd.img-6.1.0-28-amd64")]
    public void Get_reads_the_fields_show_prints(string selector, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("grub.cfg", XenConfig);

        var result = CliRunner.Run("get", path, selector);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stdout);
    }

    [Theory]
    [InlineData("entries[2].title", "there is no entry 2")]
    [InlineData("entries[0].kernel.args.dom0_mem", "is not a GRUB 2 selector")]
    public void Get_refuses_a_selector_the_config_cannot_answer(string selector, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Write("grub.cfg", XenConfig);

        var result = CliRunner.Run("get", path, selector);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_of_a_field_the_entry_lacks_says_it_is_not_set()
    {
        using var folder = new TempFolder();
        var path = folder.Write("grub.cfg", XenConfig);

        var result = CliRunner.Run("get", path, "entries[0].linux");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'entries[0].linux' is not set", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grub-mkconfig writes", "set", "timeout", "10")]
    [InlineData("this file reads as grub2", "fmt")]
    [InlineData("use 'show' for fstab files, GRUB menus and GRUB 2 configs", "convert", "--to", "xl")]
    public void Editing_and_converting_commands_leave_a_grub_cfg_untouched(string reason, params string[] command)
    {
        using var folder = new TempFolder();
        var path = folder.Write("grub.cfg", XenConfig);

        var result = CliRunner.Run([command[0], path, .. command[1..]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(XenConfig, File.ReadAllText(path));
    }

    [Fact]
    public void Kind_grub_still_reads_a_grub_cfg_as_a_legacy_menu_when_asked()
    {
        using var folder = new TempFolder();
        var path = folder.Write("grub.cfg", XenConfig);

        var result = CliRunner.Run("show", path, "--kind", "grub");

        Assert.Contains("\"kind\": \"grub\"", result.Stdout, StringComparison.Ordinal);
    }
}
