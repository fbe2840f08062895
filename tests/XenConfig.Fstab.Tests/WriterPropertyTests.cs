using System.Text;
using XenConfig.Fstab.Model;
using XenConfig.Testing;

namespace XenConfig.Fstab.Tests;

public sealed class WriterPropertyTests : IDisposable
{
    private static readonly string Alphabet =
        "abcXYZ019/=,\"'#\\ \t\n\r\v\f-_.:@~!$%&*()[]{}<>?|;`^+" + "\u00e9\u00fc\u4e2d\u0394\u00a0\u2028";

    public void Dispose() => Oracles.LibMount.Cleanup();

    [SkippableFact]
    public void Any_values_written_then_read_by_libmount_come_back_unchanged()
    {
        Oracles.Require(Oracles.LibMount);
        var random = new Random(4242);
        for (var i = 0; i < 2000; i++)
        {
            var source = RandomValue(random);
            var target = RandomValue(random);
            var type = RandomValue(random);
            var options = RandomValue(random);
            var dump = random.Next(-5, 5);
            var pass = random.Next(int.MinValue, int.MaxValue);
            var fstab = FstabFile.Parse(i % 3 == 0 ? "# header\r\n/dev/xvda1\t/\text4\tdefaults\t0\t1" : string.Empty);
            fstab.AddEntry(source, target, type, options, dump, pass);

            var read = Oracles.LibMount.Parse(Encoding.UTF8.GetBytes(fstab.ToString()));
            Assert.Empty(read.ErrorLines);
            var written = read.Entries[^1];
            var expected = new FstabSnapshot(Utf8(source), Utf8(target), Utf8(type), Utf8(options), dump, pass);
            Assert.Equal(expected.ToString(), written.ToString());
        }
    }

    [SkippableFact]
    public void Changed_fields_of_an_existing_line_are_read_back_by_libmount()
    {
        Oracles.Require(Oracles.LibMount);
        var random = new Random(77);
        for (var i = 0; i < 1000; i++)
        {
            var fstab = FstabFile.Parse("/dev/xvda1     /       ext4    errors=remount-ro  0      1\nproc /proc proc\n");
            var entry = fstab.Entries[random.Next(2)];
            var value = RandomValue(random);
            switch (random.Next(4))
            {
                case 0:
                    entry.Source = FstabSource.Parse(value);
                    break;
                case 1:
                    entry.MountPoint = value;
                    break;
                case 2:
                    entry.FileSystemType = value;
                    break;
                default:
                    entry.Options = MountOptions.Parse(value);
                    break;
            }

            var read = Oracles.LibMount.Parse(Encoding.UTF8.GetBytes(fstab.ToString()));
            Assert.Empty(read.ErrorLines);
            Assert.Equal(
                string.Join("\n", fstab.Entries.Select(e => new FstabSnapshot(Utf8(e.Source.Text), Utf8(e.MountPoint), Utf8(e.FileSystemType), e.OptionsText is null ? null : Utf8(e.OptionsText), e.Dump, e.Pass))),
                string.Join("\n", read.Entries.Select(e => e.ToString())));
            Assert.Contains(Utf8(value), read.Entries.SelectMany(e => new[] { e.Source, e.Target, e.FileSystemType, e.Options ?? [] }), new ByteArrayComparer());
        }
    }

    private static string RandomValue(Random random)
    {
        var length = random.Next(1, 12);
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
