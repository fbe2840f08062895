using System.Reflection;
using XenConfig.Domain;
using XenConfig.Domain.Model;

namespace XenConfig.Validation.Tests;

/// <summary>
/// Repository validation keeps one summary per guest for the cross-checks; its memory must be the indexes (name, UUID,
/// MACs, disk targets) and not per-position objects. Asserted by counting what a summary holds, not by timing or RSS.
/// </summary>
public sealed class GuestSummaryTests
{
    private static GuestSummary Summarise(string uuid) =>
        GuestSummary.Of(DomainConfig.FromDocument(DomainConfigDocument.Parse(
            $"name = \"web\"\nuuid = \"{uuid}\"\nkernel = \"/k\"\n"
            + "disk = [ 'phy:vg0/root,xvda1,w', 'file:/srv/data.img,xvdb,r', '/srv/cd.iso,hdc:cdrom,r' ]\n"
            + "vif = [ 'mac=00:16:3e:00:00:01', 'bridge=xenbr0', 'mac=00:16:3e:00:00:02' ]\n", "/repo/web/web.cfg")));

    [Fact]
    public void A_summary_holds_exactly_the_indexed_macs_and_targets()
    {
        var summary = Summarise("6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01");

        Assert.Equal("web", summary.Name);
        Assert.Equal(2, summary.Macs.Length); // the vif without a MAC is not kept
        Assert.Equal(["/dev/vg0/root", "/srv/data.img"], Targets(summary)); // nor the CD-ROM
    }

    [Fact]
    public void Targets_beyond_latin1_read_back_exactly_and_match_only_the_same_characters()
    {
        static GuestSummary Disks(string path, params string[] targets) =>
            GuestSummary.Of(DomainConfig.FromDocument(DomainConfigDocument.Parse(
                $"name = \"g\"\ndisk = [ {string.Join(", ", targets.Select(t => $"'file:{t},xvd{(char)('a' + Array.IndexOf(targets, t))},w'"))} ]\n", path)));

        // Latin-1 (é), beyond it (Cyrillic, an emoji's surrogate pair), and plain ASCII, side by side in one guest.
        var first = Disks("/repo/a.cfg", "/srv/café.img", "/srv/образ.img", "/srv/😀.img", "/srv/plain.img");
        var second = Disks("/repo/b.cfg", "/srv/образ.img", "/srv/cafe.img", "/srv/café.img");

        Assert.Equal(["/srv/café.img", "/srv/образ.img", "/srv/😀.img", "/srv/plain.img"], Targets(first));
        Assert.True(first.SameTarget(1, second, 0));
        Assert.Equal(first.TargetHash(1), second.TargetHash(0));
        Assert.True(first.SameTarget(0, second, 2));
        Assert.Equal(first.TargetHash(0), second.TargetHash(2));
        Assert.False(first.SameTarget(0, second, 1)); // é is not e
        Assert.False(first.SameTarget(3, second, 1));
    }

    private static string[] Targets(GuestSummary summary) => Enumerable.Range(0, summary.Disks.Length).Select(summary.Target).ToArray();

    [Fact]
    public void A_summary_keeps_its_configs_path_once_and_every_position_without_it()
    {
        var summary = Summarise("6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01");
        var places = new[] { summary.NamePlace, summary.UuidPlace }.Concat(summary.Macs.Select(m => m.Place)).Concat(summary.Disks.Select(d => d.Place)).ToList();

        Assert.Equal(6, places.Count);
        Assert.Equal("/repo/web/web.cfg", summary.Path);
        Assert.All(places, place => Assert.Same(summary.Path, summary.At(place).Path));
        Assert.Equal(new XenConfig.Text.SourceLocation("/repo/web/web.cfg", new XenConfig.Text.TextSpan(7, 5), new XenConfig.Text.LinePosition(0, 7)), summary.NameLocation);
        Assert.Equal(new XenConfig.Text.LinePosition(1, 7), summary.UuidLocation.Start);
    }

    [Fact]
    public void A_guest_whose_config_was_not_read_has_an_empty_summary_that_names_the_config()
    {
        var summary = GuestSummary.Unread("/repo/bad/bad.cfg");

        Assert.Equal("/repo/bad/bad.cfg", summary.Path);
        Assert.Null(summary.Name);
        Assert.Null(summary.Uuid);
        Assert.Empty(summary.Macs);
        Assert.Empty(summary.Disks);
    }

    [Theory]
    [InlineData("6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01", false)]
    [InlineData("6C1F4A52-1F0B-4D6E-9C51-0C9A7E2F5A01", true)]
    public void The_uuid_text_is_kept_only_when_it_is_not_the_canonical_form(string uuid, bool kept)
    {
        var summary = Summarise(uuid);
        var text = typeof(GuestSummary).GetField("_uuidText", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(summary);

        Assert.Equal(kept, text is not null);
        Assert.Equal(uuid, summary.UuidText);
    }

    [Fact]
    public void A_summary_holds_no_per_position_objects()
    {
        // Strings (the config's path, the name, a non-canonical UUID text), the UUID, value positions, the count of files
        // read and exact-size arrays of values (the targets' bytes among them): nothing that adds an object per MAC or disk.
        var fields = typeof(GuestSummary).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        Assert.All(fields, field => Assert.True(
            field.FieldType == typeof(string) || field.FieldType.IsValueType || field.FieldType.IsArray && field.FieldType.GetElementType()!.IsValueType,
            $"{field.Name} is a {field.FieldType}"));
        Assert.Equal(10, fields.Length);
    }
}
