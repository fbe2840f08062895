using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;

namespace XenConfig.Yaml.Tests;

/// <summary>No YAML value or key can add, end or alter xl (or fstab) syntax around it.</summary>
public sealed class InjectionTests
{
    public static TheoryData<string> Values => new()
    {
        "a\"b",
        "a'b",
        "it's \"quoted\"",
        "x # not a comment",
        "#",
        "]",
        "[ 'x' ]",
        "a = 1",
        "=",
        "\"; memory = 1",
        "'\nmemory = 1\n'",
        "x\nmaxmem = 99999",
        "x\r\nmaxmem = 99999",
        "carriage\rreturn",
        "tab\there",
        "back\\slash",
        "\\n",
        "\\",
        "\\x41",
        "nul\0byte",
        "+= [ 'x' ]",
        ", 'second item'",
        "unicode é ✓ 𝄞",
        " leading and trailing ",
        "",
    };

    private static bool IsWritable(string value) => !value.Contains('\n') && !value.Contains('\0');

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_written_as_exactly_one_xl_string_or_refused(string value)
    {
        var yaml = $"name: vm\nconfig:\n  extra: {YamlText.Quote(value)}\n  disk: [{YamlText.Quote(value)}, {YamlText.Quote(value)}]\n  vcpus: 1\n";

        var definition = VmDefinition.Parse(yaml, "/srv/vm.vm.yaml");

        var reparsed = DomainConfigDocument.Parse(definition.DomainConfig!.ToString());
        Assert.False(reparsed.HasErrors, string.Join("\n", reparsed.Diagnostics));
        if (IsWritable(value))
        {
            Assert.Empty(definition.Diagnostics);
            Assert.Equal(["name", "extra", "disk", "vcpus"], reparsed.Settings.Keys);
            Assert.Equal(SettingValue.String(value), reparsed.GetValue("extra"));
            Assert.Equal(SettingValue.List(value, value), reparsed.GetValue("disk"));
        }
        else
        {
            Assert.Equal(["XC2002", "XC2002"], definition.Diagnostics.Select(d => d.Id));
            Assert.Equal(["name", "vcpus"], reparsed.Settings.Keys);
        }

        Assert.Equal(SettingValue.String("vm"), reparsed.GetValue("name"));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Apply_writes_a_value_as_exactly_one_xl_string_or_changes_nothing(string value)
    {
        const string original = "# guest\nname = \"vm\"\nextra = \"old\"  # kernel args\n";
        var document = DomainConfigDocument.Parse(original);

        var result = DomainConfigYaml.Apply(DomainConfig.FromDocument(document), $"name: vm\nconfig:\n  extra: {YamlText.Quote(value)}\n");

        var reparsed = DomainConfigDocument.Parse(document.ToString());
        Assert.False(reparsed.HasErrors);
        Assert.Equal(["name", "extra"], reparsed.Settings.Keys);
        if (IsWritable(value))
        {
            Assert.Equal(SettingValue.String(value), reparsed.GetValue("extra"));
            Assert.EndsWith("  # kernel args\n", document.ToString());
        }
        else
        {
            Assert.True(result.HasErrors);
            Assert.Equal(original, document.ToString());
        }
    }

    [Theory]
    [InlineData("memory = 1\nmaxmem")]
    [InlineData("memory=1 #")]
    [InlineData("a b")]
    [InlineData("a[0]")]
    [InlineData("")]
    [InlineData("_x")]
    [InlineData("1x")]
    public void A_key_xl_rejects_is_reported_and_not_written(string key)
    {
        var definition = VmDefinition.Parse($"name: vm\nconfig:\n  {YamlText.Quote(key)}: 1\n");

        Assert.Equal("XC1009", Assert.Single(definition.Diagnostics).Id);
        Assert.Equal("name = \"vm\"\n", definition.DomainConfig!.ToString());
    }

    public static TheoryData<string> FstabFields => new()
    {
        "/mnt/with space",
        "/mnt/tab\there",
        "/mnt/x\n/dev/evil / ext4 defaults 0 0",
        "/mnt/# hash",
        "/mnt/back\\slash",
        "#comment",
    };

    [Theory]
    [MemberData(nameof(FstabFields))]
    public void An_inline_fstab_field_is_written_as_exactly_one_field(string text)
    {
        var yaml = $"name: vm\nconfig: {{}}\nfstab:\n  - source: {YamlText.Quote(text)}\n    target: {YamlText.Quote(text)}\n    fstype: ext4\n    options: {YamlText.Quote("x-note=" + text)}\n";

        var definition = VmDefinition.Parse(yaml, "/srv/vm.vm.yaml");

        var reparsed = FstabDocument.Parse(definition.Fstab!.ToString());
        Assert.False(reparsed.HasErrors);
        if (text.Contains('\n'))
        {
            // A line feed is refused (not escaped), like in xl strings; the entry is not written.
            Assert.Equal([(4, "XC0005"), (5, "XC0005"), (7, "XC0005")], definition.Diagnostics.Select(d => (d.Location.Start.DisplayLine, d.Id)));
            Assert.Empty(FstabFile.FromDocument(reparsed).Entries);
            return;
        }

        Assert.Empty(definition.Diagnostics);
        var entry = Assert.Single(FstabFile.FromDocument(reparsed).Entries);
        Assert.Equal((text, text, "ext4", "x-note=" + text), (entry.Source.Text, entry.MountPoint, entry.FileSystemType, entry.OptionsText));
    }
}
