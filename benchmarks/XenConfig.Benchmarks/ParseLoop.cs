using System.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Benchmarks;

/// <summary>
/// <c>parse-loop ITERATIONS FILE...</c>: parses the files ITERATIONS times and prints <c>bytes=N seconds=S</c>, the same
/// line <c>compare/xlu_parse_loop</c> prints for libxlutil, so <c>compare/compare.sh</c> can set them side by side.
/// </summary>
internal static class ParseLoop
{
    public static void Run(string[] args)
    {
        var iterations = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var files = args.Skip(2).Select(File.ReadAllBytes).ToArray();
        var bytes = files.Sum(f => (long)f.Length) * iterations;
        foreach (var file in files)
        {
            DomainConfigDocument.Parse(SourceText.From(file)); // warm up
        }

        var watch = Stopwatch.StartNew();
        for (var n = 0; n < iterations; n++)
        {
            foreach (var file in files)
            {
                DomainConfigDocument.Parse(SourceText.From(file));
            }
        }

        Console.WriteLine(FormattableString.Invariant($"bytes={bytes} seconds={watch.Elapsed.TotalSeconds:F6}"));
    }
}
