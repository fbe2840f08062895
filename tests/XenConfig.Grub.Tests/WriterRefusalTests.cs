using System.Text;
using XenConfig.Grub.Model;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// A GRUB setter changes the one value it is asked to, or nothing: the result is read again and refused when another
/// line reads differently, a diagnostic appears, or the value does not read back as given.
/// </summary>
public sealed class WriterRefusalTests
{
    private const string Menu =
        "default 0\n" +
        "title Debian\n" +
        "\troot (hd0,0)\n" +
        "\tkernel /boot/vmlinuz root=/dev/xvda1 ro\n" +
        "\tinitrd /boot/initrd.img\n" +
        "title Xen\n" +
        "\tkernel /boot/xen.gz dom0_mem=1G\n" +
        "\tmodule /boot/vmlinuz root=/dev/md0 ro\n" +
        "\tmodule /boot/initrd.img\n";

    private static GrubMenu Parse(string text = Menu) => GrubMenu.FromDocument(GrubMenuDocument.Parse(text));

    public static TheoryData<string, string?, string> KernelArgumentRefusals => new()
    {
        // The case: the next initrd line was swallowed into the arguments.
        { "ro", "a\\", "backslash" },
        { "console", "tty0\\", "backslash" },
        { "quiet", "a\tb", "tab" },
        { "long", new string('x', 1600), "1500" },
        { "x", "a\0b", "control character" },
        { "x", "a\nb", "line break" },
    };

    [Theory]
    [MemberData(nameof(KernelArgumentRefusals))]
    public void A_kernel_argument_that_would_change_another_line_or_not_read_back_is_refused(string name, string? value, string reason)
    {
        var menu = Parse();

        var error = Assert.Throws<ArgumentException>(() => menu.SetKernelArgument(0, name, value));

        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Menu, menu.ToString());
        Assert.Equal("/boot/initrd.img", menu.Entries[0].Initrd);
    }

    [Theory]
    [InlineData("ro", "x\\")]
    [InlineData("console", "hvc0\\")]
    [InlineData("ro", "\t")]
    public void A_module_argument_that_would_change_another_line_or_not_read_back_is_refused(string name, string value)
    {
        var menu = Parse();

        Assert.Throws<ArgumentException>(() => menu.SetModuleArgument(1, 0, name, value));

        Assert.Equal(Menu, menu.ToString());
    }

    [Theory]
    [InlineData("/boot/xen.gz dom0_mem=2G\\")]
    [InlineData("/boot/xen.gz\tdom0_mem=2G")]
    [InlineData("/boot/xen.gz dom0_mem=2G\nmodule /evil")]
    public void A_kernel_or_module_line_that_would_change_another_line_or_not_read_back_is_refused(string line)
    {
        var menu = Parse();

        Assert.Throws<ArgumentException>(() => menu.SetKernelLine(1, line));
        Assert.Throws<ArgumentException>(() => menu.SetModuleLine(1, 1, line));

        Assert.Equal(Menu, menu.ToString());
    }

    [Fact]
    public void A_kernel_line_longer_than_grubs_buffer_is_refused()
    {
        var menu = Parse();

        var error = Assert.Throws<ArgumentException>(() => menu.SetKernelLine(0, "/boot/vmlinuz " + new string('a', 1500)));

        Assert.Contains("1500", error.Message);
        Assert.Equal(Menu, menu.ToString());
    }

    [Fact]
    public void A_backslash_inside_a_value_is_kept_when_it_changes_nothing_else()
    {
        var menu = Parse();

        menu.SetKernelArgument(0, "path", "a\\b");

        Assert.Equal("a\\b", menu.Entries[0].Kernel!.Arguments.Get("path"));
        Assert.Equal("/boot/initrd.img", menu.Entries[0].Initrd);
    }

    [Fact]
    public void A_character_a_latin1_menu_cannot_hold_is_refused()
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(SourceText.From(Encoding.Latin1.GetBytes(Menu.Replace("Debian", "D\u00e9bian", StringComparison.Ordinal)))));
        var before = menu.ToString();

        var error = Assert.Throws<ArgumentException>(() => menu.SetKernelArgument(0, "label", "\u20ac"));

        Assert.Contains("Latin-1", error.Message);
        Assert.Equal(before, menu.ToString());
    }

    [Fact]
    public void An_entry_with_a_line_longer_than_grubs_buffer_is_refused()
    {
        var menu = Parse();

        Assert.Throws<ArgumentException>(() => menu.AddEntry("Long", ["kernel /vmlinuz " + new string('a', 1500)]));
        Assert.Throws<ArgumentException>(() => menu.AddEntry(new string('t', 1500), ["kernel /vmlinuz"]));

        Assert.Equal(Menu, menu.ToString());
    }
}
