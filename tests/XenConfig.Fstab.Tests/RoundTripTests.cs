using XenConfig.Fstab.Model;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Fstab.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<string> CorpusFiles => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("fstab"));

    public static TheoryData<string> ExampleFiles => RepositoryPaths.FilesUnder(RepositoryPaths.SpecExamples("fstab"));

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_round_trips_byte_for_byte(string name) =>
        AssertRoundTrip(Path.Combine(RepositoryPaths.Corpus("fstab"), name));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Spec_example_round_trips_byte_for_byte(string name) =>
        AssertRoundTrip(Path.Combine(RepositoryPaths.SpecExamples("fstab"), name));

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("/dev/xvda1 / ext4 defaults 0 1")]
    [InlineData("/dev/xvda1 / ext4 defaults 0 1\r\n/dev/xvda2 none swap sw 0 0\r\n")]
    [InlineData("/dev/xvda1 / ext4 defaults 0 1\r")]
    [InlineData("junk\n  \t\n# c\r\n\t/a /b c d 1 2 extra fields # note  \n")]
    [InlineData("/dev/a /b c\0tail")]
    [InlineData("/dev/a /b c\0tail\n")]
    [InlineData("\uFEFF/dev/a /b c\n")]
    public void Odd_text_round_trips_byte_for_byte(string text) => Assert.Equal(text, FstabDocument.Parse(text).ToString());

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void GetValue_reads_every_field_of_a_corpus_file_as_its_field_view_does(string name)
    {
        var document = FstabDocument.Load(Path.Combine(RepositoryPaths.Corpus("fstab"), name));
        foreach (var line in document.EntryLines)
        {
            foreach (var kind in Enum.GetValues<Syntax.FstabFieldKind>())
            {
                Assert.Equal(line.Fields.SingleOrDefault(f => f.Kind == kind)?.Value, line.GetValue(kind));
            }
        }
    }

    [Theory]
    [InlineData("/dev/a /My\\040Files ext4 a\\054b 0 2\n", "/My Files", "a,b", "2")]
    [InlineData("/dev/a /b ext4\n", "/b", null, null)]
    public void GetValue_decodes_escapes_and_is_null_for_a_missing_field(string text, string target, string? options, string? pass)
    {
        var line = FstabDocument.Parse(text).EntryLines.Single();
        Assert.Equal(target, line.GetValue(Syntax.FstabFieldKind.Target));
        Assert.Equal(options, line.GetValue(Syntax.FstabFieldKind.Options));
        Assert.Equal(pass, line.GetValue(Syntax.FstabFieldKind.Pass));
    }

    [Fact]
    public void Very_long_line_round_trips_and_keeps_every_option()
    {
        var options = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"x-opt{i}=v{i}"));
        var text = $"/dev/xvda1 / ext4 {options} 0 1\n";
        var document = FstabDocument.Parse(text);
        Assert.Equal(text, document.ToString());
        Assert.Equal(5000, MountOptions.Parse(document.EntryLines.Single().Options!.Value).Count);
    }

    private static void AssertRoundTrip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var document = FstabDocument.Parse(SourceText.From(bytes, path));
        Assert.Equal(bytes, document.ToBytes());
        using var writer = new StringWriter();
        document.WriteTo(writer);
        Assert.Equal(document.SourceText.Content, writer.ToString());
    }
}
