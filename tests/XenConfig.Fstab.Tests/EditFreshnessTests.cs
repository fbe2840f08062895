using XenConfig.Diagnostics;
using XenConfig.Fstab.Model;
using XenConfig.Fstab.Syntax;

namespace XenConfig.Fstab.Tests;

/// <summary>
/// After an edit through the model, the document's diagnostics and source describe the edited text, never the text as
/// first read, and the model's entries stay views of their lines.
/// </summary>
public sealed class EditFreshnessTests
{
    // Line 2 is rejected by libmount: its pass field 'x' is not a number (XC3003).
    private const string WithBadLine =
        "/dev/xvda1 / ext4 defaults 0 1\n" +
        "/dev/xvdb1 /srv ext4 defaults 0 x\n" +
        "/dev/xvda2 none swap sw 0 0\n";

    /// <summary>The diagnostics a fresh parse of the current text gives: what the document must report after any edit.</summary>
    private static IReadOnlyList<(string Id, int Line, int Column, int Offset)> Fresh(FstabDocument document) =>
        Describe(FstabDocument.Parse(document.ToString(), document.Path).Diagnostics);

    private static IReadOnlyList<(string Id, int Line, int Column, int Offset)> Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => (d.Id, d.Location.Start.DisplayLine, d.Location.Start.DisplayColumn, d.Location.Span.Start))];

    [Fact]
    public void Fixing_the_rejected_line_by_removing_it_through_an_entry_above_keeps_the_file_and_diagnostics_in_step()
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(WithBadLine, "fstab"));
        Assert.Equal("XC3003", Assert.Single(fstab.Diagnostics).Id);

        Assert.True(fstab.RemoveEntry(fstab.Entries[1]));

        var diagnostic = Assert.Single(fstab.Diagnostics);
        Assert.Equal(("XC3003", 2), (diagnostic.Id, diagnostic.Location.Start.DisplayLine));
        Assert.Equal(Fresh(fstab.Document), Describe(fstab.Diagnostics));
        Assert.Equal(fstab.ToString(), fstab.Document.SourceText.Content);
    }

    [Fact]
    public void An_entry_added_above_a_rejected_line_moves_its_diagnostic_to_the_new_line()
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(WithBadLine, "fstab"));

        fstab.AddEntry("/dev/xvdc1", "/boot", "ext4", "defaults", 0, 2, index: 0);

        var diagnostic = Assert.Single(fstab.Diagnostics);
        Assert.Equal(("XC3003", 3), (diagnostic.Id, diagnostic.Location.Start.DisplayLine));
        Assert.Equal(Fresh(fstab.Document), Describe(fstab.Diagnostics));
        Assert.Equal("x", fstab.Document.SourceText.Content.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
    }

    [Theory]
    [InlineData("/dev/disk/by-label/a-much-longer-root-device-name")]
    [InlineData("/r")]
    public void A_field_set_through_the_model_moves_the_offsets_of_later_diagnostics(string newSource)
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(WithBadLine, "fstab"));

        fstab.Entries[0].Source = FstabSource.Parse(newSource);

        Assert.Equal(Fresh(fstab.Document), Describe(fstab.Diagnostics));
        var diagnostic = Assert.Single(fstab.Diagnostics);
        Assert.Equal("x", fstab.Document.SourceText.Content.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
        Assert.Equal(fstab.ToString(), fstab.Document.SourceText.Content);
    }

    [Fact]
    public void Removing_an_entry_through_the_model_moves_a_later_diagnostic_up()
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(WithBadLine, "fstab"));

        Assert.True(fstab.RemoveEntry(fstab.Entries[0]));

        var diagnostic = Assert.Single(fstab.Diagnostics);
        Assert.Equal(("XC3003", 1, 32), (diagnostic.Id, diagnostic.Location.Start.DisplayLine, diagnostic.Location.Span.Start));
        Assert.Equal(Fresh(fstab.Document), Describe(fstab.Diagnostics));
    }

    [Fact]
    public void Entries_stay_editable_views_after_the_document_is_read_again()
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(WithBadLine, "fstab"));
        var root = fstab.Entries[0];
        var swap = fstab.Entries[1];

        root.Pass = 2;
        swap.SetOption("pri", "5");
        root.MountPoint = "/mnt";
        swap.Dump = 1;

        Assert.Equal(
            "/dev/xvda1 /mnt ext4 defaults 0 2\n/dev/xvdb1 /srv ext4 defaults 0 x\n/dev/xvda2 none swap sw,pri=5 1 0\n",
            fstab.ToString());
        Assert.Same(root, fstab.Find("/mnt"));
        Assert.Equal((2, 1), (root.Pass, swap.Dump));
        Assert.Equal(3, swap.LineNumber);
        Assert.Equal(Fresh(fstab.Document), Describe(fstab.Diagnostics));
    }

    [Fact]
    public void A_file_whose_edits_leave_no_rejected_line_stays_free_of_diagnostics_and_saves_the_edit()
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse("/dev/xvda1 / ext4 defaults 0 1\n"));
        var entry = fstab.Entries.Single();

        entry.Options = MountOptions.Parse("noatime");
        entry.Pass = 2;

        Assert.Empty(fstab.Diagnostics);
        Assert.Equal("/dev/xvda1 / ext4 noatime 0 2\n", fstab.Document.SourceText.Content);
        Assert.Equal(fstab.Document.SourceText.GetBytes(fstab.ToString()), fstab.Document.ToBytes());
    }

    [Theory]
    [InlineData("/dev/xvda1 / ext4 defaults 0 1", "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvdb1 /srv xfs defaults 0 2")]
    [InlineData("/dev/xvda1 / ext4 defaults 0 1\r", "/dev/xvda1 / ext4 defaults 0 1\r\n/dev/xvdb1 /srv xfs defaults 0 2")]
    [InlineData("a / ext4 defaults 0 1\r\nb /x ext4 defaults 0 1\r\n", "a / ext4 defaults 0 1\r\nb /x ext4 defaults 0 1\r\n/dev/xvdb1 /srv xfs defaults 0 2\r\n")]
    public void An_entry_added_at_the_end_takes_the_files_line_break_and_keeps_the_earlier_entries_as_views(string text, string expected)
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(text));
        var first = fstab.Entries[0];

        var added = fstab.AddEntry("/dev/xvdb1", "/srv", "xfs", "defaults", 0, 2);

        Assert.Equal(expected, fstab.ToString());
        Assert.Same(first, fstab.Entries[0]);
        Assert.Same(added, fstab.Entries[^1]);
        Assert.Equal(fstab.Entries.Count, fstab.Document.EntryLines.Count());
    }

    [Fact]
    public void Removing_the_last_entry_of_a_file_without_a_final_newline_keeps_it_without_one()
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse("/dev/xvda1 / ext4 defaults 0 1\n/dev/xvdb1 /srv xfs defaults 0 2"));
        var root = fstab.Entries[0];

        Assert.True(fstab.RemoveEntry(fstab.Entries[1]));

        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1", fstab.ToString());
        Assert.Same(root, Assert.Single(fstab.Entries));
        root.Pass = 2;
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 2", fstab.ToString());
    }
}
