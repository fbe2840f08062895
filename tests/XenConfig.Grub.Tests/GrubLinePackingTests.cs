using System.Text;
using XenConfig.Grub.Model;
using XenConfig.Grub.Pygrub;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// A line keeps its numbers in one packed word (indentation up to 31 characters, the argument within the first 127 of
/// the content, a word of up to 63 that GRUB does not know, a line break of up to two characters) and a line whose
/// numbers do not fit keeps them in a side table: on either side of each limit, and past 65,535 lines, a line reads the
/// same as GRUB reads it. pygrub's images keep their root disk as numbers, and one with numbers past an int aside.
/// </summary>
public sealed class GrubLinePackingTests
{
    public static TheoryData<int, string, int, string, bool> Shapes()
    {
        var data = new TheoryData<int, string, int, string, bool>();
        // Indentation, word, blanks after the word, line break; whether the line's numbers go to the side table.
        foreach (var (indent, wide) in (ReadOnlySpan<(int, bool)>)[(0, false), (31, false), (32, true), (600, true)])
        {
            data.Add(indent, "kernel", 1, "\n", wide);
        }

        // The argument starts at the word's length plus its blanks: 6 + 121 = 127 fits, 128 does not.
        foreach (var (gap, wide) in (ReadOnlySpan<(int, bool)>)[(121, false), (122, true), (1000, true)])
        {
            data.Add(2, "kernel", gap, "\r\n", wide);
        }

        // A word GRUB does not know keeps its length: 63 fits, 64 does not.
        foreach (var (length, wide) in (ReadOnlySpan<(int, bool)>)[(63, false), (64, true), (1400, true)])
        {
            data.Add(1, new string('w', length), 1, "\n", wide);
        }

        foreach (var lineBreak in (ReadOnlySpan<string>)["\n", "\r\n", "\r", ""])
        {
            data.Add(4, "title", 3, lineBreak, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_command_line_reads_as_GRUB_reads_it_whether_its_numbers_fit_the_packed_word_or_not(int indent, string word, int gap, string lineBreak, bool wide)
    {
        // The line under test sits between two usual lines (its end is where the next one starts).
        var indentation = string.Concat(Enumerable.Repeat(" \t", indent / 2)) + (indent % 2 == 1 ? " " : string.Empty);
        var blanks = string.Concat(Enumerable.Repeat("\t=", gap / 2)) + (gap % 2 == 1 ? " " : string.Empty);
        var argument = "(hd0,1)/vmlinuz\tro quiet";
        var line = indentation + word + blanks + argument + lineBreak;
        var text = "timeout 5\n" + line + (lineBreak.Length == 0 || lineBreak == "\r" ? string.Empty : "title after\n");

        foreach (var document in Readings(text))
        {
            var parsed = document.Lines[1];
            var start = "timeout 5\n".Length;
            var content = (word + blanks + argument).Replace('\t', ' ');
            Assert.Equal(GrubLineKind.Command, parsed.Kind);
            Assert.Equal(new TextSpan(start, line.Length), parsed.Span);
            Assert.Equal(line, parsed.Text);
            Assert.Equal(content, parsed.Content);
            Assert.Equal(word, parsed.Name);
            Assert.Equal(argument.Replace('\t', ' '), parsed.Argument);
            Assert.Equal(new TextSpan(start + indent, word.Length), parsed.NameSpan);
            Assert.Equal(new TextSpan(start + indent + word.Length + gap, argument.Length), parsed.ArgumentSpan);
            Assert.False(parsed.IsTruncated);
            Assert.Equal(wide ? 1 : 0, document.LineTable.WideCount);
            Assert.Equal("timeout 5\n", document.Lines[0].Text);
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(31, false)]
    [InlineData(32, true)]
    public void A_line_longer_than_GRUBs_buffer_is_cut_at_1500_characters_in_the_packed_word_and_in_the_side_table(int indent, bool wide)
    {
        var argument = string.Concat(Enumerable.Repeat("console=hvc0 ", 200));
        var line = new string(' ', indent) + "kernel /k " + argument;
        foreach (var document in Readings("title a\n" + line + "\r\ninitrd /i\n"))
        {
            var parsed = document.Lines[1];
            Assert.True(parsed.IsTruncated);
            Assert.Equal(("kernel /k " + argument)[..1500], parsed.Content);
            Assert.Equal(("/k " + argument)[..1493], parsed.Argument);
            Assert.Equal(new TextSpan(8 + indent + 7, 1493), parsed.ArgumentSpan);
            Assert.Equal(line + "\r\n", parsed.Text);
            Assert.Equal(wide ? 1 : 0, document.LineTable.WideCount);
            Assert.Equal("/i", document.Entries[0].Initrd);
        }
    }

    [Fact]
    public void Comment_joined_and_deeply_indented_lines_past_65535_lines_read_as_the_first_ones()
    {
        // Per block: a title, a root, a comment that swallows the blank line after it, a kernel line joined by a
        // backslash-newline (GRUB makes it one space, and keeps the space that follows), an initrd indented past 31.
        var block = "title t\n   root (hd0,1)\n# note \\\n\n\tkernel /k a\\\n b\r\n" + new string(' ', 40) + "initrd /i\n";
        const int Blocks = 14_000;
        var text = string.Concat(Enumerable.Repeat(block, Blocks));
        foreach (var document in Readings(text))
        {
            var lines = document.Lines;
            Assert.Equal(5 * Blocks, lines.Count);
            Assert.True(lines.Count > ushort.MaxValue);
            Assert.Equal(3 * Blocks, document.LineTable.WideCount);
            foreach (var first in (int[])[0, 5 * (Blocks - 1)])
            {
                var offset = first / 5 * block.Length;
                Assert.Equal(first, document.LineTable.IndexAt(offset));
                Assert.Equal(new TextSpan(offset, block.Length), TextSpan.FromBounds(lines[first].Span.Start, lines[first + 4].Span.End));
                Assert.Equal(("t", "root", "(hd0,1)"), (lines[first].Argument, lines[first + 1].Name, lines[first + 1].Argument));
                Assert.Equal(new TextSpan(offset + 11, 4), lines[first + 1].NameSpan);
                Assert.Equal((GrubLineKind.Comment, true, "# note \\\n\n"), (lines[first + 2].Kind, lines[first + 2].SwallowsLine, lines[first + 2].Text));
                var kernel = lines[first + 3];
                var kernelAt = offset + block.IndexOf("kernel", StringComparison.Ordinal);
                Assert.Equal(("kernel /k a  b", "/k a  b", true), (kernel.Content, kernel.Argument, kernel.IsContinued));
                Assert.Equal(TextSpan.FromBounds(kernelAt + 7, offset + block.IndexOf(" b", StringComparison.Ordinal) + 2), kernel.ArgumentSpan);
                var initrd = lines[first + 4];
                Assert.Equal(("initrd", "/i", new TextSpan(offset + block.IndexOf("initrd", StringComparison.Ordinal), 6)), (initrd.Name, initrd.Argument, initrd.NameSpan));
            }

            Assert.Equal(Blocks, document.Entries.Count);
            Assert.Equal(("(hd0,1)", "/k", "a  b", "/i"), (document.Entries[^1].Root, document.Entries[^1].Kernel!.Path, document.Entries[^1].Kernel!.ArgumentsText, document.Entries[^1].Initrd));
        }
    }

    [Fact]
    public void A_root_disk_whose_numbers_pass_an_int_keeps_pygrubs_numbers()
    {
        using var reading = PygrubReading.Read(GrubMenuDocument.Parse(
            "title a\nroot (hd12345678901,2)\nkernel /k\ntitle b\nroot (hd3,4)\nkernel /k\ntitle c\nroot (hd0)\nkernel /k\ntitle d\nkernel /k\n").LineTable);
        Assert.Equal(4, reading.ImageCount);
        Assert.Equal(["d12345678901p2", "d3p4", "d0", null], Enumerable.Range(0, 4).Select(i => reading.GetImage(i).Root?.ToString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => reading.GetImage(4));
    }

    [Fact]
    public void Pygrub_reads_more_images_than_GRUB_has_titles_and_keeps_them_all()
    {
        // GRUB does not know 'titles', pygrub takes any line starting with 'title' (its title from the 7th character on):
        // 40 images against one title line.
        var text = "title real\nkernel /r\n" + string.Concat(Enumerable.Range(0, 39).Select(i => $"titles {i}\nkernel /k{i}\n"));
        var document = GrubMenuDocument.Parse(text);
        Assert.Equal(1, document.LineTable.TitleCount);
        using var reading = PygrubReading.Read(document.LineTable);
        Assert.Equal(40, reading.ImageCount);
        Assert.Equal(["real", .. Enumerable.Range(0, 39).Select(i => $"{i}")], Enumerable.Range(0, 40).Select(i => reading.GetImage(i).Title));
        Assert.Equal(["/r", .. Enumerable.Range(0, 39).Select(i => $"/k{i}")], Enumerable.Range(0, 40).Select(i => reading.GetImage(i).Kernel));
    }

    [Theory]
    [InlineData(27, 0, false)]
    [InlineData(28, 0, false)]
    [InlineData(29, 0, true)]
    [InlineData(0, 123, false)]
    [InlineData(0, 124, true)]
    public void An_entry_reads_the_same_whether_its_lines_fit_its_row_or_lie_in_the_side_table(int commentsBefore, int commentsAfter, bool wide)
    {
        // The kernel line lies commentsBefore + 3 lines after the title (a typed line's offset has 5 bits: 31 fit); the
        // last line (savedefault) commentsBefore + commentsAfter + 4 lines after it (7 bits: 127 fit).
        var comments = (int count) => string.Concat(Enumerable.Repeat("# c\n", count));
        var text = "title a\n" + comments(commentsBefore) + "root (hd0,1)\ninitrd /i\nkernel /k ro\n" + comments(commentsAfter)
            + "savedefault\ntitle b\nchainloader +1\n";
        var document = GrubMenuDocument.Parse(text);
        var (a, b) = (document.Entries[0], document.Entries[1]);
        Assert.Equal(("/k", "ro", "(hd0,1)", "/i", true, (string?)null), (a.Kernel!.Path, a.Kernel.ArgumentsText, a.Root, a.Initrd, a.SaveDefault, a.Chainloader));
        Assert.Equal(commentsBefore + 3, a.Kernel.LineIndex - a.TitleLineIndex);
        Assert.Equal(["root", "initrd", "kernel", "savedefault"], a.Commands.Select(c => c.Name));
        Assert.Equal(commentsBefore + commentsAfter + 4, a.LastLine - a.TitleLineIndex);
        Assert.Equal(("+1", (GrubKernel?)null, false), (b.Chainloader, b.Kernel, b.SaveDefault));
        Assert.Equal(wide, document.EntryTable.IsWide(0));
        Assert.False(document.EntryTable.IsWide(1));
    }

    // An ASCII text is read from its bytes, any text from its characters: both keep their lines in the same table.
    private static IEnumerable<GrubMenuDocument> Readings(string text) =>
        [GrubMenuDocument.Parse(SourceText.FromMemory(Encoding.ASCII.GetBytes(text))), GrubMenuDocument.Parse(text)];
}
