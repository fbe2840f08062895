using XenConfig.Grub.Model;
using XenConfig.Testing;

namespace XenConfig.Grub.Tests;

/// <summary>The GRUB 0.97 outcomes recorded in spec/examples/boot-README.md, one test per example.</summary>
public sealed class SpecExampleTests
{
    private static GrubMenuDocument Example(string name) =>
        GrubMenuDocument.Load(Path.Combine(RepositoryPaths.SpecExamples("grub"), name));

    private static GrubMenu Menu(string name) => GrubMenu.FromDocument(Example(name));

    private static string[] Ids(GrubMenuDocument document) => document.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void G01_xen_host_entry_has_hypervisor_dom0_kernel_and_initrd()
    {
        var menu = Menu("G01-xen-host-dom0.menu.lst");
        Assert.Equal(2, menu.Entries.Count);
        var xen = Assert.Single(menu.XenEntries);
        Assert.EndsWith(".gz", xen.Hypervisor, StringComparison.Ordinal);
        Assert.NotNull(xen.HypervisorOptions.Get("dom0_mem"));
        Assert.NotNull(xen.Dom0Kernel);
        Assert.NotNull(xen.Dom0CommandLine.Get("root"));
        Assert.NotNull(xen.Initrd);
        Assert.Equal(0, menu.DefaultEntryIndex);
        Assert.False(menu.Document.HasErrors);
    }

    [Fact]
    public void G04_equals_separators_are_read_like_blanks()
    {
        var menu = Menu("G04-equals-separators.menu.lst");
        Assert.Equal(["First entry", "Second entry"], menu.Entries.Select(e => e.Title));
        Assert.Equal(1, menu.DefaultEntryIndex);
        Assert.Equal(7, menu.Timeout);
        Assert.Equal([0], menu.Fallback);
        Assert.Equal("/boot/vmlinuz", menu.Entries[0].Kernel!.Path);
        Assert.Equal("root=/dev/xvda1 ro", menu.Entries[0].Kernel!.ArgumentsText);
    }

    [Fact]
    public void G05_hash_after_the_line_start_is_not_a_comment()
    {
        var menu = Menu("G05-comments-hash-in-args.menu.lst");
        Assert.Equal(1, menu.DefaultEntryIndex);
        Assert.Equal(4, menu.Timeout);
        Assert.EndsWith("ro # not a comment for GRUB", menu.Entries[1].Kernel!.ArgumentsText, StringComparison.Ordinal);
        Assert.Contains(menu.Diagnostics, d => d.Id == "XC4004" && d.Location.Start.Line == 2);
    }

    [Fact]
    public void G06_empty_titles_are_dropped_before_numbering()
    {
        var document = Example("G06-empty-title-shifts-index.menu.lst");
        var menu = GrubMenu.FromDocument(document);
        Assert.Equal(["Real A", "Real B"], menu.Entries.Select(e => e.Title));
        Assert.Equal("Real B", menu.DefaultEntry!.Title);
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4014");
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4015");
    }

    [Fact]
    public void G07_default_out_of_range_boots_entry_0_and_parses_without_diagnostics()
    {
        // XC4010 is a semantic check (GrubMenuValidator): the strict parse reads the menu.
        var document = Example("G07-default-out-of-range.menu.lst");
        Assert.Equal(0, GrubMenu.FromDocument(document).DefaultEntryIndex);
        Assert.Empty(Ids(document));
        Assert.Equal(0, GrubMenu.Parse(document.ToString()).DefaultEntryIndex);
    }

    [Fact]
    public void G08_default_saved_resolves_to_0()
    {
        var menu = Menu("G08-default-saved.menu.lst");
        Assert.True(menu.IsDefaultSaved);
        Assert.Equal(0, menu.DefaultEntryIndex);
        Assert.True(menu.Entries[0].SaveDefault);
        Assert.True(menu.Entries[1].SaveDefault);
    }

    [Fact]
    public void G09_backslash_newline_joins_lines()
    {
        var menu = Menu("G09-backslash-continuation.menu.lst");
        var kernel = menu.Entries[0].Kernel!;
        Assert.Equal("/boot/vmlinuz", kernel.Path);
        Assert.Equal("root=/dev/xvda1 ro quiet", kernel.ArgumentsText);
        Assert.Equal("kernel /boot/vmlinuz  root=/dev/xvda1 ro quiet", kernel.Line.Content);
        Assert.True(kernel.Line.IsContinued);
        Assert.Null(menu.Entries[0].Root);
    }

    [Fact]
    public void G10_comment_ending_in_backslash_swallows_the_default_line()
    {
        var document = Example("G10-comment-continuation.menu.lst");
        Assert.Equal(0, GrubMenu.FromDocument(document).DefaultEntryIndex);
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4002" && d.IsError);
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4015");
    }

    [Fact]
    public void G11_unknown_commands_are_not_stored_in_the_entry()
    {
        var document = Example("G11-unknown-commands.menu.lst");
        var entry = Assert.Single(document.Entries);
        Assert.Equal(["root", "kernel"], entry.Commands.Select(c => c.Name));
        Assert.Null(entry.Initrd);
        Assert.Equal(3, document.Diagnostics.Count(d => d.Id == "XC4001"));
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4001" && d.Message.Contains("did you mean 'initrd'", StringComparison.Ordinal));
    }

    [Fact]
    public void G12_menu_only_commands_inside_an_entry_are_errors()
    {
        var document = Example("G12-global-cmd-inside-entry.menu.lst");
        var entry = Assert.Single(document.Entries);
        Assert.Equal(["root", "timeout", "kernel", "default"], entry.Commands.Select(c => c.Name));
        Assert.Equal(2, document.Diagnostics.Count(d => d.Id == "XC4003" && d.IsError));
        Assert.Equal(10, GrubMenu.FromDocument(document).Timeout);
    }

    [Fact]
    public void G13_crlf_is_ignored()
    {
        var menu = Menu("G13-crlf.menu.lst");
        Assert.Equal("CRLF entry", menu.Entries[0].Title);
        Assert.Equal("/boot/initrd.img", menu.Entries[0].Initrd);
        Assert.Equal("root=/dev/xvda1 ro", menu.Entries[0].Kernel!.ArgumentsText);
        Assert.Empty(menu.Diagnostics);
    }

    [Fact]
    public void G14_tabs_become_spaces_and_trailing_blanks_stay()
    {
        var menu = Menu("G14-tabs-whitespace.menu.lst");
        Assert.Equal("Tabbed title ", menu.Entries[0].Title);
        Assert.Equal("/boot/vmlinuz", menu.Entries[0].Kernel!.Path);
        Assert.Equal("root=/dev/xvda1 ro", menu.Entries[0].Kernel!.ArgumentsText);
        Assert.Equal("/boot/initrd.img", menu.Entries[0].Initrd);
        Assert.Equal(10, menu.Timeout);
    }

    [Fact]
    public void G15_global_settings_are_typed()
    {
        var menu = Menu("G15-password-serial-terminal.menu.lst");
        Assert.True(menu.HiddenMenu);
        Assert.Equal("--md5 $1$gLhU0/$aW78kHK1QfV3P2b2znUoe/", menu.Password);
        Assert.Equal("--unit=0 --speed=115200 --word=8 --parity=no --stop=1", menu.Serial);
        Assert.Equal("--timeout=5 serial console", menu.Terminal);
        Assert.Equal("light-gray/blue black/light-gray", menu.Color);
        Assert.Equal("(hd0,0)/boot/grub/splash.xpm.gz", menu.SplashImage);
        Assert.True(menu.Entries[0].Lock);
        Assert.False(menu.Entries[1].Lock);
    }

    [Fact]
    public void G16_chainloader_entries()
    {
        var menu = Menu("G16-chainload-windows.menu.lst");
        Assert.Equal("+1", menu.Entries[0].Chainloader);
        Assert.True(menu.Entries[0].IsRootNoVerify);
        Assert.True(menu.Entries[0].MakeActive);
        Assert.Equal(["map", "map"], menu.Entries[0].OtherCommands.Select(c => c.Name));
        Assert.Equal("--force /boot/grub/stage1", menu.Entries[1].Chainloader);
    }

    [Fact]
    public void G17_device_syntax_is_parsed()
    {
        var document = Example("G17-device-syntax.menu.lst");
        var roots = document.Entries.Select(e => e.RootDevice).ToList();
        Assert.Equal(6, roots.Count);
        Assert.Equal((GrubDeviceKind.HardDisk, 0, (int?)4, (char?)null), (roots[0]!.Kind, roots[0]!.Drive, roots[0]!.Partition, roots[0]!.BsdSlice));
        Assert.Equal((0, (int?)0, (char?)'a'), (roots[1]!.Drive, roots[1]!.Partition, roots[1]!.BsdSlice));
        Assert.Equal((1, (int?)null, (char?)'a'), (roots[2]!.Drive, roots[2]!.Partition, roots[2]!.BsdSlice));
        Assert.True(roots[3]!.IsBiosNumber);
        Assert.Equal((GrubDeviceKind.HardDisk, 0, (int?)1), (roots[3]!.Kind, roots[3]!.Drive, roots[3]!.Partition));
        Assert.Equal(GrubDeviceKind.Floppy, roots[4]!.Kind);
        Assert.Null(roots[5]);
        Assert.Equal("freebsd", document.Entries[1].Kernel!.Type);
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4013");
        Assert.DoesNotContain(document.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void G18_fallback_list()
    {
        var menu = Menu("G18-fallback.menu.lst");
        Assert.Equal([1, 2], menu.Fallback);
        Assert.Equal(3, menu.Entries.Count);
    }

    [Fact]
    public void G19_module_before_kernel_still_reads_its_timeout()
    {
        var document = Example("G19-module-before-kernel.menu.lst");
        Assert.Equal(0, GrubMenu.FromDocument(document).Timeout);
    }

    [Fact]
    public void G20_title_edge_cases()
    {
        var document = Example("G20-title-edge-cases.menu.lst");
        Assert.Equal(["", "A=B  trailing spaces   "], document.Entries.Select(e => e.Title));
        Assert.Equal("/boot/vmlinuz-c", document.Entries[1].Kernel!.Path);
        Assert.Equal(2, document.Entries[1].Commands.Count);
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4001" && d.Message.Contains("titlebar", StringComparison.Ordinal));
    }

    [Fact]
    public void G21_no_entries_has_no_default_and_misplaced_commands_are_warnings()
    {
        var document = Example("G21-no-entries.menu.lst");
        Assert.Empty(document.Entries);
        Assert.Null(GrubMenu.FromDocument(document).DefaultEntryIndex);
        Assert.Equal(2, document.Diagnostics.Count(d => d.Id == "XC4003" && !d.IsError));
    }

    [Fact]
    public void G23_rhel5_xen_entry()
    {
        var menu = Menu("G23-rhel5-xen.grub.conf");
        Assert.Equal(2, menu.Entries.Count);
        var xen = Assert.Single(menu.XenEntries);
        Assert.Equal("1024M", xen.HypervisorOptions.Get("dom0_mem"));
        Assert.Equal(2, xen.Modules.Count);
    }

    [Fact]
    public void G24_hex_default_and_timeout_with_suffix()
    {
        var menu = Menu("G24-numbers.menu.lst");
        Assert.Equal(1, menu.DefaultEntryIndex);
        Assert.Equal(5, menu.Timeout);
    }

    [Fact]
    public void G25_kernel_options_precede_the_file()
    {
        var menu = Menu("G25-kernel-options.menu.lst");
        Assert.Equal("/boot/xen.gz", menu.Entries[0].Kernel!.Path);
        Assert.Equal("multiboot", menu.Entries[0].Kernel!.Type);
        Assert.True(menu.Entries[0].Modules[1].NoUnzip);
        Assert.Equal(["--no-mem-option", "--type=linux"], menu.Entries[1].Kernel!.Options);
        Assert.Equal("/boot/vmlinuz", menu.Entries[1].Kernel!.Path);
        Assert.Equal("4G", menu.Entries[1].Kernel!.Arguments.Get("mem"));
    }

    [Fact]
    public void G26_kernel_arguments_with_quotes_and_repeats()
    {
        var arguments = Menu("G26-kernel-cmdline-quoting.menu.lst").Entries[0].Kernel!.Arguments;
        Assert.Equal("!Windows 2012", arguments.Get("acpi_osi"));
        Assert.Equal(["tty0", "hvc0"], arguments.GetAll("console"));
        Assert.Equal("UUID=3f1c2a8e-5b7d-4e0a-9c61-2d4b8e7f9a10", arguments.Get("root"));
        Assert.True(arguments.Contains("single"));
    }
}
