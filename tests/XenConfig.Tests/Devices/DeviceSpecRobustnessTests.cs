using System.Diagnostics;
using System.Text;
using XenConfig.Devices;

namespace XenConfig.Tests.Devices;

/// <summary>No input makes a device parser throw (other than the documented exception) or take long.</summary>
public sealed class DeviceSpecRobustnessTests
{
    private const string Alphabet = "aAdhpsvxz019:,=@.-*^ \t\n\r\0/+é€";

    [Fact]
    public void Random_inputs_never_throw_from_try_parse()
    {
        var random = new Random(7);
        for (var n = 0; n < 5_000; n++)
        {
            var builder = new StringBuilder();
            var length = random.Next(40);
            for (var k = 0; k < length; k++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            var text = builder.ToString();
            AssertConsistent(DiskSpec.TryParse(text, out var disk, out var diskError), disk, diskError, text);
            AssertConsistent(DiskSpec.TryParse(text, DiskSpecParseOptions.Xen419, out disk, out diskError), disk, diskError, text);
            AssertConsistent(PciSpec.TryParse(text, out var pci, out var pciError), pci, pciError, text);
            AssertConsistent(VifSpec.TryParse(text, out var vif, out var vifError), vif, vifError, text);
            AssertConsistent(VtpmSpec.TryParse(text, out var vtpm, out var vtpmError), vtpm, vtpmError, text);
            AssertConsistent(ChannelSpec.TryParse(text, out var channel, out var channelError), channel, channelError, text);
            AssertConsistent(UsbCtrlSpec.TryParse(text, out var usbctrl, out var usbctrlError), usbctrl, usbctrlError, text);
            AssertConsistent(UsbDevSpec.TryParse(text, out var usbdev, out var usbdevError), usbdev, usbdevError, text);
            AssertConsistent(CpuList.TryParse(text, out var cpus, out var cpusError), cpus, cpusError, text);
            Assert.True(VfbSpec.TryParse(text, out _, out _));
            var rateOk = VifRate.TryParse(text, out _, out var rateError);
            Assert.Equal(rateOk, rateError is null);
            Assert.True(rateError is null || (rateError.Offset >= 0 && rateError.Offset + rateError.Length <= text.Length));
            if (MacAddress.TryParse(text, out var mac))
            {
                Assert.Equal(mac, MacAddress.Parse(mac.ToString()));
            }
            if (VirtualDevice.TryParse(text, out var device))
            {
                Assert.True(device.DeviceNumber >= 0);
                _ = device.GuestDevicePaths;
                _ = device.Match(text);
            }
        }
    }

    [Theory]
    [InlineData("phy:")]
    [InlineData("a,")]
    [InlineData(" x")]
    [InlineData("foo=b,")]
    [InlineData("vdev=,")]
    public void Long_inputs_parse_in_linear_time(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 50_000));
        var watch = Stopwatch.StartNew();
        var outcomes = new[]
        {
            DiskSpec.TryParse(text, out _, out var diskError) || diskError is not null,
            PciSpec.TryParse(text, out _, out var pciError) || pciError is not null,
            VifSpec.TryParse(text, out _, out var vifError) || vifError is not null,
            CpuList.TryParse(text, out _, out var cpusError) || cpusError is not null,
        };
        Assert.All(outcomes, Assert.True);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{unit} x 50000 took {watch.Elapsed}");
    }

    private static void AssertConsistent(bool ok, object? result, DeviceSpecError? error, string text)
    {
        Assert.Equal(ok, result is not null);
        Assert.Equal(ok, error is null);
        if (error is not null)
        {
            Assert.InRange(error.Offset, 0, text.Length);
            Assert.InRange(error.Length, 0, text.Length - error.Offset);
        }
    }
}
