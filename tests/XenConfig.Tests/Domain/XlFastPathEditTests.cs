using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Tests.Domain;

/// <summary>
/// <c>set</c> on a file the fast pass read is located, written and checked from the scans of the text before and after,
/// without a tree. It must write exactly what the edit through the tree writes, and refuse exactly what it refuses.
/// </summary>
public class XlFastPathEditTests
{
    private static readonly DomainConfigParseOptions TreeOnly = new() { FastPass = false };

    private static readonly SettingValue[] Values =
    [
        SettingValue.Number(4096),
        SettingValue.String("a b"),
        SettingValue.String("it's \"quoted\""),
        SettingValue.List("phy:/dev/vg0/a,xvda,w", "phy:/dev/vg0/b,xvdb,w"),
        SettingValue.List(Enumerable.Range(0, 12).Select(i => $"phy:/dev/vg0/long-volume-name-{i},xvd{(char)('a' + i)},w").ToArray()),
        SettingValue.List(),
    ];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Corpus("xl"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Setting_each_key_of_a_corpus_file_writes_what_the_tree_edit_writes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var keys = DomainConfigDocument.Parse(SourceText.From(bytes, path), TreeOnly).Settings.Keys.Append("not.set.before").ToList();
        foreach (var key in keys)
        {
            foreach (var value in Values.Append(DomainConfigDocument.Parse(SourceText.From(bytes, path)).GetValue(key) ?? SettingValue.Number(1)))
            {
                AssertSameEdit(SourceText.From(bytes, path), key, value);
            }
        }
    }

    [Theory]
    [InlineData("memory = 512\nmemory = 1024\nname = 'x'\n", "memory")] // XC1014 before and after
    [InlineData("memory = 512\nextra += 'a'\nextra += 'b'\n", "extra")] // last set with '+=': the tree edit turns it into '='
    [InlineData("name = \"a\\101b\"\nkernel = 'k'\n", "kernel")] // XC1004 elsewhere stays
    [InlineData("name = \"a\\101b\"\nkernel = 'k'\n", "name")] // the key's own XC1004 goes
    [InlineData("disk = [ 1, # one\n  'x' ]\ntype = 'pv'\n", "disk")] // the quote of the value's first string
    [InlineData("a = 1\nb = 2\n", "b")] // no string in the file: the default quote
    [InlineData("a = 1\nb = 2", "b")] // at the very end of the file
    public void Setting_a_key_of_a_scanned_file_writes_what_the_tree_edit_writes(string text, string key)
    {
        foreach (var value in Values)
        {
            AssertSameEdit(SourceText.From(text), key, value);
        }
    }

    [Fact]
    public void Setting_a_key_of_a_clean_file_builds_no_tree()
    {
        var disks = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"    'phy:/dev/vg0/d{i},xvd{i},w',\n"));
        var document = DomainConfigDocument.Parse("name = 'big'\nmemory = 1024\ndisk = [\n" + disks + "]\nmemory = 2048\n");
        var config = DomainConfig.FromDocument(document);

        config.Set("memory", SettingValue.Number(4096));

        Assert.False(document.IsTreeBuilt);
        Assert.EndsWith("]\nmemory = 4096\n", document.ToString(), StringComparison.Ordinal);
        Assert.Equal(4096, config.Memory);
    }

    private static void AssertSameEdit(SourceText text, string key, SettingValue value)
    {
        var fast = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));
        var tree = DomainConfig.FromDocument(DomainConfigDocument.Parse(text, TreeOnly));

        Assert.Equal(Outcome(tree, key, value), Outcome(fast, key, value));
        Assert.Equal(tree.Document.Diagnostics.Select(d => d.ToString()), fast.Document.Diagnostics.Select(d => d.ToString()));
    }

    private static string Outcome(DomainConfig config, string key, SettingValue value)
    {
        try
        {
            config.Set(key, value);
            return config.ToString();
        }
        catch (ArgumentException exception)
        {
            return "refused: " + exception.Message + "\n" + config.ToString();
        }
    }
}
