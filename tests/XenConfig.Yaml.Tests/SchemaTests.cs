using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;
using XenConfig.Testing;

namespace XenConfig.Yaml.Tests;

/// <summary>The JSON schema of *.vm.yaml: generated, checked in, referenced by the examples, and true to the reader.</summary>
public sealed class SchemaTests
{
    private static readonly string SchemaPath = RepositoryPaths.InRepository("docs", "vm-definition.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(VmDefinitionSchema.Generate()));

    public static TheoryData<string> ExampleDefinitions =>
        RepositoryPaths.FilesUnder(RepositoryPaths.InRepository("examples"), path => path.EndsWith(".vm.yaml", StringComparison.Ordinal));

    public static TheoryData<string> ExampleConfigs =>
        RepositoryPaths.FilesUnder(RepositoryPaths.InRepository("examples"), path => path.EndsWith(".cfg", StringComparison.Ordinal));

    public static TheoryData<string> CorpusConfigs => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xl"));

    [Fact]
    public void The_checked_in_schema_is_the_generators_output()
    {
        var generated = VmDefinitionSchema.Generate();
        if (Environment.GetEnvironmentVariable("XENCONFIG_APPROVE_API") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        Assert.True(File.Exists(SchemaPath) && File.ReadAllText(SchemaPath) == generated,
            "docs/vm-definition.schema.json differs from VmDefinitionSchema.Generate(); regenerate it with " +
            "XENCONFIG_APPROVE_API=1 dotnet test tests/XenConfig.Yaml.Tests --filter FullyQualifiedName~SchemaTests, then review and commit the diff");
    }

    [Fact]
    public void Generating_twice_gives_the_same_text() =>
        Assert.Equal(VmDefinitionSchema.Generate(), VmDefinitionSchema.Generate());

    [Fact]
    public void The_schema_is_draft_2020_12_and_describes_every_field_the_reader_knows()
    {
        var schema = JsonNode.Parse(VmDefinitionSchema.Generate())!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal(VmDefinitionReader.Fields, schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(VmDefinitionReader.FstabFields, schema["$defs"]!["fstabEntry"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(XenConfig.Domain.Model.DomainKeys.All.Count, schema["$defs"]!["config"]!["properties"]!.AsObject().Count);
    }

    [Theory]
    [MemberData(nameof(ExampleDefinitions))]
    public void Every_example_definition_names_the_schema_in_its_first_line(string file)
    {
        var path = Path.Combine(RepositoryPaths.InRepository("examples"), file);
        var relative = Path.GetRelativePath(Path.GetDirectoryName(path)!, SchemaPath).Replace('\\', '/');

        Assert.Equal($"# yaml-language-server: $schema={relative}", File.ReadLines(path).First());
    }

    [Theory]
    [MemberData(nameof(ExampleDefinitions))]
    public void Every_example_definition_is_valid_against_the_schema(string file)
    {
        var path = Path.Combine(RepositoryPaths.InRepository("examples"), file);

        AssertValid(File.ReadAllText(path), path);
        Assert.DoesNotContain(VmDefinition.Load(path).Diagnostics, d => d.IsError);
    }

    [Theory]
    [MemberData(nameof(ExampleConfigs))]
    public void The_yaml_export_of_every_example_config_is_valid_against_the_schema(string file)
    {
        var path = Path.Combine(RepositoryPaths.InRepository("examples"), file);

        AssertValid(DomainConfigYaml.Export(DomainConfigDocument.Load(path)), path + " (exported)");
    }

    [Theory]
    [MemberData(nameof(CorpusConfigs))]
    public void The_yaml_export_of_every_corpus_config_is_valid_against_the_schema(string file) =>
        AssertValid(DomainConfigYaml.Export(DomainConfigDocument.Load(Path.Combine(RepositoryPaths.Corpus("xl"), file))), file + " (exported)");

    public static TheoryData<string, string> Rejected => new()
    {
        // YAML the reader refuses (the id it reports), which the schema refuses too.
        { "name: web01\nconfig: {memory: 512}\nfstb: fstab\n", "XC0005" },
        { "name: web01\n", "XC0005" },
        { "name: web01\nconfig: {memory: true}\n", "XC2002" },
        { "name: web01\nconfig: {memory: ~}\n", "XC2002" },
        { "name: web01\nconfig: {memory: 1.5}\n", "XC2002" },
        { "name: web01\nconfig: {memory: -1}\n", "XC2002" },
        { "name: web01\nconfig: {kernel: {path: /boot/vmlinuz}}\n", "XC2002" },
        { "name: web01\nconfig: {Memory: 512}\n", "XC1009" },
        { "name: web01\nconfig: {max-mem: 512}\n", "XC1009" },
        { "name: yes\nconfig: {memory: 512}\n", "XC0005" },
        { "name: web01\nconfig: {memory: 512}\nfstab: [ {source: /dev/xvda1, target: /} ]\n", "XC0005" },
        { "name: web01\nconfig: {memory: 512}\nfstab: [ {source: /dev/xvda1, target: /, fstype: ext4, dump: 1} ]\n", "XC0005" },
        { "name: web01\nconfig: {memory: 512}\nfstab: [ {source: /dev/xvda1, target: /, fstype: ext4, passno: x} ]\n", "XC0005" },
        { "name: web01\nconfig: {memory: 512}\nmenu: [a, b]\n", "XC0005" },
        { "- name: web01\n", "XC0005" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void What_the_reader_refuses_the_schema_refuses(string yaml, string id)
    {
        Assert.Contains(VmDefinition.Parse(yaml, "t.vm.yaml").Diagnostics, d => d.Id == id);
        Assert.False(Evaluate(yaml).IsValid, "the schema accepts: " + yaml);
    }

    public static TheoryData<string> Accepted => new()
    {
        "name: web01\nconfig: {memory: 512, maxmem: \"4096\", type: pvh, cpus: 0-3, on_crash: rename-restart}\n",
        "config: web01.cfg\nfstab: fstab\nmenu: boot/menu.lst\n",
        "name: \"no\"\nconfig:\n  xenstore_feature_mask: \"0xffffffff\"\n  vnuma: [ [ pnode=0, size=2048 ] ]\n  my_own.key: [ a, [ b ] ]\n",
        "name: 42\nconfig: {memory: 512}\nfstab: [ {source: proc, target: /proc, fstype: proc, options: defaults, freq: 0, passno: \"2\"} ]\n",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void What_the_reader_accepts_the_schema_accepts(string yaml)
    {
        Assert.DoesNotContain(VmDefinitionReader.Read(SourceText.From(yaml, "t.vm.yaml"), VmDefinitionOptions.Default).Diagnostics, d => d.IsError);
        AssertValid(yaml, yaml);
    }

    [Fact]
    public void An_on_action_xl_does_not_know_is_refused_by_the_schema() =>
        Assert.False(Evaluate("name: web01\nconfig: {on_crash: reboot}\n").IsValid);

    private static void AssertValid(string yaml, string what)
    {
        var results = Evaluate(yaml);
        var errors = (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(results.IsValid, $"{what} is not valid against docs/vm-definition.schema.json:\n" + string.Join("\n", errors));
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        using var json = JsonDocument.Parse(YamlToJson(yaml)?.ToJsonString() ?? "null");
        return Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    // YAML read as an editor reads it: plain decimal integers are numbers, true/false/null what they are, other plain
    // YAML numbers numbers, every other scalar a string. Hex, octal and .inf become -1, a value the schema refuses as the
    // reader does; an editor reads 0x200 as 512 and accepts it (a schema sees values, not how they are spelled).
    private static JsonNode? YamlToJson(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.Read(SourceText.From(yaml), diagnostics, 64);
        Assert.True(root is not null && diagnostics.Count == 0, "the YAML does not parse: " + string.Join("; ", diagnostics));
        return Convert(root!);
    }

    private static JsonNode? Convert(YamlNode node) => node.Kind switch
    {
        YamlNodeKind.Mapping => new JsonObject(node.Pairs.Select(p => KeyValuePair.Create(p.Key.Value, Convert(p.Value)))),
        YamlNodeKind.Sequence => new JsonArray([.. node.Items.Select(Convert)]),
        _ when !node.IsPlain => JsonValue.Create(node.Value),
        _ => XlYamlValues.Classify(node.Value) switch
        {
            PlainScalarKind.Decimal => JsonNode.Parse(node.Value),
            PlainScalarKind.Null => null,
            PlainScalarKind.Boolean => JsonValue.Create(node.Value is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y"),
            PlainScalarKind.OtherNumber => JsonValue.Create(double.TryParse(node.Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : -1),
            _ => JsonValue.Create(node.Value),
        },
    };
}
