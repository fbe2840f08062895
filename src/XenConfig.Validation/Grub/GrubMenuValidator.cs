using FluentValidation;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;
using XenConfig.Grub;

namespace XenConfig.Validation;

/// <summary>
/// Checks a GRUB legacy menu beyond what <see cref="GrubMenuDocument"/> reports while parsing (XC4001-XC4020: wrong
/// sections, command order, missing kernels and modules, <c>default</c> out of range, pygrub differences): duplicate
/// entry titles (XC4021) and, in the strict rule set, plain-text passwords (XC4022).
/// </summary>
public sealed class GrubMenuValidator : AbstractValidator<GrubMenuDocument>
{
    /// <summary>Creates the validator with all its rules.</summary>
    public GrubMenuValidator()
    {
        RuleFor(menu => menu).Custom(CheckDuplicateTitles);
        RuleSet(ValidationRuleSets.Strict, () => RuleFor(menu => menu).Custom(CheckPasswords));
    }

    private static void CheckDuplicateTitles(GrubMenuDocument menu, ValidationContext<GrubMenuDocument> context)
    {
        var first = new Dictionary<string, GrubLine>(StringComparer.Ordinal);
        foreach (var entry in menu.Entries)
        {
            if (TitleLine(menu, entry) is not { } title)
            {
                continue;
            }

            var location = menu.Source.GetLocation(title.ArgumentSpan);
            if (!first.TryAdd(entry.Title, title))
            {
                context.Report(DiagnosticIds.GrubDuplicateTitle, location,
                    $"entry {entry.Index} has the same title as the entry on line {menu.Source.GetLocation(first[entry.Title].Span).Start.DisplayLine} ('{entry.Title}'); pygrub --entry and grubby select the first");
            }
        }
    }

    private static void CheckPasswords(GrubMenuDocument menu, ValidationContext<GrubMenuDocument> context)
    {
        foreach (var line in menu.Lines.Where(l => l.Kind == GrubLineKind.Command && l.Name == "password"))
        {
            if (!line.Argument.StartsWith("--md5", StringComparison.Ordinal) && !line.Argument.StartsWith("--encrypted", StringComparison.Ordinal))
            {
                context.Report(DiagnosticIds.GrubPlainTextPassword, menu.Source.GetLocation(line.ArgumentSpan),
                    "the password is in plain text; anyone who can read the menu can use it (write 'password --md5' with a hash from grub-md5-crypt)");
            }
        }
    }

    /// <summary>The <c>title</c> line of an entry: the last title before its first command.</summary>
    private static GrubLine? TitleLine(GrubMenuDocument menu, GrubEntry entry)
    {
        var start = entry.Commands.Count > 0 ? entry.Commands[0].Span.Start : int.MaxValue;
        return menu.Lines.LastOrDefault(l => l.Kind == GrubLineKind.Command && l.Name == "title" && l.Span.Start < start && l.Argument == entry.Title);
    }
}
