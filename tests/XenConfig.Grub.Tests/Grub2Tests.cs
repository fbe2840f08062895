using XenConfig.Grub.Grub2;
using XenConfig.Testing;

namespace XenConfig.Grub.Tests;

public sealed class Grub2Tests
{
    private static Grub2Config Load(string folder, string name) => Grub2Config.Load(Path.Combine(folder, name));

    public static TheoryData<string> Files() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("grub2"));

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_grub2_corpus_file_round_trips(string name)
    {
        var path = Path.Combine(RepositoryPaths.Corpus("grub2"), name);
        Assert.Equal(File.ReadAllText(path), Grub2Config.Load(path).ToString());
    }

    [Fact]
    public void Grub2_xen_host_entry_gives_the_xen_view()
    {
        var config = Load(RepositoryPaths.SpecExamples("grub"), "G27-grub2-xen-host.grub.cfg");
        Assert.Equal("0", config.Default);
        Assert.Equal("5", config.Timeout);
        var entry = Assert.Single(config.Entries);
        Assert.Equal("multiboot2", entry.MultibootCommand);
        var xen = Assert.Single(config.XenEntries);
        Assert.Equal("Debian GNU/Linux, with Xen hypervisor", xen.Title);
        Assert.Equal("/boot/xen-4.17-amd64.gz", xen.Hypervisor);
        Assert.Equal("placeholder dom0_mem=4096M,max:4096M dom0_max_vcpus=4 ${xen_rm_opts}", xen.HypervisorOptions.Text);
        Assert.Equal("4096M,max:4096M", xen.HypervisorOptions.Get("dom0_mem"));
        Assert.Equal("/boot/vmlinuz-6.1.0-18-amd64", xen.Dom0Kernel);
        Assert.Equal("UUID=3f1c2a8e-5b7d-4e0a-9c61-2d4b8e7f9a10", xen.Dom0CommandLine.Get("root"));
        Assert.Equal("/boot/initrd.img-6.1.0-18-amd64", xen.Initrd);
        Assert.True(xen.Modules[1].NoUnzip);
        Assert.False(xen.Modules[0].NoUnzip);
    }

    [Fact]
    public void Grub2_guest_config_flattens_submenus()
    {
        var config = Load(RepositoryPaths.SpecExamples("grub"), "G28-grub2-pv-guest.grub.cfg");
        Assert.Equal("1>0", config.Default);
        Assert.Equal(["Debian GNU/Linux", "Debian GNU/Linux, with Linux 6.1.0-18-cloud-amd64"], config.Entries.Select(e => e.Title));
        Assert.Null(config.Entries[0].Submenu);
        Assert.Equal("Advanced options for Debian GNU/Linux", config.Entries[1].Submenu);
        Assert.Equal("/boot/vmlinuz-6.1.0-18-cloud-amd64", config.Entries[1].Linux);
        Assert.EndsWith("console=hvc0 single", config.Entries[1].LinuxArguments, StringComparison.Ordinal);
        Assert.Equal("/boot/initrd.img-6.1.0-18-cloud-amd64", config.Entries[1].Initrd);
        Assert.Empty(config.XenEntries);
    }

    [Fact]
    public void Fedora_16_xen_submenu_entries_are_read()
    {
        var config = Load(RepositoryPaths.Corpus("grub2"), "xen__fedora-16-with-xen.grub2");
        Assert.Equal(2, config.XenEntries.Count);
        var xen = config.XenEntries[0];
        Assert.Equal("/xen-4.1.gz", xen.Hypervisor);
        Assert.Equal("/vmlinuz-3.1.0-0.rc9.git0.0.fc16.x86_64", xen.Dom0Kernel);
        Assert.Equal("/dev/mapper/VolGroup-lv_root", xen.Dom0CommandLine.Get("root"));
        Assert.Equal(["VolGroup/lv_swap", "VolGroup/lv_root"], xen.Dom0CommandLine.GetAll("rd.lvm.lv"));
        Assert.Equal("/initramfs-3.1.0-0.rc9.git0.0.fc16.x86_64.img", xen.Initrd);
        Assert.Equal("Xen 4.1", config.Entries.First(e => e.Xen is not null).Submenu);
        Assert.True(config.XenEntries[1].Dom0CommandLine.Contains("single"));
    }

    [Fact]
    public void Function_bodies_are_skipped_and_top_level_settings_are_read()
    {
        var config = Grub2Config.Parse(
            "function load_video {\n  menuentry 'not an entry' {\n  }\n}\nset timeout=10\nset default='Xen'\n" +
            "menuentry \"Xen\" {\n\txen_hypervisor /xen.efi dom0_mem=512M\n\txen_module /vmlinuz root=/dev/sda2\n}\n");
        var entry = Assert.Single(config.Entries);
        Assert.Equal("Xen", config.Default);
        Assert.Equal("10", config.Timeout);
        Assert.Equal("512M", entry.Xen!.HypervisorOptions.Get("dom0_mem"));
        Assert.Equal("/dev/sda2", entry.Xen.Dom0CommandLine.Get("root"));
    }
}
