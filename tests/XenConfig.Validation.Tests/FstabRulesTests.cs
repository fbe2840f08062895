using FluentValidation;
using FluentValidation.TestHelper;
using XenConfig.Fstab;
using XenConfig.Validation;

namespace XenConfig.Validation.Tests;

/// <summary>Each rule of <see cref="FstabValidator"/>: a small bad input (id, line, column) and its fix.</summary>
public class FstabRulesTests
{
    private const string Valid = "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvda2 none swap sw,pri=5 0 0\n/dev/xvda3 none swap sw 0 0\n/dev/xvdb1 /var ext4 defaults 0 2\n/dev/xvdc1 /var/lib xfs noatime 0 2\n";

    private static IReadOnlyList<(string Id, int Line, int Column)> Findings(string text) =>
        new FstabValidator().TestValidate(FstabDocument.Parse(text, "fstab"), o => o.IncludeAllRuleSets())
            .Errors.Select(e => (XenConfig.Diagnostics.Diagnostic)e.CustomState)
            .Select(d => (d.Id, d.Location.Start.DisplayLine, d.Location.Start.DisplayColumn)).ToList();

    [Fact]
    public void A_valid_fstab_with_several_swap_none_entries_has_no_findings() => Assert.Empty(Findings(Valid));

    [Theory]
    [InlineData("XC3010", "/dev/xvdc1 /var/lib", "/dev/xvdc1 /var", 5, 12)]
    [InlineData("XC3011", "/dev/xvda1 / ext4", "/dev/xvda1 /srv ext4", 1, 1)]
    [InlineData("XC3012", "ext4 defaults 0 1", "ext4 defaults 0 2", 1, 30)]
    [InlineData("XC3013", "/dev/xvdb1 /var ext4 defaults 0 2\n/dev/xvdc1 /var/lib xfs noatime 0 2\n", "/dev/xvdc1 /var/lib xfs noatime 0 2\n/dev/xvdb1 /var ext4 defaults 0 2\n", 4, 12)]
    [InlineData("XC3014", "sw,pri=5", "sw,pri=high", 2, 22)]
    [InlineData("XC3014", "none swap sw 0 0", "none swap sw,discard=always 0 0", 3, 22)]
    public void Each_rule_reports_its_id_at_the_offending_field(string id, string good, string bad, int line, int column)
    {
        var text = Valid.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var findings = Findings(text);

        Assert.Contains((id, line, column), findings);
        Assert.All(findings, f => Assert.Equal(id, f.Id));
    }

    [Fact]
    public void Strict_rules_run_only_when_asked()
    {
        var misordered = "/dev/xvdc1 /var/lib xfs noatime 0 2\n/dev/xvda1 / ext4 defaults 0 1\n";

        var result = new FstabValidator().Validate(FstabDocument.Parse(misordered));

        Assert.True(result.IsValid);
    }
}
