using XenConfig.Domain.Model;
using XenConfig.Domain;

namespace XenConfig.Yaml.Tests;

/// <summary>Generated configs (fixed seeds): export, then import and apply, keep every value.</summary>
public sealed class RandomRoundTripTests
{
    private const string Alphabet = "abcxyz019 :#,'\"\\[]{}=-_.*&!|>%@`~?\t\ré✓/()+";
    private static readonly string[] Words = ["true", "no", "on", "null", "~", "0x1f", "010", "-1", "1.5", "2001-12-14", "12:30", "512", "0", "", " ", "- x", "? x", "a: b", "a #b", "#a", "!x", "&a", "*a", "|", ">", "%x", "@x", "`x", "'", "\""];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 150)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_generated_config_survives_export_and_import(int seed)
    {
        var random = new Random(seed);
        var original = DomainConfig.FromDocument(DomainConfigDocument.Parse(random.Next(2) == 0 ? "" : "# header\nname = 'g'\n"));
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            original.Set($"k{i}_{(char)('a' + random.Next(26))}", Value(random, depth: 0));
        }

        var text = original.ToString();
        var yaml = DomainConfigYaml.Export(original.Document);

        var imported = DomainConfig.FromDocument(DomainConfigDocument.Parse(""));
        Assert.Empty(DomainConfigYaml.Apply(imported, yaml).Diagnostics);
        YamlText.AssertSameSettings(original.Document, imported.Document);
        Assert.Equal(imported.ToString(), VmDefinition.Parse(yaml).DomainConfig!.ToString());
        var applied = DomainConfigYaml.Apply(original, yaml, new DomainConfigApplyOptions { RemoveMissing = true });
        Assert.Empty(applied.Changed);
        Assert.Equal(text, original.ToString());
    }

    private static SettingValue Value(Random random, int depth)
    {
        switch (random.Next(depth < 3 ? 5 : 4))
        {
            case 0:
                return SettingValue.Number(random.Next(0, 100000));
            case 1:
                return SettingValue.NumberToken(random.Next(2) == 0 ? "0x" + random.Next(4096).ToString("x") : "0" + random.Next(64));
            case 2:
                return SettingValue.String(Words[random.Next(Words.Length)]);
            case 3:
                var length = random.Next(0, 12);
                return SettingValue.String(new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]));
            default:
                return SettingValue.List([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(random, depth + 1))]);
        }
    }
}
