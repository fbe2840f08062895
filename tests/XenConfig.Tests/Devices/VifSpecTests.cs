using XenConfig.Devices;
using XenConfig.Diagnostics;

namespace XenConfig.Tests.Devices;

public sealed class VifSpecTests
{
    [Fact]
    public void Empty_spec_is_one_nic_with_all_defaults()
    {
        var vif = VifSpec.Parse(string.Empty);

        Assert.Null(vif.Mac);
        Assert.Null(vif.Bridge);
        Assert.Null(vif.Type);
        Assert.Null(vif.Rate);
        Assert.Empty(vif.Settings);
        Assert.Empty(vif.UnknownItems);
    }

    [Fact]
    public void Keys_are_read_with_leading_spaces_dropped_and_empty_pieces_skipped()
    {
        var vif = VifSpec.Parse("mac=00:16:3e:01:02:03,, bridge=xenbr1 ,ip=192.0.2.5 192.0.2.6,script=vif-route,model=e1000," +
                                "type=ioemu,vifname=web0,rate=10Mb/s@20ms,backend=netdom,devid=3,mtu=9000,netdev=eth1");

        Assert.Equal("00:16:3e:01:02:03", vif.Mac.ToString());
        Assert.Equal("xenbr1 ", vif.Bridge);
        Assert.Equal("192.0.2.5 192.0.2.6", vif.Ip);
        Assert.Equal("vif-route", vif.Script);
        Assert.Equal("e1000", vif.Model);
        Assert.Equal(VifType.Ioemu, vif.Type);
        Assert.Equal("web0", vif.VifName);
        Assert.Equal("10Mb/s@20ms", vif.RateText);
        Assert.Equal(25_000UL, vif.Rate?.BytesPerInterval);
        Assert.Equal("netdom", vif.Backend);
        Assert.Equal(3UL, vif.DevId);
        Assert.Equal(9000UL, vif.Mtu);
        Assert.Equal("eth1", vif.GatewayDev);
    }

    [Fact]
    public void Unknown_keys_are_kept_not_rejected_because_xl_ignores_them()
    {
        var vif = VifSpec.Parse("bridge=xenbr0,foo=bar,accel=x,colo_checkpoint_port=9,bare,trusted");

        Assert.Equal(["foo=bar", "bare"], vif.UnknownItems);
        Assert.Equal("9", vif.Settings["colo_checkpoint_port"]);
        Assert.True(vif.Trusted);
        Assert.False(vif.Settings.ContainsKey("accel"));
    }

    [Fact]
    public void Tabs_are_not_skipped_so_the_key_is_unknown()
    {
        var vif = VifSpec.Parse("\tbridge=xenbr0");

        Assert.Null(vif.Bridge);
        Assert.Equal(["\tbridge=xenbr0"], vif.UnknownItems);
    }

    [Fact]
    public void Last_value_of_a_repeated_key_wins()
    {
        Assert.Equal("b", VifSpec.Parse("bridge=a,bridge=b").Bridge);
    }

    [Theory]
    [InlineData("bridge=x,mac=00:16:3e:zz:00:01", "invalid MAC address", 13, "XC2021")]
    [InlineData("mac=00:16:3e:00:01", "invalid MAC address", 4, "XC2021")]
    [InlineData("mac=00:16:3e:00:01:02:03,bridge=br0", "invalid MAC address", 4, "XC2021")]
    [InlineData("type=netfront", "invalid parameter `type' (vif or ioemu); xl ignores it", 5, "XC2020")]
    public void Pieces_xl_ignores_keep_the_nic_and_are_listed_with_position_and_diagnostic(string spec, string message, int offset, string id)
    {
        var vif = VifSpec.Parse(spec);
        var ignored = Assert.Single(vif.IgnoredPieces);
        Assert.Equal((message, offset, id), (ignored.Message, ignored.Offset, ignored.Descriptor?.Id));
        Assert.Null(vif.Mac);
        Assert.Null(vif.Type);
    }

    [Fact]
    public void An_ignored_mac_keeps_the_last_mac_that_read()
    {
        var vif = VifSpec.Parse("mac=00:16:3e:00:00:01,mac=zz");
        Assert.Equal("00:16:3e:00:00:01", vif.Mac?.ToString());
        Assert.Single(vif.IgnoredPieces);
    }

    [Theory]
    [InlineData("rate=10mb/s", "invalid rate", 5, "XC2020")]
    [InlineData("rate=10MB/s@", "invalid replenishment interval", 12, "XC2020")]
    [InlineData("devid=x", "failed to convert `x' to number", 6, "XC2020")]
    [InlineData("mtu=-1", "failed to convert `-1' to number", 4, "XC2020")]
    public void Invalid_values_are_rejected_with_position_and_diagnostic(string spec, string message, int offset, string id)
    {
        Assert.False(VifSpec.TryParse(spec, out var vif, out var error));
        Assert.Null(vif);
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(id, error.Descriptor?.Id);
        Assert.Throws<DeviceSpecFormatException>(() => VifSpec.Parse(spec));
    }

    [Fact]
    public void Multicast_mac_parses_so_that_a_validator_can_report_it()
    {
        var vif = VifSpec.Parse("mac=01:16:3e:00:00:01");

        Assert.True(vif.Mac?.IsMulticast);
        Assert.Equal("XC2022", DiagnosticIds.MulticastMac.Id);
    }
}
