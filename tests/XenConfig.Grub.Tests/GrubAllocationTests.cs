using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Grub;
using XenConfig.Grub.Json;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// What a parse of a large menu costs, asserted by allocated bytes (never by time): an entry's root string and device,
/// its modules and its Xen view are made only when read, and reading them later gives what the file says.
/// </summary>
public sealed class GrubAllocationTests
{
    // 2,000 entries in the usual shapes: Linux with root, kernel and initrd; Xen with two modules.
    private static byte[] LargeMenu()
    {
        var text = new StringBuilder("default 0\ntimeout 5\n\n");
        for (var i = 0; i < 2000; i++)
        {
            text.Append(i % 2 == 0
                ? $"title Linux 6.1.0-{i}-amd64\n\troot (hd0,1)\n\tkernel /boot/vmlinuz-6.1.0-{i}-amd64 root=/dev/xvda2 ro console=hvc0\n\tinitrd /boot/initrd.img-6.1.0-{i}-amd64\n\n"
                : $"title Xen 4.17 / Debian {i}\nroot (hd0,0)\nkernel /boot/xen.gz dom0_mem=2048M\nmodule /boot/vmlinuz-{i} root=/dev/xvda1 ro\nmodule /boot/initrd.img-{i}\n\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    [Fact]
    public void ParsingAMenuMakesNoRootDeviceOrModuleObjectsUntilTheyAreRead()
    {
        var bytes = LargeMenu();
        var document = GrubMenuDocument.Parse(SourceText.From(bytes));
        Assert.Equal(2000, document.Entries.Count);
        Assert.Empty(document.Diagnostics);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 0; e < document.Entries.Count; e++)
        {
            var entry = document.Entries[e];
            _ = entry.RootDevice;
            _ = entry.Modules;
            _ = entry.Xen;
        }

        // Made here, on first read: per entry a root string and a device, per Xen entry its modules and the Xen view.
        // Had the parse made them, reading them would allocate nothing.
        var madeOnRead = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(madeOnRead > 2000 * 64, $"{madeOnRead} bytes made when the entries were read");

        before = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 0; e < document.Entries.Count; e++)
        {
            var entry = document.Entries[e];
            _ = entry.RootDevice;
            _ = entry.Modules;
            _ = entry.Xen;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ParsingAnAsciiMenuFromItsBytesDoesNotDecodeItIntoUtf16()
    {
        var bytes = LargeMenu();
        _ = GrubMenuDocument.Parse(SourceText.FromMemory(bytes));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var document = GrubMenuDocument.Parse(SourceText.FromMemory(bytes));
        var parse = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2000, document.Entries.Count);
        Assert.Empty(document.Diagnostics);

        // The tree of this menu (11,000 lines packed 16 bytes each, 2,000 entries; pygrub's images in a pooled array)
        // takes less than 3.3 bytes per input byte (an object per line took 5.1); decoding the text into UTF-16 would
        // add 2 more.
        var perByte = (double)parse / bytes.Length;
        Assert.True(perByte < 3.3, $"the parse allocated {parse} bytes, {perByte:F2} per input byte");

        // Asking for the text afterwards decodes it then, once.
        before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(bytes.Length, document.SourceText.Content.Length);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before >= 2L * bytes.Length);
    }

    [Fact]
    public void ParsingTheCorpusMenusAndReadingTheirEntriesAllocatesAtMostThreeBytesPerInputByte()
    {
        // What the throughput benchmark's grub kind does for each file (issue #14: at most 3 bytes per input byte), on
        // the corpus menus pygrub reads (the benchmark's real-corpus row). Small files carry the fixed cost of a parse
        // (the text, the document, the line table), so the bound is on the sum over the files.
        static long ParseAndRead(byte[] bytes)
        {
            var document = GrubMenuDocument.Parse(SourceText.FromMemory(bytes));
            long sink = 0;
            for (var e = 0; e < document.Entries.Count; e++)
            {
                var entry = document.Entries[e];
                sink += entry.Title.Length + (entry.Kernel?.Path.Length ?? 0) + (entry.Kernel?.ArgumentsText?.Length ?? 0) + (entry.Initrd?.Length ?? 0);
            }

            return sink;
        }

        var files = Directory.GetFiles(RepositoryPaths.Corpus("grub")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)
            .Where(bytes => GrubMenuDocument.Parse(SourceText.From(bytes)).Diagnostics.All(d => d.Id != DiagnosticIds.PygrubRejectsFile.Id))
            .ToList();
        Assert.NotEmpty(files);
        files.ForEach(bytes => ParseAndRead(bytes));

        long allocated = 0, input = 0;
        foreach (var bytes in files)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            ParseAndRead(bytes);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            input += bytes.Length;
        }

        var perByte = (double)allocated / input;
        Assert.True(perByte <= 3.0, $"{files.Count} menus ({input} bytes) allocated {allocated} bytes, {perByte:F2} per input byte");
    }

    [Fact]
    public void AnEntrysRootModulesAndXenViewReadAfterTheParseAreWhatTheFileSays()
    {
        var document = GrubMenuDocument.Parse(SourceText.From(LargeMenu()));

        var linux = document.Entries[0];
        Assert.Equal("(hd0,1)", linux.Root);
        Assert.Equal(1, linux.RootDevice!.Partition);
        Assert.Empty(linux.Modules);
        Assert.False(linux.IsXen);
        Assert.Null(linux.Xen);

        var xen = document.Entries[1];
        Assert.Equal("(hd0,0)", xen.Root);
        Assert.Equal(0, xen.RootDevice!.Partition);
        Assert.Equal(["/boot/vmlinuz-1", "/boot/initrd.img-1"], xen.Modules.Select(m => m.Path));
        Assert.Equal("root=/dev/xvda1 ro", xen.Modules[0].ArgumentsText);
        Assert.True(xen.IsXen);
        Assert.Same(xen.Modules, xen.Modules);
        Assert.Equal("/boot/xen.gz", xen.Xen!.Hypervisor);
        Assert.Equal(2, xen.Xen.Modules.Count);
    }

    [Fact]
    public void NeitherTheParseNorTheJsonProjectionMakesEntryObjectsTheFirstReadMakesEachOnce()
    {
        var document = GrubMenuDocument.Parse(SourceText.FromMemory(LargeMenu()));
        _ = GrubMenuJson.ToJson(document);

        // Had the parse or the projection made the entries, handing them out would allocate nothing.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 0; e < document.Entries.Count; e++)
        {
            _ = document.Entries[e];
        }

        var madeOnRead = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(madeOnRead >= 2000 * 32, $"{madeOnRead} bytes made when the entries were first handed out");

        before = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 0; e < document.Entries.Count; e++)
        {
            _ = document.Entries[e];
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
