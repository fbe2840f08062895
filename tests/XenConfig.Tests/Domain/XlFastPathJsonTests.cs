using System.Text.Json;
using XenConfig.Domain;
using XenConfig.Domain.Json;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Tests.Domain;

/// <summary>
/// <c>show --format json</c> of a file the fast pass reads is written from that pass, without the tree. It must be
/// byte for byte what the tree gives: for every xl file of the corpus as it is, and concatenated with itself (every key
/// assigned again: XC1014 on each, last wins).
/// </summary>
public class XlFastPathJsonTests
{
    private static readonly DomainConfigParseOptions TreeOnly = new() { FastPass = false };

    public static TheoryData<string, bool> Files()
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Corpus("xl"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(path, false);
            data.Add(path, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_json_of_the_fast_pass_is_the_json_of_the_tree(string path, bool twice)
    {
        var text = Read(path, twice);

        var fast = DomainConfigDocument.Parse(SourceText.From(text, path));
        var tree = DomainConfigDocument.Parse(SourceText.From(text, path), TreeOnly);

        Assert.Equal(Json(tree), Json(fast));
        Assert.True(tree.IsTreeBuilt);
    }

    [Theory]
    [InlineData("memory += 512\n")] // a number built with '+=' is no number to xl, even as the only assignment
    [InlineData("memory = 512\nmemory += 1\nvcpus = 2\nvcpus = 4\n")]
    [InlineData("disk = ['phy:/dev/a,xvda,w']\ndisk += ['phy:/dev/b,xvdb,w']\ndisk = ['phy:/dev/c,xvdc,w']\ndisk += []\n")]
    [InlineData("extra = \"a\\101b\"\nextra = ['\\377', \"z\\555\"]\n")] // mangled escapes: XC1004 and XC1014 in file order
    [InlineData("extra = 'a'\nfoo = 1\nextra = ['b']\nextra += ['c', ['d']]\nfoo += '2'\nfoo = '3'\n")]
    public void The_json_of_repeated_keys_and_mangled_escapes_is_the_json_of_the_tree(string text)
    {
        var fast = DomainConfigDocument.Parse(text);
        var tree = DomainConfigDocument.Parse(text, options: TreeOnly);

        Assert.Equal(Json(tree), Json(fast));
        Assert.False(fast.IsTreeBuilt);
    }

    [Fact]
    public void Most_corpus_files_are_read_by_the_fast_pass_alone_and_twice()
    {
        var files = Files().Select(row => ((string)row[0], (bool)row[1])).ToList();
        var fast = files.Count(file =>
        {
            var document = DomainConfigDocument.Parse(SourceText.From(Read(file.Item1, file.Item2), file.Item1));
            _ = Json(document);
            return !document.IsTreeBuilt;
        });

        Assert.True(fast * 2 > files.Count, $"{fast} of {files.Count} read without the tree");
    }

    private static byte[] Read(string path, bool twice)
    {
        var bytes = File.ReadAllBytes(path);
        if (!twice)
        {
            return bytes;
        }

        byte[] separator = bytes.Length > 0 && bytes[^1] == '\n' ? [] : [(byte)'\n'];
        return [.. bytes, .. separator, .. bytes];
    }

    private static string Json(DomainConfigDocument document)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, DomainConfigJson.WriterOptions))
        {
            DomainConfigJson.Write(writer, document);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
