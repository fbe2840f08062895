using System.Text;
using XenConfig.Devices;
using XenConfig.Domain;
using XenConfig.Domain.Syntax;
using XenConfig.Testing;
using XenConfig.Tests.Devices.Oracle;
using XenConfig.Text;

namespace XenConfig.Tests.Devices;

/// <summary>
/// <see cref="DiskSpec.TryParse(SettingValue, out DiskSpec?, out DeviceSpecError?)"/> reads a disk item where it lies in
/// the document (an item of a long list is not made into a string): it must give exactly what parsing the item's text
/// does, fields, text and errors, whichever way the document was read; and it must cost a bounded number of bytes per
/// disk line (counted, no timing).
/// </summary>
public sealed class DiskSpecListItemTests
{
    // Every spec the probe file and the generator have (accepted and rejected ones), that an xl string can carry.
    private static List<string> Specs() =>
        File.ReadAllLines(RepositoryPaths.ProbeInputs("disk-specs.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Concat(SpecGenerator.DiskSpecs(seed: 7, 3000))
            .Where(spec => spec.AsSpan().IndexOfAny('\n', '\0') < 0)
            .ToList();

    // A config whose disk list holds the specs, each quoted as xl reads it back (escapes where needed).
    private static string Config(IEnumerable<string> specs, char quote) =>
        "name = \"g\"\ndisk = [\n" + string.Concat(specs.Select(spec => "    " + XlString.Encode(spec, quote) + ",\n")) + "]\n";

    public static TheoryData<string, char> Readings() => new()
    {
        { "ASCII bytes", '\'' },
        { "ASCII bytes", '"' },
        { "string", '\'' },
        { "string", '"' },
    };

    [Theory]
    [MemberData(nameof(Readings))]
    public void A_disk_item_read_from_the_document_parses_exactly_as_its_text(string reading, char quote)
    {
        var specs = Specs();
        var text = Config(specs, quote);
        var document = reading == "string"
            ? DomainConfigDocument.Parse(text)
            : DomainConfigDocument.Parse(SourceText.FromMemory(Encoding.UTF8.GetBytes(text)));
        var items = document.GetValue("disk")!.Items;
        Assert.Equal(specs.Count, items.Count);

        var pending = 0;
        for (var i = 0; i < specs.Count; i++)
        {
            pending += items[i].PendingTextLength >= 0 ? 1 : 0;
            var fromItem = DiskSpec.TryParse(items[i], out var disk, out var error);
            var fromText = DiskSpec.TryParse(specs[i], out var expected, out var expectedError);

            Assert.Equal(fromText, fromItem);
            Assert.Equal(expectedError, error);
            if (expected is not null)
            {
                Assert.Equal(DiskSpecOracleTests.Fields(expected), DiskSpecOracleTests.Fields(disk!));
                Assert.Equal(expected.DeprecatedPrefixes, disk!.DeprecatedPrefixes);
                Assert.Equal(specs[i], disk.Text);
            }

            Assert.Equal(specs[i], items[i].Text);
        }

        // most items must take the path under test (read from the document, not from a string)
        Assert.True(pending > specs.Count / 2, $"only {pending} of {specs.Count} items were read from the document");
    }

    [Theory]
    [InlineData("phy:/dev/vg/a,xvda,w", "/dev/vg/a", "xvda")]
    [InlineData("vdev=xvdb, format=qcow2, target=/srv/b.qcow2", "/srv/b.qcow2", "xvdb")]
    [InlineData(@"/srv/it\'s.img,raw,xvdc,w", "/srv/it's.img", "xvdc")]
    public void A_disk_item_of_a_long_list_keeps_target_and_vdev_and_text(string literal, string target, string vdev)
    {
        var document = DomainConfigDocument.Parse("disk = [ " + string.Join(", ", Enumerable.Repeat("'" + literal + "'", 40)) + " ]\n");
        var item = document.GetValue("disk")!.Items[39];

        Assert.True(DiskSpec.TryParse(item, out var disk, out _));
        Assert.Equal(target, disk.Target);
        Assert.Equal(vdev, disk.Vdev);
        Assert.Same(disk.Target, disk.Target);
        Assert.Equal(DiskSpec.Parse(item.Text!).Text, disk.Text);
    }

    [Fact]
    public void A_list_is_not_a_disk_item()
    {
        Assert.Throws<ArgumentException>(() => DiskSpec.TryParse(SettingValue.List("a"), out _, out _));
    }

    [Fact]
    public void A_long_disk_list_costs_a_bounded_number_of_bytes_per_line()
    {
        // The shapes of the throughput inputs' disk lines (about 40-65 bytes each), without the rare settings.
        string[] shapes =
        [
            "phy:/dev/vg2/guest-disk{0},xvda,w",
            "vdev=xvdc, format=qcow2, target=/srv/images/guest-{0}.qcow2",
            "/dev/mapper/guest-{0},raw,xvdd,w",
            "format=raw, vdev=xvdf, access=rw, target=/dev/vg0/guest-{0}",
            "file:/srv/xen/guest/disk{0}.img,xvdh,w",
        ];
        const int Lines = 5_000;
        var text = "name = \"g\"\ndisk = [\n"
            + string.Concat(Enumerable.Range(0, Lines).Select(i => "    '" + string.Format(System.Globalization.CultureInfo.InvariantCulture, shapes[i % shapes.Length], i) + "',\n"))
            + "]\n";
        var bytes = Encoding.ASCII.GetBytes(text);

        long Parse()
        {
            var document = DomainConfigDocument.Parse(SourceText.FromMemory(bytes));
            long sink = 0;
            foreach (var item in document.GetValue("disk")!.Items)
            {
                sink += DiskSpec.TryParse(item, out var disk, out _) ? (int)disk.Format + disk.DeprecatedPrefixes.Count : -1;
            }

            return sink;
        }

        Parse(); // rule tables and other one-time state
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sink = Parse();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sink > 0);

        // per line: the list item (32 bytes) and the spec (72), nothing for its text; the rest is the document's
        var perLine = (double)allocated / Lines;
        Assert.True(perLine <= 120, $"{perLine:F1} bytes allocated per disk line");
        Assert.True((double)allocated / bytes.Length <= 2.5, $"{(double)allocated / bytes.Length:F2} bytes allocated per input byte");
    }
}
