using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using XenConfig.Grub.Json;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

public sealed class GrubMenuJsonTests
{
    [Fact]
    public void Json_projection_follows_the_cli_contract()
    {
        var document = GrubMenuDocument.Parse(
            "default saved\ntimeout 5\ntitle Xen\n\troot (hd0,0)\n\tkernel /xen.gz dom0_mem=1G\n\tmodule /vmlinuz root=/dev/sda1 ro\n\tmodule /initrd.img\n" +
            "title Linux \"quoted\"\n\tkernel (hd0,0)/vmlinuz\n\tinitrd /initrd.img\n\tbogus\n",
            "/boot/grub/menu.lst",
            new GrubParseOptions { PygrubChecks = false });

        const string expected =
            "{\"kind\":\"grub\",\"default\":0,\"defaultSaved\":true,\"timeout\":5,\"entries\":[" +
            "{\"title\":\"Xen\",\"root\":\"(hd0,0)\",\"kernel\":\"/xen.gz\",\"args\":\"dom0_mem=1G\",\"initrd\":null," +
            "\"modules\":[{\"path\":\"/vmlinuz\",\"args\":\"root=/dev/sda1 ro\"},{\"path\":\"/initrd.img\",\"args\":null}]}," +
            "{\"title\":\"Linux \\u0022quoted\\u0022\",\"root\":null,\"kernel\":\"(hd0,0)/vmlinuz\",\"args\":null,\"initrd\":\"/initrd.img\",\"modules\":[]}]," +
            "\"diagnostics\":[{\"id\":\"XC4001\",\"severity\":\"warning\",\"category\":\"syntax\",\"message\":\"unknown command \\u0027bogus\\u0027; GRUB ignores the line\",\"path\":\"/boot/grub/menu.lst\",\"line\":11,\"column\":2}]}";
        Assert.Equal(expected, GrubMenuJson.ToJson(document));
    }

    [Fact]
    public void Json_of_a_menu_without_entries_has_null_default_and_timeout()
    {
        var json = GrubMenuJson.ToJson(GrubMenuDocument.Parse("# nothing\n", null, new GrubParseOptions { PygrubChecks = false }));
        Assert.Equal("{\"kind\":\"grub\",\"default\":null,\"defaultSaved\":false,\"timeout\":null,\"entries\":[],\"diagnostics\":[]}", json);
    }

    [Fact]
    public void Json_lists_the_diagnostics_it_is_given_instead_of_the_documents()
    {
        var document = GrubMenuDocument.Parse("bogus\n", null, new GrubParseOptions { PygrubChecks = false });
        var semantic = XenConfig.Diagnostics.DiagnosticIds.GrubNoEntries.Create(document.GetLocation(document.Lines[0]), "no entry");
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            GrubMenuJson.Write(writer, document, [.. document.Diagnostics, semantic]);
        }

        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"id\":\"XC4001\"", json, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"XC4009\",\"severity\":\"error\",\"category\":\"boot\",\"message\":\"no entry\"", json, StringComparison.Ordinal);
    }

    public static TheoryData<string> CorpusMenus() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("grub"));

    // The values the projection writes from a menu's characters, read from ASCII bytes and from a string: tabs in
    // titles and arguments, characters JSON escapes (control characters too), backslash-continued lines, modules with
    // and without arguments, entries without root, kernel or initrd.
    private const string Tricky =
        "default 1\ntimeout 3\ntitle\tXen <4.17> & \"dom0\"\t\n\troot\t(hd0,0)\n\tkernel\t/xen.gz\tdom0_mem=1G\tloglvl='all'\t\n" +
        "\tmodule\t/vmlinuz\troot=/dev/sda1\tro\n\tmodulenounzip /initrd.img\n\tmodule /x.gz a\\\n b\n" +
        "title Linux\n\tkernel --type=linux (hd0,1)/vmlinuz ro \\\n  quiet\n\tinitrd\t(hd0,1)/initrd.img\n" +
        "title chain\nrootnoverify (hd1,0)\nchainloader +1\ntitle bare\nkernel /k\ntitle control\u0001 \\ \u007f\nkernel /k \u001b[0m\n";

    [Theory]
    [MemberData(nameof(CorpusMenus))]
    public void Json_of_a_corpus_menu_read_from_bytes_is_the_json_of_its_model(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus("grub"), name));

        AssertJsonIsTheModels(SourceText.From(bytes, name));
    }

    [Fact]
    public void Json_written_from_a_menus_characters_is_the_json_of_its_model_whether_read_from_bytes_or_a_string()
    {
        AssertJsonIsTheModels(SourceText.From(Encoding.ASCII.GetBytes(Tricky), "menu.lst"));
        AssertJsonIsTheModels(SourceText.From(Tricky, "menu.lst"));
        AssertJsonIsTheModels(SourceText.From("title Gr\u00fcn\tos\nkernel /k\tx\u00e9\n", "menu.lst"));
    }

    // The projection against the same fields written from the model's string properties, with the default encoder
    // and the CLI's.
    private static void AssertJsonIsTheModels(SourceText text)
    {
        var document = GrubMenuDocument.Parse(text);
        foreach (var encoder in new[] { JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            var options = new JsonWriterOptions { Encoder = encoder };
            Assert.Equal(Entries(Write(options, w => ModelEntries(w, document))), Entries(Write(options, w => GrubMenuJson.Write(w, document))));
        }
    }

    private static void ModelEntries(Utf8JsonWriter writer, GrubMenuDocument document)
    {
        var menu = XenConfig.Grub.Model.GrubMenu.FromDocument(document);
        writer.WriteStartObject();
        writer.WriteString("kind", "grub");
        if (menu.DefaultEntryIndex is { } index)
        {
            writer.WriteNumber("default", index);
        }
        else
        {
            writer.WriteNull("default");
        }

        writer.WriteBoolean("defaultSaved", menu.IsDefaultSaved);
        if (menu.Timeout is { } timeout)
        {
            writer.WriteNumber("timeout", timeout);
        }
        else
        {
            writer.WriteNull("timeout");
        }

        writer.WriteStartArray("entries");
        foreach (var entry in menu.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("title", entry.Title);
            writer.WriteString("root", entry.Root);
            writer.WriteString("kernel", entry.Kernel?.Path);
            writer.WriteString("args", entry.Kernel?.ArgumentsText);
            writer.WriteString("initrd", entry.Initrd);
            writer.WriteStartArray("modules");
            foreach (var module in entry.Modules)
            {
                writer.WriteStartObject();
                writer.WriteString("path", module.Path);
                writer.WriteString("args", module.ArgumentsText);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("diagnostics");
        writer.WriteStartArray();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Entries(string json) => json[..json.IndexOf("\"diagnostics\":", StringComparison.Ordinal)];

    private static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
