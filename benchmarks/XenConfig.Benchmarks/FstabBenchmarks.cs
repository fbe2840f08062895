using BenchmarkDotNet.Attributes;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;

namespace XenConfig.Benchmarks;

/// <summary>Cost of the fstab scanner, of the typed view, and of the Sprache option grammar.</summary>
[MemoryDiagnoser]
public class FstabBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = string.Concat(Enumerable.Repeat(
        "# data disk\nUUID=0a1b2c3d-4e5f-6789 /srv/my\\040data  xfs  noatime,nofail,x-systemd.device-timeout=10s 0 2\n" +
        "/dev/xvda1     /       ext4    errors=remount-ro  0      1\r\n", 2_000));

    [Benchmark(Baseline = true)]
    public int ParseDocument() => FstabDocument.Parse(_text).Lines.Count;

    [Benchmark]
    public int ParseAndReadEntries() => FstabFile.FromDocument(FstabDocument.Parse(_text)).Entries.Sum(e => e.MountPoint.Length + e.Options.Count);
}
