using XenConfig.Grub.Model;

namespace XenConfig.Grub.Tests;

/// <summary>Edits on generated menus: a no-op changes no byte; a real edit changes only what it targets.</summary>
public sealed class EditPropertyTests
{
    [Fact]
    public void Kernel_argument_edits_on_generated_menus_touch_only_their_entry()
    {
        var generator = new MenuGenerator(7);
        var edited = 0;
        for (var n = 0; n < 1500; n++)
        {
            var text = generator.Next();
            var original = GrubMenuDocument.Parse(text);
            for (var i = 0; i < original.Entries.Count; i++)
            {
                if (original.Entries[i].Kernel is not { } kernel || kernel.Line.IsContinued)
                {
                    continue;
                }

                var menu = GrubMenu.FromDocument(original);
                if (kernel.Arguments.Get("root") is { } root && !root.Contains(' ', StringComparison.Ordinal) && !root.Contains('"', StringComparison.Ordinal))
                {
                    menu.SetKernelArgument(i, "root", root);
                    Assert.Equal(text, menu.ToString());
                }

                menu.SetKernelArgument(i, "xc_test", "on");
                edited++;
                var after = menu.Document;
                Assert.Equal(original.Entries.Count, after.Entries.Count);
                Assert.Equal("on", after.Entries[i].Kernel!.Arguments.Get("xc_test"));
                Assert.Equal(kernel.Path, after.Entries[i].Kernel!.Path);
                for (var j = 0; j < original.Entries.Count; j++)
                {
                    Assert.Equal(original.Entries[j].Title, after.Entries[j].Title);
                    if (j != i)
                    {
                        Assert.Equal(original.Entries[j].Kernel?.ArgumentsText, after.Entries[j].Kernel?.ArgumentsText);
                    }
                }

                // The edit inserted text and removed none.
                var inserted = menu.ToString().Length - text.Length;
                Assert.True(inserted > 0);
                menu.RemoveKernelArgument(i, "xc_test");
                Assert.Null(menu.Entries[i].Kernel!.Arguments.Get("xc_test"));
            }
        }

        Assert.True(edited > 1000, $"only {edited} edits");
    }

    [Fact]
    public void Moving_and_removing_entries_of_generated_menus_keeps_the_other_entries_intact()
    {
        var generator = new MenuGenerator(11);
        for (var n = 0; n < 500; n++)
        {
            var text = generator.Next();
            var original = GrubMenuDocument.Parse(text);
            if (original.Entries.Count < 2 || original.Dropped.Count > 0)
            {
                continue;
            }

            var titles = original.Entries.Select(e => e.Title).ToList();
            var menu = GrubMenu.FromDocument(original);
            menu.MoveEntry(0, titles.Count - 1);
            Assert.Equal(titles.Skip(1).Append(titles[0]), menu.Entries.Select(e => e.Title));
            menu.MoveEntry(titles.Count - 1, 0);
            Assert.Equal(titles, menu.Entries.Select(e => e.Title));
            menu.RemoveEntry(1);
            Assert.Equal(titles.Where((_, k) => k != 1), menu.Entries.Select(e => e.Title));
        }
    }
}
