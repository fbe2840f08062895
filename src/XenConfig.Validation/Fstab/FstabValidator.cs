using System.Globalization;
using FluentValidation;
using XenConfig.Diagnostics;
using XenConfig.Fstab.Model;
using XenConfig.Fstab.Syntax;
using XenConfig.Fstab;

namespace XenConfig.Validation;

/// <summary>
/// Checks one fstab (XC3010-XC3014): duplicate mount points, the root entry and its pass number, and, in the strict
/// rule set, the offline checks of <c>findmnt --verify</c> that make sense without the disks: parents mounted before
/// children, swap <c>pri=</c>/<c>discard=</c> values. Several swap entries with target <c>none</c> are fine.
/// </summary>
public sealed class FstabValidator : AbstractValidator<FstabDocument>
{
    private static readonly string[] DiscardPolicies = ["once", "pages"];

    /// <summary>Creates the validator with all its rules.</summary>
    public FstabValidator()
    {
        WholeDocumentChecks.Add(this, null, CheckDuplicateTargets, CheckRoot);
        WholeDocumentChecks.Add(this, ValidationRuleSets.Strict, CheckOrder, CheckSwapOptions);
    }

    private static IEnumerable<FstabEntryLine> Mounts(FstabDocument fstab) =>
        fstab.EntryLines.Where(e => !IsSwap(e) && e.Target.Value is not ("none" or "swap"));

    private static bool IsSwap(FstabEntryLine entry) => entry.FileSystemType.Value == "swap";

    private static void CheckDuplicateTargets(FstabDocument fstab, ValidationContext<FstabDocument> context)
    {
        var seen = new Dictionary<string, FstabEntryLine>(StringComparer.Ordinal);
        foreach (var entry in Mounts(fstab))
        {
            var target = Normalize(entry.Target.Value);
            if (seen.TryGetValue(target, out var first))
            {
                context.Report(DiagnosticIds.FstabDuplicateMountPoint, fstab.GetLocation(entry, FstabFieldKind.Target),
                    $"'{entry.Target.Value}' is already mounted on line {fstab.GetLineNumber(first)}");
            }
            else
            {
                seen[target] = entry;
            }
        }
    }

    private static void CheckRoot(FstabDocument fstab, ValidationContext<FstabDocument> context)
    {
        var root = Mounts(fstab).FirstOrDefault(e => Normalize(e.Target.Value) == "/");
        if (root is null)
        {
            if (fstab.EntryLines.Any())
            {
                context.Report(DiagnosticIds.FstabNoRootEntry, fstab.GetLocation(fstab.EntryLines.First()), "no entry mounts /");
            }

            return;
        }

        if (root.PassNumber != 1)
        {
            context.Report(DiagnosticIds.FstabRootPassNotOne, fstab.GetLocation(root, root.Pass is null ? null : FstabFieldKind.Pass),
                $"the / entry has pass {root.PassNumber.ToString(CultureInfo.InvariantCulture)}; fsck checks the root file system first only with pass 1");
        }
    }

    private static void CheckOrder(FstabDocument fstab, ValidationContext<FstabDocument> context)
    {
        var mounted = new List<(string Target, FstabEntryLine Entry)>();
        foreach (var entry in Mounts(fstab))
        {
            var target = Normalize(entry.Target.Value);
            foreach (var (earlier, earlierEntry) in mounted)
            {
                if (IsUnder(earlier, target))
                {
                    context.Report(DiagnosticIds.FstabChildBeforeParent, fstab.GetLocation(earlierEntry, FstabFieldKind.Target),
                        $"'{earlier}' is mounted before its parent '{target}' (line {fstab.GetLineNumber(entry)}); the parent would hide it");
                }
            }

            mounted.Add((target, entry));
        }
    }

    private static void CheckSwapOptions(FstabDocument fstab, ValidationContext<FstabDocument> context)
    {
        foreach (var entry in fstab.EntryLines.Where(IsSwap))
        {
            if (entry.Options is null)
            {
                continue;
            }

            var options = MountOptions.Parse(entry.Options.Value);
            if (options.Contains("pri") && !(int.TryParse(options.GetValue("pri"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority) && priority is >= -1 and <= 32767))
            {
                context.Report(DiagnosticIds.FstabInvalidSwapOption, fstab.GetLocation(entry, FstabFieldKind.Options),
                    $"pri={options.GetValue("pri")} is not a swap priority (-1 to 32767)");
            }

            if (options.Contains("discard") && options.GetValue("discard") is { } policy && !DiscardPolicies.Contains(policy))
            {
                context.Report(DiagnosticIds.FstabInvalidSwapOption, fstab.GetLocation(entry, FstabFieldKind.Options),
                    $"discard={policy} is not a discard policy (once or pages)");
            }
        }
    }

    private static bool IsUnder(string child, string parent) =>
        parent == "/" ? child != "/" : child.StartsWith(parent + "/", StringComparison.Ordinal);

    private static string Normalize(string target) => target.Length > 1 ? target.TrimEnd('/') : target;
}
