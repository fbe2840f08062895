using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

public sealed class OtherDeviceSpecTests
{
    [Fact]
    public void Vfb_reads_known_keys_with_atoi_and_stops_at_a_piece_without_equals()
    {
        var vfb = VfbSpec.Parse("vnc=1, vnclisten=0.0.0.0,vncdisplay=07,vncunused=0,vncpasswd=pw,keymap=de,sdl=yes,foo=1,opengl,display=:0");

        Assert.True(vfb.Vnc);
        Assert.Equal("0.0.0.0", vfb.VncListen);
        Assert.Equal(7, vfb.VncDisplay);
        Assert.False(vfb.VncUnused);
        Assert.Equal("pw", vfb.VncPassword);
        Assert.Equal("de", vfb.Keymap);
        Assert.False(vfb.Sdl);
        Assert.Null(vfb.OpenGl);
        Assert.Null(vfb.Display);
        Assert.Equal(["foo=1", "opengl", "display=:0"], vfb.IgnoredItems);
    }

    [Theory]
    [InlineData("connection=pty,name=org.qemu.guest_agent.0", ChannelConnection.Pty, "org.qemu.guest_agent.0", null)]
    [InlineData(" connection = socket , path = /run/x.sock ,name=n", ChannelConnection.Socket, "n", "/run/x.sock")]
    [InlineData("connection=pty,name=a=b", ChannelConnection.Pty, "a", null)]
    public void Channel_keys_and_values_are_trimmed(string spec, ChannelConnection connection, string? name, string? path)
    {
        var channel = ChannelSpec.Parse(spec);

        Assert.Equal(connection, channel.Connection);
        Assert.Equal(name, channel.Name);
        Assert.Equal(path, channel.Path);
    }

    [Theory]
    [InlineData("name=n", "channel has unknown 'connection'")]
    [InlineData("connection=socket,name=n", "channel connection 'socket' requires path=..")]
    [InlineData("connection=serial", "unknown channel connection")]
    [InlineData("connection=pty,name=", "failed to parse channel configuration")]
    [InlineData("", "channel has unknown 'connection'")]
    public void Channel_rejections(string spec, string message)
    {
        Assert.False(ChannelSpec.TryParse(spec, out _, out var error));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Channel_unknown_keys_are_only_reported()
    {
        Assert.Equal(["foo"], ChannelSpec.Parse("connection=pty,foo=1").UnknownKeys);
    }

    [Fact]
    public void Vtpm_needs_a_backend_and_a_valid_uuid()
    {
        var vtpm = VtpmSpec.Parse("backend=vtpm-dom,uuid=12345678-9abc-def0-1234-56789abcdef0");
        Assert.Equal("vtpm-dom", vtpm.Backend);
        Assert.Equal(Guid.Parse("12345678-9abc-def0-1234-56789abcdef0"), vtpm.Uuid);

        Assert.Equal("vtpm spec missing required backend field", Error("uuid=12345678-9abc-def0-1234-56789abcdef0"));
        Assert.Equal("Failed to parse vtpm UUID", Error("backend=d,uuid={12345678-9abc-def0-1234-56789abcdef0}"));
        Assert.Equal("Unknown string in vtpm spec", Error("backend=d,foo=1"));

        // a piece without '=' ends the parse: what follows is never looked at
        Assert.Equal("d", VtpmSpec.Parse("backend=d,junk,foo=1").Backend);

        static string Error(string spec) => VtpmSpec.TryParse(spec, out _, out var error) ? "accepted" : error.Message;
    }

    [Fact]
    public void Usbctrl_and_usbdev_read_numbers_as_xl_does()
    {
        var usbctrl = UsbCtrlSpec.Parse("type=QUSB,version=3,ports=15x");
        Assert.Equal(UsbControllerType.Qusb, usbctrl.Type);
        Assert.Equal(3, usbctrl.Version);
        Assert.Equal(15, usbctrl.Ports);
        Assert.Null(UsbCtrlSpec.Parse("version=2").Type);
        Assert.False(UsbCtrlSpec.TryParse("type=ohci", out _, out _));
        Assert.False(UsbCtrlSpec.TryParse("speed=1", out _, out var error));
        Assert.Equal("Unknown string in usbctrl spec", error.Message);

        var usbdev = UsbDevSpec.Parse("type=hostdev,hostbus=0x2,hostaddr=010,controller=1,port=2");
        Assert.True(usbdev.HasType);
        Assert.Equal(2, usbdev.HostBus);
        Assert.Equal(8, usbdev.HostAddress);
        Assert.Equal(1, usbdev.Controller);
        Assert.Equal(2, usbdev.Port);
        Assert.False(UsbDevSpec.TryParse("type=tablet", out _, out _));
        Assert.False(UsbDevSpec.TryParse("hostbus=1,bogus", out _, out _));
    }

    [Theory]
    [InlineData("all", 8, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData("0-3,^1", 8, new[] { 0, 2, 3 })]
    [InlineData("2,5-6,,9", 8, new[] { 2, 5, 6 })]
    [InlineData("all,^0-1", 4, new[] { 2, 3 })]
    [InlineData(" 1,+2", 4, new[] { 1, 2 })]
    [InlineData("", 4, new int[0])]
    [InlineData("nodes:1", 8, new[] { 4, 5, 6, 7 })]
    [InlineData("all,^node:0", 8, new[] { 4, 5, 6, 7 })]
    [InlineData("nodes:all", 4, new[] { 0, 1, 2, 3 })]
    public void Cpu_lists_select_cpus_in_order(string text, int cpuCount, int[] expected)
    {
        var list = CpuList.Parse(text);

        Assert.Equal(expected, list.ToCpuSet(cpuCount, node => Enumerable.Range(node * 4, 4)));
        Assert.Equal(text, list.ToString());
    }

    [Theory]
    [InlineData("^all", "Can't combine \"^\" and \"all\"", 0)]
    [InlineData("^nodes:all", "Can't combine \"^\" and \"all\"", 0)]
    [InlineData("0,3-1", "Invalid pcpu range", 2)]
    [InlineData("0,node:x", "Invalid pcpu range", 7)]
    [InlineData("1-", "Invalid pcpu range", 0)]
    [InlineData("-1", "Invalid pcpu range", 0)]
    [InlineData("1x", "Invalid pcpu range", 0)]
    [InlineData("0, ", "Invalid pcpu range", 2)]
    public void Cpu_list_rejections(string text, string message, int offset)
    {
        Assert.False(CpuList.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Cpu_list_items_are_exposed()
    {
        Assert.Equal(
            [new CpuListItem(false, false, false, 0, 3), new CpuListItem(true, true, false, 1, 1)],
            CpuList.Parse("0-3,^node:1").Items);
    }
}
