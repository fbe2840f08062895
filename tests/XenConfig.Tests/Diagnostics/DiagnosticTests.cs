using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Tests.Diagnostics;

public class DiagnosticTests
{
    [Fact]
    public void Text_form_is_msbuild_canonical()
    {
        var source = SourceText.From("name = 'x'\nroot = '/dev/hda3 ro'\n", "/etc/xen/web.cfg");
        var diagnostic = DiagnosticIds.RootDeviceNotProvided.Create(
            source.GetLocation(new TextSpan(18, 9)), "root device /dev/hda3 is not provided by any disk");

        Assert.Equal(
            "/etc/xen/web.cfg(2,8): error XC2012: root device /dev/hda3 is not provided by any disk [boot]",
            diagnostic.ToString());
    }

    [Fact]
    public void Every_fixed_id_of_the_design_is_registered_with_its_severity()
    {
        var expected = new Dictionary<string, DiagnosticSeverity>
        {
            ["XC2001"] = DiagnosticSeverity.Error, ["XC2002"] = DiagnosticSeverity.Error, ["XC2003"] = DiagnosticSeverity.Warning,
            ["XC2004"] = DiagnosticSeverity.Warning, ["XC2005"] = DiagnosticSeverity.Error, ["XC2006"] = DiagnosticSeverity.Error,
            ["XC2007"] = DiagnosticSeverity.Error, ["XC2008"] = DiagnosticSeverity.Error, ["XC2010"] = DiagnosticSeverity.Error,
            ["XC2011"] = DiagnosticSeverity.Error, ["XC2012"] = DiagnosticSeverity.Error, ["XC2013"] = DiagnosticSeverity.Warning,
            ["XC2020"] = DiagnosticSeverity.Error, ["XC2021"] = DiagnosticSeverity.Warning, ["XC2022"] = DiagnosticSeverity.Warning,
            ["XC2023"] = DiagnosticSeverity.Error, ["XC3010"] = DiagnosticSeverity.Error, ["XC3011"] = DiagnosticSeverity.Warning,
            ["XC3012"] = DiagnosticSeverity.Warning, ["XC4010"] = DiagnosticSeverity.Error, ["XC4011"] = DiagnosticSeverity.Error,
            ["XC4012"] = DiagnosticSeverity.Error, ["XC5001"] = DiagnosticSeverity.Error, ["XC5002"] = DiagnosticSeverity.Error,
            ["XC5003"] = DiagnosticSeverity.Error, ["XC5004"] = DiagnosticSeverity.Info, ["XC5005"] = DiagnosticSeverity.Error,
            ["XC5006"] = DiagnosticSeverity.Info, ["XC6001"] = DiagnosticSeverity.Error, ["XC6002"] = DiagnosticSeverity.Error,
            ["XC6003"] = DiagnosticSeverity.Error, ["XC6004"] = DiagnosticSeverity.Error,
        };

        foreach (var (id, severity) in expected)
        {
            var descriptor = DiagnosticIds.Find(id);
            Assert.True(descriptor is not null, $"{id} is not registered");
            Assert.Equal(severity, descriptor.DefaultSeverity);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title));
        }
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = DiagnosticIds.All.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^XC[0-7][0-9]{3}$", id));
    }

    [Fact]
    public void Exception_carries_all_diagnostics_and_names_the_first_error()
    {
        var location = SourceText.From("x", "a.cfg").GetLocation(new TextSpan(0, 1));
        var diagnostics = new[]
        {
            DiagnosticIds.UnknownKey.Create(location, "unknown key 'x'"),
            DiagnosticIds.NameMissing.Create(location, "name is missing"),
            DiagnosticIds.InvalidUuid.Create(location, "bad uuid"),
        };

        var exception = new XenConfigException(diagnostics);

        Assert.Same(diagnostics, exception.Diagnostics);
        Assert.Equal("a.cfg(1,1): error XC2001: name is missing [xl] (and 1 more error)", exception.Message);
    }
    [Fact]
    public void A_message_kept_as_subject_and_tail_reads_and_compares_as_the_whole_message()
    {
        var location = SourceText.From("base_0 = 'x'\n", "/etc/xen/web.cfg").GetLocation(new TextSpan(0, 12));
        var joined = DiagnosticIds.XmConvertScriptVariableDropped.CreateJoined(location, "base_0", " is a script variable, not an xm option; it was not carried over");
        var plain = DiagnosticIds.XmConvertScriptVariableDropped.Create(location, "base_0 is a script variable, not an xm option; it was not carried over");

        Assert.Equal("base_0 is a script variable, not an xm option; it was not carried over", joined.Message);
        Assert.Equal(plain, joined);
        Assert.Equal(plain.GetHashCode(), joined.GetHashCode());
        Assert.Equal(plain.ToString(), joined.ToString());
        Assert.Single(new[] { plain, joined }.Distinct());
        Assert.NotEqual(plain, DiagnosticIds.XmConvertScriptVariableDropped.CreateJoined(location, "base_1", " is a script variable, not an xm option; it was not carried over"));
        Assert.Equal("other", (joined with { Message = "other" }).Message);
        Assert.Equal(joined.Message, (joined with { Severity = DiagnosticSeverity.Warning }).Message);
    }
}
