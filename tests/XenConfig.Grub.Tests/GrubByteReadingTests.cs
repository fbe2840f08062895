using System.Text;
using XenConfig.Grub;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// An ASCII menu is read from its bytes (its text is never decoded for a parse); a menu given as a string is read from
/// its characters. Both readings must give the same document: lines, entries and diagnostics, pygrub's included.
/// </summary>
public sealed class GrubByteReadingTests
{
    public static TheoryData<string> SpecExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SpecExamples("grub")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void A_spec_example_read_from_its_bytes_is_the_document_read_from_its_text(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.SpecExamples("grub"), name));
        AssertSameReading(bytes);
    }

    [Fact]
    public void Generated_menus_read_from_their_bytes_are_the_documents_read_from_their_text()
    {
        var generator = new MenuGenerator(23);
        for (var n = 0; n < 1500; n++)
        {
            AssertSameReading(Encoding.ASCII.GetBytes(generator.Next()));
        }
    }

    [Theory]
    [InlineData("title a\\\n kernel /x\n")]
    [InlineData("title\ta\r\nroot (hd0,0)\r\nkernel\t(hd0,0)/vmlinuz ro \\\r\n quiet\r\ninitrd /i\r")]
    [InlineData("# c \\\ntitle x\nkernel /a\n")]
    [InlineData("title x\nroot (0xff,1,a)\nkernel --type=linux (hd0,0)/a b\tc\nmodule (hd0,a)/m\n")]
    public void Joined_and_odd_lines_read_from_bytes_are_the_lines_read_from_text(string text) =>
        AssertSameReading(Encoding.ASCII.GetBytes(text));

    // The byte reading finds line feeds 64 bytes at a time and keeps the next backslash or carriage return until a line
    // reaches it: lines that end, or hold one of those, on either side of a 64-byte boundary.
    [Theory]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    [InlineData(128)]
    public void Lines_ending_at_a_64_byte_boundary_read_from_bytes_are_the_lines_read_from_text(int end)
    {
        foreach (var ending in (string[])["\n", "\r\n", "\\\n", "\r", "\\", "", "\r\r\n", "\\\r\n"])
        {
            foreach (var shift in (int[])[-2, -1, 0, 1])
            {
                // "title " padded so that the line's ending starts at byte end + shift, then more lines.
                var padding = Math.Max(0, end + shift - "title ".Length);
                var text = "title " + new string('x', padding) + ending + "kernel /vmlinuz ro\n\troot (hd0,1)\r\ninitrd /i\\\n /j";
                AssertSameReading(Encoding.ASCII.GetBytes(text));
                AssertSameReading(Encoding.ASCII.GetBytes(text + "\n"));
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(192)]
    public void Texts_of_any_length_without_a_last_line_feed_read_from_bytes_as_from_text(int length)
    {
        var text = "title a\nkernel /k\n" + new string('y', length);
        AssertSameReading(Encoding.ASCII.GetBytes(text));
        AssertSameReading(Encoding.ASCII.GetBytes(new string('\n', length)));
        AssertSameReading(Encoding.ASCII.GetBytes(new string('\r', length)));
        AssertSameReading(Encoding.ASCII.GetBytes(new string('\\', length)));
    }

    [Fact]
    public void A_line_over_many_blocks_and_over_GRUBs_buffer_reads_from_bytes_as_from_text()
    {
        var longArgument = string.Concat(Enumerable.Repeat("console=hvc0 ", 300));
        AssertSameReading(Encoding.ASCII.GetBytes($"title a\nkernel /k {longArgument}\ninitrd /i\n"));
        AssertSameReading(Encoding.ASCII.GetBytes($"title a\nkernel /k {longArgument}\\\n {longArgument}\r\ninitrd /i\n"));
        AssertSameReading(Encoding.ASCII.GetBytes($"# {longArgument}\\\ntitle a\nkernel /k\n"));
    }

    [Fact]
    public void Random_texts_of_menu_pieces_and_line_breaks_read_from_bytes_as_from_text()
    {
        string[] pieces =
        [
            "title a", "title", "kernel (hd0,1)/k ro", "kernel --type=linux /k", "root (hd0,1)", "initrd /i", "module /m x",
            "default 1", "timeout=5", "#c", " ", "\t", "=", "\n", "\n", "\n", "\r", "\r\n", "\\", "\\\n", "x",
            new string('z', 61), new string(' ', 70),
        ];
        var random = new Random(12);
        for (var n = 0; n < 3000; n++)
        {
            var text = new StringBuilder();
            var count = random.Next(0, 30);
            for (var i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            AssertSameReading(Encoding.ASCII.GetBytes(text.ToString()));
        }
    }

    private static void AssertSameReading(byte[] bytes)
    {
        var fromBytes = GrubMenuDocument.Parse(SourceText.FromMemory(bytes));
        var fromText = GrubMenuDocument.Parse(SourceText.From(bytes).Content);

        Assert.Equal(fromText.Diagnostics, fromBytes.Diagnostics);
        Assert.Equal(fromText.Lines.Count, fromBytes.Lines.Count);
        for (var i = 0; i < fromText.Lines.Count; i++)
        {
            var expected = fromText.Lines[i];
            var actual = fromBytes.Lines[i];
            Assert.Equal(
                (expected.Kind, expected.Span, expected.Text, expected.Content, expected.Name, expected.Argument, expected.NameSpan, expected.ArgumentSpan),
                (actual.Kind, actual.Span, actual.Text, actual.Content, actual.Name, actual.Argument, actual.NameSpan, actual.ArgumentSpan));
            Assert.Equal((expected.IsTruncated, expected.SwallowsLine, expected.IsContinued), (actual.IsTruncated, actual.SwallowsLine, actual.IsContinued));
        }

        Assert.Equal(fromText.Entries.Count, fromBytes.Entries.Count);
        for (var e = 0; e < fromText.Entries.Count; e++)
        {
            var expected = fromText.Entries[e];
            var actual = fromBytes.Entries[e];
            Assert.Equal(
                (expected.Title, expected.Root, expected.RootDevice, expected.Kernel?.Path, expected.Kernel?.ArgumentsText, expected.Initrd, expected.Chainloader),
                (actual.Title, actual.Root, actual.RootDevice, actual.Kernel?.Path, actual.Kernel?.ArgumentsText, actual.Initrd, actual.Chainloader));
            Assert.Equal(expected.Kernel?.Options ?? [], actual.Kernel?.Options ?? []);
            Assert.Equal(expected.Modules.Select(m => (m.Path, m.ArgumentsText)), actual.Modules.Select(m => (m.Path, m.ArgumentsText)));
        }

        Assert.Equal(fromText.DefaultLine?.Span, fromBytes.DefaultLine?.Span);
        Assert.Equal(fromText.ToString(), fromBytes.ToString());
    }
}
