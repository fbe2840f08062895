using XenConfig.Domain;
using XenConfig.Xm;

namespace XenConfig.Libvirt.Tests;

/// <summary>Every pair libvirt tests cfg -> XML gives libvirt's XML, element for element.</summary>
public sealed class ConfigToXmlTests
{
    [Theory]
    [MemberData(nameof(LibvirtTestPairs.ConfigToXml), MemberType = typeof(LibvirtTestPairs))]
    public void Config_converts_to_the_xml_libvirt_writes(string pair)
    {
        var conversion = Convert(pair);

        Assert.False(conversion.HasErrors, string.Join("\n", conversion.Diagnostics));
        Assert.Equal(XmlCanonicalizer.Canonicalize(LibvirtTestPairs.ReadXml(pair)), XmlCanonicalizer.Canonicalize(conversion.Document!.Root!));
    }

    internal static DomainXmlConversion Convert(string pair)
    {
        var path = LibvirtTestPairs.ConfigPath(pair);
        var options = LibvirtConversionOptions.Default with { FirmwareDirectory = LibvirtTestPairs.FirmwareDirectory };
        if (LibvirtTestPairs.Format(pair) == LibvirtNativeFormat.XenXl)
        {
            return LibvirtConverter.ToDomainXml(DomainConfigDocument.Load(path), options);
        }

        var evaluation = XmConfig.Load(path);
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        return LibvirtConverter.ToDomainXml(evaluation.Settings, LibvirtNativeFormat.XenXm, path, evaluation.GetLocation, options);
    }
}
