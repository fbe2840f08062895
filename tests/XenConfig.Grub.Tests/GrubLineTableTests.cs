using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// A document keeps its lines packed and makes the public line objects when asked: what it hands out is one object per
/// line, and the entries' lines, commands and kernels are those objects, read from the lines as GRUB stores them.
/// </summary>
public sealed class GrubLineTableTests
{
    private static readonly string[] TypedCommands = ["root", "rootnoverify", "kernel", "initrd", "module", "modulenounzip", "chainloader", "savedefault", "makeactive", "lock"];

    public static TheoryData<string> Menus()
    {
        var data = new TheoryData<string>();
        foreach (var file in RoundTripTests.Files())
        {
            data.Add(File.ReadAllText(file));
        }

        var generator = new MenuGenerator(20261206);
        for (var i = 0; i < 200; i++)
        {
            data.Add(generator.Next());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Menus))]
    public void Each_line_is_one_object_and_the_entries_hold_the_lines_GRUB_stores(string text)
    {
        var document = GrubMenuDocument.Parse(SourceText.From(System.Text.Encoding.Latin1.GetBytes(text)));
        var lines = document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Same(lines[i], lines[i]);
        }

        Assert.Equal(lines, lines.ToList());

        var titles = Enumerable.Range(0, lines.Count).Where(i => lines[i].Kind == GrubLineKind.Command && lines[i].Name == "title").ToList();
        var expectedEntries = new List<(GrubLine Title, List<GrubLine> Commands)>();
        var dropped = new List<GrubLine>();
        for (var t = 0; t < titles.Count; t++)
        {
            var end = t + 1 < titles.Count ? titles[t + 1] : lines.Count;
            var commands = lines.Take(end).Skip(titles[t] + 1)
                .Where(l => l.Kind == GrubLineKind.Command && GrubCommandTable.Lookup(l.Name) != GrubCommandFlags.None)
                .ToList();
            if (commands.Count == 0)
            {
                dropped.Add(lines[titles[t]]);
            }
            else
            {
                expectedEntries.Add((lines[titles[t]], commands));
            }
        }

        Assert.Equal(dropped, document.DroppedTitles);
        Assert.Equal(expectedEntries.Count, document.Entries.Count);
        for (var e = 0; e < expectedEntries.Count; e++)
        {
            var entry = document.Entries[e];
            var (title, commands) = expectedEntries[e];
            Assert.Same(title, entry.TitleLine);
            Assert.Equal(title.Argument, entry.Title);
            Assert.Equal(commands, entry.Commands);
            Assert.Equal(commands.Where(c => !TypedCommands.Contains(c.Name)), entry.OtherCommands);
            Assert.Same(commands.LastOrDefault(c => c.Name == "kernel"), entry.Kernel?.Line);
            Assert.Equal(commands.LastOrDefault(c => c.Name == "chainloader")?.Argument, entry.Chainloader);
            Assert.Equal(commands.Any(c => c.Name == "savedefault"), entry.SaveDefault);
            Assert.Equal(commands.Any(c => c.Name is "module" or "modulenounzip"), entry.IsXen);
            Assert.Equal(commands.LastOrDefault(c => c.Name is "root" or "rootnoverify")?.Name == "rootnoverify", entry.IsRootNoVerify);
        }
    }
}
