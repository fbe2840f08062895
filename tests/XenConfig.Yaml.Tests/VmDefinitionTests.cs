using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;
using XenConfig.Testing;
using XenConfig.Validation;

namespace XenConfig.Yaml.Tests;

public sealed class VmDefinitionTests
{
    [Fact]
    public void The_app01_example_loads_without_diagnostics_and_passes_the_validators()
    {
        var path = RepositoryPaths.InRepository("examples", "guests", "app01", "app01.vm.yaml");

        var definition = VmDefinition.Load(path);

        Assert.Empty(definition.Diagnostics);
        Assert.Equal("app01", definition.Name);
        Assert.True(definition.IsDomainConfigInline);
        Assert.False(definition.IsFstabInline);
        Assert.Equal(RepositoryPaths.InRepository("examples", "guests", "app01", "fstab"), definition.Fstab!.Path);
        Assert.Null(definition.Menu);
        var config = DomainConfig.FromDocument(definition.DomainConfig!);
        Assert.DoesNotContain(new DomainConfigValidator().Validate(config).ToDiagnostics(), d => d.IsError || d.Severity == Diagnostics.DiagnosticSeverity.Warning);
        Assert.DoesNotContain(new FstabValidator().Validate(definition.Fstab).ToDiagnostics(), d => d.IsError);
        Assert.Equal(2048, definition.DomainConfig!.Settings["memory"].TryGetNumber(out var memory) ? memory : -1);
    }

    [Fact]
    public void An_inline_config_becomes_xl_text_with_name_first_and_numbers_as_number_tokens()
    {
        const string yaml = """
            name: vm1
            config:
              memory: 512
              uuid: "0f0e0d0c-0b0a-0908-0706-050403020100"
              maxmem: "1024"
              cpus: [0, "2-3"]
              vnuma:
                - [pnode=0, size=512, vcpus=0]
              disk: ['phy:/dev/vg0/vm1,xvda,w']
              empty: []
            """;

        var definition = VmDefinition.Parse(yaml, "/srv/vm1.vm.yaml");

        Assert.Empty(definition.Diagnostics);
        Assert.Equal("""
            name = "vm1"
            memory = 512
            uuid = "0f0e0d0c-0b0a-0908-0706-050403020100"
            maxmem = "1024"
            cpus = [ 0, "2-3" ]
            vnuma = [ [ "pnode=0", "size=512", "vcpus=0" ] ]
            disk = [ "phy:/dev/vg0/vm1,xvda,w" ]
            empty = []

            """.ReplaceLineEndings("\n"), definition.DomainConfig!.ToString());
        Assert.Equal("/srv/vm1.vm.yaml#config", definition.DomainConfig.Path);
        Assert.False(DomainConfigDocument.Parse(definition.DomainConfig.ToString()).HasErrors);
    }

    [Fact]
    public void Config_fstab_and_menu_given_by_relative_path_resolve_against_the_yaml_folder()
    {
        using var folder = new TempFolder();
        folder.Write("cfg/vm2.cfg", "name = \"vm2\"\nmemory = 256\n");
        folder.Write("vm2/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");
        folder.Write("vm2/boot/menu.lst", "default 0\ntitle Linux\n  root (hd0,0)\n  kernel /boot/vmlinuz root=/dev/xvda1\n");
        var path = folder.Write("vm2/vm2.vm.yaml", "name: vm2\nconfig: ../cfg/vm2.cfg\nfstab: fstab\nmenu: boot/menu.lst\n");

        var definition = VmDefinition.Load(path);

        Assert.Empty(definition.Diagnostics);
        Assert.False(definition.IsDomainConfigInline);
        Assert.Equal(Path.Combine(folder.Path, "cfg", "vm2.cfg"), definition.DomainConfig!.Path);
        Assert.Equal("name = \"vm2\"\nmemory = 256\n", definition.DomainConfig.ToString());
        Assert.Equal(Path.Combine(folder.Path, "vm2", "fstab"), definition.Fstab!.Path);
        Assert.Equal(Path.Combine(folder.Path, "vm2", "boot", "menu.lst"), definition.Menu!.Path);
        Assert.Single(definition.Menu.Entries);
    }

    [Fact]
    public void Parse_diagnostics_of_a_referenced_file_keep_that_files_path_and_position()
    {
        using var folder = new TempFolder();
        var config = folder.Write("vm6.cfg", "name = \"vm6\"\nmemory = 'unterminated\n");
        var definition = VmDefinition.Load(folder.Write("vm6.vm.yaml", "name: vm6\nconfig: vm6.cfg\n"));

        var diagnostic = Assert.Single(definition.Diagnostics);
        Assert.Equal(("XC1002", config, 2), (diagnostic.Id, diagnostic.Location.Path, diagnostic.Location.Start.DisplayLine));
        Assert.True(definition.HasErrors);
    }

    [Fact]
    public void The_name_comes_from_the_referenced_config_when_the_yaml_has_none()
    {
        using var folder = new TempFolder();
        folder.Write("vm3.cfg", "name = \"vm3\"\n");
        var definition = VmDefinition.Load(folder.Write("vm3.vm.yaml", "config: vm3.cfg\n"));

        Assert.Empty(definition.Diagnostics);
        Assert.Equal("vm3", definition.Name);
    }

    [Fact]
    public void A_name_that_differs_from_the_referenced_config_is_an_error_at_the_name()
    {
        using var folder = new TempFolder();
        folder.Write("vm3.cfg", "name = \"other\"\n");
        var definition = VmDefinition.Load(folder.Write("vm3.vm.yaml", "config: vm3.cfg\nname: vm3\n"));

        var diagnostic = Assert.Single(definition.Diagnostics);
        Assert.Equal(("XC0005", 2, 7), (diagnostic.Id, diagnostic.Location.Start.DisplayLine, diagnostic.Location.Start.DisplayColumn));
    }

    [Fact]
    public void Inline_fstab_entries_become_an_fstab_with_defaults_for_options_freq_and_passno()
    {
        const string yaml = """
            name: vm4
            config: {memory: 128}
            fstab:
              - {source: /dev/xvda1, target: /, fstype: ext4, options: "noatime,errors=remount-ro", freq: 0, passno: 1}
              - source: LABEL=data
                target: /srv/my data
                fstype: xfs
            """;

        var definition = VmDefinition.Parse(yaml, "/srv/vm4.vm.yaml");

        Assert.Empty(definition.Diagnostics);
        Assert.True(definition.IsFstabInline);
        var entries = FstabFile.FromDocument(FstabDocument.Parse(definition.Fstab!.ToString())).Entries;
        Assert.Equal(
            [("/dev/xvda1", "/", "ext4", "noatime,errors=remount-ro", 0, 1), ("LABEL=data", "/srv/my data", "xfs", "defaults", 0, 0)],
            entries.Select(e => (e.Source.Text, e.MountPoint, e.FileSystemType, e.OptionsText, e.Dump, e.Pass)));
    }

    public static TheoryData<string, string, int, int> Errors => new()
    {
        // YAML that does not parse: the position YamlDotNet reports.
        { "name: a\nconfig: {memory: 512\n", "XC0004", 3, 1 },
        { "name: a\n  bad: indentation\n", "XC0004", 2, 6 },
        // Unknown fields, at the key.
        { "name: a\nconfig: {}\nmneu: menu.lst\n", "XC0005", 3, 1 },
        { "name: a\n", "XC0005", 1, 1 },
        { "name: a\nconfig: {}\nfstab:\n  - {source: /dev/xvda1, target: /, fstype: ext4, pass: 1}\n", "XC0005", 4, 51 },
        // Values of the wrong type, at the value.
        { "name: a\nconfig:\n  memory: true\n", "XC2002", 3, 11 },
        { "name: a\nconfig:\n  memory: 0x200\n", "XC2002", 3, 11 },
        { "name: a\r\nconfig:\r\n  memory: true\r\n", "XC2002", 3, 11 },
        { "\uFEFFname: a\nconfig:\n  memory: true\n", "XC2002", 3, 11 },
        { "name: a\nconfig:\n  extra: \"é𝄞\"\n  memory: true\n", "XC2002", 4, 11 },
        { "name: a\nconfig:\n  memory: -1\n", "XC2002", 3, 11 },
        { "name: a\nconfig:\n  vif: {mac: x}\n", "XC2002", 3, 8 },
        { "name: a\nconfig:\n  disk: [a, [b, ~]]\n", "XC2002", 3, 17 },
        { "name: a\nconfig:\n  extra: |\n    two\n    lines\n", "XC2002", 3, 10 },
        { "name: [a]\nconfig: {}\n", "XC0005", 1, 7 },
        { "name: no\nconfig: {}\n", "XC0005", 1, 7 },
        { "name: 1.0\nconfig: {}\n", "XC0005", 1, 7 },
        { "name:\nconfig: {}\n", "XC0005", 1, 6 },
        { "name: a\nconfig: [memory]\n", "XC0005", 2, 9 },
        { "name: a\nconfig: {}\nfstab:\n  - {source: /dev/xvda1, target: /, fstype: ext4, passno: one}\n", "XC0005", 4, 59 },
        { "name: a\nconfig: {}\nfstab:\n  - {source: /dev/xvda1, fstype: ext4}\n", "XC0005", 4, 5 },
        { "name: a\nconfig: {}\nmenu: [menu.lst]\n", "XC0005", 3, 7 },
        { "- just\n- a list\n", "XC0005", 1, 1 },
        // Keys xl rejects, at the key.
        { "name: a\nconfig:\n  Memory: 1\n", "XC1009", 3, 3 },
        { "name: a\nconfig:\n  \"memory = 1\\nmaxmem\": 2\n", "XC1009", 3, 3 },
        // Given twice.
        { "name: a\nconfig:\n  memory: 1\n  memory: 2\n", "XC0005", 4, 3 },
        { "name: a\nconfig:\n  name: b\n", "XC0005", 3, 9 },
        // Missing name.
        { "config:\n  memory: 1\n", "XC2001", 1, 1 },
        // YAML features a definition does not take.
        { "name: &n a\nconfig: {}\n", "XC0005", 1, 7 },
        { "name: a\nconfig:\n  memory: !!int 5\n", "XC0005", 3, 11 },
        { "name: a\nconfig: {}\n---\nname: b\n", "XC0005", 3, 1 },
        // Referenced files that do not exist, at the path.
        { "name: a\nconfig: missing.cfg\n", "XC0001", 2, 9 },
        { "name: a\nconfig: {}\nfstab: ../nowhere/fstab\n", "XC0001", 3, 8 },
        { "name: a\nconfig: {}\nmenu: menu.lst\n", "XC0001", 3, 7 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Problems_are_reported_with_the_yaml_line_and_column(string yaml, string id, int line, int column)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "bad.vm.yaml");

        var definition = VmDefinition.Parse(yaml, path);

        var diagnostic = Assert.Single(definition.Diagnostics);
        Assert.Equal((id, path, line, column), (diagnostic.Id, diagnostic.Location.Path, diagnostic.Location.Start.DisplayLine, diagnostic.Location.Start.DisplayColumn));
        Assert.True(definition.HasErrors);
    }

    public static TheoryData<string> Garbage => new()
    {
        "",
        "   \n",
        "\t",
        "{",
        "name: [",
        "? [a, b]\n: c\n",
        "name: a\nconfig:\n  disk: *x\n",
        "%YAML 9.9\n---\na: b\n",
        "name: \"\\uZZZZ\"\n",
        "\0\u0001\u0002",
        new string('[', 20000),
        "name: a\nconfig:\n  disk: " + new string('[', 5000) + new string(']', 5000) + "\n",
        "name: a\nconfig:\n  k: " + string.Concat(Enumerable.Repeat("- ", 200)) + "x\n",
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Bad_input_gives_errors_and_never_throws(string yaml)
    {
        var definition = VmDefinition.Parse(yaml, "/tmp/garbage.vm.yaml");

        Assert.True(definition.HasErrors);
        Assert.All(definition.Diagnostics, d => Assert.Equal("/tmp/garbage.vm.yaml", d.Location.Path));
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_and_crlf_reports_yaml_positions()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "bom.vm.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("name: a\r\nconfig:\r\n  vcpus: 2\r\n  memory: off\r\n")]);

        var definition = VmDefinition.Load(path);

        var diagnostic = Assert.Single(definition.Diagnostics);
        Assert.Equal($"{path}(4,11): error XC2002: 'memory': 'off' is a YAML boolean, which xl does not have; write 1 or 0, or quote it [xl]", diagnostic.ToString());
        Assert.Equal("off", definition.SourceText.ToString(diagnostic.Location.Span));
    }

    [Theory]
    [InlineData("config", "  k{0}: 1\n")]
    [InlineData("fstab", "  - {{source: /dev/xvd{0}, target: /m{0}, fstype: ext4}}\n")]
    public void More_items_than_the_limit_is_xc0002_at_the_collection(string field, string itemFormat)
    {
        var items = string.Concat(Enumerable.Range(0, 11).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, itemFormat, i)));
        var yaml = field == "config" ? $"name: a\nconfig:\n{items}" : $"name: a\nconfig: {{}}\nfstab:\n{items}";

        var definition = VmDefinition.Parse(yaml, "/srv/a.vm.yaml", new VmDefinitionOptions { MaxItems = 10 });
        var within = VmDefinition.Parse(yaml, "/srv/a.vm.yaml", new VmDefinitionOptions { MaxItems = 11 });

        var diagnostic = Assert.Single(definition.Diagnostics);
        Assert.Equal(("XC0002", field == "config" ? 3 : 4), (diagnostic.Id, diagnostic.Location.Start.DisplayLine));
        Assert.Empty(within.Diagnostics);
    }

    [Fact]
    public void A_yaml_file_that_cannot_be_read_is_an_xc0001_diagnostic()
    {
        using var folder = new TempFolder();
        var definition = VmDefinition.Load(Path.Combine(folder.Path, "absent.vm.yaml"));

        Assert.Equal("XC0001", Assert.Single(definition.Diagnostics).Id);
        Assert.Null(definition.DomainConfig);
    }

    [Fact]
    public void Validator_diagnostics_on_inline_parts_relocate_to_the_yaml_nodes()
    {
        const string yaml = """
            name: vm5
            config:
              kernel: /boot/vmlinuz
              memory: 4096
              maxmem: 1024
            fstab:
              - {source: /dev/xvda1, target: /, fstype: ext4, passno: 1}
              - {source: /dev/xvda2, target: /, fstype: ext4, passno: 2}
            """;
        var definition = VmDefinition.Parse(yaml, "/srv/vm5.vm.yaml");
        Assert.Empty(definition.Diagnostics);

        var config = new DomainConfigValidator().Validate(DomainConfig.FromDocument(definition.DomainConfig!)).ToDiagnostics();
        var memory = Assert.Single(config, d => d.Id == "XC2004");
        var fstab = new FstabValidator().Validate(definition.Fstab!).ToDiagnostics();
        var duplicate = Assert.Single(fstab, d => d.Id == "XC3010");

        var relocatedMemory = definition.Relocate(memory);
        var relocatedDuplicate = definition.Relocate(duplicate);

        Assert.Equal("/srv/vm5.vm.yaml#config", memory.Location.Path);
        Assert.Equal("/srv/vm5.vm.yaml", relocatedMemory.Location.Path);
        Assert.Contains(relocatedMemory.Location.Start.DisplayLine, new[] { 4, 5 });
        Assert.Equal((memory.Id, memory.Message), (relocatedMemory.Id, relocatedMemory.Message));
        Assert.Equal(("/srv/vm5.vm.yaml", 8, 5), (relocatedDuplicate.Location.Path, relocatedDuplicate.Location.Start.DisplayLine, relocatedDuplicate.Location.Start.DisplayColumn));
        Assert.Equal(new Text.LinePosition(3, 10), definition.GetLocation("memory")!.Start);
    }
}
