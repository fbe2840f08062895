using System.Text;
using XenConfig.Testing;

namespace XenConfig.Tests.Devices.Oracle;

/// <summary>
/// The device spec strings of the shared corpus configs (xl and xm): the quoted items of <c>disk = [...]</c>,
/// <c>pci = [...]</c> and <c>vif = [...]</c> lists. A deliberately small extractor, independent of the library's own
/// config parser: it only has to find the list items of real configs.
/// </summary>
internal static class CorpusSpecs
{
    public static IReadOnlyList<string> ListItems(string key)
    {
        var items = new List<string>();
        foreach (var kind in new[] { "xl", "xm" })
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus(kind)).Order(StringComparer.Ordinal))
            {
                items.AddRange(ListItems(File.ReadAllText(file), key));
            }
        }

        return items;
    }

    /// <summary>The vif <c>rate=</c> values of the corpus (vif items split on commas as xl does).</summary>
    public static IReadOnlyList<string> VifRates() =>
        [.. ListItems("vif")
            .SelectMany(vif => vif.Split(','))
            .Select(piece => piece.TrimStart(' '))
            .Where(piece => piece.StartsWith("rate=", StringComparison.Ordinal))
            .Select(piece => piece["rate=".Length..])];

    internal static IEnumerable<string> ListItems(string text, string key)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!StartsKey(text, i, key))
            {
                continue;
            }

            var j = i + key.Length;
            while (j < text.Length && text[j] is ' ' or '\t')
            {
                j++;
            }

            if (j >= text.Length || text[j] != '=')
            {
                continue;
            }

            j++;
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            if (j >= text.Length || text[j] != '[')
            {
                continue;
            }

            for (j++; j < text.Length && text[j] != ']'; j++)
            {
                if (text[j] == '#')
                {
                    while (j < text.Length && text[j] != '\n')
                    {
                        j++;
                    }
                }
                else if (text[j] is '\'' or '"')
                {
                    var quote = text[j];
                    var value = new StringBuilder();
                    for (j++; j < text.Length && text[j] != quote; j++)
                    {
                        if (text[j] == '\\' && j + 1 < text.Length)
                        {
                            j++;
                        }

                        value.Append(text[j]);
                    }

                    yield return value.ToString();
                }
            }

            i = j;
        }
    }

    private static bool StartsKey(string text, int i, string key)
    {
        if (string.CompareOrdinal(text, i, key, 0, key.Length) != 0)
        {
            return false;
        }

        // at the start of a line (after indentation)
        var k = i - 1;
        while (k >= 0 && text[k] is ' ' or '\t')
        {
            k--;
        }

        return k < 0 || text[k] == '\n';
    }
}
