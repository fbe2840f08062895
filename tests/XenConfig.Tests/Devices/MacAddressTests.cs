using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

public sealed class MacAddressTests
{
    [Theory]
    [InlineData("00:16:3e:12:34:56", "00:16:3e:12:34:56")]
    [InlineData("00-16-3E-AB-CD-EF", "00:16:3e:ab:cd:ef")]
    [InlineData("0:16:3e:1:2:3", "00:16:3e:01:02:03")]
    [InlineData("aa:00:00:00:00:01", "aa:00:00:00:00:01")]
    public void Valid_addresses_parse_to_lowercase_colon_form(string text, string expected)
    {
        Assert.Equal(expected, MacAddress.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00:16:3e:12:34")]
    [InlineData("00:16:3e:12:34:56:78")]
    [InlineData("00:16:3e:12:34:5g")]
    [InlineData("00:16:3e:12:34:567")]
    [InlineData("00:16-3e:12:34:56")]
    [InlineData("0016.3e12.3456")]
    [InlineData("00:16:3e:12:34:56 ")]
    [InlineData("00:16:3e:12:34:")]
    public void Invalid_addresses_are_rejected_with_xc2021(string text)
    {
        Assert.False(MacAddress.TryParse(text, out _, out var error));
        Assert.Equal("XC2021", error.Descriptor?.Id);
        Assert.Throws<DeviceSpecFormatException>(() => MacAddress.Parse(text));
    }

    [Theory]
    [InlineData("00:16:3e:12:34:56", false, false, true)]
    [InlineData("01:16:3e:12:34:56", true, false, false)]
    [InlineData("02:00:00:00:00:01", false, true, false)]
    [InlineData("ff:ff:ff:ff:ff:ff", true, true, false)]
    [InlineData("00:16:3f:00:00:00", false, false, false)]
    public void Address_bits_are_decoded(string text, bool multicast, bool local, bool xen)
    {
        var mac = MacAddress.Parse(text);

        Assert.Equal(multicast, mac.IsMulticast);
        Assert.Equal(local, mac.IsLocallyAdministered);
        Assert.Equal(xen, mac.IsXenOui);
    }

    [Fact]
    public void Equality_and_hash_compare_octets_not_spelling()
    {
        var a = MacAddress.Parse("00:16:3E:0A:0B:0C");
        var b = MacAddress.Parse("00-16-3e-a-b-c");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, MacAddress.Parse("00:16:3e:0a:0b:0d"));
        Assert.Equal(a, new MacAddress([0x00, 0x16, 0x3e, 0x0a, 0x0b, 0x0c]));
        Assert.Equal([0x00, 0x16, 0x3e, 0x0a, 0x0b, 0x0c], a.Octets);
    }

    [Fact]
    public void Zero_address_means_generate_one()
    {
        Assert.True(MacAddress.Parse("00:00:00:00:00:00").IsZero);
        Assert.False(MacAddress.XenOuiPrefix.IsZero);
        Assert.True(MacAddress.XenOuiPrefix.IsXenOui);
    }

    [Fact]
    public void Constructor_needs_six_octets()
    {
        Assert.Throws<ArgumentException>(() => new MacAddress([1, 2, 3]));
    }
}
