using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Yaml.Tests;

public sealed class CorpusRoundTripTests
{
    public static TheoryData<string> CorpusFiles => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xl"));

    private static DomainConfigDocument Load(string name) => DomainConfigDocument.Load(Path.Combine(RepositoryPaths.Corpus("xl"), name));

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Export_then_import_into_an_empty_document_gives_the_same_settings(string name)
    {
        var original = Load(name);
        var yaml = DomainConfigYaml.Export(original);

        var imported = DomainConfigDocument.Parse("");
        var result = DomainConfigYaml.Apply(DomainConfig.FromDocument(imported), yaml);

        Assert.Empty(result.Diagnostics);
        YamlText.AssertSameSettings(original, imported);
        Assert.False(imported.HasErrors, string.Join("\n", imported.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Export_then_apply_onto_the_original_changes_no_byte(string name)
    {
        var original = Load(name);
        var text = original.ToString();
        var yaml = DomainConfigYaml.Export(original);

        var result = DomainConfigYaml.Apply(DomainConfig.FromDocument(original), yaml, new DomainConfigApplyOptions { RemoveMissing = true });

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Changed);
        Assert.Empty(result.Removed);
        Assert.Equal(text, original.ToString());
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Exported_yaml_loads_as_a_vm_definition_with_the_same_settings(string name)
    {
        var original = Load(name);
        var definition = VmDefinition.Parse(DomainConfigYaml.Export(original), "/tmp/corpus.vm.yaml");

        Assert.DoesNotContain(definition.Diagnostics, d => d.IsError && d.Id != "XC2001");
        Assert.NotNull(definition.DomainConfig);
        YamlText.AssertSameSettings(original, definition.DomainConfig!);
        Assert.Equal(original.GetValue("name")?.Text, definition.Name);
    }
}
