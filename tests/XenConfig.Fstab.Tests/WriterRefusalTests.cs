using System.Text;
using XenConfig.Fstab.Model;
using XenConfig.Text;

namespace XenConfig.Fstab.Tests;

/// <summary>An fstab setter escapes what libmount would split on and refuses only what no escape can carry.</summary>
public sealed class WriterRefusalTests
{
    private const string Text =
        "/dev/xvda1 / ext4 defaults 0 1\n" +
        "/dev/xvdb1 /srv xfs noatime 0 2\n";

    [Theory]
    [InlineData("/mnt/my disk")]
    [InlineData("/mnt/tab\there")]
    [InlineData("/mnt/line\nbreak")]
    [InlineData("/mnt/cr\rhere")]
    [InlineData("#not-a-comment")]
    [InlineData("/mnt/back\\slash")]
    [InlineData("/mnt/\\040literal")]
    [InlineData("/mnt/caf\u00e9")]
    public void A_mount_point_with_blanks_or_escapes_is_escaped_and_changes_nothing_else(string mountPoint)
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(Text));

        fstab.Entries[1].MountPoint = mountPoint;

        var reread = FstabFile.FromDocument(FstabDocument.Parse(fstab.ToString()));
        Assert.Empty(reread.Document.Diagnostics);
        Assert.Equal(2, reread.Entries.Count);
        Assert.Equal(mountPoint, reread.Entries[1].MountPoint);
        Assert.Equal(("/dev/xvdb1", "xfs", 2), (reread.Entries[1].Source.Text, reread.Entries[1].FileSystemType, reread.Entries[1].Pass));
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1\n", fstab.ToString()[..31]);
    }

    [Fact]
    public void A_source_starting_with_a_hash_is_escaped_so_the_line_stays_an_entry()
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(Text));

        fstab.Entries[0].Source = FstabSource.Parse("#evil");

        var reread = FstabFile.FromDocument(FstabDocument.Parse(fstab.ToString()));
        Assert.Equal(2, reread.Entries.Count);
        Assert.Equal("#evil", reread.Entries[0].Source.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    public void A_value_no_escape_can_carry_is_refused_and_changes_nothing(string mountPoint)
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(Text));

        Assert.Throws<ArgumentException>(() => fstab.Entries[1].MountPoint = mountPoint);

        Assert.Equal(Text, fstab.ToString());
    }

    [Fact]
    public void A_character_a_latin1_fstab_cannot_hold_is_refused()
    {
        var bytes = Encoding.Latin1.GetBytes("/dev/xvda1 /caf\u00e9 ext4 defaults 0 1\n");
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(SourceText.From(bytes)));

        Assert.Throws<ArgumentException>(() => fstab.Entries[0].MountPoint = "/\u20ac");

        Assert.Equal(bytes, fstab.Document.ToBytes());
    }
}
