using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Tests;

public sealed class ParserTests
{
    [Fact]
    public void Logical_lines_follow_grubs_byte_reader()
    {
        var document = GrubMenuDocument.Parse("  # c \\\nswallowed\n\n\ttitle=\t=A\tB \r\nkernel /a \\\r\n   x=1\\\\\n", null, new GrubParseOptions { PygrubChecks = false });
        Assert.Equal([GrubLineKind.Comment, GrubLineKind.Blank, GrubLineKind.Command, GrubLineKind.Command], document.Lines.Select(l => l.Kind));
        Assert.True(document.Lines[0].SwallowsLine);
        Assert.Equal("title", document.Lines[2].Name);
        Assert.Equal("A B ", document.Lines[2].Argument);
        // Even a doubled backslash before the newline continues the line (the second one re-arms the escape).
        Assert.Equal("kernel /a     x=1\\ ", document.Lines[3].Content);
        Assert.True(document.Lines[3].IsContinued);
        Assert.Equal("/a", document.Entries[0].Kernel!.Path);
        Assert.Equal("x=1\\ ", document.Entries[0].Kernel!.ArgumentsText);
    }

    [Fact]
    public void Spans_of_name_and_argument_point_into_the_source()
    {
        const string text = "title a\n\tkernel\t=\t/vmlinuz root=/dev/xvda1\r\n";
        var line = GrubMenuDocument.Parse(text).Lines[1];
        Assert.Equal("kernel", text.Substring(line.NameSpan.Start, line.NameSpan.Length));
        Assert.Equal("/vmlinuz root=/dev/xvda1", text.Substring(line.ArgumentSpan.Start, line.ArgumentSpan.Length));
    }

    [Fact]
    public void Lines_longer_than_grubs_buffer_are_cut_and_reported()
    {
        var text = "title a\nkernel /vmlinuz " + new string('x', 2000) + "\n";
        var document = GrubMenuDocument.Parse(text, null, new GrubParseOptions { PygrubChecks = false });
        Assert.Equal(1500, document.Lines[1].Content.Length);
        Assert.True(document.Lines[1].IsTruncated);
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4006");
        Assert.Equal(text, string.Concat(document.Lines.Select(l => l.Text)));
    }

    [Fact]
    public void Fallback_with_a_repeated_number_is_ignored_like_grub_0_97_does()
    {
        var document = GrubMenuDocument.Parse("fallback 1 1 2\ntitle a\nkernel /a\ntitle b\nkernel /b\ntitle c\nkernel /c\n");
        Assert.Empty(GrubMenu.FromDocument(document).Fallback);
        Assert.Contains(document.Diagnostics, d => d.Id == "XC4004" && d.Message.Contains("repeated", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_past_the_end_uses_the_first_existing_fallback()
    {
        var document = GrubMenuDocument.Parse("default 7\nfallback 9 1\ntitle a\nkernel /a\ntitle b\nkernel /b\n");
        var menu = GrubMenu.FromDocument(document);
        Assert.Equal(1, menu.DefaultEntryIndex);
    }

    /// <summary>Menus GRUB reads fine but cannot boot: the parser reports nothing; GrubMenuValidator does (XC4007-XC4012).</summary>
    [Theory]
    [InlineData("title empty\ntitle real\nkernel /vmlinuz\n")]
    [InlineData("title a\nmodule /vmlinuz\nkernel /xen.gz\n")]
    [InlineData("title y\nkernel /xen.gz\nmodule /vmlinuz\ninitrd /initrd.img\n")]
    [InlineData("# only a comment\n")]
    [InlineData("default 7\ntitle a\nkernel /a\n")]
    [InlineData("title a\nroot (hd0,0)\n")]
    [InlineData("title x\nkernel /boot/xen-4.17-amd64.gz dom0_mem=1G\n")]
    public void The_parser_leaves_boot_checks_to_the_validator(string text)
    {
        var document = GrubMenuDocument.Parse(text, null, new GrubParseOptions { PygrubChecks = false });
        Assert.Empty(document.Diagnostics);
        Assert.False(document.HasErrors);
    }

    [Fact]
    public void Malformed_devices_and_kernel_types_are_errors()
    {
        var document = GrubMenuDocument.Parse("title x\nroot (hd0,300)\nkernel --type=plan9 (hd0,0/vmlinuz\n");
        Assert.Equal(3, document.Diagnostics.Count(d => d.Id == "XC4005"));
    }

    [Fact]
    public void Pygrub_rejects_a_negative_default()
    {
        var document = GrubMenuDocument.Parse("default -1\ntitle a\nkernel /a\n");
        var rejection = Assert.Single(document.Diagnostics, d => d.Id == "XC4013");
        Assert.Equal(1, rejection.Location.Start.DisplayLine);
        Assert.Equal(0, GrubMenu.FromDocument(document).DefaultEntryIndex);
    }

    [Fact]
    public void Pygrub_checks_can_be_turned_off()
    {
        var document = GrubMenuDocument.Parse("timeout = 7\ntitle a\nkernel /a\n", null, new GrubParseOptions { PygrubChecks = false });
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Strict_parse_throws_with_every_diagnostic_and_try_parse_returns_them()
    {
        const string bad = "title a\nkernel /x\ntimeout 5\nroot (hd0,300)\n";
        var exception = Assert.Throws<XenConfigException>(() => GrubMenu.Parse(bad, "/boot/grub/menu.lst"));
        Assert.Contains(exception.Diagnostics, d => d.Id == "XC4003");
        Assert.Contains(exception.Diagnostics, d => d.Id == "XC4005");
        Assert.StartsWith("/boot/grub/menu.lst(3,1): error XC4003", exception.Message, StringComparison.Ordinal);
        Assert.False(GrubMenu.TryParse(bad, out var menu, out var diagnostics));
        Assert.Null(menu);
        Assert.NotEmpty(diagnostics);
        Assert.True(GrubMenu.TryParse("title a\nkernel /x\n", out menu, out _));
        Assert.Equal("a", menu.Entries[0].Title);
    }

    [Fact]
    public void Every_grub_id_is_registered_with_its_severity()
    {
        var expected = new Dictionary<string, DiagnosticSeverity>
        {
            ["XC4001"] = DiagnosticSeverity.Warning, ["XC4002"] = DiagnosticSeverity.Error, ["XC4003"] = DiagnosticSeverity.Error,
            ["XC4004"] = DiagnosticSeverity.Warning, ["XC4005"] = DiagnosticSeverity.Error, ["XC4006"] = DiagnosticSeverity.Warning,
            ["XC4007"] = DiagnosticSeverity.Warning, ["XC4008"] = DiagnosticSeverity.Error, ["XC4009"] = DiagnosticSeverity.Error,
            ["XC4010"] = DiagnosticSeverity.Error, ["XC4011"] = DiagnosticSeverity.Error, ["XC4012"] = DiagnosticSeverity.Error,
            ["XC4013"] = DiagnosticSeverity.Warning, ["XC4014"] = DiagnosticSeverity.Warning, ["XC4015"] = DiagnosticSeverity.Warning,
            ["XC4016"] = DiagnosticSeverity.Warning, ["XC4017"] = DiagnosticSeverity.Warning, ["XC4018"] = DiagnosticSeverity.Warning,
            ["XC4019"] = DiagnosticSeverity.Warning, ["XC4020"] = DiagnosticSeverity.Warning,
        };
        foreach (var (id, severity) in expected)
        {
            Assert.Equal(severity, DiagnosticIds.Find(id)?.DefaultSeverity);
        }
    }
}
