using XenConfig.Domain.Model;
using XenConfig.Domain;

namespace XenConfig.Yaml.Tests;

public sealed class ApplyTests
{
    private const string Original = """
        # web: nginx front end
        name = "web"

        # sized for peak season
        memory = 1024   # MiB
        vcpus = 2
        # legacy, to be removed
        bootloader = "pygrub"
        disk = [ 'phy:/dev/vg0/web,xvda,w' ]

        """;

    [Fact]
    public void Only_the_values_that_differ_change_and_comments_survive()
    {
        var document = DomainConfigDocument.Parse(Original.ReplaceLineEndings("\n"));

        var result = DomainConfigYaml.Apply(DomainConfig.FromDocument(document), "name: web\nconfig:\n  memory: 2048\n  vcpus: 2\n  disk: ['phy:/dev/vg0/web,xvda,w', 'phy:/dev/vg0/web-data,xvdb,w']\n  on_crash: restart\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["memory", "disk", "on_crash"], result.Changed);
        Assert.Empty(result.Removed);
        Assert.Equal("""
            # web: nginx front end
            name = "web"

            # sized for peak season
            memory = 2048   # MiB
            vcpus = 2
            # legacy, to be removed
            bootloader = "pygrub"
            disk = [ 'phy:/dev/vg0/web,xvda,w', 'phy:/dev/vg0/web-data,xvdb,w' ]
            on_crash = "restart"

            """.ReplaceLineEndings("\n"), document.ToString());
    }

    [Fact]
    public void Keys_missing_from_the_yaml_are_removed_with_their_comments_only_when_asked()
    {
        var document = DomainConfigDocument.Parse(Original.ReplaceLineEndings("\n"));
        const string yaml = "name: web\nconfig:\n  memory: 1024\n  vcpus: 2\n  disk: ['phy:/dev/vg0/web,xvda,w']\n";

        var kept = DomainConfigYaml.Apply(DomainConfig.FromDocument(document), yaml);
        Assert.Equal(Original.ReplaceLineEndings("\n"), document.ToString());
        Assert.Empty(kept.Changed);

        var removed = DomainConfigYaml.Apply(DomainConfig.FromDocument(document), yaml, new DomainConfigApplyOptions { RemoveMissing = true });

        Assert.Equal(["bootloader"], removed.Removed);
        Assert.DoesNotContain("pygrub", document.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("legacy", document.ToString(), StringComparison.Ordinal);
        Assert.Contains("# sized for peak season\nmemory = 1024   # MiB\n", document.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_error_changes_nothing_and_is_reported_at_its_position()
    {
        var document = DomainConfigDocument.Parse(Original.ReplaceLineEndings("\n"));

        var result = DomainConfigYaml.Apply(DomainConfig.FromDocument(document), "name: web\nconfig:\n  memory: 4096\n  vcpus: yes\n", new DomainConfigApplyOptions { YamlPath = "web.vm.yaml" });

        Assert.True(result.HasErrors);
        Assert.Empty(result.Changed);
        Assert.Equal("web.vm.yaml(4,10): error XC2002: 'vcpus': 'yes' is a YAML boolean, which xl does not have; write 1 or 0, or quote it [xl]", Assert.Single(result.Diagnostics).ToString());
        Assert.Equal(Original.ReplaceLineEndings("\n"), document.ToString());
    }

    [Theory]
    [InlineData("name: web\nconfig: web.cfg\n", "config names a file; only an inline config mapping can be applied")]
    [InlineData("name: web\n", "the YAML has no config mapping to apply")]
    public void Only_an_inline_config_can_be_applied(string yaml, string message)
    {
        var document = DomainConfigDocument.Parse(Original.ReplaceLineEndings("\n"));

        var result = DomainConfigYaml.Apply(DomainConfig.FromDocument(document), yaml);

        Assert.Equal(message, Assert.Single(result.Diagnostics).Message);
        Assert.Equal(Original.ReplaceLineEndings("\n"), document.ToString());
    }

    [Fact]
    public void A_value_xl_cannot_write_is_accepted_when_the_target_already_has_it()
    {
        // "\n" in an xl string decodes to a line feed, which Set cannot write back; an unchanged value needs no writing.
        var document = DomainConfigDocument.Parse("extra = \"a\\nb\"\n");
        var yaml = DomainConfigYaml.Export(document);

        Assert.Empty(DomainConfigYaml.Apply(DomainConfig.FromDocument(document), yaml).Diagnostics);
        var fresh = DomainConfigYaml.Apply(DomainConfig.FromDocument(DomainConfigDocument.Parse("")), yaml);
        Assert.Equal("XC2002", Assert.Single(fresh.Diagnostics).Id);
    }
}
