using XenConfig.Devices;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Testing;

namespace XenConfig.Tests.Domain;

/// <summary>Building a config in code: Create, typed device builders, event actions.</summary>
public class CodeFirstApiTests
{
    [Fact]
    public void Create_gives_a_config_holding_only_its_name_that_saves_and_loads_back()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "web01.cfg");

        var config = DomainConfig.Create("web01");
        config.Memory = 2048;
        config.Vcpus = 2;
        config.AddDisk(new DiskSpec { Target = "/dev/vg/web01", Vdev = "xvda", Access = DiskAccess.ReadWrite });
        config.AddVif(new VifSpec { Mac = MacAddress.Parse("00:16:3e:1a:00:01"), Bridge = "xenbr0" });
        config.OnCrashAction = DomainEventAction.CoredumpRestart;
        config.Save(path);

        Assert.Equal(
            "name = \"web01\"\nmemory = 2048\nvcpus = 2\ndisk = [ \"format=raw, vdev=xvda, access=rw, target=/dev/vg/web01\" ]\n" +
            "vif = [ \"mac=00:16:3e:1a:00:01,bridge=xenbr0\" ]\non_crash = \"coredump-restart\"\n",
            File.ReadAllText(path));
        var loaded = DomainConfig.Load(path);
        Assert.Equal("web01", loaded.Name);
        Assert.Equal("/dev/vg/web01", loaded.Disks[0].Target);
        Assert.Equal("xenbr0", loaded.Vifs[0].Bridge);
        Assert.Equal(DomainEventAction.CoredumpRestart, loaded.OnCrashAction);
        Assert.Empty(loaded.Document.Diagnostics);
    }

    [Fact]
    public void Create_with_a_path_saves_there_without_naming_it_again()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "db01.cfg");

        DomainConfig.Create("db01", path).Save();

        Assert.Equal("name = \"db01\"\n", File.ReadAllText(path));
    }

    [Fact]
    public void Create_refuses_a_name_xl_cannot_hold() =>
        Assert.Throws<ArgumentException>(() => DomainConfig.Create("a\nb"));

    public static TheoryData<DiskSpec> BuiltDisks =>
    [
        new DiskSpec { Target = "/dev/vg/web", Vdev = "xvda", Access = DiskAccess.ReadWrite },
        new DiskSpec { Target = "/srv/images/app.qcow2", Vdev = "xvdb", Format = DiskFormat.Qcow2, Access = DiskAccess.ReadOnly },
        new DiskSpec { Target = "/srv/iso/debian.iso", Vdev = "hdc", DeviceType = DiskDeviceType.Cdrom, Access = DiskAccess.ReadOnly },
        new DiskSpec { Vdev = "hdd", DeviceType = DiskDeviceType.Cdrom, Access = DiskAccess.ReadOnly, Format = DiskFormat.Empty },
        new DiskSpec { Target = "iqn.2001-05.com.example:disk,with,commas", Vdev = "xvdc", Script = "block-iscsi", BackendDomain = "storage" },
        new DiskSpec { Target = "/dev/vg/db", Vdev = "xvdd", BackendType = DiskBackendType.Phy, Discard = false, DirectIoSafe = true },
    ];

    [Theory]
    [MemberData(nameof(BuiltDisks))]
    public void A_built_disk_renders_a_spec_xl_reads_back_to_the_same_values(DiskSpec built)
    {
        var parsed = DiskSpec.Parse(built.ToString());

        Assert.Equal(built.Text, built.ToString());
        Assert.Equal(
            (built.Target, built.Vdev, built.Format, built.Access, built.DeviceType, built.IsRemovable, built.BackendType, built.BackendDomain, built.Script, built.Discard, built.DirectIoSafe),
            (parsed.Target, parsed.Vdev, parsed.Format, parsed.Access, parsed.DeviceType, parsed.IsRemovable, parsed.BackendType, parsed.BackendDomain, parsed.Script, parsed.Discard, parsed.DirectIoSafe));
        Assert.Equal(parsed.ToCanonicalString(), built.Text);
    }

    [Fact]
    public void A_parsed_disk_keeps_its_text_as_written() =>
        Assert.Equal("phy:/dev/vg/x,xvda,w", DiskSpec.Parse("phy:/dev/vg/x,xvda,w").ToString());

    [Fact]
    public void A_built_disk_whose_value_holds_a_comma_outside_the_target_cannot_be_rendered() =>
        Assert.Throws<InvalidOperationException>(() => new DiskSpec { Vdev = "xvda", Script = "a,b", Target = "/x" }.ToString());

    public static TheoryData<VifSpec> BuiltVifs =>
    [
        new VifSpec(),
        new VifSpec { Bridge = "xenbr1" },
        new VifSpec { Mac = MacAddress.Parse("00:16:3E:1A:00:02"), Bridge = "xenbr0", Type = VifType.Vif, Model = "e1000", VifName = "vif-web" },
        new VifSpec { Ip = "192.0.2.10", Script = "vif-route", Backend = "netdom", GatewayDev = "eth1", Rate = VifRate.Parse("10Mb/s@20ms") },
        new VifSpec { DevId = 3, Mtu = 9000, Vlan = "42", Trusted = false },
    ];

    [Theory]
    [MemberData(nameof(BuiltVifs))]
    public void A_built_vif_renders_a_spec_xl_reads_back_to_the_same_values(VifSpec built)
    {
        var parsed = VifSpec.Parse(built.ToString());

        Assert.Equal(built.Settings.OrderBy(p => p.Key), parsed.Settings.OrderBy(p => p.Key));
        Assert.Equal((built.Mac, built.Type, built.Rate, built.Trusted, built.DevId, built.Mtu), (parsed.Mac, parsed.Type, parsed.Rate, parsed.Trusted, parsed.DevId, parsed.Mtu));
        Assert.Empty(parsed.UnknownItems);
    }

    [Theory]
    [InlineData("xenbr0,ip=1")]
    [InlineData("xenbr0\n")]
    public void A_vif_value_that_would_split_the_spec_is_refused_when_set(string bridge) =>
        Assert.Throws<ArgumentException>(() => new VifSpec { Bridge = bridge });

    [Fact]
    public void Devices_are_added_replaced_and_removed_by_spec()
    {
        var config = DomainConfig.Create("x");
        config.AddDisk(new DiskSpec { Target = "/dev/vg/a", Vdev = "xvda" });
        config.AddDisk(new DiskSpec { Target = "/dev/vg/b", Vdev = "xvdb" });
        config.SetDisk(1, new DiskSpec { Target = "/dev/vg/c", Vdev = "xvdc", Access = DiskAccess.ReadOnly });
        config.RemoveDisk(0);

        var disk = Assert.Single(config.Disks);
        Assert.Equal(("/dev/vg/c", "xvdc", true), (disk.Target, disk.Vdev, disk.IsReadOnly));
    }

    [Theory]
    [InlineData("destroy", DomainEventAction.Destroy)]
    [InlineData("restart", DomainEventAction.Restart)]
    [InlineData("rename-restart", DomainEventAction.RenameRestart)]
    [InlineData("preserve", DomainEventAction.Preserve)]
    [InlineData("coredump-destroy", DomainEventAction.CoredumpDestroy)]
    [InlineData("coredump-restart", DomainEventAction.CoredumpRestart)]
    [InlineData("soft-reset", DomainEventAction.SoftReset)]
    public void Event_actions_use_xls_spellings_both_ways(string text, DomainEventAction action)
    {
        Assert.Equal(action, DomainEventActions.Parse(text));
        Assert.Equal(text, action.ToXlName());
    }

    [Theory]
    [InlineData("Destroy")]
    [InlineData("restart_rename")]
    [InlineData("reboot")]
    [InlineData("")]
    public void Event_action_text_xl_refuses_is_kept_and_reported_not_lost(string text)
    {
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse($"name = \"x\"\non_reboot = \"{text}\"\n"));

        Assert.False(DomainEventActions.TryParse(text, out _));
        Assert.Throws<FormatException>(() => DomainEventActions.Parse(text));
        Assert.Null(config.OnRebootAction);
        Assert.Null(config.GetEffectiveAction("on_reboot"));
        Assert.Equal(text, config.OnReboot);
        Assert.Contains(config.ToLibxl().Diagnostics, d => d.Id == "XC2007");
    }

    [Theory]
    [InlineData("on_poweroff", DomainEventAction.Destroy)]
    [InlineData("on_reboot", DomainEventAction.Restart)]
    [InlineData("on_watchdog", DomainEventAction.Destroy)]
    [InlineData("on_crash", DomainEventAction.Destroy)]
    [InlineData("on_soft_reset", DomainEventAction.SoftReset)]
    public void An_unset_event_key_takes_xls_default(string key, DomainEventAction expected)
    {
        var config = DomainConfig.Create("x");

        Assert.Equal(expected, config.GetEffectiveAction(key));
        Assert.Contains(key, DomainEventActions.Keys);
    }

    [Fact]
    public void Setting_every_event_action_writes_xls_spelling_and_null_removes_it()
    {
        var config = DomainConfig.Create("x");
        config.OnPoweroffAction = DomainEventAction.Preserve;
        config.OnRebootAction = DomainEventAction.RenameRestart;
        config.OnWatchdogAction = DomainEventAction.CoredumpDestroy;
        config.OnCrashAction = DomainEventAction.Restart;
        config.OnSoftResetAction = DomainEventAction.SoftReset;
        config.OnPoweroffAction = null;

        Assert.Equal(
            "name = \"x\"\non_reboot = \"rename-restart\"\non_watchdog = \"coredump-destroy\"\non_crash = \"restart\"\non_soft_reset = \"soft-reset\"\n",
            config.ToString());
    }
}
