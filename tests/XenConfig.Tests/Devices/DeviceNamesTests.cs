using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

public sealed class DeviceNamesTests
{
    [Fact]
    public void Enum_words_are_the_libxl_words_of_the_json_contract()
    {
        Assert.Equal(["raw", "qcow", "qcow2", "vhd", "qed", "empty"], Enum.GetValues<DiskFormat>().Select(f => f.ToXlName()));
        Assert.Equal(["phy", "tap", "qdisk", "standalone"], Enum.GetValues<DiskBackendType>().Select(b => b.ToXlName()));
        Assert.Equal(["rw", "ro"], Enum.GetValues<DiskAccess>().Select(a => a.ToXlName()));
        Assert.Equal(["disk", "cdrom"], Enum.GetValues<DiskDeviceType>().Select(d => d.ToXlName()));
        Assert.Equal(["xen", "virtio"], Enum.GetValues<DiskSpecification>().Select(s => s.ToXlName()));
        Assert.Equal(["vif", "ioemu"], Enum.GetValues<VifType>().Select(t => t.ToXlName()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((DiskFormat)99).ToXlName());
    }
}
