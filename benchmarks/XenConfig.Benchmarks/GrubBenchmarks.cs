using BenchmarkDotNet.Attributes;
using XenConfig.Grub.Model;
using XenConfig.Grub;

namespace XenConfig.Benchmarks;

/// <summary>Parsing a realistic Xen host menu.lst (20 entries), with and without the pygrub comparison.</summary>
[MemoryDiagnoser]
public class GrubBenchmarks
{
    private static readonly GrubParseOptions WithoutPygrub = new() { PygrubChecks = false };
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = "default 0\ntimeout 5\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
        $"\n# entry {i}\ntitle Xen 4.17 / Linux 6.1.0-{i}\n\troot (hd0,0)\n\tkernel /boot/xen-4.17-amd64.gz dom0_mem=2048M,max:2048M loglvl=all\n" +
        $"\tmodule /boot/vmlinuz-6.1.0-{i}-amd64 root=/dev/md0 ro console=hvc0\n\tmodule /boot/initrd.img-6.1.0-{i}-amd64\n"));

    [Benchmark(Baseline = true)]
    public int Parse() => GrubMenuDocument.Parse(_text, null, WithoutPygrub).Entries.Count;

    [Benchmark]
    public int ParseWithPygrubChecks() => GrubMenuDocument.Parse(_text).Entries.Count;

    [Benchmark]
    public string SetDom0Mem()
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(_text, null, WithoutPygrub));
        menu.SetKernelArgument(10, "dom0_mem", "1G");
        return menu.ToString();
    }
}
