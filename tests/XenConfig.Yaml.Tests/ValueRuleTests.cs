using XenConfig.Domain;

namespace XenConfig.Yaml.Tests;

/// <summary>How YAML values become xl values (docs/vm-definition.md, "Values").</summary>
public sealed class ValueRuleTests
{
    public static TheoryData<string, string> Accepted => new()
    {
        { "512", "512" },
        { "0", "0" },
        { "18446744073709551616", "18446744073709551616" },
        { "\"512\"", "\"512\"" },
        { "'0x200'", "\"0x200\"" },
        { "\"-1\"", "\"-1\"" },
        { "!!str 0x200", "\"0x200\"" },
        { "!!str true", "\"true\"" },
        { "\"true\"", "\"true\"" },
        { "''", "\"\"" },
        { "hello world", "\"hello world\"" },
        { "127.0.0.1", "\"127.0.0.1\"" },
        { "phy:/dev/vg0/x,xvda,w", "\"phy:/dev/vg0/x,xvda,w\"" },
        { ">-\n    folded\n    text", "\"folded text\"" },
        { "[]", "[]" },
        { "[a, 1, \"2\"]", "[ \"a\", 1, \"2\" ]" },
        { "[[a, [b]], []]", "[ [ \"a\", [ \"b\" ] ], [] ]" },
        { "\n    - a\n    - - b\n      - 3", "[ \"a\", [ \"b\", 3 ] ]" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_yaml_value_becomes_the_xl_value(string yaml, string xl)
    {
        var definition = VmDefinition.Parse($"name: vm\nconfig:\n  k: {yaml}\n");

        Assert.Empty(definition.Diagnostics);
        Assert.Equal($"name = \"vm\"\nk = {xl}\n", definition.DomainConfig!.ToString());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("010")]
    [InlineData("0x200")]
    [InlineData("0o17")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData(".inf")]
    [InlineData(".NaN")]
    [InlineData("1_000")]
    [InlineData("{a: 1}")]
    [InlineData("[a, {b: 1}]")]
    [InlineData("[1, true]")]
    public void A_yaml_value_with_no_single_xl_meaning_is_an_error(string yaml)
    {
        var definition = VmDefinition.Parse($"name: vm\nconfig:\n  k: {yaml}\n", "/srv/vm.vm.yaml");

        var diagnostic = Assert.Single(definition.Diagnostics);
        Assert.Equal(("XC2002", 3), (diagnostic.Id, diagnostic.Location.Start.DisplayLine));
        Assert.Null(definition.DomainConfig!.GetValue("k"));
    }

    [Fact]
    public void A_plain_decimal_becomes_a_number_token_and_a_quoted_one_a_string()
    {
        var definition = VmDefinition.Parse("name: vm\nconfig:\n  a: 512\n  b: \"512\"\n");

        Assert.True(definition.DomainConfig!.Settings["a"].Value.IsNumberToken);
        Assert.False(definition.DomainConfig.Settings["b"].Value.IsNumberToken);
        Assert.Equal(definition.DomainConfig.GetValue("a"), definition.DomainConfig.GetValue("b"));
    }
}
