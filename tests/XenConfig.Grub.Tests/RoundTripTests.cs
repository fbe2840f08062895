using System.Text;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { RepositoryPaths.Corpus("grub"), RepositoryPaths.Corpus("grub2"), RepositoryPaths.SpecExamples("grub") })
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_round_trips_byte_for_byte(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var source = SourceText.From(bytes, file);
        var document = GrubMenuDocument.Parse(source);

        Assert.Equal(bytes, source.GetBytes(string.Concat(document.Lines.Select(l => l.Text))));
        AssertLinesTile(document, source.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title")]
    [InlineData("\\")]
    [InlineData("\\\n")]
    [InlineData("#\\")]
    [InlineData("title x\r\n\tkernel /a \\\r\n b\r\n")]
    [InlineData("\r\r\n\n \t \n")]
    [InlineData("kernel=\t=\t")]
    [InlineData("title a\n\u0000\u00ff\ufeff junk ((( \\\\\n")]
    public void Odd_inputs_round_trip(string text) => AssertLinesTile(GrubMenuDocument.Parse(text), text);

    [Fact]
    public void Random_bytes_round_trip_and_never_throw()
    {
        var random = new Random(42);
        const string alphabet = "title kernel module default timeout=#\\\r\n\t (hd0,1)x";
        for (var i = 0; i < 2000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 120);
            for (var j = 0; j < length; j++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var text = builder.ToString();
            AssertLinesTile(GrubMenuDocument.Parse(text), text);
        }
    }

    /// <summary>The lines, printed one after the other, are the text; each line's span holds exactly its text.</summary>
    private static void AssertLinesTile(GrubMenuDocument document, string text)
    {
        Assert.Equal(text, string.Concat(document.Lines.Select(l => l.Text)));
        var position = 0;
        foreach (var line in document.Lines)
        {
            Assert.Equal(position, line.Span.Start);
            Assert.Equal(line.Text, text.Substring(line.Span.Start, line.Span.Length));
            position = line.Span.End;
        }

        Assert.Equal(text.Length, position);
    }
}
