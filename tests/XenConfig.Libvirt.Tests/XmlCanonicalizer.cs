using System.Xml.Linq;

namespace XenConfig.Libvirt.Tests;

/// <summary>
/// The comparison form of domain XML: elements in document order (libvirt's order is part of what is tested),
/// attributes sorted by name, whitespace-only text dropped, text trimmed.
/// </summary>
public static class XmlCanonicalizer
{
    public static string Canonicalize(string xml) => Canonicalize(XDocument.Parse(xml).Root!);

    public static string Canonicalize(XElement element)
    {
        var lines = new List<string>();
        Write(element, 0, lines);
        return string.Join("\n", lines);
    }

    private static void Write(XElement element, int depth, List<string> lines)
    {
        var attributes = element.Attributes()
            .Where(a => !a.IsNamespaceDeclaration)
            .OrderBy(a => a.Name.ToString(), StringComparer.Ordinal)
            .Select(a => $" {a.Name}=\"{a.Value}\"");
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        lines.Add(new string(' ', depth * 2) + "<" + element.Name + string.Concat(attributes) + ">" + text);
        foreach (var child in element.Elements())
        {
            Write(child, depth + 1, lines);
        }
    }
}
