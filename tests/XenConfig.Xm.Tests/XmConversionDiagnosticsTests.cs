using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Xm.Tests;

public sealed class XmConversionDiagnosticsTests
{
    private const string Script = "helper = 'x'\nname = 'a'\nmemory = 64\nflag = True\nlabel = helper + '-1'\nbuilder = 'linux'\n";

    [Fact]
    public void A_script_variable_is_reported_at_its_assignment_in_the_order_of_the_settings()
    {
        var source = DomainConfigSource.Parse(Script, "guest.cfg");

        Assert.Equal(
            [
                "guest.cfg(4,1): warning XC1107: flag = True is a bool; xend ignored it (only str, list, int and float become options); write flag = 1 [policy]",
                "guest.cfg(1,1): info XC1128: helper is a script variable, not an xm option; it was not carried over [policy]",
                "guest.cfg(5,1): info XC1128: label is a script variable, not an xm option; it was not carried over [policy]",
                "guest.cfg(6,1): info XC1120: builder = 'linux' became type = \"pv\" (xl rejects builder = 'linux') [policy]",
                "guest.cfg(1,1): info XC1126: on_crash was not set: xm's default 'restart' was written (xl's default is 'destroy') [policy]",
            ],
            source.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_finding_read_twice_is_equal_both_times()
    {
        var conversion = XmToXlConverter.Convert(XmConfig.Evaluate(Script, "guest.cfg"));
        var first = conversion.Diagnostics.Where(d => d.Id == "XC1128").ToList();
        var second = conversion.Diagnostics.Where(d => d.Id == "XC1128").ToList();

        Assert.Equal(2, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first[0].GetHashCode(), second[0].GetHashCode());
        Assert.Equal(new TextSpan(0, 12), first[0].Location.Span);
        Assert.Equal(DiagnosticSeverity.Info, first[0].Severity);
    }

    [Fact]
    public void The_source_lists_the_evaluation_findings_once_and_keeps_the_errors()
    {
        // A failed script: the evaluation's error, then the conversion's note that it is incomplete, each once, though
        // the conversion's list begins with the evaluation's.
        var source = DomainConfigSource.Parse("helper = 'x'\nname = 'a'\nx = undefined_name\n", "guest.cfg", new DomainConfigSourceOptions { Dialect = DomainConfigDialect.Xm });

        Assert.True(source.HasErrors);
        Assert.True(source.Conversion!.HasErrors);
        Assert.Equal(source.Diagnostics.Count, source.Diagnostics.Distinct().Count());
        Assert.Equal(source.Evaluation!.Diagnostics, source.Diagnostics.Take(source.Evaluation.Diagnostics.Count));
        Assert.Equal(source.Evaluation.Diagnostics.Count + source.Conversion.Diagnostics.Count - source.Evaluation.Diagnostics.Count, source.Diagnostics.Count);
        Assert.Contains(source.Diagnostics, d => d.Id == "XC1128" && d.Message.StartsWith("helper ", StringComparison.Ordinal));
    }
}
