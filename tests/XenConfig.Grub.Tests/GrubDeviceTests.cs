using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Tests;

public sealed class GrubDeviceTests
{
    [Theory]
    [InlineData("(hd0,0)", GrubDeviceKind.HardDisk, 0, 0, null, false)]
    [InlineData("(hd1,4)", GrubDeviceKind.HardDisk, 1, 4, null, false)]
    [InlineData("(hd0)", GrubDeviceKind.HardDisk, 0, null, null, false)]
    [InlineData("(hd0,a)", GrubDeviceKind.HardDisk, 0, null, 'a', false)]
    [InlineData("(hd1,0,a)", GrubDeviceKind.HardDisk, 1, 0, 'a', false)]
    [InlineData("(hd1,0a)", GrubDeviceKind.HardDisk, 1, 0, 'a', false)]
    [InlineData("(fd0)", GrubDeviceKind.Floppy, 0, null, null, false)]
    [InlineData("(0x80,1)", GrubDeviceKind.HardDisk, 0, 1, null, true)]
    [InlineData("(0x81)", GrubDeviceKind.HardDisk, 1, null, null, true)]
    [InlineData("(0)", GrubDeviceKind.Floppy, 0, null, null, true)]
    [InlineData("(nd)", GrubDeviceKind.Network, 0, null, null, false)]
    [InlineData("(cd)", GrubDeviceKind.CdRom, 0, null, null, false)]
    public void Device_names_are_parsed(string text, GrubDeviceKind kind, int drive, int? partition, char? slice, bool raw)
    {
        var device = GrubDevice.Parse(text);
        Assert.Equal((kind, drive, partition, slice, raw), (device.Kind, device.Drive, device.Partition, device.BsdSlice, device.IsBiosNumber));
        Assert.Equal(text, device.ToString());
    }

    [Theory]
    [InlineData("hd0,0")]
    [InlineData("(hd0,0")]
    [InlineData("(hd0,300)")]
    [InlineData("(fd0,1)")]
    [InlineData("(hd0,z)")]
    [InlineData("(sd0)")]
    [InlineData("(hd0,msdos1)")]
    [InlineData("(hd0,0) ")]
    [InlineData("()")]
    public void Malformed_device_names_are_rejected(string text)
    {
        Assert.False(GrubDevice.TryParse(text, out _, out var error));
        Assert.Contains(text.Trim(), error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => GrubDevice.Parse(text));
    }

    [Theory]
    [InlineData("(hd0)")]
    [InlineData("(hd0,1)")]
    [InlineData("(hd12,254)")]
    [InlineData("(hd0,255)")]
    [InlineData("(hd9999,0)")]
    [InlineData("(hd12345)")]
    [InlineData("(hd00,007)")]
    [InlineData("(hd0x1)")]
    [InlineData("(hd0,0x1)")]
    [InlineData("(hd0,a)")]
    [InlineData("(hd0,1,a)")]
    [InlineData("(hd0,)")]
    [InlineData("(hd,0)")]
    [InlineData("(hd0,1")]
    public void Hard_disks_read_in_one_pass_mean_what_the_device_parser_reads(string text)
    {
        // The readers check roots and file prefixes with TryScan, which reads (hdN) and (hdN,M) in one pass before the
        // full scanner: from characters and from ASCII bytes it must accept and decompose exactly what Parse does.
        var parsed = GrubDevice.TryParse(text, out var device);
        var expected = parsed ? GrubDevice.Parts.Of(device!) : default;

        Assert.Equal(parsed, GrubDevice.TryScan(new GrubChars(text.AsSpan()), out var fromChars));
        Assert.Equal(parsed, GrubDevice.TryScan(new GrubChars(System.Text.Encoding.ASCII.GetBytes(text)), out var fromBytes));
        if (parsed)
        {
            Assert.Equal(expected, fromChars);
            Assert.Equal(expected, fromBytes);
        }
    }

    [Fact]
    public void Equal_devices_compare_equal_however_spelled()
    {
        Assert.Equal(GrubDevice.Parse("(hd0,1)"), GrubDevice.Parse("(0x80,1)"));
        Assert.NotEqual(GrubDevice.Parse("(hd0,1)"), GrubDevice.Parse("(hd0,2)"));
    }

    [Theory]
    [InlineData("(hd0,0)/boot/vmlinuz", "(hd0,0)", "/boot/vmlinuz")]
    [InlineData("/boot/vmlinuz", null, "/boot/vmlinuz")]
    [InlineData("(hd0,0)+1", "(hd0,0)", "+1")]
    public void Paths_split_into_device_and_path(string file, string? device, string path)
    {
        Assert.True(GrubDevice.TrySplitPath(file, out var parsed, out var rest));
        Assert.Equal(device, parsed?.Text);
        Assert.Equal(path, rest);
    }

    [Fact]
    public void A_path_with_a_malformed_device_does_not_split()
    {
        Assert.False(GrubDevice.TrySplitPath("(hd0,0/boot/vmlinuz", out _, out _));
    }
}
