using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// A document keeps its lines and entries packed and makes the public line and entry objects when asked: what it hands
/// out is one object per line and per entry, and the entries' lines, commands and kernels are those objects, read from
/// the lines as GRUB stores them.
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

    [Theory]
    [MemberData(nameof(Menus))]
    public void Each_entry_is_one_object_whichever_way_it_is_reached_and_keeps_what_it_made(string text)
    {
        var document = GrubMenuDocument.Parse(SourceText.From(System.Text.Encoding.Latin1.GetBytes(text)));
        var entries = document.Entries;
        var enumerated = entries.ToList();
        Assert.Equal(entries.Count, enumerated.Count);
        for (var e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            Assert.Same(entry, entries[e]);
            Assert.Same(entry, enumerated[e]);
            Assert.Same(entry, GrubMenu.FromDocument(document).Entries[e]);
            Assert.Equal(e, entry.Index);
            Assert.Same(entry.Kernel, entry.Kernel);
            Assert.Same(entry.Commands, entry.Commands);
            Assert.Same(entry.Modules, entry.Modules);
            Assert.Same(entry.Xen, entry.Xen);
        }

        if (entries.Count > 0)
        {
            Assert.Same(entries[document.Entries.Count - 1], GrubMenu.FromDocument(document).Entries[^1]);
            var menu = GrubMenu.FromDocument(document);
            Assert.Same(menu.DefaultEntry, menu.Entries[menu.DefaultEntryIndex!.Value]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => entries[entries.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => entries[-1]);
    }

    [Theory]
    [MemberData(nameof(Menus))]
    public void An_entry_keeps_one_kernel_whether_the_kernel_or_the_entry_s_other_values_are_read_first(string text)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(text);
        var kernelFirst = GrubMenuDocument.Parse(SourceText.From(bytes)).Entries;
        var othersFirst = GrubMenuDocument.Parse(SourceText.From(bytes)).Entries;
        for (var e = 0; e < kernelFirst.Count; e++)
        {
            var (a, b) = (kernelFirst[e], othersFirst[e]);
            var kernel = a.Kernel;
            Assert.Equal(b.Root, a.Root);
            Assert.Equal(b.Commands.Select(c => c.Text), a.Commands.Select(c => c.Text));
            Assert.Equal(b.Modules.Count, a.Modules.Count);
            Assert.Same(kernel, a.Kernel);

            var other = b.Kernel;
            Assert.Same(other, b.Kernel);
            Assert.Equal(kernel is null, other is null);
            if (kernel is null)
            {
                continue;
            }

            Assert.Equal(kernel.Path, other!.Path);
            Assert.Equal(kernel.ArgumentsText, other.ArgumentsText);
            Assert.Equal(kernel.Options, other.Options);
            Assert.Equal(kernel.Type, other.Type);
            Assert.Equal(kernel.Options.LastOrDefault(o => o.StartsWith("--type=", StringComparison.Ordinal))?[7..], kernel.Type);
            Assert.Equal(kernel.Type, GrubKernel.TypeOf(kernel.ArgumentChars));
            Assert.Same(kernel.Options, kernel.Options);
            Assert.Same(kernel.Arguments, kernel.Arguments);
            Assert.Same(kernel.Line, kernel.Line);
        }
    }

    [Fact]
    public void An_entry_that_spans_more_than_65535_lines_reads_like_any_other()
    {
        var text = "title wide\nroot (hd0,0)\n" + string.Concat(Enumerable.Repeat("# c\n", 70_000))
            + "chainloader +1\nkernel /k a\ninitrd /i\nsavedefault\n\ntitle next\nkernel /n\n";
        var document = GrubMenuDocument.Parse(text);
        var (wide, next) = (document.Entries[0], document.Entries[1]);

        Assert.Equal("(hd0,0)", wide.Root);
        Assert.Equal("/k", wide.Kernel!.Path);
        Assert.Equal("a", wide.Kernel.ArgumentsText);
        Assert.Equal("kernel /k a\n", wide.Kernel.Line.Text);
        Assert.Equal("/i", wide.Initrd);
        Assert.Equal("+1", wide.Chainloader);
        Assert.True(wide.SaveDefault);
        Assert.Equal(["root", "chainloader", "kernel", "initrd", "savedefault"], wide.Commands.Select(c => c.Name));
        Assert.Equal("/n", next.Kernel!.Path);
        Assert.Null(next.Initrd);
        Assert.Null(next.Root);
        Assert.Equal("\ntitle next\nkernel /n\n", text[next.OwnedSpan.Start..next.OwnedSpan.End]);
        Assert.Equal((0, next.OwnedSpan.Start), (wide.OwnedSpan.Start, wide.OwnedSpan.End));
    }

    [Fact]
    public void Threads_that_read_an_entry_s_kernel_and_its_other_values_at_once_all_get_the_one_kernel()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"title {i}\nroot (hd0,0)\nkernel /vmlinuz-{i} ro\n"));
        for (var round = 0; round < 20; round++)
        {
            var entries = GrubMenuDocument.Parse(text).Entries;
            var seen = new GrubKernel?[4][];
            Parallel.For(0, seen.Length, t =>
            {
                seen[t] = new GrubKernel?[entries.Count];
                for (var e = 0; e < entries.Count; e++)
                {
                    // Half the threads make the entry's other caches first, so the kernel moves between them.
                    _ = t % 2 == 0 ? entries[e].Root : null;
                    seen[t][e] = entries[e].Kernel;
                }
            });

            for (var e = 0; e < entries.Count; e++)
            {
                Assert.All(seen, kernels => Assert.Same(entries[e].Kernel, kernels[e]));
                Assert.Equal($"/vmlinuz-{e}", entries[e].Kernel!.Path);
            }
        }
    }

    [Fact]
    public void An_edit_reads_the_entries_again_and_leaves_the_entries_read_before_it_as_they_were()
    {
        var menu = GrubMenu.Parse("default 0\n\ntitle A\nroot (hd0,0)\nkernel /a ro\n\n# B\ntitle B\nkernel /b\n");
        var before = menu.Entries;
        var a = before[0];
        var b = before[1];

        menu.RemoveEntry(0);

        Assert.Equal("A", a.Title);
        Assert.Equal("/a", a.Kernel!.Path);
        Assert.Equal("B", b.Title);
        Assert.Equal(1, b.Index);
        var after = Assert.Single(menu.Entries);
        Assert.NotSame(b, after);
        Assert.Same(after, menu.Entries[0]);
        Assert.Equal("B", after.Title);
        Assert.Equal(0, after.Index);
        Assert.Equal("default 0\n\n# B\ntitle B\nkernel /b\n", menu.ToString());
    }

    [Fact]
    public void Asking_for_any_one_entry_makes_every_entry_and_kernel_so_that_reading_the_others_allocates_nothing()
    {
        // Every third entry has no kernel line.
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => i % 3 == 2 ? $"title {i}\nchainloader +1\n" : $"title {i}\nkernel /vmlinuz-{i} ro\n"));
        var document = GrubMenuDocument.Parse(text);
        var entries = document.Entries;
        var middle = entries[150];

        var before = GC.GetAllocatedBytesForCurrentThread();
        var kernels = 0;
        for (var e = 0; e < entries.Count; e++)
        {
            kernels += entries[e].Kernel is null ? 0 : 1;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(200, kernels);
        Assert.Same(middle, entries[150]);
        Assert.Equal("/vmlinuz-150", middle.Kernel!.Path);
        Assert.Null(entries[299].Kernel);
        Assert.Equal("+1", entries[299].Chainloader);

        // The kernel made with the entry is the one the entry's other caches take over.
        var kernel = entries[0].Kernel;
        _ = entries[0].Modules.Count + entries[0].Root?.Length;
        Assert.Same(kernel, entries[0].Kernel);
        Assert.Equal(["kernel"], entries[0].Commands.Select(c => c.Name));
    }

    [Fact]
    public void Threads_that_each_ask_for_a_different_entry_first_all_get_the_same_objects()
    {
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"title {i}\nroot (hd0,0)\nkernel /vmlinuz-{i} ro\n"));
        for (var round = 0; round < 20; round++)
        {
            var entries = GrubMenuDocument.Parse(text).Entries;
            var seen = new (GrubEntry Entry, GrubKernel? Kernel)[4][];
            using var start = new Barrier(seen.Length);
            Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, t =>
            {
                seen[t] = new (GrubEntry, GrubKernel?)[entries.Count];
                start.SignalAndWait();
                for (var i = 0; i < entries.Count; i++)
                {
                    // Each thread starts at its own quarter, so the first requests race for different rows.
                    var e = (i + (t * 100)) % entries.Count;
                    seen[t][e] = (entries[e], entries[e].Kernel);
                }
            });

            for (var e = 0; e < entries.Count; e++)
            {
                Assert.All(seen, s => Assert.Same(entries[e], s[e].Entry));
                Assert.All(seen, s => Assert.Same(entries[e].Kernel, s[e].Kernel));
                Assert.Equal(e, entries[e].Index);
                Assert.Equal($"/vmlinuz-{e}", entries[e].Kernel!.Path);
            }
        }
    }

    [Fact]
    public void Titles_GRUB_drops_are_listed_in_file_order_and_the_entries_around_them_are_numbered_without_them()
    {
        const string text = "title a\n\ntitle b\nkernel /b\ntitle c\n# only a comment\nunknowncmd x\ntitle d\nroot (hd0)\ntitle e\n";
        var document = GrubMenuDocument.Parse(text);

        Assert.Equal(["a", "c", "e"], document.DroppedTitles.Select(l => l.Argument));
        Assert.Equal(["b", "d"], document.Entries.Select(e => e.Title));
        Assert.Equal([(0, 0), (4, 1), (9, 2)], document.Dropped.Select(d => (d.TitleLine, d.EntriesBefore)));
        Assert.True(document.IsDroppedTitle(4));
        Assert.False(document.IsDroppedTitle(2));
        Assert.False(document.IsDroppedTitle(5));

        // pygrub lists every title another title follows, and the last one only when it has lines: it says why GRUB
        // does not list a and c.
        var reasons = document.Diagnostics.Where(d => d.Message.Contains("GRUB drops it because it has no commands", StringComparison.Ordinal));
        Assert.Equal([0, text.IndexOf("title c", StringComparison.Ordinal)], reasons.Select(d => d.Location.Span.Start));
    }
}
