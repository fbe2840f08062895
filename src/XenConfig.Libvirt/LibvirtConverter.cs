using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Libvirt.Native;
using XenConfig.Libvirt.Xml;
using XenConfig.Text;

namespace XenConfig.Libvirt;

/// <summary>
/// Converts Xen domain configs to libvirt domain XML and back, as libvirt 9.0's xen-xl and xen-xm converters do
/// (<c>virsh domxml-from-native</c> / <c>domxml-to-native</c>), without a libvirt daemon. What does not convert is
/// reported as a diagnostic, never dropped silently.
/// </summary>
public static class LibvirtConverter
{
    /// <summary>Converts an xl config to domain XML, from its effective values.</summary>
    /// <param name="document">The parsed config; its effective values are what is converted.</param>
    /// <param name="options">Host paths; <see cref="LibvirtConversionOptions.Default"/> when null.</param>
    public static DomainXmlConversion ToDomainXml(DomainConfigDocument document, LibvirtConversionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var values = document.Settings.ToDictionary(s => s.Key, s => s.Value.Value, StringComparer.Ordinal);
        return ToDomainXml(values, LibvirtNativeFormat.XenXl, document.Path, key => Locate(document, key), options);
    }

    /// <summary>Converts a config's effective values (from an xl document or an evaluated xm config) to domain XML.</summary>
    /// <param name="settings">The effective values by key.</param>
    /// <param name="format">Which of libvirt's converters to follow: xen-xl or xen-xm.</param>
    /// <param name="path">The config's path, for diagnostics.</param>
    /// <param name="locate">Where a key is set, for diagnostics; null places them at the start of the file.</param>
    /// <param name="options">Host paths; <see cref="LibvirtConversionOptions.Default"/> when null.</param>
    public static DomainXmlConversion ToDomainXml(
        IReadOnlyDictionary<string, SettingValue> settings,
        LibvirtNativeFormat format,
        string? path = null,
        Func<string, SourceLocation?>? locate = null,
        LibvirtConversionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var native = new NativeSettings(settings, path, locate);
        var definition = NativeConfigReader.Read(native, format, options ?? LibvirtConversionOptions.Default);
        return new DomainXmlConversion(definition is null ? null : DomainXmlWriter.Write(definition), native.Diagnostics);
    }

    /// <summary>Converts libvirt domain XML to the config libvirt's converter would write for it.</summary>
    /// <param name="xml">The domain XML text.</param>
    /// <param name="path">The XML file's path, for diagnostics.</param>
    /// <param name="format">Which of libvirt's converters to follow: xen-xl (the default) or xen-xm.</param>
    public static NativeConfigConversion FromDomainXml(string xml, string? path = null, LibvirtNativeFormat format = LibvirtNativeFormat.XenXl)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var diagnostics = new List<Diagnostic>();
        var definition = DomainXmlReader.Read(xml, path, diagnostics);
        return Convert(definition, path, format, diagnostics);
    }

    /// <summary>Converts a parsed libvirt domain XML document to the config libvirt's converter would write for it.</summary>
    /// <param name="xml">The domain XML (load it with <see cref="System.Xml.Linq.LoadOptions.SetLineInfo"/> for positioned diagnostics).</param>
    /// <param name="path">The XML file's path, for diagnostics.</param>
    /// <param name="format">Which of libvirt's converters to follow: xen-xl (the default) or xen-xm.</param>
    public static NativeConfigConversion FromDomainXml(System.Xml.Linq.XDocument xml, string? path = null, LibvirtNativeFormat format = LibvirtNativeFormat.XenXl)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var diagnostics = new List<Diagnostic>();
        var definition = DomainXmlReader.Read(xml, path, diagnostics);
        return Convert(definition, path, format, diagnostics);
    }

    private static NativeConfigConversion Convert(Model.DomainDefinition? definition, string? path, LibvirtNativeFormat format, List<Diagnostic> diagnostics)
    {
        var settings = definition is null ? null : NativeConfigWriter.Write(definition, format, path, diagnostics);
        return new NativeConfigConversion(settings, format, diagnostics);
    }

    private static SourceLocation? Locate(DomainConfigDocument document, string key)
    {
        if (!document.TryGetSetting(key, out var setting))
        {
            return null;
        }

        return document.SourceText.GetLocation(setting.LastAssignment.Span);
    }
}
