using XenConfig.Devices;
using XenConfig.Diagnostics;

namespace XenConfig.Tests.Devices;

public sealed class DiskSpecTests
{
    // spec §4.6: spec -> target (null = unset), format, vdev, access, cdrom, script
    [Theory]
    [InlineData("/dev/vg/guest-volume,,hda", "/dev/vg/guest-volume", "raw", "hda", "rw", false, null)]
    [InlineData("/dev/vg/guest-volume,raw,hda,rw", "/dev/vg/guest-volume", "raw", "hda", "rw", false, null)]
    [InlineData("format=raw, vdev=hda, access=rw, target=/dev/vg/guest-volume", "/dev/vg/guest-volume", "raw", "hda", "rw", false, null)]
    [InlineData("raw:/dev/vg/guest-volume,hda,w", "/dev/vg/guest-volume", "raw", "hda", "rw", false, null)]
    [InlineData("/root/image.iso,,hdc,cdrom", "/root/image.iso", "raw", "hdc", "ro", true, null)]
    [InlineData("raw:/root/image.iso,hdc:cdrom,ro", "/root/image.iso", "raw", "hdc", "ro", true, null)]
    [InlineData(",hdc:cdrom,r", "", "empty", "hdc", "ro", true, null)]
    [InlineData(",hdc:cdrom,w", "", "empty", "hdc", "ro", true, null)]
    [InlineData("vdev=hdc,cdrom", null, "empty", "hdc", "ro", true, null)]
    [InlineData("phy:hda1,hda1,w", "hda1", "raw", "hda1", "rw", false, null)]
    [InlineData("phy:/dev/cdrom,hdc:cdrom,r", "/dev/cdrom", "raw", "hdc", "ro", true, null)]
    [InlineData("file:/var/images/guest.img,hda,w", "/var/images/guest.img", "raw", "hda", "rw", false, null)]
    [InlineData("tap:aio:/img/disk.img,xvda,w", "/img/disk.img", "raw", "xvda", "rw", false, null)]
    [InlineData("tap:qcow2:/img/disk.qcow2,xvda,w", "/img/disk.qcow2", "qcow2", "xvda", "rw", false, null)]
    [InlineData("tap2:tapdisk:aio:/img/d.img,xvda,w", "/img/d.img", "raw", "xvda", "rw", false, null)]
    [InlineData("tap:vhd:/img/d.vhd,xvda,w", "/img/d.vhd", "vhd", "xvda", "rw", false, null)]
    [InlineData("nbd:192.0.2.10 20004,hda1,w", "192.0.2.10 20004", "raw", "hda1", "rw", false, "block-nbd")]
    [InlineData("iscsi:iqn.2001-05.com.example:disk1,xvdb,w", "iqn.2001-05.com.example:disk1", "raw", "xvdb", "rw", false, "block-iscsi")]
    [InlineData("format=qcow2,file:/img/a.qcow2,xvda2,w", "/img/a.qcow2", "qcow2", "xvda2", "rw", false, null)]
    [InlineData("vdev=xvda,target=/img/with,comma.img", "/img/with,comma.img", "raw", "xvda", "rw", false, null)]
    [InlineData("/img/a.img,,xvda:cdrom", "/img/a.img", "raw", "xvda", "ro", true, null)]
    [InlineData("/img/a.img,,d0p1", "/img/a.img", "raw", "d0p1", "rw", false, null)]
    [InlineData(" /img/a.img,raw,xvda ,rw", "/img/a.img", "raw", "xvda ", "rw", false, null)]
    [InlineData("vdev=xvda,target=/img/trailing space  ", "/img/trailing space  ", "raw", "xvda", "rw", false, null)]
    [InlineData(",,,,", "", "raw", "", "rw", false, null)]
    [InlineData("/img/a.img,,xvda,r,", "/img/a.img", "raw", "xvda", "ro", false, null)]
    public void Spec_examples_parse_to_libxl_fields(string spec, string? target, string format, string vdev, string access, bool cdrom, string? script)
    {
        var disk = DiskSpec.Parse(spec);

        Assert.Equal(target, disk.Target);
        Assert.Equal(format, disk.Format.ToXlName());
        Assert.Equal(vdev, disk.Vdev);
        Assert.Equal(access, disk.Access.ToXlName());
        Assert.Equal(cdrom, disk.IsCdrom);
        Assert.Equal(cdrom, disk.IsRemovable);
        Assert.Equal(script, disk.Script);
        Assert.Equal(spec, disk.ToString());
    }

    // spec §4.6 rejection list: spec, libxlutil's message, the offending text
    [Theory]
    [InlineData("/dev/sda1,hda1,w", "unknown value for format", "hda1")]
    [InlineData("target=/x,vdev=xvda", "no vdev specified", "target=/x,vdev=xvda")]
    [InlineData("/img/a.img,qcow2,xvda,w,extra", "too many positional parameters", "extra")]
    [InlineData("/img/a.img,,xvda,w!", "unknown value for access", "w!")]
    [InlineData("/img/a.img,,xvda,access=readonly", "unknown value for access", "readonly")]
    [InlineData("qed:/x,xvda,w", "unknown deprecated disk prefix", "qed:")]
    [InlineData("foo:/x,xvda,w", "unknown deprecated disk prefix", "foo:")]
    [InlineData("/img/a.img,,xvda,devtype=floppy", "unknown value for type", "devtype=floppy")]
    [InlineData("/img/a.img,,xvda:floppy", "unknown deprecated type", "floppy")]
    [InlineData("/img/a.img,,xvda,foo=bar", "unknown parameter", "foo=b")]
    [InlineData("/img/a.img,,xvda,backendtype=nbd", "unknown value for backendtype", "nbd")]
    [InlineData("format=raw,format=qcow2,/x,xvda", "format respecified", "qcow2")]
    [InlineData("iscsi:iqn.x:y,xvda,w,script=block-other", "script respecified", "block-other")]
    [InlineData("phy:/dev/sdb", "no vdev specified", "phy:/dev/sdb")]
    [InlineData("vdev=xvdb", "no target specified (and device not removable)", "vdev=xvdb")]
    [InlineData("file:/img/a:b.img,,xvda", "unknown value for access", "xvda")]
    [InlineData("/img/a.img, raw , xvda , rw", "unknown value for format", "raw ")]
    [InlineData("/img/a.img,,xvda,r,,", "too many positional parameters", "")]
    [InlineData("/img/a.img,,xvda,trusted", "unknown value for access", "trusted")]
    [InlineData("/x,,xvda,=abc", "bad disk syntax", "=abc")]
    [InlineData("/x,,xvda,=\nabc", "flex scanner jammed", "\n")]
    public void Rejected_specs_report_libxlutil_message_and_position(string spec, string message, string near)
    {
        Assert.False(DiskSpec.TryParse(spec, out var disk, out var error));
        Assert.Null(disk);
        Assert.Equal(message, error.Message);
        Assert.Equal(near, error.Near(spec));
        Assert.Same(DiagnosticIds.InvalidDiskSpec, error.Descriptor);

        var exception = Assert.Throws<DeviceSpecFormatException>(() => DiskSpec.Parse(spec));
        Assert.Equal(error, exception.Error);
    }

    [Fact]
    public void Error_offset_points_into_the_spec_so_callers_can_add_the_token_start()
    {
        const string spec = "/img/a.img,,xvda,access=readonly";
        Assert.False(DiskSpec.TryParse(spec, out _, out var error));
        Assert.Equal(24, error.Offset);
        Assert.Equal(8, error.Length);
    }

    [Fact]
    public void Named_parameters_and_flags_set_their_fields()
    {
        var disk = DiskSpec.Parse(
            "colo,colo-host=192.0.2.5,colo-port=9000,colo-export=exp1,active-disk=/a.img,hidden-disk=/h.img," +
            "specification=virtio,backendtype=qdisk,backend=driverdom,no-discard,direct-io-safe,/img/a.img,,xvda");

        Assert.Equal(DiskBackendType.Qdisk, disk.BackendType);
        Assert.Equal("driverdom", disk.BackendDomain);
        Assert.Equal(DiskSpecification.Virtio, disk.Specification);
        Assert.False(disk.Discard);
        Assert.True(disk.DirectIoSafe);
        Assert.True(disk.Colo);
        Assert.Equal("192.0.2.5", disk.ColoHost);
        Assert.Equal(9000, disk.ColoPort);
        Assert.Equal("exp1", disk.ColoExport);
        Assert.Equal("/a.img", disk.ActiveDisk);
        Assert.Equal("/h.img", disk.HiddenDisk);
        Assert.Null(disk.Trusted);
    }

    [Fact]
    public void Unset_fields_are_null_not_libxl_defaults()
    {
        var disk = DiskSpec.Parse("/img/a.img,,xvda");

        Assert.Null(disk.BackendType);
        Assert.Null(disk.BackendDomain);
        Assert.Null(disk.Script);
        Assert.Null(disk.Specification);
        Assert.Null(disk.Discard);
        Assert.Null(disk.ColoPort);
        Assert.Empty(disk.DeprecatedPrefixes);
    }

    [Fact]
    public void Deprecated_prefixes_are_listed_in_order_and_do_not_set_the_backend_type()
    {
        var disk = DiskSpec.Parse("tap2:tapdisk:aio:/img/d.img,xvda,w");

        Assert.Equal(["tap2", "tapdisk", "aio"], disk.DeprecatedPrefixes);
        Assert.Null(disk.BackendType);
    }

    [Fact]
    public void Cdrom_then_devtype_disk_is_an_ordinary_writable_disk()
    {
        var disk = DiskSpec.Parse("cdrom,devtype=disk,vdev=xvda,target=/img/a.img");

        Assert.Equal(DiskDeviceType.Disk, disk.DeviceType);
        Assert.Equal(DiskAccess.ReadWrite, disk.Access);
        Assert.False(disk.IsReadOnly);
    }

    [Fact]
    public void Trusted_and_grant_usage_need_the_xen_419_scanner()
    {
        Assert.False(DiskSpec.TryParse("/img/a.img,,xvda,untrusted", out _, out _));
        Assert.False(DiskSpec.TryParse("/img/a.img,,xvda,grant_usage=1", out _, out var error));
        Assert.Equal("unknown value for access", error.Message);

        var disk = DiskSpec.Parse("/img/a.img,,xvda,untrusted,grant_usage=1", DiskSpecParseOptions.Xen419);
        Assert.False(disk.Trusted);
        Assert.True(disk.GrantUsage);
        Assert.Equal("format=raw, vdev=xvda, access=rw, untrusted, grant_usage=1, target=/img/a.img", disk.ToCanonicalString());
    }

    [Theory]
    [InlineData("phy:/dev/vg/guest,xvda,w", "format=raw, vdev=xvda, access=rw, target=/dev/vg/guest")]
    [InlineData(",hdc:cdrom,r", "format=empty, vdev=hdc, access=ro, devtype=cdrom, target=")]
    [InlineData("vdev=hdc,cdrom", "format=empty, vdev=hdc, access=ro, devtype=cdrom")]
    [InlineData("iscsi:iqn.x:y,xvdb,r", "format=raw, vdev=xvdb, access=ro, script=block-iscsi, target=iqn.x:y")]
    [InlineData("vdev=xvda,target=/x,,", "format=raw, vdev=xvda, access=rw, target=/x,,")]
    [InlineData("/img/a.img,qcow2,xvda,backendtype=qdisk,discard", "format=qcow2, vdev=xvda, access=rw, backendtype=qdisk, discard, target=/img/a.img")]
    public void Canonical_form_uses_named_parameters_with_target_last(string spec, string canonical)
    {
        var disk = DiskSpec.Parse(spec);

        Assert.Equal(canonical, disk.ToCanonicalString());
        Assert.Equal(spec, disk.ToString());
        var again = DiskSpec.Parse(canonical);
        Assert.Equal(disk.Target, again.Target);
        Assert.Equal(canonical, again.ToCanonicalString());
    }

    [Fact]
    public void Canonical_form_refuses_a_newline_it_cannot_carry()
    {
        var disk = DiskSpec.Parse(" a\nb,,xvda");

        Assert.Equal(" a\nb", disk.Target);
        Assert.Throws<InvalidOperationException>(disk.ToCanonicalString);
    }

    [Fact]
    public void Virtual_device_is_decoded_from_the_vdev_or_null_when_libxl_refuses_it()
    {
        Assert.Equal(51713, DiskSpec.Parse("/x,,xvda1").VirtualDevice?.DeviceNumber);
        Assert.Null(DiskSpec.Parse(" /x,raw,xvda ,rw").VirtualDevice);
    }

    [Fact]
    public void Text_after_a_nul_is_ignored_as_libxlutil_sees_a_c_string()
    {
        var disk = DiskSpec.Parse("/x,,xvda\0,junk=1");

        Assert.Equal("xvda", disk.Vdev);
        Assert.Equal("/x,,xvda\0,junk=1", disk.ToString());
    }
}
