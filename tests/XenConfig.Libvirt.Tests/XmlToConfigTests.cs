using XenConfig.Domain;
using XenConfig.Xm;

namespace XenConfig.Libvirt.Tests;

/// <summary>
/// Every pair libvirt tests XML -> cfg gives libvirt's config: the same keys with the same effective values (as
/// libxlutil reads them for xl, as xend evaluates them for xm).
/// </summary>
public sealed class XmlToConfigTests
{
    [Theory]
    [MemberData(nameof(LibvirtTestPairs.XmlToConfig), MemberType = typeof(LibvirtTestPairs))]
    public void Xml_converts_to_the_config_libvirt_writes(string pair)
    {
        var conversion = LibvirtConverter.FromDomainXml(LibvirtTestPairs.ReadXml(pair), LibvirtTestPairs.XmlPath(pair), LibvirtTestPairs.Format(pair));

        Assert.False(conversion.HasErrors, string.Join("\n", conversion.Diagnostics));
        Assert.Equal(Render(ExpectedSettings(pair)), Render(conversion.Settings));
    }

    [Theory]
    [MemberData(nameof(LibvirtTestPairs.XmlToConfig), MemberType = typeof(LibvirtTestPairs))]
    public void Written_config_text_reads_back_as_the_converted_settings(string pair)
    {
        var conversion = LibvirtConverter.FromDomainXml(LibvirtTestPairs.ReadXml(pair), format: LibvirtTestPairs.Format(pair));

        var reread = DomainConfigDocument.Parse(conversion.ToConfigText());

        Assert.False(reread.HasErrors, string.Join("\n", reread.Diagnostics));
        Assert.Equal(Render(conversion.Settings), Render(reread.Settings.Select(s => KeyValuePair.Create(s.Key, s.Value.Value))));
    }

    internal static IEnumerable<KeyValuePair<string, SettingValue>> ExpectedSettings(string pair)
    {
        var path = LibvirtTestPairs.ConfigPath(pair);
        if (LibvirtTestPairs.Format(pair) == LibvirtNativeFormat.XenXl)
        {
            var document = DomainConfigDocument.Load(path);
            Assert.False(document.HasErrors, string.Join("\n", document.Diagnostics));
            return document.Settings.Select(s => KeyValuePair.Create(s.Key, s.Value.Value));
        }

        var evaluation = XmConfig.Load(path);
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        return evaluation.Settings;
    }

    // One "key = value" line per setting, sorted by key: the comparison ignores order and number-versus-string spelling.
    internal static string Render(IEnumerable<KeyValuePair<string, SettingValue>> settings) =>
        string.Join("\n", settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} = {Show(s.Value)}"));

    private static string Show(SettingValue value) =>
        value.IsList ? "[" + string.Join(", ", value.Items.Select(Show)) + "]" : "\"" + value.Text + "\"";
}
