using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

public sealed class PciSpecTests
{
    [Theory]
    [InlineData("0000:03:00.0", "0000:03:00.0", null)]
    [InlineData("03:00.0", "0000:03:00.0", null)]
    [InlineData("3:0.0", "0000:03:00.0", null)]
    [InlineData("03:00.*", "0000:03:00.*", null)]
    [InlineData("03:00.0@1f", "0000:03:00.0", 0x1f)]
    [InlineData("ffff:ff:1f.7", "ffff:ff:1f.7", null)]
    [InlineData("bdf=03:00.0,vslot=3", "0000:03:00.0", 3)]
    public void Bdf_forms_parse_to_the_same_device(string spec, string bdf, int? slot)
    {
        var pci = PciSpec.Parse(spec);

        Assert.Equal(bdf, pci.Bdf);
        Assert.Equal(slot, pci.VirtualSlot);
        Assert.True(pci.HasBdf);
        Assert.Equal(spec, pci.ToString());
    }

    [Fact]
    public void Options_are_read_with_atoi_and_unset_ones_stay_null()
    {
        var pci = PciSpec.Parse("0000:03:1f.7,permissive=1,seize=yes,power_mgmt=2,rdm_policy=Relaxed");

        Assert.True(pci.Permissive);
        Assert.False(pci.Seize);
        Assert.True(pci.PowerManagement);
        Assert.Null(pci.MsiTranslate);
        Assert.Equal(PciRdmPolicy.Relaxed, pci.RdmPolicy);
        Assert.Equal("0000:03:1f.7,permissive=1,seize=0,power_mgmt=1,rdm_policy=relaxed", pci.ToCanonicalString());
    }

    [Fact]
    public void A_device_can_be_named_instead_of_addressed()
    {
        var pci = PciSpec.Parse("name=gpu0,vslot=2");

        Assert.False(pci.HasBdf);
        Assert.Null(pci.Bdf);
        Assert.Equal("gpu0", pci.Name);
        Assert.Equal("name=gpu0,vslot=2", pci.ToCanonicalString());
    }

    // probe/results-pci.txt rejections and the limits of spec §5.3
    [Theory]
    [InlineData("03:00.0@20", 8)]
    [InlineData("36:00.0,vslot=20,seize=1", 14)]
    [InlineData("03:00.0,rdm_policy=bogus", 19)]
    [InlineData("03:00.0,foo=1", 8)]
    [InlineData("03:00.0 ,seize=1", 7)]
    [InlineData("name=gpu0,bdf=03:00.0", 0)]
    [InlineData("03:20.0", 0)]
    [InlineData("03:00.8", 0)]
    [InlineData("", 0)]
    [InlineData("03:00", 0)]
    public void Invalid_specs_are_rejected(string spec, int offset)
    {
        Assert.False(PciSpec.TryParse(spec, out var pci, out var error));
        Assert.Null(pci);
        Assert.Equal(offset, error.Offset);
        Assert.Throws<DeviceSpecFormatException>(() => PciSpec.Parse(spec));
    }
}
