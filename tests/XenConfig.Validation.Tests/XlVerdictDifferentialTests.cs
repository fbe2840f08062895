using System.Collections.Concurrent;
using System.Globalization;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Testing;
using Xunit.Abstractions;

namespace XenConfig.Validation.Tests;

/// <summary>
/// The promise to CI users, held against Xen 4.17's real <c>xl -N create</c> (the xl_dryrun oracle): validation
/// reports an error of category <c>xl</c> or <c>syntax</c> exactly when xl refuses the config. Errors of category
/// <c>boot</c> and <c>policy</c> are our own judgement and may come on top.
/// </summary>
[Trait("Category", "XlDryRun")]
public class XlVerdictDifferentialTests(ITestOutputHelper output)
{
    private static readonly DomainConfigValidator Validator = new();

    /// <summary>The generated sample; <c>XENCONFIG_XL_VERDICTS</c> sets it (CI runs 5,000).</summary>
    private static int GeneratedCount =>
        int.TryParse(Environment.GetEnvironmentVariable("XENCONFIG_XL_VERDICTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 300;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus("xl")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_is_refused_by_validation_exactly_when_xl_refuses_it(string file)
    {
        XlDryRun.Require();
        var path = Path.Combine(RepositoryPaths.Corpus("xl"), file);
        Assert.Null(Disagreement(path, File.ReadAllText(path), XlDryRun.Run(path)));
    }

    [SkippableFact]
    public void Generated_configs_are_refused_by_validation_exactly_when_xl_refuses_them()
    {
        XlDryRun.Require();
        var count = GeneratedCount;
        var generator = new XlKeySpaceGenerator(seed: 20261205);
        var configs = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        using var folder = new TempFolder();
        var disagreements = new ConcurrentBag<(int Index, string Difference)>();
        var refused = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount }, i =>
        {
            var file = Path.Combine(folder.Path, $"g{i}.cfg");
            File.WriteAllText(file, configs[i]);
            var outcome = XlDryRun.Run(file);
            if (!outcome.Accepted)
            {
                Interlocked.Increment(ref refused);
            }

            if (Disagreement(file, configs[i], outcome) is { } difference)
            {
                disagreements.Add((i, difference));
            }
        });

        output.WriteLine($"{count} generated configs, {refused} refused by xl, {count - disagreements.Count} verdicts agree");
        var first = disagreements.OrderBy(d => d.Index).Take(10).Select(d => $"#{d.Index}: {d.Difference}\n{configs[d.Index]}");
        Assert.True(disagreements.IsEmpty, $"{disagreements.Count} of {count} verdicts disagree with xl:\n" + string.Join("\n", first));
        Assert.InRange(refused, count * 3 / 10, count * 7 / 10);
    }

    /// <summary>Null when validation and xl agree on refusing the config, else what differs.</summary>
    private static string? Disagreement(string path, string text, XlDryRun.Outcome outcome)
    {
        if (outcome.ExitCode == XlDryRun.OracleLimitExitCode)
        {
            return "oracle limit: " + outcome.Messages.Trim();
        }

        var document = DomainConfigDocument.Parse(text, path);
        var diagnostics = document.Diagnostics.Concat(Validator.Validate(DomainConfig.FromDocument(document)).ToDiagnostics()).ToList();
        var refusals = diagnostics.Where(d => d.IsError && d.Category is DiagnosticCategory.Xl or DiagnosticCategory.Syntax).ToList();
        return (outcome.Accepted, refusals.Count) switch
        {
            (true, > 0) => $"xl accepts the config, validation refuses it: {string.Join("; ", refusals)}",
            (false, 0) => $"xl refuses the config ({outcome.Messages.Trim()}), validation reports no xl or syntax error",
            _ => null,
        };
    }
}
