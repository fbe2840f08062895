using XenConfig.Domain;
using XenConfig.Domain.Model;

namespace XenConfig.Tests.Domain;

/// <summary>Edits through the tree, written as whole expected texts: only the edited bytes change.</summary>
public class XlEditTests
{
    private const string Guest = """
        # web01 — managed by hand
        name    = "web01"   # the domain name
        memory  = 0x200
        vcpus=2

        # Disks: root and swap
        disk = [ 'phy:/dev/vg0/web01-root,xvda1,w',
                 'phy:/dev/vg0/web01-swap,xvda2,w' ]
        vif  = [ 'mac=00:16:3e:00:00:01,bridge=xenbr0' ]
        extra = "console=hvc0"
        extra += " quiet"
        # end of file

        """;

    [Fact]
    public void Setting_a_number_replaces_only_the_number_token()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.Set("memory", 1024);

        Assert.Equal(Guest.Replace("memory  = 0x200", "memory  = 1024"), document.ToString());
        Assert.Equal(1024, document.Document.Settings["memory"].TryGetNumber(out var n) ? n : -1);
    }

    [Fact]
    public void Setting_a_string_keeps_the_quote_style_and_the_trailing_comment()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.Set("name", "web02");

        Assert.Equal(Guest.Replace("name    = \"web01\"   # the domain name", "name    = \"web02\"   # the domain name"), document.ToString());
    }

    [Fact]
    public void Setting_a_value_to_what_it_already_is_changes_no_byte()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.Set("memory", SettingValue.NumberToken("512")); // 0x200 is 512 for xl, but libxlu stores the text "0x200"
        document.Set("name", "web01");
        document.Set("vcpus", SettingValue.String("2"));          // libxlu cannot tell "2" from 2
        document.Set("extra", "console=hvc0 quiet");              // the effective value of extra and extra +=

        Assert.Equal(Guest.Replace("memory  = 0x200", "memory  = 512"), document.ToString());
    }

    [Fact]
    public void A_no_op_set_leaves_the_text_identical()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.Set("name", "web01");
        document.Set("disk", SettingValue.List("phy:/dev/vg0/web01-root,xvda1,w", "phy:/dev/vg0/web01-swap,xvda2,w"));

        Assert.Equal(Guest, document.ToString());
    }

    [Fact]
    public void Setting_a_key_built_with_plus_equals_rewrites_the_last_assignment_as_equals()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.Set("extra", "console=hvc0 single");

        Assert.Equal(Guest.Replace("extra += \" quiet\"", "extra = \"console=hvc0 single\""), document.ToString());
        Assert.Equal("console=hvc0 single", document.Document.GetValue("extra")!.Text);
    }

    [Fact]
    public void Adding_a_key_appends_it_before_the_trailing_comments_in_the_file_style()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.Set("maxmem", 2048);
        document.Set("on_crash", "preserve");

        Assert.Equal(Guest.Replace("# end of file", "maxmem = 2048\non_crash = \"preserve\"\n# end of file"), document.ToString());
    }

    [Fact]
    public void Adding_a_key_to_a_file_without_final_newline_starts_a_new_line()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'a'"));

        document.Set("memory", 256);

        Assert.Equal("name = 'a'\nmemory = 256\n", document.ToString());
        Assert.False(document.Document.HasErrors);
    }

    [Fact]
    public void Adding_to_a_tight_file_uses_no_spaces_around_equals()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name=\"a\"\nmemory=128\n"));

        document.Set("vcpus", 2);

        Assert.Equal("name=\"a\"\nmemory=128\nvcpus=2\n", document.ToString());
    }

    [Fact]
    public void Removing_a_key_takes_its_comment_block_and_keeps_the_section_comment()
    {
        const string text = "name = 'a'\n\n# === Storage ===\n\n# the disks\n# two of them\ndisk = [ 'x' ] # inline\nvif = []\n";
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));

        Assert.True(document.Remove("disk"));

        Assert.Equal("name = 'a'\n\n# === Storage ===\n\nvif = []\n", document.ToString());
    }

    [Fact]
    public void Removing_a_key_removes_every_assignment_of_it()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.Remove("extra");

        Assert.Equal(Guest.Replace("extra = \"console=hvc0\"\nextra += \" quiet\"\n", ""), document.ToString());
        Assert.Null(document.Document.GetValue("extra"));
    }

    [Fact]
    public void Removing_one_of_two_statements_on_a_line_keeps_the_other()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("a = 1; b = 2\nc = 3\n"));

        document.Remove("a");

        Assert.Equal("b = 2\nc = 3\n", document.ToString());
    }

    [Fact]
    public void Removing_an_unset_key_returns_false_and_changes_nothing()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        Assert.False(document.Remove("cpus"));
        Assert.Equal(Guest, document.ToString());
    }

    [Fact]
    public void Replacing_a_list_item_changes_only_that_item()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(Guest));

        document.ReplaceListItem("disk", 1, SettingValue.String("phy:/dev/vg1/web01-swap,xvda2,w"));

        Assert.Equal(Guest.Replace("'phy:/dev/vg0/web01-swap,xvda2,w'", "'phy:/dev/vg1/web01-swap,xvda2,w'"), document.ToString());
    }

    [Fact]
    public void Inserting_into_a_one_item_per_line_list_adds_a_line_with_the_same_indent()
    {
        const string text = "disk = [\n    'a',\n    'b', # second\n]\n";
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));

        document.InsertListItem("disk", 1, SettingValue.String("new"));
        document.InsertListItem("disk", 3, SettingValue.String("last"));

        Assert.Equal("disk = [\n    'a',\n    'new',\n    'b', # second\n    'last',\n]\n", document.ToString());
        Assert.Equal(SettingValue.List("a", "new", "b", "last"), document.Document.GetValue("disk"));
    }

    [Fact]
    public void Appending_to_a_multi_line_list_without_trailing_comma_adds_one()
    {
        const string text = "vif = [\n  'bridge=xenbr0' # main\n]\n";
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));

        document.AddListItem("vif", SettingValue.String("bridge=xenbr1"));

        Assert.Equal("vif = [\n  'bridge=xenbr0', # main\n  'bridge=xenbr1'\n]\n", document.ToString());
    }

    [Theory]
    [InlineData("vif = [ 'a', 'b' ]\n", 2, "vif = [ 'a', 'b', 'c' ]\n")]
    [InlineData("vif = [ 'a', 'b' ]\n", 0, "vif = [ 'c', 'a', 'b' ]\n")]
    [InlineData("vif = ['a',]\n", 1, "vif = ['a', 'c',]\n")]
    [InlineData("vif = []\n", 0, "vif = ['c']\n")]
    [InlineData("vif = [ ]\n", 0, "vif = [ 'c' ]\n")]
    public void Inserting_into_a_one_line_list_keeps_it_on_one_line(string text, int index, string expected)
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));

        document.InsertListItem("vif", index, SettingValue.String("c"));

        Assert.Equal(expected, document.ToString());
    }

    [Theory]
    [InlineData("vif = [ 'a', 'b', 'c' ]\n", 1, "vif = [ 'a', 'c' ]\n")]
    [InlineData("vif = [ 'a', 'b', 'c' ]\n", 2, "vif = [ 'a', 'b' ]\n")]
    [InlineData("vif = [ 'a' ]\n", 0, "vif = [  ]\n")]
    [InlineData("vif = [\n  'a',\n  'b', # gone\n  'c'\n]\n", 1, "vif = [\n  'a',\n  'c'\n]\n")]
    public void Removing_a_list_item_takes_its_comma(string text, int index, string expected)
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));

        document.RemoveListItem("vif", index);

        Assert.Equal(expected, document.ToString());
        Assert.False(document.Document.HasErrors);
    }

    [Fact]
    public void List_item_indices_follow_the_effective_list_across_plus_equals()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("disk = [ 'a' ]\ndisk += [ 'b', 'c' ]\n"));

        document.ReplaceListItem("disk", 2, SettingValue.String("z"));

        Assert.Equal("disk = [ 'a' ]\ndisk += [ 'b', 'z' ]\n", document.ToString());
    }

    [Theory]
    [InlineData("Memory")]
    [InlineData("on-crash")]
    [InlineData("_x")]
    [InlineData("")]
    [InlineData("a b")]
    public void Writers_refuse_keys_xl_rejects(string key)
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(""));

        Assert.Throws<ArgumentException>(() => document.Set(key, 1));
        Assert.Equal("", document.ToString());
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("nul\0byte")]
    public void Writers_refuse_strings_xl_cannot_carry(string value)
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'a'\n"));

        Assert.Throws<ArgumentException>(() => document.Set("name", value));
        Assert.Throws<ArgumentException>(() => document.Set("disk", SettingValue.List("ok", value)));
        Assert.Equal("name = 'a'\n", document.ToString());
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("say \"hi\"")]
    [InlineData(@"C:\temp\vmlinuz")]
    [InlineData(@"\101 and \x41")]
    [InlineData("tab\there and a\rcarriage return")]
    [InlineData("# not a comment ; nor = an assignment")]
    [InlineData("grüße 日本")]
    public void Written_strings_read_back_exactly_and_inject_nothing(string value)
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'a'\nmemory = 1\n"));

        document.Set("name", value);
        document.Set("extra", value);

        var reread = DomainConfigDocument.Parse(document.ToString());
        Assert.False(reread.HasErrors, string.Join("\n", reread.Diagnostics));
        Assert.Equal(value, reread.GetValue("name")!.Text);
        Assert.Equal(value, reread.GetValue("extra")!.Text);
        Assert.Equal(["name", "memory", "extra"], reread.Settings.Keys);
    }

    [Fact]
    public void Negative_numbers_are_written_quoted_because_xl_has_no_bare_negatives()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("rtc_timeoffset = 0\n"));

        document.Set("rtc_timeoffset", -3600);

        Assert.Equal("rtc_timeoffset = \"-3600\"\n", document.ToString());
        Assert.True(document.Document.Settings["rtc_timeoffset"].TryGetNumber(out var seconds));
        Assert.Equal(-3600, seconds);
    }

    [Fact]
    public void A_long_new_list_is_written_one_item_per_line()
    {
        var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(""));

        document.Set("disk", SettingValue.List("phy:/dev/vg0/a-very-long-volume-name-root,xvda1,w", "phy:/dev/vg0/a-very-long-volume-name-swap,xvda2,w"));

        Assert.Equal("disk = [\n    \"phy:/dev/vg0/a-very-long-volume-name-root,xvda1,w\",\n    \"phy:/dev/vg0/a-very-long-volume-name-swap,xvda2,w\",\n]\n", document.ToString());
    }

    [Fact]
    public void Save_writes_atomically_and_keeps_crlf_and_bom_bytes_it_did_not_edit()
    {
        var folder = Directory.CreateTempSubdirectory("xenconfig-save-").FullName;
        try
        {
            var path = Path.Combine(folder, "guest.cfg");
            var original = "\uFEFF# comment\r\nname = 'a' # x\r\nmemory = 128\r\n";
            File.WriteAllText(path, original, new System.Text.UTF8Encoding(false));

            var document = DomainConfigDocument.Load(path);
            document.Set("memory", 256);
            document.Save();

            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(original.Replace("128", "256")), File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
