using XenConfig.Grub.Model;

namespace XenConfig.Grub.Tests;

/// <summary>Edits through the model, each checked against the whole expected text.</summary>
public sealed class EditTests
{
    private const string Host =
        "# Xen host menu\n" +
        "default\t0\n" +
        "timeout 5\n" +
        "\n" +
        "# the Xen entry\n" +
        "title Xen 4.17 / Debian\n" +
        "\troot (hd0,0)\n" +
        "\tkernel /boot/xen-4.17-amd64.gz dom0_mem=2048M,max:2048M loglvl=all\n" +
        "\tmodule /boot/vmlinuz-6.1.0-18-amd64 root=/dev/md0 ro console=hvc0\n" +
        "\tmodule /boot/initrd.img-6.1.0-18-amd64\n" +
        "\n" +
        "title Debian (no Xen)\n" +
        "\troot (hd0,0)\n" +
        "\tkernel /boot/vmlinuz-6.1.0-18-amd64 root=/dev/md0 ro\n" +
        "\tinitrd /boot/initrd.img-6.1.0-18-amd64\n" +
        "# end of menu\n";

    private static GrubMenu Menu(string text) => GrubMenu.FromDocument(GrubMenuDocument.Parse(text));

    [Fact]
    public void Setting_dom0_mem_changes_only_its_value()
    {
        var menu = Menu(Host);
        menu.SetKernelArgument(0, "dom0_mem", "1G");
        Assert.Equal(Host.Replace("dom0_mem=2048M,max:2048M", "dom0_mem=1G", StringComparison.Ordinal), menu.ToString());
        Assert.Equal("1G", menu.Entries[0].Xen!.HypervisorOptions.Get("dom0_mem"));
    }

    [Fact]
    public void Adding_a_hypervisor_option_appends_it_to_the_kernel_line()
    {
        var menu = Menu(Host);
        menu.SetKernelArgument(0, "dom0_max_vcpus", "2");
        Assert.Equal(Host.Replace("loglvl=all\n", "loglvl=all dom0_max_vcpus=2\n", StringComparison.Ordinal), menu.ToString());
    }

    [Fact]
    public void Setting_the_dom0_root_edits_the_first_module()
    {
        var menu = Menu(Host);
        menu.SetModuleArgument(0, 0, "root", "/dev/mapper/vg0-root");
        Assert.Equal(Host.Replace("root=/dev/md0 ro console=hvc0", "root=/dev/mapper/vg0-root ro console=hvc0", StringComparison.Ordinal), menu.ToString());
    }

    [Fact]
    public void Replacing_a_module_line_keeps_indent_and_keyword()
    {
        var menu = Menu(Host);
        menu.SetModuleLine(0, 1, "/boot/initrd.img-6.1.0-19-amd64");
        Assert.Equal(Host.Replace("\tmodule /boot/initrd.img-6.1.0-18-amd64\n", "\tmodule /boot/initrd.img-6.1.0-19-amd64\n", StringComparison.Ordinal), menu.ToString());
    }

    [Fact]
    public void No_op_edits_change_no_byte()
    {
        var menu = Menu(Host);
        menu.SetKernelArgument(0, "dom0_mem", "2048M,max:2048M");
        menu.SetModuleArgument(0, 0, "ro", null);
        menu.SetDefault(0);
        menu.SetDefault("Xen 4.17 / Debian");
        menu.SetTimeout(5);
        menu.SetModuleLine(0, 1, "/boot/initrd.img-6.1.0-18-amd64");
        menu.RemoveKernelArgument(1, "quiet");
        menu.MoveEntry(1, 1);
        Assert.Equal(Host, menu.ToString());
    }

    [Fact]
    public void No_op_edits_keep_hex_default_and_equals_separators()
    {
        const string text = "default=0x1\ntimeout = 5s\ntitle a\nkernel=/a root=/dev/xvda1\ntitle b\nkernel /b\n";
        var menu = Menu(text);
        menu.SetDefault(1);
        menu.SetTimeout(5);
        menu.SetKernelArgument(0, "root", "/dev/xvda1");
        Assert.Equal(text, menu.ToString());
    }

    [Fact]
    public void Setting_the_default_by_title_edits_the_number_only()
    {
        var menu = Menu(Host);
        menu.SetDefault("Debian (no Xen)");
        Assert.Equal(Host.Replace("default\t0\n", "default\t1\n", StringComparison.Ordinal), menu.ToString());
        Assert.Equal(1, menu.DefaultEntryIndex);
    }

    [Fact]
    public void Setting_the_default_without_a_default_line_adds_one_at_the_top_of_the_globals()
    {
        var menu = Menu("# menu\r\ntimeout 5\r\ntitle a\r\n\tkernel /a\r\ntitle b\r\n\tkernel /b\r\n");
        menu.SetDefault(1);
        Assert.Equal("# menu\r\ndefault 1\r\ntimeout 5\r\ntitle a\r\n\tkernel /a\r\ntitle b\r\n\tkernel /b\r\n", menu.ToString());
    }

    [Fact]
    public void Default_saved_is_replaced_by_a_number()
    {
        var menu = Menu("default saved\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\n");
        menu.SetDefault(1);
        Assert.Equal("default 1\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\n", menu.ToString());
    }

    [Fact]
    public void Adding_an_entry_at_the_end_follows_the_file_layout()
    {
        var menu = Menu(Host);
        menu.AddEntry("Debian rescue", ["root (hd0,0)", "kernel /boot/vmlinuz-6.1.0-18-amd64 root=/dev/md0 ro single"]);
        var expected = Host.Replace(
            "\tinitrd /boot/initrd.img-6.1.0-18-amd64\n# end of menu\n",
            "\tinitrd /boot/initrd.img-6.1.0-18-amd64\n\ntitle Debian rescue\n\troot (hd0,0)\n\tkernel /boot/vmlinuz-6.1.0-18-amd64 root=/dev/md0 ro single\n# end of menu\n",
            StringComparison.Ordinal);
        Assert.Equal(expected, menu.ToString());
        Assert.Equal(3, menu.Entries.Count);
        Assert.Equal(0, menu.DefaultEntryIndex);
    }

    [Fact]
    public void Adding_an_entry_first_renumbers_the_default()
    {
        var menu = Menu("default 1\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\n");
        menu.AddEntry("new", ["kernel /new"], 0);
        Assert.Equal("default 2\ntitle new\n\tkernel /new\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\n", menu.ToString());
        Assert.Equal("b", menu.DefaultEntry!.Title);
    }

    [Fact]
    public void Adding_to_a_file_without_final_newline_adds_the_line_break()
    {
        var menu = Menu("title a\n  kernel /a");
        menu.AddEntry("b", ["kernel /b"]);
        Assert.Equal("title a\n  kernel /a\ntitle b\n  kernel /b\n", menu.ToString());
    }

    [Fact]
    public void Removing_an_entry_takes_its_comment_block_and_keeps_the_default_entry()
    {
        var menu = Menu(Host.Replace("default\t0", "default\t1", StringComparison.Ordinal));
        menu.RemoveEntry(0);
        const string expected =
            "# Xen host menu\n" +
            "default\t0\n" +
            "timeout 5\n" +
            "\n" +
            "title Debian (no Xen)\n" +
            "\troot (hd0,0)\n" +
            "\tkernel /boot/vmlinuz-6.1.0-18-amd64 root=/dev/md0 ro\n" +
            "\tinitrd /boot/initrd.img-6.1.0-18-amd64\n" +
            "# end of menu\n";
        Assert.Equal(expected, menu.ToString());
        Assert.Equal("Debian (no Xen)", menu.DefaultEntry!.Title);
    }

    [Fact]
    public void Removing_the_last_entry_keeps_the_trailing_comment()
    {
        var menu = Menu(Host);
        menu.RemoveEntry(1);
        Assert.Equal(Host[..Host.IndexOf("\ntitle Debian (no Xen)", StringComparison.Ordinal)] + "# end of menu\n", menu.ToString());
    }

    [Fact]
    public void Moving_an_entry_keeps_the_same_default_entry()
    {
        var menu = Menu("default 0\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\ntitle c\n\tkernel /c\n");
        menu.MoveEntry(0, 2);
        Assert.Equal("default 2\ntitle b\n\tkernel /b\ntitle c\n\tkernel /c\ntitle a\n\tkernel /a\n", menu.ToString());
        Assert.Equal("a", menu.DefaultEntry!.Title);
        menu.MoveEntry(2, 1);
        Assert.Equal("default 1\ntitle b\n\tkernel /b\ntitle a\n\tkernel /a\ntitle c\n\tkernel /c\n", menu.ToString());
    }

    [Fact]
    public void Removing_the_timeout_removes_its_lines()
    {
        var menu = Menu("timeout 5\ndefault 0\ntimeout=7\ntitle a\n\tkernel /a\n");
        menu.SetTimeout(null);
        Assert.Equal("default 0\ntitle a\n\tkernel /a\n", menu.ToString());
        Assert.Null(menu.Timeout);
    }

    [Fact]
    public void Kernel_arguments_of_a_kernel_without_arguments_are_appended()
    {
        var menu = Menu("title a\n\tkernel /vmlinuz\n");
        menu.SetKernelArgument(0, "console", "hvc0");
        Assert.Equal("title a\n\tkernel /vmlinuz console=hvc0\n", menu.ToString());
    }

    [Fact]
    public void Editing_keeps_crlf_and_tabs()
    {
        var menu = Menu("title a\r\n\tkernel\t/vmlinuz\troot=/dev/xvda1\tro\r\n");
        menu.SetKernelArgument(0, "root", "/dev/xvda2");
        Assert.Equal("title a\r\n\tkernel\t/vmlinuz\troot=/dev/xvda2\tro\r\n", menu.ToString());
    }

    [Fact]
    public void Values_that_would_change_the_file_structure_are_refused()
    {
        var menu = Menu(Host);
        Assert.Throws<ArgumentException>(() => menu.SetKernelLine(0, "/xen.gz\ntitle evil"));
        Assert.Throws<ArgumentException>(() => menu.SetModuleLine(0, 0, "/vmlinuz \\"));
        Assert.Throws<ArgumentException>(() => menu.AddEntry("x\ny", ["kernel /a"]));
        Assert.Throws<ArgumentException>(() => menu.AddEntry("x", ["# kernel /a"]));
        Assert.Throws<ArgumentException>(() => menu.SetKernelArgument(0, "root", "a\"b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => menu.SetDefault(2));
        Assert.Equal(Host, menu.ToString());
    }

    [Fact]
    public void Save_writes_the_edited_text_atomically()
    {
        var folder = Directory.CreateTempSubdirectory("grub-save-");
        try
        {
            var path = Path.Combine(folder.FullName, "menu.lst");
            File.WriteAllText(path, Host);
            var menu = GrubMenu.Load(path);
            menu.SetKernelArgument(0, "dom0_mem", "1G");
            menu.Save(path);
            Assert.Equal(menu.ToString(), File.ReadAllText(path));
            Assert.Single(Directory.EnumerateFiles(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>Fallback numbers follow the entries they name.</summary>
public sealed class FallbackEditTests
{
    private const string Text = "default 0\nfallback 1 2\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\ntitle c\n\tkernel /c\n";

    [Fact]
    public void Adding_an_entry_first_shifts_the_fallback_numbers()
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(Text));
        menu.AddEntry("new", ["kernel /new"], 0);
        Assert.Equal("default 1\nfallback 2 3\ntitle new\n\tkernel /new\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\ntitle c\n\tkernel /c\n", menu.ToString());
    }

    [Fact]
    public void Removing_a_fallback_entry_drops_its_number()
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(Text));
        menu.RemoveEntry(1);
        Assert.Equal("default 0\nfallback 1\ntitle a\n\tkernel /a\ntitle c\n\tkernel /c\n", menu.ToString());
        menu.RemoveEntry(1);
        Assert.Equal("default 0\ntitle a\n\tkernel /a\n", menu.ToString());
    }

    [Fact]
    public void Moving_entries_keeps_fallback_on_the_same_entries()
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(Text));
        menu.MoveEntry(2, 0);
        Assert.Equal("default 1\nfallback 2 0\ntitle c\n\tkernel /c\ntitle a\n\tkernel /a\ntitle b\n\tkernel /b\n", menu.ToString());
        Assert.Equal(["b", "c"], menu.Fallback.Select(f => menu.Entries[f].Title));
    }

    [Fact]
    public void A_global_command_goes_above_the_first_title_even_when_GRUB_drops_that_title()
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse("# the menu\n\n# about a\ntitle a\n"));
        Assert.Empty(menu.Entries);
        menu.SetTimeout(5);
        Assert.Equal("# the menu\ntimeout 5\n\n# about a\ntitle a\n", menu.ToString());
        Assert.Equal(5, menu.Timeout);
    }
}
