using System.Globalization;
using System.Text;
using XenConfig.Domain;

namespace XenConfig.Yaml.Tests;

/// <summary>Helpers for writing YAML in tests and comparing settings.</summary>
internal static class YamlText
{
    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The settings as (key, value) pairs in order, for equality assertions with readable failures.</summary>
    public static List<(string Key, string Value)> Describe(DomainConfigDocument document) =>
        [.. document.Settings.Values.Select(s => (s.Name, s.Value.ToString()))];

    /// <summary>Asserts same keys in the same order with equal values (SettingValue equality).</summary>
    public static void AssertSameSettings(DomainConfigDocument expected, DomainConfigDocument actual)
    {
        Assert.Equal(Describe(expected), Describe(actual));
        foreach (var (key, setting) in expected.Settings)
        {
            Assert.Equal(setting.Value, actual.GetValue(key));
        }
    }
}
