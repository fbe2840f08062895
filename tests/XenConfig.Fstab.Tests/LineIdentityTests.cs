using System.Text;
using XenConfig.Fstab.Model;
using XenConfig.Fstab.Syntax;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Fstab.Tests;

/// <summary>
/// A document hands out one object per line, the same on every read, through <see cref="FstabDocument.Lines"/>,
/// <see cref="FstabDocument.EntryLines"/> and the model's entries; the lines give the text back, the fields give the
/// line back, every way of reading a value agrees, and an edit keeps the objects of the lines it does not change. (How
/// the lines are stored is free to change; these are what it must keep.)
/// </summary>
public sealed class LineIdentityTests
{
    public static TheoryData<string, byte[]> Files()
    {
        var data = new TheoryData<string, byte[]>();
        foreach (var folder in new[] { RepositoryPaths.Corpus("fstab"), RepositoryPaths.SpecExamples("fstab") })
        {
            foreach (var name in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(name), File.ReadAllBytes(name));
            }
        }

        var generator = new FstabGenerator(seed: 20261206);
        for (var i = 0; i < 300; i++)
        {
            data.Add($"generated {i}", generator.Next());
        }

        // Files of more lines than one segment of a line list holds (8,192), made of generated lines.
        for (var i = 0; i < 2; i++)
        {
            var large = new List<byte>();
            for (var lines = 0; lines < 20_000;)
            {
                var part = generator.Next();
                large.AddRange(part);
                large.Add((byte)'\n');
                lines += part.Count(b => b == '\n') + 1;
            }

            data.Add($"large generated {i}", [.. large]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_line_is_one_object_and_every_reading_agrees(string name, byte[] content)
    {
        var document = FstabDocument.Parse(SourceText.From(content));
        var lines = document.Lines;

        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Same(lines[i], lines[i]);
            Assert.Equal(i + 1, document.GetLineNumber(lines[i]));
        }

        Assert.Equal(lines, lines.ToList());
        Assert.Equal(lines.OfType<FstabEntryLine>(), document.EntryLines);
        Assert.Equal(document.EntryLines, document.EntryLines);
        Assert.Equal(lines.OfType<FstabErrorLine>().Select(l => l.Diagnostic), document.Diagnostics);
        Assert.Equal(document.SourceText.ToString(), string.Concat(lines.Select(l => l.ToString())));

        var file = FstabFile.FromDocument(document);
        var entries = file.Entries;
        Assert.Equal(document.EntryLines, entries.Select(e => e.Syntax));
        Assert.Equal(entries, file.Entries);

        foreach (var line in lines)
        {
            Assert.Equal(line switch
            {
                FstabEntryLine => FstabLineKind.Entry,
                FstabCommentLine => FstabLineKind.Comment,
                FstabBlankLine => FstabLineKind.Blank,
                _ => FstabLineKind.Error,
            }, line.Kind);
            if (line is FstabEntryLine entry)
            {
                AssertFieldsGiveTheLineBack(name, entry);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void An_edit_keeps_the_object_of_every_line(string name, byte[] content)
    {
        var document = FstabDocument.Parse(SourceText.From(content));
        // An entry with all six fields: its pass number is replaced in place. (Writing a pass after a dump that overflows
        // strtol makes a line libmount rejects; that is the writer's business, not this test's.)
        var file = FstabFile.FromDocument(document);
        var complete = file.Entries.Where(e => e.Syntax.Fields.Count == 6).ToList();
        if (complete.Count == 0)
        {
            return;
        }

        var before = document.Lines.ToList();
        var edited = complete[complete.Count / 2];
        var editedLine = edited.Syntax;
        var pass = edited.Pass == 1 ? 2 : 1;
        edited.Pass = pass;

        Assert.Equal(pass, edited.Pass);
        Assert.Same(editedLine, edited.Syntax);
        Assert.Equal(before.Count, document.Lines.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(ReferenceEquals(before[i], document.Lines[i]), $"{name}: line {i + 1} is a new object after editing line {document.GetLineNumber(editedLine)}");
        }
    }

    private static void AssertFieldsGiveTheLineBack(string name, FstabEntryLine entry)
    {
        var fields = entry.Fields;
        Assert.InRange(fields.Count, 3, 6);
        Assert.Equal(Enumerable.Range(0, fields.Count).Select(k => (FstabFieldKind)k), fields.Select(f => f.Kind));
        var rebuilt = new StringBuilder();
        foreach (var field in fields)
        {
            Assert.Equal(field.LeadingTrivia + field.RawText, field.ToString());
            rebuilt.Append(field);
        }

        Assert.True(entry.Text == rebuilt + entry.TrailingText, $"{name}: the fields of '{entry.Text}' give '{rebuilt}{entry.TrailingText}'");
        foreach (var kind in Enum.GetValues<FstabFieldKind>())
        {
            Assert.Equal(fields.SingleOrDefault(f => f.Kind == kind)?.Value, entry.GetValue(kind));
        }

        Assert.Equal(fields.Count > 4 ? FstabParser.StrToL(fields[4].RawText.AsSpan(), 0, fields[4].RawText.Length).Value : 0, entry.DumpNumber);
        Assert.Equal(fields.Count > 5 ? FstabParser.StrToL(fields[5].RawText.AsSpan(), 0, fields[5].RawText.Length).Value : 0, entry.PassNumber);
    }
}
