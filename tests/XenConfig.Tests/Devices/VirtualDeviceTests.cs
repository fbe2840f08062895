using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

public sealed class VirtualDeviceTests
{
    // spec §4.7 table and examples: name, device number, disk index, partition, kind
    [Theory]
    [InlineData("xvda", 51712, 0, 0, VirtualDeviceKind.Xvd)]
    [InlineData("xvda1", 51713, 0, 1, VirtualDeviceKind.Xvd)]
    [InlineData("xvdb", 51728, 1, 0, VirtualDeviceKind.Xvd)]
    [InlineData("xvdp15", 51967, 15, 15, VirtualDeviceKind.Xvd)]
    [InlineData("xvdq", 268439552, 16, 0, VirtualDeviceKind.Xvd)]
    [InlineData("xvda16", 268435472, 0, 16, VirtualDeviceKind.Xvd)]
    [InlineData("xvda255", 268435711, 0, 255, VirtualDeviceKind.Xvd)]
    [InlineData("xvdz", 268441856, 25, 0, VirtualDeviceKind.Xvd)]
    [InlineData("xvdaa", 268442112, 26, 0, VirtualDeviceKind.Xvd)]
    [InlineData("d0p1", 51713, 0, 1, VirtualDeviceKind.DiskPartition)]
    [InlineData("d0p0", 51712, 0, 0, VirtualDeviceKind.DiskPartition)]
    [InlineData("d1p16", 268435728, 1, 16, VirtualDeviceKind.DiskPartition)]
    [InlineData("d0x10p0x1", 268439553, 16, 1, VirtualDeviceKind.DiskPartition)]
    [InlineData("hda", 768, 0, 0, VirtualDeviceKind.Ide)]
    [InlineData("hda1", 769, 0, 1, VirtualDeviceKind.Ide)]
    [InlineData("hda63", 831, 0, 63, VirtualDeviceKind.Ide)]
    [InlineData("hdb", 832, 1, 0, VirtualDeviceKind.Ide)]
    [InlineData("hdc", 5632, 2, 0, VirtualDeviceKind.Ide)]
    [InlineData("hdd", 5696, 3, 0, VirtualDeviceKind.Ide)]
    [InlineData("hdd2", 5698, 3, 2, VirtualDeviceKind.Ide)]
    [InlineData("sda", 2048, 0, 0, VirtualDeviceKind.Scsi)]
    [InlineData("sda1", 2049, 0, 1, VirtualDeviceKind.Scsi)]
    [InlineData("sdb", 2064, 1, 0, VirtualDeviceKind.Scsi)]
    [InlineData("sdp15", 2303, 15, 15, VirtualDeviceKind.Scsi)]
    [InlineData("51712", 51712, 0, 0, VirtualDeviceKind.Number)]
    [InlineData("0xca00", 51712, 0, 0, VirtualDeviceKind.Number)]
    [InlineData("0145001", 51713, 0, 1, VirtualDeviceKind.Number)]
    [InlineData("769", 769, 0, 1, VirtualDeviceKind.Number)]
    [InlineData("5698", 5698, 3, 2, VirtualDeviceKind.Number)]
    [InlineData("268439552", 268439552, 16, 0, VirtualDeviceKind.Number)]
    [InlineData("hd", 832, 1, 0, VirtualDeviceKind.Ide)] // libxl quirk: no letter is disk -1, whose odd bit makes it hdb
    [InlineData("hd5", 837, 1, 5, VirtualDeviceKind.Ide)]
    [InlineData("xvda+1", 51713, 0, 1, VirtualDeviceKind.Xvd)] // strtoul takes the sign
    public void Names_decode_to_libxl_device_numbers(string name, int number, int disk, int partition, VirtualDeviceKind kind)
    {
        var device = VirtualDevice.Parse(name);

        Assert.Equal(number, device.DeviceNumber);
        Assert.Equal(disk, device.DiskIndex);
        Assert.Equal(partition, device.Partition);
        Assert.Equal(kind, device.Kind);
        Assert.Equal(partition == 0, device.IsWholeDisk);
        Assert.Equal(partition > 0, device.IsPartition);
        Assert.Equal(name, device.ToString());
    }

    [Theory]
    [InlineData("hde")]
    [InlineData("hda64")]
    [InlineData("sdq")]
    [InlineData("sda16")]
    [InlineData("xvda256")]
    [InlineData("xvda01")]
    [InlineData("xvda ")]
    [InlineData("xvda-1")]
    [InlineData("xvd")]
    [InlineData("xvd1")]
    [InlineData("sd")]
    [InlineData("d0p256")]
    [InlineData("d0p")]
    [InlineData("xvdA")]
    [InlineData("foo")]
    [InlineData("-5")]
    [InlineData("4294967296")]
    [InlineData("2147483648")]
    public void Names_libxl_cannot_decode_are_rejected(string name)
    {
        Assert.False(VirtualDevice.TryParse(name, out _));
        var exception = Assert.Throws<DeviceSpecFormatException>(() => VirtualDevice.Parse(name));
        Assert.Equal("invalid or unsupported virtual disk identifier", exception.Error.Message);
    }

    [Fact]
    public void An_empty_name_is_device_zero_as_libxl_reads_it_with_strtoul()
    {
        var device = VirtualDevice.Parse(string.Empty);

        Assert.Equal(0, device.DeviceNumber);
        Assert.Equal(VirtualDeviceKind.Number, device.Kind);
        Assert.Null(device.DiskIndex);
        Assert.Empty(device.GuestDevicePaths);
    }

    [Theory]
    [InlineData("hda1", "/dev/hda1", "/dev/xvda1")]
    [InlineData("hdc", "/dev/hdc", "/dev/xvdc")]
    [InlineData("sdb2", "/dev/sdb2", "/dev/xvdb2")]
    [InlineData("xvda2", "/dev/xvda2", "/dev/xvda2")]
    [InlineData("d1p3", "/dev/xvdb3", "/dev/xvdb3")]
    [InlineData("51712", "/dev/xvda", "/dev/xvda")]
    [InlineData("2049", "/dev/sda1", "/dev/xvda1")]
    public void Guest_device_paths_follow_the_kernel_generation(string name, string legacy, string modern)
    {
        var device = VirtualDevice.Parse(name);

        Assert.Equal(legacy, device.LegacyGuestPath);
        Assert.Equal(modern, device.ModernGuestPath);
        Assert.Equal(legacy == modern ? [legacy] : new[] { legacy, modern }, device.GuestDevicePaths);
    }

    [Theory]
    [InlineData("xvda", "/dev/xvda", VirtualDeviceMatch.Exact)]
    [InlineData("xvda", "/dev/xvda2", VirtualDeviceMatch.Partition)]
    [InlineData("xvda", "xvda1", VirtualDeviceMatch.Partition)]
    [InlineData("xvda2", "/dev/xvda2", VirtualDeviceMatch.Exact)]
    [InlineData("xvda2", "/dev/xvda1", VirtualDeviceMatch.None)]
    [InlineData("xvda2", "/dev/xvda", VirtualDeviceMatch.None)]
    [InlineData("xvdb", "/dev/xvda1", VirtualDeviceMatch.None)]
    [InlineData("hda1", "/dev/hda1", VirtualDeviceMatch.Exact)]
    [InlineData("hda1", "/dev/xvda1", VirtualDeviceMatch.ModernKernelName)]
    [InlineData("hda", "/dev/xvda3", VirtualDeviceMatch.ModernKernelPartition)]
    [InlineData("hda", "/dev/hda3", VirtualDeviceMatch.Partition)]
    [InlineData("hda1", "/dev/sda1", VirtualDeviceMatch.None)]
    [InlineData("sda", "/dev/sda1", VirtualDeviceMatch.Partition)]
    [InlineData("sdb2", "/dev/xvdb2", VirtualDeviceMatch.ModernKernelName)]
    [InlineData("xvda1", "/dev/hda1", VirtualDeviceMatch.None)]
    [InlineData("xvda", "/dev/mapper/root", VirtualDeviceMatch.None)]
    [InlineData("xvda", "/dev/xvda01", VirtualDeviceMatch.None)]
    [InlineData("51712", "/dev/xvda1", VirtualDeviceMatch.Partition)]
    public void Guest_paths_are_matched_to_the_vdev_that_provides_them(string vdev, string guestPath, VirtualDeviceMatch expected)
    {
        var device = VirtualDevice.Parse(vdev);

        Assert.Equal(expected, device.Match(guestPath));
        Assert.Equal(expected != VirtualDeviceMatch.None, device.Provides(guestPath));
    }

    [Theory]
    [InlineData(0, "a")]
    [InlineData(25, "z")]
    [InlineData(26, "aa")]
    [InlineData(27, "ab")]
    [InlineData(701, "zz")]
    [InlineData(702, "aaa")]
    public void Disk_letters_are_bijective_base_26(int index, string letters)
    {
        Assert.Equal(letters, VirtualDevice.DiskLetters(index));
        Assert.Equal(index, VirtualDevice.Parse("xvd" + letters).DiskIndex);
    }

    [Fact]
    public void Equal_names_are_equal_devices()
    {
        Assert.Equal(VirtualDevice.Parse("hda1"), VirtualDevice.Parse("hda1"));
        Assert.NotEqual(VirtualDevice.Parse("hda1"), VirtualDevice.Parse("769"));
        Assert.Equal(VirtualDevice.Parse("hda1").DeviceNumber, VirtualDevice.Parse("769").DeviceNumber);
    }
}
