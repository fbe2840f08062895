using System.Text.RegularExpressions;
using XenConfig.Testing;

namespace XenConfig.Libvirt.Tests;

/// <summary>
/// libvirt 9.0.0's own xen-xl / xen-xm test pairs (tests/data/libvirt), with the directions libvirt's
/// xlconfigtest.c and xmconfigtest.c test each pair in: DO_TEST_PARSE is XML -> cfg, DO_TEST_FORMAT is cfg -> XML,
/// DO_TEST and DO_TEST_REPLACE_VARS are both.
/// </summary>
public static partial class LibvirtTestPairs
{
    /// <summary>What libvirt's tests substitute for /LIBXL_FIRMWARE_DIR in the XML (DO_TEST_REPLACE_VARS).</summary>
    public const string FirmwareDirectory = "/usr/lib/xen/boot";

    public static string Folder => Path.Combine(RepositoryPaths.TestData, "libvirt");

    [GeneratedRegex(@"^\s*DO_TEST(_PARSE|_FORMAT|_REPLACE_VARS)?\(""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex TestLine();

    /// <summary>Pairs libvirt tests cfg -> XML, as "xl/name" or "xm/name".</summary>
    public static TheoryData<string> ConfigToXml() => Pairs(direction: "FORMAT");

    /// <summary>Pairs libvirt tests XML -> cfg.</summary>
    public static TheoryData<string> XmlToConfig() => Pairs(direction: "PARSE");

    public static IEnumerable<(string Dialect, string Name, string Kind)> All()
    {
        foreach (var dialect in new[] { "xl", "xm" })
        {
            var source = File.ReadAllText(Path.Combine(Folder, dialect + "configtest.c"));
            var body = source[source.IndexOf("mymain(void)", StringComparison.Ordinal)..];
            foreach (Match match in TestLine().Matches(body))
            {
                yield return (dialect, match.Groups[2].Value, match.Groups[1].Value);
            }
        }
    }

    public static string ConfigPath(string pair) => PairPath(pair, ".cfg");

    public static string XmlPath(string pair) => PairPath(pair, ".xml");

    public static string ReadXml(string pair) =>
        File.ReadAllText(XmlPath(pair)).Replace("/LIBXL_FIRMWARE_DIR", FirmwareDirectory, StringComparison.Ordinal);

    public static LibvirtNativeFormat Format(string pair) =>
        pair.StartsWith("xm/", StringComparison.Ordinal) ? LibvirtNativeFormat.XenXm : LibvirtNativeFormat.XenXl;

    private static string PairPath(string pair, string extension)
    {
        var dialect = pair[..2];
        return Path.Combine(Folder, dialect + "configdata", "test-" + pair[3..] + extension);
    }

    private static TheoryData<string> Pairs(string direction)
    {
        var data = new TheoryData<string>();
        foreach (var (dialect, name, kind) in All())
        {
            var tested = kind switch
            {
                "" or "_REPLACE_VARS" => true,
                "_PARSE" => direction == "PARSE",
                _ => direction == "FORMAT",
            };
            if (tested)
            {
                data.Add(dialect + "/" + name);
            }
        }

        return data;
    }
}
