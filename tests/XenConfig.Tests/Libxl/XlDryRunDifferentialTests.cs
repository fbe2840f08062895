using System.Collections.Concurrent;
using System.Globalization;
using XenConfig.Domain;
using XenConfig.Testing;
using Xunit.Abstractions;

namespace XenConfig.Tests.Libxl;

/// <summary>
/// Our libxl projection against Xen 4.17's real <c>xl -N create</c> (the xl_dryrun oracle): the same verdict and the
/// same <c>libxl_domain_config</c> JSON, on the corpus and on configs generated over the whole key space.
/// </summary>
[Trait("Category", "XlDryRun")]
public class XlDryRunDifferentialTests(ITestOutputHelper output)
{
    /// <summary>The generated sample of the default run; <c>XENCONFIG_XL_GENERATED</c> sets it (CI runs 20,000).</summary>
    private static int GeneratedCount =>
        int.TryParse(Environment.GetEnvironmentVariable("XENCONFIG_XL_GENERATED"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 400;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { RepositoryPaths.Corpus("xl"), RepositoryPaths.Corpus("xm") })
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.TestData, file));
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_means_what_xl_makes_of_it(string file)
    {
        XlDryRun.Require();
        var path = Path.Combine(RepositoryPaths.TestData, file);
        var text = File.ReadAllText(path);
        Assert.Null(LibxlComparison.Compare(path, text));
    }

    /// <summary>
    /// Edge cases of the keys with the most quirks, each read by xl itself: rdm's inverted policy check and
    /// uninitialised fields, vdispl's sscanf, vsnd's item kinds, vnuma's ignored range verdicts and host checks, and the
    /// MAC address shapes a vif's <c>mac=</c> scanner decides between (one-digit groups, dashes, mixed or missing
    /// separators, a separator at the end).
    /// </summary>
    public static TheoryData<string> QuirkProbes() =>
    [
        "type = \"hvm\"\npci = [\"01:00.0\"]\nrdm = \"strategy=host\"",
        "type = \"hvm\"\npci = [\"01:00.0\"]\nrdm = \"strategy=host,policy=relaxed\"",
        "type = \"hvm\"\npci = [\"01:00.0\"]\nrdm = \"policy=bad\"",
        "type = \"hvm\"\nrdm = \"policy=bad,strategy=host\"",
        "type = \"hvm\"\nrdm = \"strategy=host,\"",
        "type = \"hvm\"\nrdm = \"bogus=1\"",
        "pci = [\"01:00.0\"]\nrdm = \"strategy=host\"",
        "vdispl = [\"connectors=1:abc;2:3x4\"]",
        "vdispl = [\"backend=d,be-alloc=5,connectors=1:1x2;id2:-1x0x5\"]",
        "vdispl = [\"connectors=a:5\"]",
        "vdispl = [\"backend=dd\"]",
        "vdispl = [\"connectors=a:1x1\", \"connectors=b:2x2,connectors=c:3x3;d:4x4\"]",
        "vsnd = [[\"card,backend=dd,short-name=S,long-name=L,sample-rates=8000;44100,sample-formats=s16_le;U8,channels-min=1,channels-max=0x2,buffer-size=4096\", \"pcm,name=p0,channels-max=4\", \"stream,unique-id=s0,type=p,sample-rates=48000\", \"stream,type=C\"]]",
        "vsnd = [[], [\"stream\"], [\"pcm\", \"pcm,name=x\"]]",
        "vsnd = [[\"PCM, name=x\", \"Card,backend=0\"]]",
        "vsnd = [[\"bogus\"]]",
        "vsnd = [[\"pcm,sample-formats=s17\"]]",
        "vsnd = [[\"stream,type=x\"]]",
        "vsnd = [\"card\"]",
        "vsnd = \"card\"",
        "vcpus = 4\nvnuma = [[\"pnode=1\", \"size=64\", \"vcpus=x,3-1,1\", \"bogus=1\"], [\"size=64\", \"vcpus=2-3\", \"vdistances=20,10\"]]",
        "maxvcpus = 2\nvnuma = [[\"size=128\", \"vcpus=0-9\"]]",
        "maxvcpus = 10\nvnuma = [[\"size=128\", \"vcpus=0-9\"]]",
        "vnuma = [[\"size=128\", \"vcpus=0-16\"]]",
        "maxmem = 512\nvnuma = [[\"size=256\", \"vcpus=0\"], [\"size=256\", \"vcpus=1\"]]",
        "maxmem = 500\nvnuma = [[\"size=256\", \"vcpus=0\"], [\"size=256\", \"vcpus=1\"]]",
        "vnuma = [[\"pnode=8\", \"size=64\"]]",
        "vnuma = [[\"size=x\"]]",
        "vnuma = [[\"novalue\"]]",
        "vnuma = [\"pnode=0\"]",
        "vnuma = \"pnode=0\"",
        "vnuma = []",
        "cpuid = \"host,family=0x1f,model=0xab,stepping=3,maxleaf=7,procpkg=k,nc=s,apicidsize=x,sse4.1=1,avx512f=0,arch-caps=1,rdcl-no=s,bogus=1,tm=2,ssbd\"",
        "cpuid = \"host,family=5,model=x,family=k\"",
        "cpuid = \"host,rdcl-no=10\"",
        "cpuid = \"host\"",
        "vif = [\"mac=0:16:3e:1:2:3,bridge=xenbr0\"]",
        "vif = [\"mac=00-16-3e-00-00-01,bridge=xenbr0\"]",
        "vif = [\"mac=00:16-3e:00:00:01,bridge=xenbr0\"]",
        "vif = [\"mac=00:16:3e:00:00:01:,bridge=xenbr0\"]",
        "vif = [\"mac=0016:3e:00:00:01:02,bridge=xenbr0\"]",
        "vif = [\"mac=00:16:3e:0:00:1,bridge=xenbr0\"]",
        "vif = [\"mac=00:16:3e:00:00,bridge=xenbr0\"]",
        "vif = [\"mac=00:16:3E:aA:Bb:0c,bridge=xenbr0\"]",
        "vif = [\"mac=000:16:3e:00:00:01,bridge=xenbr0\"]",
        "vif = [\"mac=00:16:3e:00:00:0g,bridge=xenbr0\"]",
        "cpuid = \"nohost,tm=0\"",
        "cpuid = \"host,bogus=1\"",
        "cpuid = [\"0x80000001:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1x,edx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx0\", \"7,0:ebx=00000000000000000000000000000000\", \"1:eax=short\", \"x:eax=1\", \"5,:eax=1\", \"6\", \"9:\", \"10:ezx=00000000000000000000000000000000\", \"11,0xffffffff:eax=11111111111111111111111111111111, \\n ebx=00000000000000000000000000000000,\"]",
    ];

    [SkippableTheory]
    [MemberData(nameof(QuirkProbes))]
    public void Quirk_probe_means_what_xl_makes_of_it(string body)
    {
        XlDryRun.Require();
        var text = "name = \"probe\"\nmemory = 128\nkernel = \"/boot/vmlinuz\"\n" + body + "\n";
        var file = Path.Combine(Directory.CreateTempSubdirectory("xl-probe-").FullName, "probe.cfg");
        try
        {
            File.WriteAllText(file, text);
            Assert.Null(LibxlComparison.Compare(file, text));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [SkippableFact]
    public void Generated_configs_over_the_key_space_mean_what_xl_makes_of_them()
    {
        XlDryRun.Require();
        var count = GeneratedCount;
        var generator = new XlKeySpaceGenerator(seed: 20261204);
        var configs = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        var folder = Directory.CreateTempSubdirectory("xl-dryrun-");
        try
        {
            var disagreements = new ConcurrentBag<(int Index, string Difference)>();
            var accepted = 0;
            var started = DateTime.UtcNow;
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount }, i =>
            {
                var file = Path.Combine(folder.FullName, $"g{i}.cfg");
                File.WriteAllText(file, configs[i]);
                var outcome = XlDryRun.Run(file);
                if (outcome.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                }

                if (LibxlComparison.Compare(file, configs[i], outcome) is { } difference)
                {
                    disagreements.Add((i, difference));
                }
            });

            output.WriteLine($"{count} generated configs, {accepted} accepted by xl, {count - disagreements.Count} agree, in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            var first = disagreements.OrderBy(d => d.Index).Take(10).Select(d => $"#{d.Index}: {d.Difference}\n{configs[d.Index]}");
            Assert.True(disagreements.IsEmpty, $"{disagreements.Count} of {count} configs disagree with xl:\n" + string.Join("\n", first));

            // Both verdicts must be well exercised, or agreement proves little.
            Assert.InRange(accepted, count * 3 / 10, count * 7 / 10);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
