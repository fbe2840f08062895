using System.Globalization;
using FluentValidation;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;
using XenConfig.Grub;

namespace XenConfig.Validation;

/// <summary>
/// The semantic checks of a GRUB legacy menu, beyond what <see cref="GrubMenuDocument"/> reports while parsing (how
/// GRUB reads each line, pygrub differences): whether it boots (empty entries XC4007, command order XC4008, no entries
/// XC4009, <c>default</c> out of range XC4010, entries without kernel XC4011, Xen entries without a dom0 module XC4012),
/// duplicate entry titles (XC4021) and, in the strict rule set, plain-text passwords (XC4022).
/// </summary>
/// <remarks>
/// Each check reads the document's packed line table by line index and yields its diagnostics in file order, one at a
/// time: asking for <see cref="GrubLine"/> objects (a title, an entry's commands) made and kept one per line, and a
/// large generated menu has hundreds of thousands. <see cref="InFileOrder"/> merges the checks with the document's own
/// diagnostics, so <c>show</c> writes them without holding them.
/// </remarks>
public sealed class GrubMenuValidator : AbstractValidator<GrubMenuDocument>
{
    /// <summary>Creates the validator with all its rules.</summary>
    public GrubMenuValidator()
    {
        WholeDocumentChecks.Add(
            this,
            null,
            (menu, context) => context.AddDiagnostics(EmptyEntries(menu)),
            (menu, context) => context.AddDiagnostics(EntryProblems(menu)),
            (menu, context) => context.AddDiagnostics(DefaultProblems(menu)),
            (menu, context) => context.AddDiagnostics(DuplicateTitles(menu)));
        WholeDocumentChecks.Add(this, ValidationRuleSets.Strict, (menu, context) => context.AddDiagnostics(PlainTextPasswords(menu)));
    }

    /// <summary>
    /// The document's diagnostics and those of the default rule set, in file order (at a shared place the checks' first,
    /// in rule order, then the document's): the list <c>Validate(menu).ToDiagnostics()</c> followed by
    /// <c>menu.Diagnostics</c>, stably sorted by position, made one at a time while it is read.
    /// </summary>
    internal static IEnumerable<Diagnostic> InFileOrder(GrubMenuDocument menu) =>
        DiagnosticStreams.MergeInFileOrder([EmptyEntries(menu), EntryProblems(menu), DefaultProblems(menu), DuplicateTitles(menu), menu.Diagnostics]);

    private static IEnumerable<Diagnostic> EmptyEntries(GrubMenuDocument menu)
    {
        var lines = menu.LineTable;
        foreach (var dropped in menu.Dropped)
        {
            yield return DiagnosticIds.GrubEmptyEntry.Create(menu.Location(dropped.TitleLine), string.Create(CultureInfo.InvariantCulture,
                $"the entry '{lines.Argument(dropped.TitleLine)}' has no commands GRUB keeps; GRUB drops it, so the entries after it are numbered from {dropped.EntriesBefore}"));
        }
    }

    private static IEnumerable<Diagnostic> EntryProblems(GrubMenuDocument menu)
    {
        var lines = menu.LineTable;

        // The entries as rows of the document's table: an entry object made here would be kept with the document.
        var entries = menu.EntryTable;
        var found = new List<Diagnostic>();
        for (var entry = 0; entry < entries.Count; entry++)
        {
            var kernelLine = entries.KernelLine(entry);
            if (kernelLine < 0 && entries.ChainloaderLine(entry) < 0)
            {
                var title = entries.TitleLine(entry);
                found.Add(DiagnosticIds.GrubEntryWithoutKernel.Create(menu.Location(title),
                    $"the entry '{lines.Argument(title)}' has neither kernel nor chainloader; there is nothing to boot"));
            }

            // The kernel's file from the line's characters (not entry.Kernel, which the entry would keep); a string only
            // for a file named xen*.
            if (kernelLine >= 0 && !entries.HasModules(entry) && FileNameStartsWithXen(lines.ArgumentChars(kernelLine), out var file))
            {
                var path = file.ToString();
                if (path.AsSpan(path.LastIndexOf('/') + 1).Contains(".gz", StringComparison.Ordinal))
                {
                    found.Add(DiagnosticIds.GrubXenEntryWithoutDom0Module.Create(menu.Location(kernelLine),
                        $"the entry '{lines.Argument(entries.TitleLine(entry))}' boots the hypervisor {path} but has no module line: Xen has no dom0 kernel to start"));
                }
            }

            AddCommandOrderProblems(menu, entries, entry, found);

            // An entry's problems are on its own lines, which come before the next entry's: sorted here, the stream is.
            DiagnosticStreams.SortInFileOrder(found);
            foreach (var diagnostic in found)
            {
                yield return diagnostic;
            }

            found.Clear();
        }
    }

    /// <summary>The file of a kernel line's argument (see <see cref="GrubKernel.Path"/>), when its name after the last slash starts with <c>xen</c>.</summary>
    private static bool FileNameStartsWithXen(GrubChars argument, out GrubChars file)
    {
        GrubKernel.Split(argument, out file, out _);
        var name = file.Length;
        while (name > 0 && file[name - 1] != '/')
        {
            name--;
        }

        return file.Slice(name).StartsWith("xen");
    }

    private static void AddCommandOrderProblems(GrubMenuDocument menu, GrubEntryTable entries, int entry, List<Diagnostic> found)
    {
        var lines = menu.LineTable;
        var kernelSeen = false;
        for (var line = entries.TitleLine(entry) + 1; line <= entries.LastLine(entry); line++)
        {
            if (!GrubEntry.IsCommand(lines, line))
            {
                continue;
            }

            // Known commands only: their names are the command table's strings, not made per line.
            var name = lines.Name(line);
            var problem = name switch
            {
                "kernel" => null,
                "module" or "modulenounzip" when !kernelSeen =>
                    "a module before the kernel line: GRUB stops with \"Error 20: Multiboot kernel must be loaded before modules\"",
                "initrd" when !kernelSeen => "initrd before any kernel line: GRUB stops with \"Error 19: Linux kernel must be loaded before initrd\"",
                "initrd" when entries.HasModules(entry) || GrubKernel.TypeOf(lines.ArgumentChars(entries.KernelLine(entry))) == "multiboot" =>
                    "initrd in a multiboot (Xen) entry: GRUB stops with \"Error 19\"; load the initrd with a module line",
                _ => null,
            };
            kernelSeen |= name == "kernel";
            if (problem is not null)
            {
                found.Add(DiagnosticIds.GrubBadCommandOrder.Create(menu.Location(line), problem));
            }
        }
    }

    private static IEnumerable<Diagnostic> DefaultProblems(GrubMenuDocument menu)
    {
        var lines = menu.LineTable;
        if (menu.Entries.Count == 0)
        {
            if (lines.Count == 0)
            {
                yield return DiagnosticIds.GrubNoEntries.Create(menu.SourceText.GetLocation(default), "the menu is empty; GRUB shows its command line instead of a menu");
                yield break;
            }

            var first = 0;
            while (first < lines.Count && lines.Kind(first) != GrubLineKind.Command)
            {
                first++;
            }

            yield return DiagnosticIds.GrubNoEntries.Create(menu.Location(first < lines.Count ? first : 0),
                "the menu has no entry with commands; GRUB shows its command line instead of a menu");
            yield break;
        }

        var model = GrubMenu.FromDocument(menu);
        if (menu.DefaultLineIndex >= 0 && model.Default >= menu.Entries.Count)
        {
            yield return DiagnosticIds.GrubDefaultOutOfRange.Create(menu.Location(menu.DefaultLineIndex), string.Create(CultureInfo.InvariantCulture,
                $"default {model.Default} names no entry (there are {menu.Entries.Count}, numbered from 0 after dropping empty titles); GRUB boots entry {model.DefaultEntryIndex} instead"));
        }
    }

    private static IEnumerable<Diagnostic> DuplicateTitles(GrubMenuDocument menu)
    {
        var lines = menu.LineTable;

        // The title line of each title's first entry, compared by the title's characters: no string per entry (a large
        // menu is hundreds of thousands of them, and the set held them all).
        var entries = menu.EntryTable;
        var first = new HashSet<int>(entries.Count, new TitleComparer(lines));
        for (var entry = 0; entry < entries.Count; entry++)
        {
            var title = entries.TitleLine(entry);
            if (!first.TryGetValue(title, out var firstLine))
            {
                first.Add(title);
                continue;
            }

            var location = menu.SourceText.GetLocation(lines.MapRange(title, lines.ArgumentStart(title), lines.ContentLength(title)));
            var firstDisplayLine = menu.SourceText.GetLinePosition(lines.Span(firstLine).Start).DisplayLine;
            yield return DiagnosticIds.GrubDuplicateTitle.Create(location, string.Create(CultureInfo.InvariantCulture,
                $"entry {entry} has the same title as the entry on line {firstDisplayLine} ('{lines.Argument(title)}'); pygrub --entry and grubby select the first"));
        }
    }

    private static IEnumerable<Diagnostic> PlainTextPasswords(GrubMenuDocument menu)
    {
        var lines = menu.LineTable;
        for (var line = 0; line < lines.Count; line++)
        {
            if (lines.Kind(line) != GrubLineKind.Command || lines.CommandFlags(line) == GrubCommandFlags.None || lines.Name(line) != "password")
            {
                continue;
            }

            var argument = lines.ArgumentChars(line);
            if (!argument.StartsWith("--md5") && !argument.StartsWith("--encrypted"))
            {
                yield return DiagnosticIds.GrubPlainTextPassword.Create(
                    menu.SourceText.GetLocation(lines.MapRange(line, lines.ArgumentStart(line), lines.ContentLength(line))),
                    "the password is in plain text; anyone who can read the menu can use it (write 'password --md5' with a hash from grub-md5-crypt)");
            }
        }
    }

    /// <summary>
    /// Title lines compared by their titles as <see cref="GrubEntry.Title"/> reads them (tabs as spaces), from the line
    /// table's characters.
    /// </summary>
    private sealed class TitleComparer(GrubLineTable lines) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y)
        {
            var a = lines.ArgumentChars(x);
            var b = lines.ArgumentChars(y);
            if (a.Length != b.Length)
            {
                return false;
            }

            for (var i = 0; i < a.Length; i++)
            {
                if (Spaced(a[i]) != Spaced(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(int obj)
        {
            var title = lines.ArgumentChars(obj);
            var hash = new HashCode();
            for (var i = 0; i < title.Length; i++)
            {
                hash.Add(Spaced(title[i]));
            }

            return hash.ToHashCode();
        }

        private static char Spaced(char c) => c == '\t' ? ' ' : c;
    }
}
