using XenConfig.Domain;

namespace XenConfig.Yaml.Tests;

/// <summary>DomainConfigYaml.FindRoundTripLosses names exactly the keys whose YAML does not read back to the same value.</summary>
public sealed class RoundTripLossTests
{
    [Theory]
    [InlineData("name = \"web\"\nmemory = 512\nvif = [ \"mac=00:16:3e:00:00:01\" ]\nextra = \"0x10\"\non_crash = \"no\"\n")]
    [InlineData("memory = 512\nname = \"web\"\ncpus = \"4-7\"\ndisk = [ [ \"a\", \"b\" ], \"c\" ]\n")]
    [InlineData("name = \"a\"\nname = \"b\"\nmaxmem = 010\n")]
    public void A_config_whose_yaml_reads_back_the_same_has_no_losses(string config)
    {
        var document = DomainConfigDocument.Parse(config);

        Assert.Empty(DomainConfigYaml.FindRoundTripLosses(document));
    }

    [Theory]
    [InlineData("name = \"web\"\nextra = \"a\\nb\"\nmemory = 512\n", "extra")]
    [InlineData("name = \"web\"\nextra = \"a\\nb\"\ncmdline = \"c\\nd\"\n", "extra,cmdline")]
    public void A_config_whose_yaml_would_not_read_back_names_every_lost_key(string config, string keys)
    {
        var document = DomainConfigDocument.Parse(config);
        Assert.False(document.HasErrors);

        Assert.Equal(keys.Split(','), DomainConfigYaml.FindRoundTripLosses(document));
    }
}
