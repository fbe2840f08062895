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
    public void Every_position_of_a_summary_reads_back_in_its_config()
    {
        var summary = Summarise("6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01");
        var places = new[] { summary.NamePlace, summary.UuidPlace }.Concat(summary.Macs.Select(m => m.Place)).Concat(summary.Disks.Select(d => d.Place)).ToList();

        Assert.Equal(6, places.Count);
        Assert.Equal("/repo/web/web.cfg", summary.Path);
        Assert.All(places, place => Assert.Equal("/repo/web/web.cfg", summary.At(place).Path));
        Assert.Equal(new XenConfig.Text.SourceLocation("/repo/web/web.cfg", new XenConfig.Text.TextSpan(7, 5), new XenConfig.Text.LinePosition(0, 7)), summary.NameLocation);
        Assert.Equal(new XenConfig.Text.LinePosition(1, 7), summary.UuidLocation.Start);
        // The third vif (the second with a MAC) and the second disk, where the guest's own devices say they are.
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse(
            "name = \"web\"\nuuid = \"6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01\"\nkernel = \"/k\"\n"
            + "disk = [ 'phy:vg0/root,xvda1,w', 'file:/srv/data.img,xvdb,r', '/srv/cd.iso,hdc:cdrom,r' ]\n"
            + "vif = [ 'mac=00:16:3e:00:00:01', 'bridge=xenbr0', 'mac=00:16:3e:00:00:02' ]\n", "/repo/web/web.cfg"));
        Assert.Equal(DomainDevices.Vifs(config)[2].Location, summary.At(summary.Mac(1).Place));
        Assert.Equal(DomainDevices.Disks(config)[1].Location, summary.At(summary.Disk(1).Place));
        Assert.Equal([true, false], summary.Disks.Select(d => d.IsWritable));
    }

    [Theory]
    [InlineData(GuestSummary.IndexedFrom - 1, GuestSummary.IndexedFrom - 1)]
    [InlineData(GuestSummary.IndexedFrom, GuestSummary.IndexedFrom - 1)]
    [InlineData(GuestSummary.IndexedFrom - 1, GuestSummary.IndexedFrom)]
    [InlineData(GuestSummary.IndexedFrom, GuestSummary.IndexedFrom)]
    [InlineData(3 * GuestSummary.IndexedFrom, 5 * GuestSummary.IndexedFrom)]
    public void Every_mac_and_disk_reads_back_with_its_place_on_either_side_of_the_indexed_lists(int macs, int disks)
    {
        // Items far enough into the file that their places take varints of different lengths.
        var text = "name = \"many\"\nuuid = \"6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01\"\n"
            + $"vif = [ {string.Join(", ", Enumerable.Range(0, macs).Select(i => $"'mac=00:16:3e:00:{i / 256:x2}:{i % 256:x2}, bridge=br{new string('x', i * 7)}'"))} ]\n"
            + $"disk = [ {string.Join(", ", Enumerable.Range(0, disks).Select(i => $"'file:/srv/{new string('d', i * 5)}{i}.img,xvd{(char)('a' + (i % 26))}{i / 26},{(i % 3 == 0 ? "w" : "r")}'"))} ]\n";
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse(text, "/repo/many.cfg"));
        var summary = GuestSummary.Of(config);
        var vifs = DomainDevices.Vifs(config);
        var devices = DomainDevices.Disks(config);

        Assert.Equal(macs, summary.MacCount);
        Assert.Equal(disks, summary.DiskCount);
        for (var i = 0; i < macs; i++)
        {
            Assert.Equal(vifs[i].Spec.Mac, summary.Mac(i).Mac);
            Assert.Equal(vifs[i].Location, summary.At(summary.Mac(i).Place));
        }

        for (var i = 0; i < disks; i++)
        {
            Assert.Equal($"/srv/{new string('d', i * 5)}{i}.img", summary.Target(i));
            Assert.Equal(devices[i].Location, summary.At(summary.Disk(i).Place));
            Assert.Equal(i % 3 == 0, summary.Disk(i).IsWritable);
        }

        Assert.Equal("many", summary.Name);
        Assert.Equal(new XenConfig.Text.LinePosition(1, 7), summary.UuidLocation.Start);
    }

    [Fact]
    public void Positions_far_into_a_file_read_back_exactly()
    {
        // Offsets past 127, 16,383 and 2,097,151 take two, three and four bytes each: every boundary is crossed once.
        var padding = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"# {i,70}\n"));
        var text = padding + new string(' ', 200) + "name = \"far\"\n" + "vif = [ 'mac=00:16:3e:00:00:07' ]\n" + "disk = [ 'phy:/dev/vg0/far,xvda1,w' ]\n";
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse(text, "/repo/far.cfg"));
        var summary = GuestSummary.Of(config, relocate: null, filesRead: 300);

        Assert.Equal(300, summary.FilesRead);
        Assert.Equal(text.IndexOf("\"far\"", StringComparison.Ordinal), summary.NamePlace.Span.Start);
        Assert.True(summary.NamePlace.Span.Start > 2_097_151);
        Assert.Equal(new XenConfig.Text.LinePosition(30_000, 207), summary.NamePlace.Start);
        Assert.Equal(30_001, summary.Mac(0).Place.Start.Line);
        Assert.Equal("/dev/vg0/far", summary.Target(0));
        Assert.Equal(30_002, summary.Disk(0).Place.Start.Line);
    }

    [Fact]
    public void Names_compare_by_their_characters_whatever_their_width()
    {
        static GuestSummary Named(string name) => GuestSummary.Of(DomainConfig.FromDocument(DomainConfigDocument.Parse($"name = \"{name}\"\n", "/repo/x.cfg")));

        string[] names = ["café", "cafe", "вм-один", "вм-одиН", "😀", "web", "web1"];
        foreach (var left in names)
        {
            foreach (var right in names)
            {
                var (first, second) = (Named(left), Named(right));
                Assert.Equal(left == right, first.SameName(second));
                Assert.Equal(left, first.Name);
                if (left == right)
                {
                    Assert.Equal(first.NameHash(), second.NameHash());
                }
            }
        }

        var unnamed = GuestSummary.Unread("/repo/y.cfg");
        Assert.False(unnamed.IsNamed);
        Assert.False(unnamed.SameName(unnamed));
    }

    [Fact]
    public void Summaries_sort_as_the_scan_orders_their_configs()
    {
        // Folders first ("a-b" before "a/b" as characters, but the folder "a" before "a-b"), then paths; beyond Latin-1,
        // repeated separators, and paths longer than the comparison keeps on the stack.
        var longFolder = "/repo/" + new string('l', 300);
        string[] paths =
        [
            "/repo/a/x.cfg", "/repo/a/b/y.cfg", "/repo/a-b/z.cfg", "/repo/a//w.cfg", "/repo/образ/o.cfg", "/repo/café/c.cfg",
            "/repo/cafe/c.cfg", "/repo/😀/e.cfg", longFolder + "/a.cfg", longFolder + "/b.cfg", "/repo/a/x2.cfg", "/repo/b.cfg",
        ];
        var expected = paths.Order(Comparer<string>.Create(XenConfig.Files.RepositoryScanner.CompareGuests)).ToList();
        var summaries = paths.Select(p => GuestSummary.Unread(p)).ToList();
        summaries.Sort(GuestSummary.ComparePaths);

        Assert.Equal(expected, summaries.Select(s => s.Path));
    }

    [Fact]
    public void A_guest_whose_config_was_not_read_has_an_empty_summary_that_names_the_config()
    {
        var summary = GuestSummary.Unread("/repo/bad/bad.cfg", filesRead: 2);

        Assert.Equal(2, summary.FilesRead);
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
        var canonical = Summarise(uuid.ToLowerInvariant());

        // The text's 36 characters in Latin-1 and their one-byte header, or nothing.
        Assert.Equal(kept ? 37 : 0, summary.ByteCount - canonical.ByteCount);
        Assert.Equal(uuid, summary.UuidText);
        Assert.Equal(Guid.Parse(uuid), summary.Uuid);
    }

    [Fact]
    public void A_summary_is_one_array_of_bytes_about_the_size_of_what_it_indexes()
    {
        // The whole summary is one array: no object per string, MAC, disk or position.
        var fields = typeof(GuestSummary).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.Equal([typeof(byte[])], fields.Select(f => f.FieldType));

        // Files read (1), the path (1 + 17), the flags (1), the name (1 + 3) and its position (4), the UUID (16) and its
        // position (4), the MACs (1 + 2 x (6 + 5): their offsets are past 127), the disks (1 + 2 x (flags, 1 + 13, 4)).
        var summary = Summarise("6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01");
        Assert.Equal(1 + 18 + 1 + 4 + 4 + 16 + 4 + 1 + (2 * 11) + 1 + (2 * 19), summary.ByteCount);
    }
}
