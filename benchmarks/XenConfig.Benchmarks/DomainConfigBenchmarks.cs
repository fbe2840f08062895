using BenchmarkDotNet.Attributes;
using XenConfig.Domain;

namespace XenConfig.Benchmarks;

/// <summary>
/// Parse throughput of domain configs: the whole xl + xm corpus per operation (divide its byte count by the mean for
/// MB/s), and one large generated file to show the cost stays linear in size.
/// </summary>
[MemoryDiagnoser]
public class DomainConfigBenchmarks
{
    private string[] _corpus = [];
    private string _large = "";

    /// <summary>Characters in the corpus (printed so MB/s can be computed from the mean).</summary>
    public int CorpusLength { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchmarkData.ReadAll("xl", "xm");
        CorpusLength = _corpus.Sum(t => t.Length);
        Console.WriteLine($"// corpus: {_corpus.Length} files, {CorpusLength} characters");
        var block = string.Concat(_corpus.Take(10));
        _large = string.Concat(Enumerable.Repeat(block, (10 << 20) / block.Length));
        Console.WriteLine($"// large file: {_large.Length} characters");
    }

    [Benchmark(Baseline = true)]
    public int ParseCorpus()
    {
        var settings = 0;
        foreach (var text in _corpus)
        {
            settings += DomainConfigDocument.Parse(text).Settings.Count;
        }

        return settings;
    }

    [Benchmark]
    public int ParseTenMegabytes() => DomainConfigDocument.Parse(_large, options: new DomainConfigParseOptions { ReportDuplicateKeys = false }).Settings.Count;
}
