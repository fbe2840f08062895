using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Libvirt.Tests;

/// <summary>
/// cfg -> XML -> cfg applied to the original config keeps the original's comments, and a second round trip changes
/// nothing more: the only differences libvirt's own converters add are made once (a bridge's default vif-bridge script).
/// </summary>
public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(SchemaValidationTests.AcceptedCorpusConfigs), MemberType = typeof(SchemaValidationTests))]
    public void Corpus_config_survives_a_round_trip_through_libvirt_xml_with_its_comments(string file)
    {
        var original = DomainConfigDocument.Load(Path.Combine(RepositoryPaths.Corpus("xl"), file));
        var xml = LibvirtConverter.ToDomainXml(original);
        Assert.False(xml.HasErrors, string.Join("\n", xml.Diagnostics));

        var back = LibvirtConverter.FromDomainXml(xml.Text);
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        var edited = DomainConfigDocument.Parse(original.ToString(), original.Path);
        back.ApplyTo(DomainConfig.FromDocument(edited));

        Assert.False(edited.HasErrors, string.Join("\n", edited.Diagnostics));
        Assert.Equal(Comments(original.ToString()), Comments(edited.ToString()));
        var again = LibvirtConverter.ToDomainXml(edited);
        var settled = DomainConfigDocument.Parse(edited.ToString());
        LibvirtConverter.FromDomainXml(again.Text).ApplyTo(DomainConfig.FromDocument(settled));
        Assert.Equal(edited.ToString(), settled.ToString());
        Assert.Equal(XmlCanonicalizer.Canonicalize(again.Text), XmlCanonicalizer.Canonicalize(LibvirtConverter.ToDomainXml(settled).Text));
    }

    [Fact]
    public void Applying_a_conversion_rewrites_only_the_changed_values()
    {
        const string original = """
            # web server
            name = "web01"    # production
            uuid = "c7a5fdb2-cdaf-9455-926a-d65c16db1809"
            memory = 512
            vcpus = 1
            # the root disk
            disk = [ 'format=raw,vdev=xvda,access=rw,backendtype=phy,target=/dev/vg0/web01' ]
            bootloader = "/usr/bin/pygrub"
            superpages = 1

            """;
        var document = DomainConfigDocument.Parse(original);
        var xml = LibvirtConverter.ToDomainXml(document).Text.Replace("<vcpu placement='static'>1</vcpu>", "<vcpu placement='static'>2</vcpu>", StringComparison.Ordinal);

        var changed = LibvirtConverter.FromDomainXml(xml).ApplyTo(DomainConfig.FromDocument(document));

        Assert.Contains("vcpus", changed);
        Assert.DoesNotContain("disk", changed);
        Assert.DoesNotContain("memory", changed);
        var text = document.ToString();
        Assert.StartsWith("# web server\nname = \"web01\"    # production\n", text, StringComparison.Ordinal);
        Assert.Contains("vcpus = 2\n# the root disk\n", text, StringComparison.Ordinal);
        Assert.Contains("superpages = 1\n", text, StringComparison.Ordinal);
    }

    private static List<string> Comments(string text) =>
        text.Split('\n').Select(line => line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[hash..] : null)
            .OfType<string>().ToList();
}
