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
        var unmodelled = LibxlComparison.UnmodelledKeysIn(DomainConfigDocument.Parse(text, path));
        Skip.If(unmodelled.Count > 0, "not modelled yet: " + string.Join("; ", unmodelled));

        Assert.Null(LibxlComparison.Compare(path, text));
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
