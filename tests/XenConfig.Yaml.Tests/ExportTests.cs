using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Yaml.Tests;

public sealed class ExportTests
{
    public static TheoryData<string, string> Atoms => new()
    {
        // Plain decimal number tokens are YAML integers; any other atom is a string, quoted when YAML would misread it.
        { "512", "512" },
        { "0", "0" },
        { "0x200", "\"0x200\"" },
        { "010", "\"010\"" },
        { "\"512\"", "\"512\"" },
        { "\"-1\"", "\"-1\"" },
        { "\"1.5\"", "\"1.5\"" },
        { "\"true\"", "\"true\"" },
        { "\"no\"", "\"no\"" },
        { "\"null\"", "\"null\"" },
        { "\"\"", "\"\"" },
        { "\"pv\"", "pv" },
        { "\"/dev/xvda1 ro\"", "/dev/xvda1 ro" },
        { "\"a: b\"", "\"a: b\"" },
        { "\"x # y\"", "\"x # y\"" },
        { "\"#x\"", "\"#x\"" },
        { "\"-x\"", "\"-x\"" },
        { "\"[x]\"", "\"[x]\"" },
        { "\"*x\"", "\"*x\"" },
        { "\" x\"", "\" x\"" },
        { "\"x \"", "\"x \"" },
        { "\"a\\\\b\"", "\"a\\\\b\"" },
        { "\"tab\\there\"", "\"tab\there\"" },
        { "\"it's\"", "\"it's\"" },
        { "\"é\"", "\"é\"" },
        { "\"2001-12-14\"", "\"2001-12-14\"" },
        { "\"12:30\"", "\"12:30\"" },
        { "\"0b101\"", "\"0b101\"" },
        { "\"~\"", "\"~\"" },
        { "\"a,b\"", "a,b" },
        { "\"(hd0,0)/boot/x\"", "(hd0,0)/boot/x" },
    };

    [Theory]
    [MemberData(nameof(Atoms))]
    public void An_atom_is_exported_by_the_documented_rule_and_reads_back_equal(string xl, string yaml)
    {
        var document = DomainConfigDocument.Parse($"k = {xl}\n");

        var exported = DomainConfigYaml.Export(document);

        Assert.Equal($"config:\n  k: {yaml}\n", exported);
        var imported = DomainConfigDocument.Parse("");
        Assert.Empty(DomainConfigYaml.Apply(DomainConfig.FromDocument(imported), exported).Diagnostics);
        Assert.Equal(document.GetValue("k"), imported.GetValue("k"));
        Assert.Equal(document.Settings["k"].Value.IsNumberToken && yaml == xl, imported.Settings["k"].Value.IsNumberToken);
    }

    [Fact]
    public void Lists_are_exported_as_block_sequences_and_empty_ones_as_flow()
    {
        var document = DomainConfigDocument.Parse("name = 'vm'\ndisk = [ 'a', [ 'b', 2 ], [] ]\nvif = []\n");

        Assert.Equal("name: vm\nconfig:\n  disk:\n  - a\n  - - b\n    - 2\n  - []\n  vif: []\n", DomainConfigYaml.Export(document));
    }

    [Fact]
    public void A_name_that_is_not_first_stays_in_config_so_the_order_survives()
    {
        var document = DomainConfigDocument.Parse("memory = 1\nname = \"vm\"\n");

        var yaml = DomainConfigYaml.Export(document);
        var imported = DomainConfigDocument.Parse("");
        DomainConfigYaml.Apply(DomainConfig.FromDocument(imported), yaml);

        Assert.Equal("name: vm\nconfig:\n  memory: 1\n  name: vm\n", yaml);
        Assert.Equal(["memory", "name"], imported.Settings.Keys);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("no")]
    [InlineData("y")]
    [InlineData("null")]
    public void A_key_other_yaml_readers_take_for_a_boolean_or_null_is_quoted(string key)
    {
        var document = DomainConfigDocument.Parse($"{key} = 1\n");

        var yaml = DomainConfigYaml.Export(document);
        var imported = DomainConfigDocument.Parse("");

        Assert.Equal($"config:\n  \"{key}\": 1\n", yaml);
        Assert.Empty(DomainConfigYaml.Apply(DomainConfig.FromDocument(imported), yaml).Diagnostics);
        Assert.Equal(document.ToString(), imported.ToString());
    }

    [Fact]
    public void A_long_string_stays_on_one_line()
    {
        var value = string.Join(" ", Enumerable.Range(0, 100).Select(i => $"opt{i}=x: y"));
        var document = DomainConfigDocument.Parse($"extra = \"{value}\"\n");

        var yaml = DomainConfigYaml.Export(document);

        Assert.Equal($"config:\n  extra: \"{value}\"\n", yaml);
    }

    [Fact]
    public void The_effective_value_is_exported_after_duplicates_and_additions()
    {
        var document = DomainConfigDocument.Parse("memory = 1\nmemory = 2\ndisk = [ 'a' ]\ndisk += [ 'b' ]\n");

        Assert.Equal("config:\n  memory: 2\n  disk:\n  - a\n  - b\n", DomainConfigYaml.Export(document));
    }

    [Fact]
    public void Web01_exports_to_this_yaml()
    {
        var document = DomainConfigDocument.Load(RepositoryPaths.InRepository("examples", "guests", "web01", "web01.cfg"));

        Assert.Equal("""
            name: web01
            config:
              uuid: 6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01
              type: pv
              kernel: /boot/guests/vmlinuz-6.1.0-28-amd64
              ramdisk: /boot/guests/initrd.img-6.1.0-28-amd64
              root: /dev/xvda1 ro
              extra: console=hvc0 elevator=noop
              memory: 1024
              maxmem: 2048
              vcpus: 2
              disk:
              - phy:/dev/vg0/web01-root,xvda1,w
              - phy:/dev/vg0/web01-swap,xvda2,w
              vif:
              - mac=00:16:3e:1a:00:01,bridge=xenbr0
              on_poweroff: destroy
              on_reboot: restart
              on_crash: restart

            """.ReplaceLineEndings("\n"), DomainConfigYaml.Export(document));
    }

    public static TheoryData<string> ExampleConfigs =>
        RepositoryPaths.FilesUnder(RepositoryPaths.InRepository("examples", "guests"), f => f.EndsWith(".cfg", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ExampleConfigs))]
    public void An_example_config_exports_to_a_clean_vm_definition_with_the_same_settings(string relative)
    {
        var path = RepositoryPaths.InRepository("examples", "guests", relative);
        var document = DomainConfigDocument.Load(path);

        var yaml = DomainConfigYaml.Export(document);
        var definition = VmDefinition.Parse(yaml, Path.ChangeExtension(path, ".vm.yaml"));

        Assert.Empty(definition.Diagnostics);
        Assert.Equal(Path.GetFileNameWithoutExtension(path), definition.Name);
        YamlText.AssertSameSettings(document, definition.DomainConfig!);
        Assert.False(definition.DomainConfig!.HasErrors);
    }
}
