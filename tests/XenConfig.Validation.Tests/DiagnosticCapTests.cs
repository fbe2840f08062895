using XenConfig.Testing;

namespace XenConfig.Validation.Tests;

/// <summary>validate reports at most 100 diagnostics per file, then one XC0014 with the count of the rest.</summary>
public sealed class DiagnosticCapTests
{
    [Theory]
    [InlineData(0, 20_000, 20_000)]
    [InlineData(100, 20_000, 101)]
    [InlineData(10, 50, 11)]
    public void A_file_with_many_unknown_keys_gives_a_bounded_report(int cap, int keys, int expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("many.cfg", "name = \"many\"\nkernel = \"/k\"\n" + string.Concat(Enumerable.Range(0, keys).Select(i => $"k{i} = 1\n")));

        var report = RepositoryValidation.Validate([path], RepositoryValidationOptions.Default with { MaxDiagnosticsPerFile = cap }, []);

        var diagnostics = report.Diagnostics.Where(d => d.Location.Path == path).ToList();
        Assert.Equal(expected, diagnostics.Count);
        if (cap > 0)
        {
            Assert.Equal("XC0014", diagnostics[^1].Id);
            Assert.Contains($"{keys - cap} more diagnostics", diagnostics[^1].Message, StringComparison.Ordinal);
        }
    }
}
