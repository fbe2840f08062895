using System.Text.Json;
using XenConfig.Diagnostics;
using XenConfig.Fstab.Json;
using XenConfig.Fstab.Model;
using XenConfig.Fstab.Syntax;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Fstab.Tests;

public sealed class ParserTests
{
    [Theory]
    [InlineData("/dev/xvda1\n", "XC3001", 1, 11)]
    [InlineData("/dev/xvda1 /\n", "XC3001", 1, 13)]
    [InlineData("ok / ext4\n/dev/xvda1 / ext4 defaults # note\n", "XC3002", 2, 28)]
    [InlineData("/dev/xvda1 / ext4 defaults 0 2x\n", "XC3003", 1, 30)]
    [InlineData("/dev/xvda1 / ext4 defaults 0x 2\n", "XC3002", 1, 28)]
    [InlineData("/dev/xvda1 / ext4 defaults 0 99999999999999999999 1\n", "XC3003", 1, 30)]
    [InlineData("# a\0b\n", "XC3004", 1, 4)]
    public void Rejected_lines_get_one_error_at_the_field_where_libmount_stops(string text, string id, int line, int column)
    {
        var document = FstabDocument.Parse(text, "fstab");
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal((id, DiagnosticSeverity.Error, line, column), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.Start.DisplayLine, diagnostic.Location.Start.DisplayColumn));
        Assert.True(document.HasErrors);
        Assert.Equal(text, document.ToString());
        Assert.StartsWith($"fstab({line},{column}): error {id}: ", diagnostic.ToString());
    }

    [Theory]
    [InlineData("/dev/a / ext4 defaults 0 1 # note", 0, 1)]
    [InlineData("/dev/a / ext4 defaults +0 02", 0, 2)]
    [InlineData("/dev/a / ext4 defaults -1", -1, 0)]
    [InlineData("/dev/a / ext4 defaults \v3 4", 3, 4)]
    [InlineData("/dev/a / ext4 defaults 0 4294967297", 0, 1)]
    [InlineData("/dev/a / ext4 defaults 0 99999999999999999999", 0, -1)]
    public void Numbers_are_read_as_strtol_reads_them(string text, int dump, int pass)
    {
        var entry = FstabDocument.Parse(text).EntryLines.Single();
        Assert.Equal((dump, pass), (entry.DumpNumber, entry.PassNumber));
    }

    [Fact]
    public void Escapes_are_decoded_in_every_text_field_and_only_with_three_octal_digits()
    {
        var entry = FstabDocument.Parse("\\043src /mnt/my\\040disk\\x20\\04 ext\\0634 opt1\\054opt2,\\134\n").EntryLines.Single();
        Assert.Equal("#src", entry.Source.Value);
        Assert.Equal("/mnt/my disk\\x20\\04", entry.Target.Value);
        Assert.Equal("ext34", entry.FileSystemType.Value);
        Assert.Equal(["opt1", "opt2", "\\"], MountOptions.Parse(entry.Options!.Value).Select(o => o.Text));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 16_369)]
    [InlineData(0, 16_370)]
    [InlineData(0, 40_000)]
    [InlineData(16_382, 1)]
    [InlineData(16_383, 1)]
    [InlineData(70_000, 3)]
    public void Fields_read_the_same_wherever_they_start_in_a_long_line(int indentation, int targetLength)
    {
        // A line keeps where its first four fields start only while they are within 16 K of its start; past that it
        // scans for them. Both ways must find the same fields, values and trivia.
        var target = "/" + new string('t', targetLength - 1);
        var line = new string(' ', indentation) + $"/dev/a\t{target} ext4 rw,noatime\t 0 2 # c\n";
        var document = FstabDocument.Parse(line + line.Replace("/dev/a", "LABEL=x", StringComparison.Ordinal));
        var entries = document.EntryLines.ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(line + line.Replace("/dev/a", "LABEL=x", StringComparison.Ordinal), document.ToString());
        foreach (var entry in entries)
        {
            Assert.Equal(target, entry.GetValue(FstabFieldKind.Target));
            Assert.Equal("ext4", entry.GetValue(FstabFieldKind.FileSystemType));
            Assert.Equal("rw,noatime", entry.GetValue(FstabFieldKind.Options));
            Assert.Equal([new string(' ', indentation), "\t", " ", " ", "\t ", " "], entry.Fields.Select(f => f.LeadingTrivia));
            Assert.Equal(entry.Fields.Select(f => f.Value), Enum.GetValues<FstabFieldKind>().Select(entry.GetValue));
            Assert.Equal(entry.Text, string.Concat(entry.Fields.Select(f => f.ToString())) + entry.TrailingText);
            Assert.Equal((0, 2), (entry.DumpNumber, entry.PassNumber));
        }

        Assert.Equal(["/dev/a", "LABEL=x"], entries.Select(e => e.GetValue(FstabFieldKind.Source)));
    }

    [Theory]
    [InlineData("/dev/a /b c\0tail", "/dev/a /b c\0tail", 3)]
    [InlineData("/dev/a /b c d\r\0 tail", "/dev/a /b c d\r\0 tail", 4)]
    [InlineData("/dev/a /b c d 1 2\r", "/dev/a /b c d 1 2", 6)]
    public void A_last_line_keeps_its_text_after_where_libmount_stops(string text, string lineText, int fields)
    {
        var entry = FstabDocument.Parse("# x\n" + text).EntryLines.Single();
        Assert.Equal(lineText, entry.Text);
        Assert.Equal(fields, entry.Fields.Count);
        Assert.Equal(entry.Text, string.Concat(entry.Fields.Select(f => f.ToString())) + entry.TrailingText);
    }

    [Theory]
    [InlineData("/dev/a /b ext4 rw 0 1\n/dev/c /m\\040n ext4 rw 0 2\n", new[] { "/b", "/m n" })]
    [InlineData("/dev/a /b ext4 rw 0 1\n/dev/c /m\\011n ext4 rw", new[] { "/b", "/m\tn" })]
    [InlineData("/dev/a /b\\ ext4 rw\n/dev/c /m\\13 ext4 rw\n", new[] { "/b\\", "/m\\13" })]
    [InlineData("/dev/a /b ext4 rw\n# a\\040comment\n/dev/c /m ext4 rw\n", new[] { "/b", "/m" })]
    [InlineData("/dev/a /b ext4 rw\n/dev/c /m ext4 rw\n", new[] { "/b", "/m" })]
    public void Values_read_from_an_ascii_files_bytes_decode_exactly_the_lines_with_escapes(string text, string[] targets)
    {
        // A file with no backslash anywhere is not searched line by line, and a line without one reads its raw text;
        // both ways must give what the field object decodes (and what libmount reads).
        var document = FstabDocument.Parse(SourceText.FromMemory(System.Text.Encoding.ASCII.GetBytes(text)));

        Assert.Equal(targets, document.EntryLines.Select(e => e.GetValue(FstabFieldKind.Target)));
        Assert.All(document.EntryLines, e => Assert.Equal(e.Fields.Select(f => f.Value), e.Fields.Select(f => e.GetValue(f.Kind))));
        Assert.Equal(text, document.ToString());
    }

    [Fact]
    public void Lines_keep_fields_trivia_and_trailing_text()
    {
        var document = FstabDocument.Parse("\t/dev/a  /x\tauto defaults 0 0 extra # c  \r\n# comment\n   \n");
        var lines = document.Lines;
        Assert.Equal([FstabLineKind.Entry, FstabLineKind.Comment, FstabLineKind.Blank], lines.Select(l => l.Kind));
        var entry = (FstabEntryLine)lines[0];
        Assert.Equal(["\t", "  ", "\t", " ", " ", " "], entry.Fields.Select(f => f.LeadingTrivia));
        Assert.Equal(" extra # c  ", entry.TrailingText);
        Assert.Equal("\r\n", entry.LineBreak);
        Assert.Equal(" comment", ((FstabCommentLine)lines[1]).CommentText);
    }

    [Theory]
    [InlineData("UUID=0a1b", FstabSourceKind.Tag, "UUID", "0a1b")]
    [InlineData("UUID=\"0a1b\"", FstabSourceKind.Tag, "UUID", "0a1b")]
    [InlineData("LABEL='abc'def", FstabSourceKind.Tag, "LABEL", "abc")]
    [InlineData("LABEL='abc", FstabSourceKind.Pseudo, null, null)]
    [InlineData("ID=scsi-0QEMU", FstabSourceKind.Tag, "ID", "scsi-0QEMU")]
    [InlineData("UUID=", FstabSourceKind.Pseudo, null, null)]
    [InlineData("uuid=abc", FstabSourceKind.UnsupportedTag, "uuid", "abc")]
    [InlineData("/dev/xvda1", FstabSourceKind.Path, null, null)]
    [InlineData("server:/export", FstabSourceKind.Network, null, null)]
    [InlineData("sshfs#user@host:/dir", FstabSourceKind.Network, null, null)]
    [InlineData("//host/share", FstabSourceKind.Network, null, null)]
    [InlineData("tmpfs", FstabSourceKind.Pseudo, null, null)]
    public void Sources_are_classified_with_libblkid_tag_rules(string text, FstabSourceKind kind, string? name, string? value)
    {
        var source = FstabSource.Parse(text);
        Assert.Equal((kind, name, value), (source.Kind, source.TagName, source.TagValue));
    }

    [Fact]
    public void Strict_parse_throws_with_every_diagnostic_and_try_parse_reports_them()
    {
        const string text = "/dev/a\n/dev/b / ext4 defaults zero\n/dev/c / ext4\n";
        var exception = Assert.Throws<XenConfigException>(() => FstabFile.Parse(text, "fstab"));
        Assert.Equal(["XC3001", "XC3002"], exception.Diagnostics.Select(d => d.Id));
        Assert.False(FstabFile.TryParse(text, out var none, out var diagnostics));
        Assert.Null(none);
        Assert.Equal(2, diagnostics.Count);
        Assert.True(FstabFile.TryParse("/dev/c / ext4\n", out var fstab, out _));
        Assert.Single(fstab.Entries);
        Assert.Equal(3, FstabFile.FromDocument(FstabDocument.Parse(text)).Document.Lines.Count);
    }

    [Fact]
    public void Swap_entries_are_recognised()
    {
        var fstab = FstabFile.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SpecExamples("fstab"), "F08-swap-variants.fstab")));
        Assert.Equal(6, fstab.Entries.Count(e => e.IsSwap));
    }

    [Fact]
    public void Json_projection_has_the_cli_contract_shape()
    {
        var document = FstabDocument.Parse("/dev/xvda1 /mnt/my\\040disk ext4\nbad\n", "guest/fstab");
        using var json = JsonDocument.Parse(FstabJson.Serialize(document));
        Assert.Equal(
            """{"kind":"fstab","entries":[{"source":"/dev/xvda1","target":"/mnt/my disk","fstype":"ext4","options":null,"freq":0,"passno":0,"line":1}],"diagnostics":[{"id":"XC3001","severity":"error","category":"syntax","message":"the mount point (field 2) is missing; libmount needs at least source, mount point and type and skips this line","path":"guest/fstab","line":2,"column":4}]}""",
            FstabJson.Serialize(document));
    }
}
