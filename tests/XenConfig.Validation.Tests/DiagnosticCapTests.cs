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

/// <summary>Findings that were wrong: a bare GRUB 'root' line and an NFS root are not errors.</summary>
public sealed class FalsePositiveTests
{
    [Fact]
    public void An_nfs_root_is_not_a_missing_root_disk()
    {
        var config = XenConfig.Domain.Model.DomainConfig.Parse("name = 'n'\nkernel = '/vmlinuz'\nmemory = 128\nextra = 'root=/dev/nfs nfsroot=10.0.0.1:/srv/n ip=dhcp'\n");
        var result = new DomainConfigValidator().Validate(config);
        Assert.DoesNotContain(result.Errors, f => f.ErrorCode == "XC2012");
    }

    [Fact]
    public void A_bare_grub_root_line_is_not_a_malformed_device()
    {
        var menu = XenConfig.Grub.GrubMenuDocument.Parse("title a\nroot\nkernel /vmlinuz ro\n");
        Assert.DoesNotContain(menu.Diagnostics, d => d.Id == "XC4005");
    }
}
