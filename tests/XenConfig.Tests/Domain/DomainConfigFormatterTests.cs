using XenConfig.Domain;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Tests.Domain;

public class DomainConfigFormatterTests
{
    [Fact]
    public void Formats_to_one_statement_per_line_with_comments_kept()
    {
        const string text = "# guest\r\n\r\n\r\nname='a';memory=0x200 # in MiB\r\nvif=['bridge=xenbr0',]\r\n;\r\n# tail";
        var document = DomainConfigDocument.Parse(text);

        var formatted = DomainConfigFormatter.Format(document);

        Assert.Equal("# guest\n\nname = 'a'\nmemory = 0x200  # in MiB\nvif = [ 'bridge=xenbr0' ]\n# tail\n", formatted);
    }

    [Fact]
    public void Long_lists_go_one_item_per_line_and_keep_their_comments()
    {
        const string text = "disk = [ 'phy:/dev/vg0/guest-root,xvda1,w', # root\n  # swap follows\n  'phy:/dev/vg0/guest-swap,xvda2,w' ]\n";

        var formatted = DomainConfigFormatter.Format(DomainConfigDocument.Parse(text));

        Assert.Equal("disk = [\n    'phy:/dev/vg0/guest-root,xvda1,w',  # root\n    # swap follows\n    'phy:/dev/vg0/guest-swap,xvda2,w',\n]\n", formatted);
    }

    [Theory]
    [InlineData("\uFEFFname = 'a'\n", "name = 'a'\n")]
    [InlineData("Memory = 512\non-crash = 'destroy'\n", "memory = 512\non_crash = 'destroy'\n")]
    [InlineData("name = 'a'\n# final comment", "name = 'a'\n# final comment\n")]
    public void Repairs_what_xl_rejects_but_a_person_meant(string text, string expected)
    {
        var document = DomainConfigDocument.Parse(text);
        Assert.True(document.HasErrors);

        var formatted = DomainConfigFormatter.Format(document);

        Assert.Equal(expected, formatted);
        Assert.False(DomainConfigDocument.Parse(formatted).HasErrors);
    }

    [Fact]
    public void Refuses_files_with_real_syntax_errors()
    {
        var document = DomainConfigDocument.Parse("name = 'a' memory = 1\n");

        Assert.False(DomainConfigFormatter.CanFormat(document));
        Assert.Throws<InvalidOperationException>(() => DomainConfigFormatter.Format(document));
    }

    public static TheoryData<string> Files() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xl"));

    [Theory]
    [MemberData(nameof(Files))]
    public void Formatting_the_corpus_keeps_every_value_and_is_idempotent(string file)
    {
        var document = DomainConfigDocument.Parse(SourceText.Load(Path.Combine(RepositoryPaths.Corpus("xl"), file)));

        var once = DomainConfigFormatter.Format(document);
        var reparsed = DomainConfigDocument.Parse(once);
        var twice = DomainConfigFormatter.Format(reparsed);

        Assert.False(reparsed.HasErrors, string.Join("\n", reparsed.Diagnostics));
        Assert.Equal(document.Settings.Keys, reparsed.Settings.Keys);
        Assert.All(document.Settings, s => Assert.Equal(s.Value.Value, reparsed.Settings[s.Key].Value));
        Assert.Equal(once, twice);
    }
}
