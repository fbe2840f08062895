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
}
