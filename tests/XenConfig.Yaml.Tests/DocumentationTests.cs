using XenConfig.Domain;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;
using XenConfig.Testing;

namespace XenConfig.Yaml.Tests;

public sealed class DocumentationTests
{
    [Fact]
    public void The_full_example_in_the_documentation_loads_without_diagnostics()
    {
        var markdown = File.ReadAllText(RepositoryPaths.InRepository("docs", "vm-definition.md"));
        var start = markdown.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];
        using var folder = new TempFolder();
        folder.Write("boot/menu.lst", "title Linux\n  root (hd0,0)\n  kernel /boot/vmlinuz root=/dev/xvda1\n");

        var definition = VmDefinition.Load(folder.Write("app01.vm.yaml", yaml));

        Assert.Empty(definition.Diagnostics);
        var config = definition.DomainConfig!;
        Assert.Equal("app01", definition.Name);
        Assert.Equal("name", config.Settings.Keys.First());
        Assert.True(config.Settings["memory"].Value.IsNumberToken);
        Assert.Equal(SettingValue.String("4096"), config.GetValue("maxmem"));
        Assert.Equal(SettingValue.String("0xffffffff"), config.GetValue("xenstore_feature_mask"));
        Assert.Equal(SettingValue.List([SettingValue.List("pnode=0", "size=2048", "vcpus=0-1", "vdistances=10")]), config.GetValue("vnuma"));
        Assert.Equal(["/", "/srv", "/proc"], FstabFile.FromDocument(definition.Fstab!).Entries.Select(e => e.MountPoint));
        Assert.Single(definition.Menu!.Entries);
    }

    [Fact]
    public void The_diagnostics_table_names_every_id_the_reader_raises_and_only_declared_ids()
    {
        var markdown = File.ReadAllText(RepositoryPaths.InRepository("docs", "vm-definition.md"));
        var table = markdown[markdown.LastIndexOf("## Diagnostics", StringComparison.Ordinal)..];
        var documented = System.Text.RegularExpressions.Regex.Matches(table, @"XC\d{4}").Select(m => m.Value).ToHashSet();
        var raised = new[] { "VmDefinition.cs", "VmDefinitionReader.cs", "XlYamlValues.cs", "YamlTreeReader.cs" }
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(RepositoryPaths.InRepository("src", "XenConfig.Yaml", file)), @"DiagnosticIds\.(?<name>\w+)\.(Create|Id)\b"))
            .Select(m => ((XenConfig.Diagnostics.DiagnosticDescriptor)typeof(XenConfig.Diagnostics.DiagnosticIds).GetField(m.Groups["name"].Value)!.GetValue(null)!).Id)
            .ToHashSet();

        Assert.NotEmpty(raised);
        Assert.Empty(raised.Except(documented));
        Assert.All(documented, id => Assert.NotNull(XenConfig.Diagnostics.DiagnosticIds.Find(id)));
    }
}
