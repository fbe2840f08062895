using System.Xml;
using System.Xml.Linq;
using XenConfig.Diagnostics;

namespace XenConfig.Libvirt;

/// <summary>A domain config converted to libvirt domain XML, with what did not convert.</summary>
public sealed class DomainXmlConversion
{
    internal DomainXmlConversion(XDocument? document, IReadOnlyList<Diagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The domain XML, or null when the config could not be converted (see <see cref="Diagnostics"/>).</summary>
    public XDocument? Document { get; }

    /// <summary>Keys and values that did not convert (warnings), values the converter supplied (info), and errors.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the config could not be converted.</summary>
    public bool HasErrors => Document is null || Diagnostics.Any(d => d.IsError);

    /// <summary>The XML as libvirt prints it: two-space indentation, single-quoted attributes, no declaration.</summary>
    public string Text => Document is null ? "" : Format(Document);

    internal static string Format(XDocument document)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new XmlTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, QuoteChar = '\'' })
        {
            document.Root!.WriteTo(writer);
        }

        return text.ToString().Replace(" />", "/>", StringComparison.Ordinal) + "\n";
    }
}
