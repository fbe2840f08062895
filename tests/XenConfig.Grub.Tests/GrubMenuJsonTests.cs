using XenConfig.Grub.Json;

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
}
