using System.Globalization;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Pygrub;

/// <summary>Compares GRUB 0.97's reading of a menu with pygrub's and reports each difference as a warning.</summary>
internal static class PygrubComparison
{
    public static void Compare(GrubMenuDocument document, List<Diagnostic> diagnostics)
    {
        var text = document.Source.Content;
        var reading = PygrubReading.Read(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        SourceLocation AtLine(int line) => document.Location(new TextSpan(lineStarts[Math.Min(line, lineStarts.Count - 1)], 0));
        int PhysicalLine(int offset)
        {
            var index = lineStarts.BinarySearch(offset);
            return index >= 0 ? index : ~index - 1;
        }

        void Add(DiagnosticDescriptor descriptor, SourceLocation location, string message) => diagnostics.Add(descriptor.Create(location, message));

        if (reading.Error is not null)
        {
            Add(DiagnosticIds.PygrubRejectsFile, AtLine(reading.ErrorLine),
                $"pygrub fails on this file ({reading.Error}), so a PV guest booted with pygrub does not start");
            return;
        }

        var globalsByName = document.GlobalCommands.ToLookup(l => l.Name, StringComparer.Ordinal);
        SourceLocation GlobalLocation(string name) =>
            globalsByName[name].LastOrDefault() is { } line ? document.Location(line) : document.Location(default(TextSpan));

        // Timeout.
        var pyTimeout = reading.TimeoutValue(out var timeoutValid);
        if (!timeoutValid)
        {
            Add(DiagnosticIds.PygrubTimeoutDiffers, GlobalLocation("timeout"),
                $"pygrub reads the timeout as '{reading.Timeout}', which is not an integer (its interactive menu fails on it); GRUB reads {Show(document.Timeout)}");
        }
        else if (pyTimeout != document.Timeout)
        {
            Add(DiagnosticIds.PygrubTimeoutDiffers, GlobalLocation("timeout"),
                $"pygrub reads the timeout as {(pyTimeout is { } seconds ? seconds.ToString(CultureInfo.InvariantCulture) : Show(null))}, GRUB as {Show(document.Timeout)}");
        }

        var grubByLine = document.Entries.ToDictionary(e => PhysicalLine(e.TitleLine.Span.Start));
        var imageByLine = reading.Images.ToDictionary(i => i.TitleLine);
        var lineAtOffset = document.Lines.ToDictionary(l => l.Span.Start);
        var blockByTitle = document.Blocks.ToDictionary(b => document.Lines[b.TitleLine].Span.Start);

        if (reading.Images.Count == 0)
        {
            Add(DiagnosticIds.PygrubRejectsFile, document.Location(default(TextSpan)),
                "pygrub finds no entry in this file, so a PV guest booted with pygrub does not start");
        }

        foreach (var image in reading.Images.Where(i => !grubByLine.ContainsKey(i.TitleLine)))
        {
            var offset = lineStarts[image.TitleLine];
            string reason;
            if (blockByTitle.TryGetValue(offset, out var block) && block.Entry is null)
            {
                reason = "GRUB drops it because it has no commands";
            }
            else if (lineAtOffset.TryGetValue(offset, out var line) && line.Kind == GrubLineKind.Command && line.Name != "title")
            {
                reason = $"pygrub takes any line starting with 'title' as a new entry, but for GRUB '{line.Name}' is not 'title'";
            }
            else
            {
                reason = "for GRUB this line is part of a comment or of a backslash-continued line";
            }

            Add(DiagnosticIds.PygrubEntriesDiffer, AtLine(image.TitleLine), string.Create(CultureInfo.InvariantCulture,
                $"pygrub lists an entry '{image.Title}' here that GRUB does not ({reason}); pygrub's entry numbers after it differ from GRUB's"));
        }

        foreach (var entry in document.Entries.Where(e => !imageByLine.ContainsKey(PhysicalLine(e.TitleLine.Span.Start))))
        {
            Add(DiagnosticIds.PygrubEntriesDiffer, document.Location(entry.TitleLine), string.Create(CultureInfo.InvariantCulture,
                $"GRUB's entry {entry.Index} '{entry.Title}' is not an entry for pygrub; pygrub's entry numbers differ from GRUB's"));
        }

        // The default entry, compared by the line of its title.
        if (document.DefaultEntryIndex is { } grubDefault && reading.BootIndex is { } pyDefault)
        {
            var grubEntry = document.Entries[grubDefault];
            var image = reading.Images[pyDefault];
            if (PhysicalLine(grubEntry.TitleLine.Span.Start) != image.TitleLine)
            {
                var hint = document.DefaultSaved ? " (pygrub reads 'default saved' as 0)" : string.Empty;
                Add(DiagnosticIds.PygrubDefaultDiffers, GlobalLocation("default"), string.Create(CultureInfo.InvariantCulture,
                    $"pygrub boots '{image.Title}' (its entry {pyDefault}, line {image.TitleLine + 1}), GRUB boots '{grubEntry.Title}' (entry {grubDefault}, line {PhysicalLine(grubEntry.TitleLine.Span.Start) + 1}){hint}"));
            }
        }

        foreach (var entry in document.Entries)
        {
            if (imageByLine.TryGetValue(PhysicalLine(entry.TitleLine.Span.Start), out var image))
            {
                CompareEntry(document, entry, image, Add);
            }
        }
    }

    private static void CompareEntry(GrubMenuDocument document, GrubEntry entry, PygrubReading.Image image, Action<DiagnosticDescriptor, SourceLocation, string> add)
    {
        if (Normalize(entry.Title) != Normalize(image.Title))
        {
            add(DiagnosticIds.PygrubTitleDiffers, document.Location(entry.TitleLine),
                $"pygrub reads the title as '{image.Title}', GRUB as '{entry.Title}' (pygrub does not skip '=' after 'title')");
        }
        else if (EndsInBlanks(entry.TitleLine.Argument))
        {
            add(DiagnosticIds.PygrubTitleDiffers, document.Location(entry.TitleLine),
                $"the title '{entry.Title}' ends in blanks: GRUB shows them, pygrub strips them and reads '{image.Title}'; remove them");
        }

        var grubRoot = RootKey(entry);
        var pyRoot = image.Root?.ToString() ?? "none";
        if (grubRoot != pyRoot)
        {
            add(DiagnosticIds.PygrubRootDiffers, entry.RootLine is { } r ? document.Location(r) : document.Location(entry.TitleLine),
                $"pygrub reads the root device of '{entry.Title}' as {pyRoot}, GRUB as {entry.Root ?? "none"}");
        }

        var kernelLine = entry.Kernel?.Line ?? entry.TitleLine;
        var grubKernel = entry.Kernel is { } kernel ? PathPart(kernel.Path) : null;
        var grubArgs = NullIfEmpty(Normalize(entry.Kernel?.ArgumentsText));
        var pyArgs = NullIfEmpty(Normalize(image.Args));
        if (grubKernel != image.Kernel || grubArgs != pyArgs)
        {
            var hint = image.Kernel is { } k && k.StartsWith("--", StringComparison.Ordinal)
                ? " (pygrub does not know kernel options such as --type= and takes the option for the kernel path)"
                : image.Kernel is { } t && t.Contains('\t', StringComparison.Ordinal)
                    ? " (pygrub splits the path from the arguments at a space, not at a tab)"
                    : entry.Kernel?.Line.IsContinued == true || image.Args == "\\"
                        ? " (pygrub does not join backslash-continued lines)"
                        : string.Empty;
            add(DiagnosticIds.PygrubKernelDiffers, document.Location(kernelLine),
                $"pygrub reads the kernel of '{entry.Title}' as '{image.Kernel}' with arguments '{image.Args}', GRUB as '{grubKernel}' with '{entry.Kernel?.ArgumentsText}'{hint}");
        }
        else if (entry.Kernel is { } blanked && EndsInBlanks(blanked.Line.Argument))
        {
            add(DiagnosticIds.PygrubKernelDiffers, document.Location(kernelLine),
                $"the kernel line of '{entry.Title}' ends in blanks: GRUB passes them to the kernel, pygrub strips them; remove them");
        }

        var grubInitrd = entry.Initrd is { } initrd ? PathPart(initrd) : null;
        if (grubInitrd != image.Initrd)
        {
            add(DiagnosticIds.PygrubInitrdDiffers, entry.InitrdLine is { } i ? document.Location(i) : document.Location(entry.TitleLine),
                $"pygrub reads the initrd of '{entry.Title}' as '{image.Initrd}', GRUB as '{grubInitrd}'");
        }
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
    private static bool EndsInBlanks(string argument) => argument.Length > 0 && argument[^1] is ' ' or '\t';

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Show(int? value) => value is null ? "none (wait for a key)" : value.Value.ToString(CultureInfo.InvariantCulture);
}
