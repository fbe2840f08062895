using XenConfig.Grub;
using XenConfig.Grub.Model;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>
/// GRUB get and set agree (setting what get prints changes no byte), and bad values are clear errors, never XC0009.
/// </summary>
public sealed class GrubGetSetTests
{
    private const string Menu = "default saved\ntimeout 5\n\ntitle Debian\n\troot (hd0,0)\n\tkernel /boot/vmlinuz root=/dev/xvda1 ro  quiet\n\tinitrd /boot/initrd.img\n\ntitle Windows\n\trootnoverify (hd0,1)\n\tchainloader +1\n";

    public static TheoryData<string> Menus() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("grub"));

    /// <summary>Every key get prints for a menu: default, timeout, each kernel and its arguments, each module and its arguments.</summary>
    private static IEnumerable<string> Keys(string text)
    {
        yield return "default";
        yield return "timeout";
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(text));
        foreach (var entry in menu.Entries)
        {
            if (entry.Kernel is { } kernel)
            {
                yield return $"entries[{entry.Index}].kernel";
                foreach (var name in kernel.Arguments.Arguments.Select(a => a.Name).Where(n => n.Length > 0 && !n.Contains('.', StringComparison.Ordinal)).Distinct())
                {
                    yield return $"entries[{entry.Index}].kernel.args.{name}";
                }
            }

            for (var m = 0; m < entry.Modules.Count; m++)
            {
                yield return $"entries[{entry.Index}].modules[{m}]";
                foreach (var name in entry.Modules[m].Arguments.Arguments.Select(a => a.Name).Where(n => n.Length > 0 && !n.Contains('.', StringComparison.Ordinal)).Distinct())
                {
                    yield return $"entries[{entry.Index}].modules[{m}].args.{name}";
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Menus))]
    public void Setting_what_get_prints_changes_no_byte(string file)
    {
        using var folder = new TempFolder();
        var original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus("grub"), file));
        var path = folder.Write("menu.lst", "");
        File.WriteAllBytes(path, original);
        var changed = new List<string>();
        foreach (var key in Keys(File.ReadAllText(path)))
        {
            var get = CliRunner.Run("get", path, key, "--kind", "grub");
            if (get.ExitCode != 0 || get.Stdout.Length == 0)
            {
                continue;
            }

            var set = CliRunner.Run("set", path, key, get.Stdout[..^1], "--kind", "grub");
            Assert.DoesNotContain("XC0009", set.Stderr, StringComparison.Ordinal);
            if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(original))
            {
                changed.Add($"{key} = '{get.Stdout[..^1]}' (exit {set.ExitCode})");
                File.WriteAllBytes(path, original);
            }
        }

        Assert.Empty(changed);
    }

    [Theory]
    [InlineData("timeout", "abc", "whole number of seconds")]
    [InlineData("timeout", "99999999999999", "whole number of seconds")]
    [InlineData("default", "99999999999999", "not an entry number")]
    [InlineData("entries[99999999999999].kernel", "/k", "too large")]
    [InlineData("entries[0].modules[99999999999999]", "/k", "too large")]
    [InlineData("entries[1].kernel.args.quiet", "", "has no kernel line")]
    [InlineData("entries[1].kernel", "/boot/vmlinuz", "has no kernel line")]
    public void A_bad_grub_set_is_a_clear_error_not_an_internal_one(string key, string value, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("menu.lst", Menu);

        var result = CliRunner.Run("set", path, key, value);

        Assert.Equal(1, result.ExitCode); // a value set refuses: exit 1, as for every refused value
        Assert.DoesNotContain("XC0009", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Menu, File.ReadAllText(path));
    }

    [Fact]
    public void Default_saved_reads_as_saved_and_setting_it_changes_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("menu.lst", Menu);

        Assert.Equal("saved\n", CliRunner.Run("get", path, "default").Stdout);
        Assert.Equal(0, CliRunner.Run("set", path, "default", "saved").ExitCode);
        Assert.Equal(Menu, File.ReadAllText(path));

        Assert.Equal(0, CliRunner.Run("set", path, "default", "0").ExitCode);
        Assert.StartsWith("default 0\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_menu_without_default_gains_no_default_line_from_any_edit()
    {
        using var folder = new TempFolder();
        const string Text = "title a\nkernel /k ro\n";
        var path = folder.Write("menu.lst", Text);

        Assert.Equal(0, CliRunner.Run("set", path, "default", "0").ExitCode);
        Assert.Equal(0, CliRunner.Run("set", path, "entries[0].kernel.args.quiet", "").ExitCode);
        Assert.Equal(0, CliRunner.Run("set", path, "timeout", "3").ExitCode);

        Assert.DoesNotContain("default", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_argument_value_is_a_bare_word()
    {
        using var folder = new TempFolder();
        var path = folder.Write("menu.lst", Menu);

        Assert.Equal(0, CliRunner.Run("set", path, "entries[0].kernel.args.single", "").ExitCode);

        Assert.Contains("quiet single\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal("\n", CliRunner.Run("get", path, "entries[0].kernel.args.single").Stdout);
    }

    [Fact]
    public void Setting_a_kernel_path_alone_keeps_its_arguments()
    {
        using var folder = new TempFolder();
        var path = folder.Write("menu.lst", Menu);

        Assert.Equal(0, CliRunner.Run("set", path, "entries[0].kernel", "/boot/vmlinuz-6.1").ExitCode);
        Assert.Contains("\tkernel /boot/vmlinuz-6.1 root=/dev/xvda1 ro  quiet\n", File.ReadAllText(path), StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.Run("set", path, "entries[0].kernel", "/boot/vmlinuz-6.2 ro").ExitCode);
        Assert.Contains("\tkernel /boot/vmlinuz-6.2 ro\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_that_cannot_be_written_is_exit_2_with_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("menu.lst", Menu);
        using var stderr = new StringWriter();

        var code = XenConfigApp.Run(["validate", path], new FullWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Contains("error XC0001: the output cannot be written", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A writer like stdout redirected to /dev/full.</summary>
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }
}
