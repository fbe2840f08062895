using System.Globalization;
using Xunit.Abstractions;
using XenConfig.Devices;
using XenConfig.Testing;
using XenConfig.Tests.Devices.Oracle;

namespace XenConfig.Tests.Devices;

/// <summary>VirtualDevice against libxl's own <c>libxl__device_disk_dev_number</c> (from the static libxenlight.a).</summary>
public sealed class VirtualDeviceOracleTests(ITestOutputHelper output)
{
    private static readonly string[] SpecTable =
    [
        "xvda", "xvda1", "xvdb", "xvdp15", "xvdq", "xvdaa", "d0p1", "hda", "hda1", "hdb", "hdc", "hdd", "sda", "sda1", "sdb",
        "hde", "sdq", "xvda256", "xvda01", "xvdiz", "xvdzz", "51712", "0xca00", "0145000", "", "xvda ", "hd", "xvd", "sd",
    ];

    [SkippableFact]
    public void Spec_table_and_corpus_vdevs_agree_with_libxl()
    {
        var names = SpecTable.Concat(
                CorpusSpecs.ListItems("disk").Select(spec => DiskSpec.TryParse(spec, out var disk, out _) ? disk.Vdev : null).OfType<string>())
            .ToList();
        AssertAgreement("spec table+corpus", names);
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Generated_vdevs_agree_with_libxl()
    {
        var names = SpecGenerator.VirtualDeviceNames(seed: 4, 20_000);
        AssertAgreement("generated", names);
        var valid = names.Count(name => VirtualDevice.TryParse(name, out _));
        Assert.InRange(valid, 2_000, 18_000);
    }

    private void AssertAgreement(string what, List<string> names)
    {
        Oracles.Require(Oracles.LibxlVdev);
        var answers = Oracles.LibxlVdev.Run(names);
        var mismatches = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var ours = VirtualDevice.TryParse(names[i], out var device)
                ? device.DeviceNumber.ToString(CultureInfo.InvariantCulture)
                : "invalid";
            if (ours != answers[i])
            {
                mismatches.Add($"vdev {Libxlutil.Quote(names[i])}: libxl {answers[i]}, ours {ours}");
            }
        }

        output.WriteLine($"vdev {what}: {names.Count - mismatches.Count}/{names.Count} agree");
        Assert.True(mismatches.Count == 0, $"vdev {what}: {mismatches.Count} of {names.Count} disagree:\n" + string.Join("\n", mismatches.Take(20)));
    }
}
