using XenConfig.Domain;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Tests.Domain;

/// <summary>Every file prints back byte for byte, valid or not.</summary>
public class XlRoundTripTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { RepositoryPaths.Corpus("xl"), RepositoryPaths.Corpus("xm"), RepositoryPaths.SpecExamples("xen-domain"), RepositoryPaths.InRepository("examples") })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_round_trips_byte_for_byte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var document = DomainConfigDocument.Parse(SourceText.From(bytes, path));

        Assert.Equal(bytes, document.SourceText.GetBytes(document.Syntax.ToString()));
        AssertTokensTileTheText(document);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("name = 'x'")]
    [InlineData("# only a comment")]
    [InlineData("\uFEFFname = 'x'\r\n")]
    [InlineData("a = [ 'x',\r\n 'y' ]\r\n")]
    [InlineData("a = \0\n")]
    [InlineData("a = 'x\0y'\n")]
    [InlineData("a = [[[['x'\n")]
    [InlineData("a = 'unterminated\nb = 2\n")]
    [InlineData("if x:\n  memory = 512\nelse:\n  pass\n")]
    [InlineData("a = 1 b = 2\n;;;\n= = =\n]]]\n")]
    [InlineData("a = [ , ]\nb = [ 'x',, 'y' ]\n")]
    [InlineData("\r\r\r")]
    [InlineData("a\n=\n1\n")]
    public void Odd_input_round_trips_byte_for_byte(string text)
    {
        var document = DomainConfigDocument.Parse(text);

        Assert.Equal(text, document.Syntax.ToString());
        AssertTokensTileTheText(document);
    }

    [Fact]
    public void Generated_inputs_round_trip()
    {
        var generator = new XlInputGenerator(seed: 7);
        for (var i = 0; i < 5_000; i++)
        {
            var text = generator.Next();
            var document = DomainConfigDocument.Parse(text);
            Assert.Equal(text, document.Syntax.ToString());
        }
    }

    [Fact]
    public void A_list_nested_100000_deep_gets_a_diagnostic_not_a_crash()
    {
        var text = "a = " + new string('[', 100_000) + new string(']', 100_000) + "\nname = 'x'\n";

        var document = DomainConfigDocument.Parse(text);

        Assert.Equal(text, document.Syntax.ToString());
        Assert.Contains(document.Diagnostics, d => d.Id == "XC1011");
        Assert.Equal("x", document.GetValue("name")!.Text);
    }

    private static void AssertTokensTileTheText(DomainConfigDocument document)
    {
        // Every character is owned by exactly one token or trivia, in order.
        var position = 0;
        foreach (var token in document.Syntax.DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia)
            {
                Assert.Equal(position, trivia.Span.Start);
                position = trivia.Span.End;
            }

            Assert.Equal(position, token.Span.Start);
            position = token.Span.End;
            foreach (var trivia in token.TrailingTrivia)
            {
                Assert.Equal(position, trivia.Span.Start);
                position = trivia.Span.End;
            }
        }

        Assert.Equal(document.SourceText.Length, position);
    }
}

public class XlHostileInputTests
{
    [Fact]
    public void A_line_with_100000_errors_prints_back_and_reports_the_first_100_then_a_count()
    {
        var text = "a = " + string.Concat(Enumerable.Repeat("$ ", 100_000)) + "\nname = 'x'\n";

        var document = XenConfig.Domain.DomainConfigDocument.Parse(text);

        Assert.Equal(text, document.Syntax.ToString());
        Assert.Equal(101, document.Diagnostics.Count);
        Assert.Equal("XC0014", document.Diagnostics[^1].Id);
        Assert.True(document.HasErrors);

        var all = XenConfig.Domain.DomainConfigDocument.Parse(text, options: new XenConfig.Domain.DomainConfigParseOptions { MaxDiagnostics = 0 });
        Assert.True(all.Diagnostics.Count >= 100_000);
        Assert.Equal(new XenConfig.Text.LinePosition(0, text.IndexOf('$', StringComparison.Ordinal) + 2 * 99_999), all.Diagnostics.Where(d => d.Id == "XC1001").Last().Location.Start);
    }
}
