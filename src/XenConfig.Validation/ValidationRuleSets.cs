using XenConfig.Diagnostics;

namespace XenConfig.Validation;

/// <summary>The rule sets callers choose from (FluentValidation <c>IncludeRuleSets</c>).</summary>
public static class ValidationRuleSets
{
    /// <summary>Checks of one file on its own (the rules outside any rule set also run).</summary>
    public const string Default = "default";

    /// <summary>Checks across the files of a guest and across the guests of a repository.</summary>
    public const string CrossCheck = "crosscheck";

    /// <summary>Style and pitfalls that are legal but likely mistakes.</summary>
    public const string Strict = "strict";

    /// <summary>Every rule set.</summary>
    public static IReadOnlyList<string> All { get; } = [Default, CrossCheck, Strict];

    /// <summary>
    /// The ids the repository validator reports across guests: whether one is found depends on which other guests the
    /// run includes, and which of two guests gets it, so an ignore of one is never judged unused.
    /// </summary>
    internal static readonly string[] AcrossGuests =
        [DiagnosticIds.DuplicateDomainName.Id, DiagnosticIds.DuplicateDomainUuid.Id, DiagnosticIds.DuplicateMacAcrossDomains.Id, DiagnosticIds.SharedWritableTarget.Id];

    // The ids that only a rule set other than the default reports: an inline ignore of one of them cannot be judged
    // unused in a run without that rule set (XC0018). Kept in step with the RuleSet(...) blocks of the validators.
    private static readonly Dictionary<string, string[]> OnlyIn = new(StringComparer.Ordinal)
    {
        [Strict] = [DiagnosticIds.FstabChildBeforeParent.Id, DiagnosticIds.FstabInvalidSwapOption.Id, DiagnosticIds.GrubPlainTextPassword.Id],
        [CrossCheck] =
        [
            DiagnosticIds.DeviceMatchNeedsModernKernel.Id, DiagnosticIds.FstabDeviceNotProvided.Id, DiagnosticIds.FstabRootDiffersFromKernelRoot.Id,
            DiagnosticIds.FstabTagUncheckable.Id, DiagnosticIds.FstabWritesReadOnlyDisk.Id, DiagnosticIds.GuestMenuRootNotProvided.Id,
            DiagnosticIds.WritableDiskUnused.Id, .. AcrossGuests,
        ],
    };

    /// <summary>The ids that a run with <paramref name="ruleSets"/> cannot report, because only other rule sets do.</summary>
    internal static HashSet<string> IdsNotRun(IEnumerable<string> ruleSets)
    {
        var run = ruleSets.ToHashSet(StringComparer.Ordinal);
        return OnlyIn.Where(pair => !run.Contains(pair.Key)).SelectMany(pair => pair.Value).ToHashSet(StringComparer.Ordinal);
    }
}
