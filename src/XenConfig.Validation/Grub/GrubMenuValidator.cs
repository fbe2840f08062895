using System.Globalization;
using System.Runtime.InteropServices;
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
public sealed class GrubMenuValidator : AbstractValidator<GrubMenuDocument>
{
    /// <summary>Creates the validator with all its rules.</summary>
    public GrubMenuValidator()
    {
        RuleFor(WholeDocument<GrubMenuDocument>.Expression).Custom(CheckEmptyEntries);
        RuleFor(WholeDocument<GrubMenuDocument>.Expression).Custom(CheckEntries);
        RuleFor(WholeDocument<GrubMenuDocument>.Expression).Custom(CheckDefault);
        RuleFor(WholeDocument<GrubMenuDocument>.Expression).Custom(CheckDuplicateTitles);
        RuleSet(ValidationRuleSets.Strict, () => RuleFor(WholeDocument<GrubMenuDocument>.Expression).Custom(CheckPasswords));
    }

    private static void CheckEmptyEntries(GrubMenuDocument menu, ValidationContext<GrubMenuDocument> context)
    {
        foreach (var title in menu.DroppedTitles)
        {
            var before = menu.Entries.Count(e => e.TitleLine.Span.Start < title.Span.Start);
            context.Report(DiagnosticIds.GrubEmptyEntry, menu.GetLocation(title), string.Create(CultureInfo.InvariantCulture,
                $"the entry '{title.Argument}' has no commands GRUB keeps; GRUB drops it, so the entries after it are numbered from {before}"));
        }
    }

    private static void CheckEntries(GrubMenuDocument menu, ValidationContext<GrubMenuDocument> context)
    {
        foreach (var entry in menu.Entries)
        {
            if (entry.Kernel is null && entry.Chainloader is null)
            {
                context.Report(DiagnosticIds.GrubEntryWithoutKernel, menu.GetLocation(entry.TitleLine),
                    $"the entry '{entry.Title}' has neither kernel nor chainloader; there is nothing to boot");
            }

            if (entry.Kernel is { } kernel)
            {
                var path = kernel.Path;
                var name = path.AsSpan(path.LastIndexOf('/') + 1);
                if (!entry.IsXen && name.StartsWith("xen", StringComparison.Ordinal) && name.Contains(".gz", StringComparison.Ordinal))
                {
                    context.Report(DiagnosticIds.GrubXenEntryWithoutDom0Module, menu.GetLocation(kernel.Line),
                        $"the entry '{entry.Title}' boots the hypervisor {path} but has no module line: Xen has no dom0 kernel to start");
                }
            }

            CheckCommandOrder(menu, entry, context);
        }
    }

    private static void CheckCommandOrder(GrubMenuDocument menu, GrubEntry entry, ValidationContext<GrubMenuDocument> context)
    {
        var kernelSeen = false;
        // IsXen, not Modules.Count: the count made (and cached) the module list and its strings for every entry.
        var multiboot = entry.IsXen || entry.Kernel?.Type == "multiboot";
        var commands = entry.Commands;
        for (var c = 0; c < commands.Count; c++)
        {
            var command = commands[c];
            var problem = command.Name switch
            {
                "kernel" => null,
                "module" or "modulenounzip" when !kernelSeen =>
                    "a module before the kernel line: GRUB stops with \"Error 20: Multiboot kernel must be loaded before modules\"",
                "initrd" when !kernelSeen => "initrd before any kernel line: GRUB stops with \"Error 19: Linux kernel must be loaded before initrd\"",
                "initrd" when multiboot => "initrd in a multiboot (Xen) entry: GRUB stops with \"Error 19\"; load the initrd with a module line",
                _ => null,
            };
            kernelSeen |= command.Name == "kernel";
            if (problem is not null)
            {
                context.Report(DiagnosticIds.GrubBadCommandOrder, menu.GetLocation(command), problem);
            }
        }
    }

    private static void CheckDefault(GrubMenuDocument menu, ValidationContext<GrubMenuDocument> context)
    {
        if (menu.Entries.Count == 0)
        {
            var first = menu.Lines.FirstOrDefault(l => l.Kind == GrubLineKind.Command) ?? (menu.Lines.Count > 0 ? menu.Lines[0] : null);
            if (first is not null)
            {
                context.Report(DiagnosticIds.GrubNoEntries, menu.GetLocation(first), "the menu has no entry with commands; GRUB shows its command line instead of a menu");
            }
            else
            {
                context.Report(DiagnosticIds.GrubNoEntries, menu.SourceText.GetLocation(default), "the menu is empty; GRUB shows its command line instead of a menu");
            }

            return;
        }

        var model = GrubMenu.FromDocument(menu);
        if (menu.DefaultLine is { } line && model.Default >= menu.Entries.Count)
        {
            context.Report(DiagnosticIds.GrubDefaultOutOfRange, menu.GetLocation(line), string.Create(CultureInfo.InvariantCulture,
                $"default {model.Default} names no entry (there are {menu.Entries.Count}, numbered from 0 after dropping empty titles); GRUB boots entry {model.DefaultEntryIndex} instead"));
        }
    }

    private static void CheckDuplicateTitles(GrubMenuDocument menu, ValidationContext<GrubMenuDocument> context)
    {
        var first = new Dictionary<string, GrubLine>(StringComparer.Ordinal);
        foreach (var entry in menu.Entries)
        {
            // The title line that starts the entry: GRUB starts an entry at each title, so it is the last title before
            // the entry's first command (looking that up from the end of the menu made the check quadratic).
            // One title string and one lookup per entry: a large menu is tens of thousands of them.
            var title = entry.TitleLine;
            var text = entry.Title;
            ref var firstLine = ref CollectionsMarshal.GetValueRefOrAddDefault(first, text, out var seen);
            if (!seen)
            {
                firstLine = title;
                continue;
            }

            context.Report(DiagnosticIds.GrubDuplicateTitle, menu.SourceText.GetLocation(title.ArgumentSpan),
                $"entry {entry.Index} has the same title as the entry on line {menu.SourceText.GetLocation(firstLine!.Span).Start.DisplayLine} ('{text}'); pygrub --entry and grubby select the first");
        }
    }

    private static void CheckPasswords(GrubMenuDocument menu, ValidationContext<GrubMenuDocument> context)
    {
        foreach (var line in menu.Lines.Where(l => l.Kind == GrubLineKind.Command && l.Name == "password"))
        {
            if (!line.Argument.StartsWith("--md5", StringComparison.Ordinal) && !line.Argument.StartsWith("--encrypted", StringComparison.Ordinal))
            {
                context.Report(DiagnosticIds.GrubPlainTextPassword, menu.SourceText.GetLocation(line.ArgumentSpan),
                    "the password is in plain text; anyone who can read the menu can use it (write 'password --md5' with a hash from grub-md5-crypt)");
            }
        }
    }
}
