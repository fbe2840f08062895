using System.Text;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Tests.Domain;

/// <summary>An xl setter changes the one value it is asked to, or nothing at all.</summary>
public sealed class XlWriterRefusalTests
{
    [Fact]
    public void Setting_a_character_a_latin1_file_cannot_hold_is_refused_and_changes_nothing()
    {
        var bytes = Encoding.Latin1.GetBytes("name = 'caf\u00e9'\nmemory = 512\n");
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(SourceText.From(bytes, "web01.cfg")));

        var error = Assert.Throws<ArgumentException>(() => document.Set("name", "caf\u00e9 \u20ac"));

        Assert.Contains("U+20AC", error.Message);
        Assert.Equal("name = 'caf\u00e9'\nmemory = 512\n", document.ToString());
        Assert.Equal("caf\u00e9", document.Document.GetValue("name")!.Text);
    }

    [Fact]
    public void Appending_a_key_to_a_latin1_file_with_a_character_it_cannot_hold_is_refused()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(SourceText.From(Encoding.Latin1.GetBytes("name = '\u00e9'\n"))));

        Assert.Throws<ArgumentException>(() => document.Set("description", "\u4e2d"));
        Assert.Equal("name = '\u00e9'\n", document.ToString());
    }

    [Theory]
    [InlineData("name", "web01\nmemory = 1")]
    [InlineData("name", "a\0b")]
    public void A_string_that_would_add_a_statement_is_refused(string key, string value)
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'web01'\nmemory = 512\n"));

        Assert.Throws<ArgumentException>(() => document.Set(key, value));
        Assert.Equal("name = 'web01'\nmemory = 512\n", document.ToString());
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("\"quoted\" and 'single'")]
    [InlineData("# not a comment")]
    [InlineData("a; b = 1")]
    [InlineData("back\\slash")]
    public void A_hostile_string_is_stored_so_that_only_its_key_changes(string value)
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'web01'  # n\nmemory = 512\nvif = [ 'bridge=xenbr0' ]\n"));

        document.Set("name", value);

        var reread = DomainConfigDocument.Parse(document.ToString());
        Assert.Empty(reread.Diagnostics);
        Assert.Equal(value, reread.GetValue("name")!.Text);
        Assert.Equal("512", reread.GetValue("memory")!.Text);
        Assert.Equal(SettingValue.List("bridge=xenbr0"), reread.GetValue("vif"));
        Assert.Equal(3, reread.Settings.Count);
    }

    [Fact]
    public void A_list_item_a_latin1_file_cannot_hold_is_refused_and_changes_nothing()
    {
        const string Text = "name = '\u00e9'\nvif = [ 'bridge=xenbr0' ]\n";
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(SourceText.From(Encoding.Latin1.GetBytes(Text))));

        Assert.Throws<ArgumentException>(() => document.AddListItem("vif", SettingValue.String("bridge=\u20ac")));
        Assert.Throws<ArgumentException>(() => document.ReplaceListItem("vif", 0, SettingValue.String("bridge=\u20ac")));

        Assert.Equal(Text, document.ToString());
    }

    [Fact]
    public void Hostile_list_items_change_only_their_list()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'web01'\nvif = [ 'bridge=xenbr0' ]\nmemory = 512\n"));

        document.AddListItem("vif", SettingValue.String("mac=00:16:3e:00:00:01'], memory = 1 #"));
        document.ReplaceListItem("vif", 0, SettingValue.String("bridge=\"x\" # y"));

        var reread = DomainConfigDocument.Parse(document.ToString());
        Assert.Empty(reread.Diagnostics);
        Assert.Equal(SettingValue.List("bridge=\"x\" # y", "mac=00:16:3e:00:00:01'], memory = 1 #"), reread.GetValue("vif"));
        Assert.Equal("512", reread.GetValue("memory")!.Text);
    }
}
