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

    public static TheoryData<string> RepeatedUnits() => ["phy:", "a,", " x", "foo=b,", "vdev=,"];

    // A long input is judged as its short form is: accepted or rejected alike, any error inside the text.
    [Theory]
    [MemberData(nameof(RepeatedUnits))]
    public void Long_inputs_are_judged_as_their_short_forms(string unit)
    {
        var longText = string.Concat(Enumerable.Repeat(unit, 50_000));
        var shortText = string.Concat(Enumerable.Repeat(unit, 5));
        Assert.Equal(Outcomes(shortText), Outcomes(longText));
    }

    // Bounded time is a budget, not a correctness property: it runs with the slow tests (dotnet test --filter Category=Slow).
    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(RepeatedUnits))]
    public void Long_inputs_parse_in_linear_time(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 50_000));
        var watch = Stopwatch.StartNew();
        _ = Outcomes(text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{unit} x 50000 took {watch.Elapsed}");
    }

    /// <summary>For each parser: accepted or not, after checking that the result and the error agree with the text.</summary>
    private static bool[] Outcomes(string text)
    {
        var disk = DiskSpec.TryParse(text, out var parsedDisk, out var diskError);
        AssertConsistent(disk, parsedDisk, diskError, text);
        var pci = PciSpec.TryParse(text, out var parsedPci, out var pciError);
        AssertConsistent(pci, parsedPci, pciError, text);
        var vif = VifSpec.TryParse(text, out var parsedVif, out var vifError);
        AssertConsistent(vif, parsedVif, vifError, text);
        var cpus = CpuList.TryParse(text, out var parsedCpus, out var cpusError);
        AssertConsistent(cpus, parsedCpus, cpusError, text);
        return [disk, pci, vif, cpus];
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
