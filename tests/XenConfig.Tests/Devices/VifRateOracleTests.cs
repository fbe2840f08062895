using System.Globalization;
using Xunit.Abstractions;
using XenConfig.Devices;
using XenConfig.Testing;
using XenConfig.Tests.Devices.Oracle;

namespace XenConfig.Tests.Devices;

/// <summary>VifRate against the real <c>xlu_vif_parse_rate</c>: accept/reject, both numbers, the error and its text.</summary>
public sealed class VifRateOracleTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Corpus_and_probe_rates_agree_with_libxlutil()
    {
        var rates = CorpusSpecs.VifRates().ToList();
        Assert.NotEmpty(rates);
        rates.AddRange(File.ReadAllLines(RepositoryPaths.ProbeInputs("rate-specs.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#')));
        AssertAgreement("corpus+probe", rates);
    }

    [SkippableFact]
    public void Generated_rates_agree_with_libxlutil()
    {
        var rates = SpecGenerator.Rates(seed: 4, 20_000);
        AssertAgreement("generated", rates);
        var accepted = rates.Count(rate => VifRate.TryParse(rate, out _, out _));
        Assert.InRange(accepted, 1_000, 19_000);
    }

    private void AssertAgreement(string what, List<string> rates)
    {
        Oracles.Require(Oracles.LibxlutilRate);
        Libxlutil.AssertAgreement("rate", what, rates, Oracles.LibxlutilRate.Run(rates), Describe, output);
    }

    private static string Describe(string text)
    {
        if (VifRate.TryParse(text, out var rate, out var error))
        {
            return string.Create(CultureInfo.InvariantCulture, $"OK bytes={rate.BytesPerInterval} interval={rate.IntervalMicroseconds}");
        }

        var line = $"ERR oracle: config parsing error in vif: {error.Message} in `{error.Near(text)}'";
        var newline = line.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? line : line[..newline];
    }
}
