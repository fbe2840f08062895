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
