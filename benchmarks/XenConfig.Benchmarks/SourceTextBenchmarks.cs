using BenchmarkDotNet.Attributes;
using XenConfig.Text;

namespace XenConfig.Benchmarks;

/// <summary>Line mapping cost, paid by every diagnostic.</summary>
[MemoryDiagnoser]
public class SourceTextBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = string.Concat(Enumerable.Repeat("memory = 512 # comment\r\n", 40_000));

    [Benchmark]
    public LinePosition LastLinePosition() => SourceText.From(_text).GetLinePosition(_text.Length);
}
