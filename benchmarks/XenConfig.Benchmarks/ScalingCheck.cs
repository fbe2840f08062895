using System.Diagnostics;
using XenConfig.Domain;

namespace XenConfig.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- scaling</c>: parses the corpus repeated to 1, 2, 5 and 10 MB and prints the time per MB,
/// which stays flat when parsing is linear in the file size.
/// </summary>
internal static class ScalingCheck
{
    public static void Run()
    {
        foreach (var kind in new[] { "xl", "xm" })
        {
            var files = BenchmarkData.ReadAll(kind);
            var joined = string.Concat(files.Select(f => f.EndsWith('\n') ? f : f + "\n"));
            var many = string.Concat(Enumerable.Repeat(joined, 20));
            DomainConfigDocument.Parse(many);
            var w = Stopwatch.StartNew();
            var d = DomainConfigDocument.Parse(many, options: new DomainConfigParseOptions { ReportDuplicateKeys = false });
            Console.WriteLine($"{kind} x20: {many.Length / 1e6:F2} M chars, {w.Elapsed.TotalMilliseconds:F1} ms, {d.Diagnostics.Count} diagnostics, {d.Syntax.Statements.Count} statements");
        }

        var block = string.Concat(BenchmarkData.ReadAll("xl", "xm"));
        foreach (var megabytes in new[] { 1, 2, 5, 10 })
        {
            var text = string.Concat(Enumerable.Repeat(block, Math.Max(1, (megabytes << 20) / block.Length)));
            DomainConfigDocument.Parse(text);
            var watch = Stopwatch.StartNew();
            const int runs = 3;
            for (var i = 0; i < runs; i++)
            {
                DomainConfigDocument.Parse(text, options: new DomainConfigParseOptions { ReportDuplicateKeys = false });
            }

            var seconds = watch.Elapsed.TotalSeconds / runs;
            Console.WriteLine($"{text.Length / 1e6,6:F2} M chars: {seconds * 1000,8:F1} ms, {text.Length / 1e6 / seconds,7:F1} MB/s");
        }
    }
}
