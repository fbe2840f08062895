using System.Text;

namespace XenConfig.Tests.Devices.Oracle;

/// <summary>Seeded random device specs for the differential tests: combinations of the pieces real specs are made of.</summary>
internal static class SpecGenerator
{
    private static readonly string[] Targets =
    [
        "/dev/vg/guest", "/img/a.img", "/img/a:b.img", "C:/x", "hda1", "", "/img/with space.img", "192.0.2.10 20004",
        "iqn.2001-05.com.example:disk1", "/x", "xvda", "cdrom", "raw", "/img/x.iso", "host:port", "/dev/sdb1",
    ];

    private static readonly string[] Prefixes =
    [
        "phy:", "file:", "tap:", "tap2:", "tapdisk:", "aio:", "ioemu:", "raw:", "qcow:", "qcow2:", "vhd:", "qed:", "iscsi:",
        "nbd:", "enbd:", "drbd:", "foo:", "Foo:", "x1:", "phy", "tap:aio:", "raw:qcow:",
    ];

    private static readonly string[] Formats = ["raw", "qcow2", "", "vhd", "empty", "qed", "qcow", "bogus", "hda1", "RAW"];

    private static readonly string[] Vdevs =
    [
        "xvda", "hda1", "hdc:cdrom", "xvdb:disk", "xvda:floppy", "sda", "d0p1", "51712", "", "xvda ", "hdc:", "a:b:cdrom", "0xca00",
    ];

    private static readonly string[] Accesses = ["r", "ro", "w", "rw", "", "w!", "x", "RO"];

    private static readonly string[] Named =
    [
        "format=raw", "format=qcow2", "format=", "format=bogus", "format=empty", "vdev=xvda", "vdev=", "vdev=hdc:cdrom",
        "access=ro", "access=readonly", "access=", "access=w", "devtype=cdrom", "devtype=disk", "devtype=floppy", "devtype=",
        "backendtype=phy", "backendtype=qdisk", "backendtype=nbd", "backendtype=tap", "backendtype=standalone",
        "backend=dom1", "backend=", "script=block-x", "script=", "specification=xen", "specification=virtio",
        "specification=bad", "target=/x", "target=/a,b", "target=", "target=/t ", "colo-host=h", "colo-port=9000",
        "colo-port=0", "colo-port=abc", "colo-port= 12", "colo-export=e", "active-disk=/a", "hidden-disk=/h", "foo=bar",
        "grant_usage=1", "grant_usage=0", "A=b", "x-y=1", "foo=", "format=raw=x",
    ];

    private static readonly string[] Flags =
    [
        "cdrom", "discard", "no-discard", "direct-io-safe", "colo", "no-colo", "trusted", "untrusted", "flag", "cdromx",
        "discard ",
    ];

    private static readonly string[] Junk = ["=", "=x", ",", " ", "\t", "=\n", "\n", "a=", "x,=y"];

    private static readonly string[] Separators = [",", ",", ",", ",", ", ", " ,", ",,", "\t,", ", \t", ",\n"];

    public static List<string> DiskSpecs(int seed, int count)
    {
        var random = new Random(seed);
        var specs = new List<string>(count);
        for (var n = 0; n < count; n++)
        {
            specs.Add(DiskSpec(random));
        }

        return specs;
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];

    private static string DiskSpec(Random random)
    {
        var items = new List<string>();
        var shape = random.Next(4);
        if (shape < 2)
        {
            // positional-first (xl or xm layout)
            var target = Pick(random, Targets);
            if (random.Next(3) == 0)
            {
                target = Pick(random, Prefixes) + target;
                if (random.Next(4) == 0)
                {
                    target = Pick(random, Prefixes) + target;
                }
            }

            items.Add(target);
            if (random.Next(3) != 0)
            {
                items.Add(Pick(random, Formats));
            }

            items.Add(Pick(random, Vdevs));
            if (random.Next(3) != 0)
            {
                items.Add(Pick(random, Accesses));
            }
        }

        var extra = random.Next(shape == 3 ? 6 : 3);
        for (var k = 0; k < extra; k++)
        {
            var category = random.Next(20);
            items.Insert(
                random.Next(items.Count + 1),
                category switch
                {
                    < 10 => Pick(random, Named),
                    < 14 => Pick(random, Flags),
                    < 15 => Pick(random, Junk),
                    < 17 => Pick(random, Prefixes) + Pick(random, Targets),
                    < 18 => Pick(random, Vdevs),
                    _ => Pick(random, Accesses),
                });
        }

        if (shape == 2)
        {
            // named parameters with a trailing target=
            items.Add("vdev=" + Pick(random, Vdevs));
            items.Add("target=" + Pick(random, Targets));
        }

        var builder = new StringBuilder();
        if (random.Next(10) == 0)
        {
            builder.Append(random.Next(2) == 0 ? " " : "\t ");
        }

        for (var k = 0; k < items.Count; k++)
        {
            if (k > 0)
            {
                builder.Append(Pick(random, Separators));
            }

            builder.Append(items[k]);
        }

        switch (random.Next(12))
        {
            case 0:
                builder.Append(',');
                break;
            case 1:
                builder.Append(",,");
                break;
            case 2:
                builder.Append(' ');
                break;
            case 3:
                builder.Append(", ");
                break;
        }

        return builder.ToString();
    }

    private static readonly string[] PciBdfs =
    [
        "0000:03:00.0", "03:00.0", "3:0.0", "03:00.*", "ffff:ff:1f.7", "10000:00:00.0", "03:20.0", "03:00.8", "0:0.0",
        "03:1f.7", "0x3:00.0", "03:0x1.0", "03: 00.0", " 03:00.0", "03:00.0x", "-1:00.0", "03:00.-1", "3:0.07",
        "g3:00.0", "03:00.00", "03::00.0", "1:2:3:4.0", "03.00.0", "", "03:00.0 ", "00000000003:00.0", "03:00.+1",
    ];

    private static readonly string[] PciOptions =
    [
        "permissive=1", "permissive=0", "msitranslate=1", "seize=1", "seize=yes", "power_mgmt=1", "power_mgmt= 2",
        "rdm_policy=strict", "rdm_policy=relaxed", "rdm_policy=bogus", "rdm_policy=STRICT", "rdm_policy=invalid",
        "vslot=1f", "vslot=20", "vslot=0x3", "vslot=3x", "vslot=", "name=gpu0", "name=", "bdf=03:00.0", "bdf=04:01.2",
        "bdf=bad", "foo=1", "seize", "=1", "permissive=4294967296", "permissive=-1", "seize=1x",
    ];

    public static List<string> PciSpecs(int seed, int count)
    {
        var random = new Random(seed);
        var specs = new List<string>(count);
        for (var n = 0; n < count; n++)
        {
            var builder = new StringBuilder();
            if (random.Next(5) != 0)
            {
                builder.Append(Pick(random, PciBdfs));
                if (random.Next(4) == 0)
                {
                    builder.Append('@').Append(Pick(random, ["1f", "20", "0", "3", "0x1", "", "g", "1 "]));
                }
            }

            var options = random.Next(4);
            for (var k = 0; k < options; k++)
            {
                if (builder.Length > 0 || k > 0)
                {
                    builder.Append(random.Next(15) == 0 ? " ," : ",");
                }

                builder.Append(Pick(random, PciOptions));
            }

            if (random.Next(15) == 0)
            {
                builder.Append(',');
            }

            specs.Add(builder.ToString());
        }

        return specs;
    }

    public static List<string> Rates(int seed, int count)
    {
        var random = new Random(seed);
        string[] numbers = ["0", "1", "8", "10", "100", "010", "08", "250", "4294967295", "4294967296", "5000000000", "99999999999999999999", ""];
        string[] units = ["B/s", "b/s", "KB/s", "Kb/s", "MB/s", "Mb/s", "GB/s", "Gb/s", "mb/s", "kB/s", "B", "/s", "B/ s", "TB/s"];
        string[] intervals = ["", "s", "ms", "us", "m", "u", "ss", "sec", "ns"];
        var specs = new List<string>(count);
        for (var n = 0; n < count; n++)
        {
            var builder = new StringBuilder();
            if (random.Next(20) == 0)
            {
                builder.Append(' ');
            }

            builder.Append(Pick(random, numbers)).Append(Pick(random, units));
            if (random.Next(2) == 0)
            {
                builder.Append('@').Append(Pick(random, numbers)).Append(Pick(random, intervals));
                if (random.Next(20) == 0)
                {
                    builder.Append('@').Append(Pick(random, numbers));
                }
            }

            specs.Add(builder.ToString());
        }

        return specs;
    }

    public static List<string> VirtualDeviceNames(int seed, int count)
    {
        var random = new Random(seed);
        string[] prefixes = ["xvd", "xvd", "xvd", "hd", "hd", "sd", "sd", "xv", "HD", "vd", "xvdd"];
        string[] partitions = ["", "", "1", "2", "15", "16", "63", "64", "255", "256", "01", "0", "+1", "-1", " 1", "1 ", "1x", "99999999999"];
        var names = new List<string>(count);
        for (var n = 0; n < count; n++)
        {
            var builder = new StringBuilder();
            switch (random.Next(6))
            {
                case 0:
                    // dDpP
                    builder.Append('d').Append(Pick(random, ["0", "1", "15", "16", "1048575", "1048576", "-1", " 2", "0x10", "010", "", "x"]))
                        .Append(random.Next(8) == 0 ? "q" : "p")
                        .Append(Pick(random, ["0", "1", "15", "16", "255", "256", "-1", "0x1f", "07", "", "1x", " 3"]));
                    break;
                case 1:
                    // plain numbers
                    builder.Append(Pick(random, ["51712", "0xca00", "0145000", "768", "2147483647", "2147483648", "-1", " 769", "0", "", "08", "0x", "12a", "4294967296", "+5"]));
                    break;
                default:
                    builder.Append(Pick(random, prefixes));
                    var letters = random.Next(5);
                    for (var k = 0; k < letters; k++)
                    {
                        builder.Append(random.Next(30) == 0 ? 'A' : (char)('a' + (random.Next(3) == 0 ? random.Next(26) : random.Next(4))));
                    }

                    builder.Append(Pick(random, partitions));
                    break;
            }

            names.Add(builder.ToString());
        }

        return names;
    }
}
