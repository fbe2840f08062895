using System.Buffers;
using System.Globalization;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Pygrub;

/// <summary>Compares GRUB 0.97's reading of a menu with pygrub's and reports each difference as a warning.</summary>
internal static class PygrubComparison
{
    /// <summary>Compares the readings; <paramref name="readings"/> holds what the entry check read of each entry.</summary>
    public static void Compare(GrubMenuDocument document, GrubMenuDocument.EntryReading[] readings)
    {
        var source = document.Source;
        using var reading = PygrubReading.Read(document.LineTable);

        // The 0-based physical line of an offset, counted only when a message names a line.
        int PhysicalLine(int offset) => source.Slice(0, offset).Count('\n');
        void Add(DiagnosticDescriptor descriptor, SourceLocation location, string message) => document.AddDiagnostic(descriptor.Create(location, message));

        if (reading.Error is not null)
        {
            Add(DiagnosticIds.PygrubRejectsFile, document.Location(new TextSpan(reading.ErrorOffset, 0)),
                $"pygrub fails on this file ({reading.Error}), so a PV guest booted with pygrub does not start");
            return;
        }

        var lines = document.LineTable;
        // The last global line of a command (default, timeout): a known name is its command's index.
        SourceLocation GlobalLocation(int command)
        {
            for (var line = document.GlobalEnd - 1; line >= 0; line--)
            {
                if (lines.CommandIndex(line) == command)
                {
                    return document.Location(line);
                }
            }

            return document.Location(default(TextSpan));
        }

        // Timeout.
        var pyTimeout = reading.TimeoutValue(out var timeoutValid);
        if (!timeoutValid)
        {
            Add(DiagnosticIds.PygrubTimeoutDiffers, GlobalLocation(GrubCommandTable.Timeout),
                $"pygrub reads the timeout as '{reading.Timeout}', which is not an integer (its interactive menu fails on it); GRUB reads {Show(document.Timeout)}");
        }
        else if (pyTimeout != document.Timeout)
        {
            Add(DiagnosticIds.PygrubTimeoutDiffers, GlobalLocation(GrubCommandTable.Timeout),
                $"pygrub reads the timeout as {(pyTimeout is { } seconds ? seconds.ToString(CultureInfo.InvariantCulture) : Show(null))}, GRUB as {Show(document.Timeout)}");
        }

        // GRUB's entries and pygrub's images both in file order: pair them by the line their title is on (one merge pass;
        // a title line starts a physical line for both readers, so its offset names the line).
        // The entries by number, as rows: an object per entry made here would be kept for the document's life.
        var entries = document.EntryTable;
        var imageCount = reading.ImageCount;
        var imageOfEntry = ArrayPool<int>.Shared.Rent(entries.Count);
        var imageMatched = ArrayPool<bool>.Shared.Rent(imageCount);
        imageMatched.AsSpan(0, imageCount).Clear();
        for (int e = 0, i = 0; e < entries.Count; e++)
        {
            var offset = lines.Span(entries.TitleLine(e)).Start;
            while (i < imageCount && reading.TitleOffset(i) < offset)
            {
                i++;
            }

            imageOfEntry[e] = i < imageCount && reading.TitleOffset(i) == offset ? i : -1;
            if (imageOfEntry[e] >= 0)
            {
                imageMatched[i] = true;
            }
        }

        if (imageCount == 0)
        {
            Add(DiagnosticIds.PygrubRejectsFile, document.Location(default(TextSpan)),
                "pygrub finds no entry in this file, so a PV guest booted with pygrub does not start");
        }

        for (var i = 0; i < imageCount; i++)
        {
            if (imageMatched[i])
            {
                continue;
            }

            var image = reading.GetImage(i);
            var offset = image.TitleOffset;
            string reason;
            var line = lines.IndexAt(offset);
            if (line >= 0 && document.IsDroppedTitle(line))
            {
                reason = "GRUB drops it because it has no commands";
            }
            else if (line >= 0 && lines.Kind(line) == GrubLineKind.Command && lines.Name(line) is var name && name != "title")
            {
                reason = $"pygrub takes any line starting with 'title' as a new entry, but for GRUB '{name}' is not 'title'";
            }
            else
            {
                reason = "for GRUB this line is part of a comment or of a backslash-continued line";
            }

            Add(DiagnosticIds.PygrubEntriesDiffer, document.Location(new TextSpan(offset, 0)), string.Create(CultureInfo.InvariantCulture,
                $"pygrub lists an entry '{image.Title}' here that GRUB does not ({reason}); pygrub's entry numbers after it differ from GRUB's"));
        }

        for (var e = 0; e < entries.Count; e++)
        {
            if (imageOfEntry[e] < 0)
            {
                var title = entries.TitleLine(e);
                Add(DiagnosticIds.PygrubEntriesDiffer, document.Location(title), string.Create(CultureInfo.InvariantCulture,
                    $"GRUB's entry {e} '{lines.Argument(title)}' is not an entry for pygrub; pygrub's entry numbers differ from GRUB's"));
            }
        }

        // The default entry, compared by the line of its title.
        if (document.DefaultEntryIndex is { } grubDefault && reading.BootIndex is { } pyDefault)
        {
            var grubTitle = entries.TitleLine(grubDefault);
            var image = reading.GetImage(pyDefault);
            var titleOffset = lines.Span(grubTitle).Start;
            if (titleOffset != image.TitleOffset)
            {
                var hint = document.DefaultSaved ? " (pygrub reads 'default saved' as 0)" : string.Empty;
                Add(DiagnosticIds.PygrubDefaultDiffers, GlobalLocation(GrubCommandTable.Default), string.Create(CultureInfo.InvariantCulture,
                    $"pygrub boots '{image.Title}' (its entry {pyDefault}, line {PhysicalLine(image.TitleOffset) + 1}), GRUB boots '{lines.Argument(grubTitle)}' (entry {grubDefault}, line {PhysicalLine(titleOffset) + 1}){hint}"));
            }
        }

        for (var e = 0; e < entries.Count; e++)
        {
            if (imageOfEntry[e] >= 0)
            {
                CompareEntry(document, e, reading.GetImage(imageOfEntry[e]), in readings[e]);
            }
        }

        ArrayPool<int>.Shared.Return(imageOfEntry);
        ArrayPool<bool>.Shared.Return(imageMatched);
    }

    private static void CompareEntry(GrubMenuDocument document, int entry, in PygrubReading.Image image, in GrubMenuDocument.EntryReading reading)
    {
        void Add(DiagnosticDescriptor descriptor, SourceLocation location, string message) => document.AddDiagnostic(descriptor.Create(location, message));

        var lines = document.LineTable;
        var entries = document.EntryTable;
        var titleLine = entries.TitleLine(entry);
        var rootLine = entries.RootLine(entry);
        var initrdLine = entries.InitrdLine(entry);
        var entryKernelLine = entries.KernelLine(entry);

        // The strings of GrubEntry.Title, Root and Initrd, made only for a message.
        string Title() => lines.Argument(titleLine);
        var title = lines.ArgumentChars(titleLine);
        if (!NormalizedEquals(title, image.TitleChars))
        {
            Add(DiagnosticIds.PygrubTitleDiffers, document.Location(titleLine),
                $"pygrub reads the title as '{image.Title}', GRUB as '{Title()}' (pygrub does not skip '=' after 'title')");
        }
        else if (EndsInBlanks(title))
        {
            Add(DiagnosticIds.PygrubTitleDiffers, document.Location(titleLine),
                $"the title '{Title()}' ends in blanks: GRUB shows them, pygrub strips them and reads '{image.Title}'; remove them");
        }

        if (!RootEquals(rootLine, in reading, image.Root))
        {
            Add(DiagnosticIds.PygrubRootDiffers, rootLine >= 0 ? document.Location(rootLine) : document.Location(titleLine),
                $"pygrub reads the root device of '{Title()}' as {image.Root?.ToString() ?? "none"}, GRUB as {(rootLine >= 0 ? entries.RootChars(entry).ToString() : "none")}");
        }

        // The kernel line's file and arguments where they lie, without a GrubKernel: entry.Kernel would keep one for the
        // document's life, and a transient one would be made again by every reader that wants it. Where they are and
        // where the file's path starts after its device are what the entry check found (GrubKernel.Split's reading).
        var hasKernel = entryKernelLine >= 0;
        var kernelLine = hasKernel ? entryKernelLine : titleLine;
        var kernelArgument = hasKernel ? lines.ArgumentChars(entryKernelLine) : default;
        var kernelPath = hasKernel ? kernelArgument.Slice(reading.KernelPathStart, reading.KernelPathEnd - reading.KernelPathStart) : default;
        var kernelArguments = hasKernel ? kernelArgument.Slice(reading.KernelRest) : default;
        var kernelSame = !hasKernel
            ? !image.HasKernel
            : image.HasKernel && kernelPath.Slice(reading.KernelPathPart).SequenceEqual(image.KernelChars);
        if (!kernelSame || !NormalizedEquals(kernelArguments, image.ArgsChars))
        {
            var grubKernel = hasKernel ? kernelPath.Slice(reading.KernelPathPart).ToString() : null;
            var grubArguments = kernelArguments.IsEmpty ? null : GrubText.Spaced(kernelArguments);
            var hint = image.Kernel is { } k && k.StartsWith("--", StringComparison.Ordinal)
                ? " (pygrub does not know kernel options such as --type= and takes the option for the kernel path)"
                : image.Kernel is { } t && t.Contains('\t', StringComparison.Ordinal)
                    ? " (pygrub splits the path from the arguments at a space, not at a tab)"
                    : hasKernel && lines.IsContinued(entryKernelLine) || image.Args == "\\"
                        ? " (pygrub does not join backslash-continued lines)"
                        : string.Empty;
            Add(DiagnosticIds.PygrubKernelDiffers, document.Location(kernelLine),
                $"pygrub reads the kernel of '{Title()}' as '{image.Kernel}' with arguments '{image.Args}', GRUB as '{grubKernel}' with '{grubArguments}'{hint}");
        }
        else if (hasKernel && EndsInBlanks(kernelArgument))
        {
            Add(DiagnosticIds.PygrubKernelDiffers, document.Location(kernelLine),
                $"the kernel line of '{Title()}' ends in blanks: GRUB passes them to the kernel, pygrub strips them; remove them");
        }

        var initrdSame = initrdLine < 0
            ? !image.HasInitrd
            : image.HasInitrd && lines.ArgumentChars(initrdLine).Slice(reading.InitrdPathPart, reading.InitrdLength - reading.InitrdPathPart).SequenceEqual(image.InitrdChars);
        if (!initrdSame)
        {
            var grubInitrd = initrdLine >= 0 ? PathPart(entries.InitrdChars(entry).ToString()) : null;
            Add(DiagnosticIds.PygrubInitrdDiffers, initrdLine >= 0 ? document.Location(initrdLine) : document.Location(titleLine),
                $"pygrub reads the initrd of '{Title()}' as '{image.Initrd}', GRUB as '{grubInitrd}'");
        }
    }

    /// <summary>True when GRUB's root device (on line <paramref name="rootLine"/>, -1 for none; as the entry check read it in <paramref name="reading"/>) is the disk and partition pygrub reads (see <see cref="RootKey"/>).</summary>
    private static bool RootEquals(int rootLine, in GrubMenuDocument.EntryReading reading, PygrubReading.Disk? pyRoot)
    {
        if (rootLine < 0 || pyRoot is not { } py)
        {
            return rootLine < 0 && pyRoot is null;
        }

        // Read on the line's characters by the entry check: no root string or device object per entry.
        var device = reading.Root;
        if (!reading.RootValid || device.Slice is not null || device.Kind is GrubDeviceKind.Network or GrubDeviceKind.CdRom)
        {
            return false;
        }

        return py.Number == device.Drive && (device.Partition is { } partition
            ? py.Partition is { } pyPartition && pyPartition == partition
            : py.Partition is null);
    }

    /// <summary>
    /// <c>Normalize(a) == Normalize(b)</c> without making strings: tabs read as spaces, blanks at both ends ignored; an
    /// empty text equals a missing one.
    /// </summary>
    private static bool NormalizedEquals(GrubChars a, GrubChars b)
    {
        a = a.TrimBlanks();
        b = b.TrimBlanks();
        if (a.Length != b.Length)
        {
            return false;
        }

        if (a.SequenceEqual(b))
        {
            return true;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && !(a[i] is ' ' or '\t' && b[i] is ' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The root device in pygrub's terms (<c>d0p1</c>), for comparison.</summary>
    internal static string RootKey(GrubEntry entry)
    {
        if (entry.Root is null)
        {
            return "none";
        }

        if (entry.RootDevice is not { } device || device.BsdSlice is not null || device.Kind is GrubDeviceKind.Network or GrubDeviceKind.CdRom)
        {
            return "invalid:" + entry.Root;
        }

        return device.Partition is { } partition
            ? string.Create(CultureInfo.InvariantCulture, $"d{device.Drive}p{partition}")
            : string.Create(CultureInfo.InvariantCulture, $"d{device.Drive}");
    }

    internal static string? PathPart(string file) => GrubDevice.TrySplitPath(file, out _, out var path) ? path : file;

    internal static string? Normalize(string? text) => text?.Replace('\t', ' ').Trim(' ');

    /// <summary>GRUB 0.97 keeps blanks at the end of a line; pygrub strips every line (and every title and argument).</summary>
    private static bool EndsInBlanks(GrubChars argument) => argument.Length > 0 && argument[argument.Length - 1] is ' ' or '\t';

    private static string Show(int? value) => value is null ? "none (wait for a key)" : value.Value.ToString(CultureInfo.InvariantCulture);
}
