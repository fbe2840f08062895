namespace XenConfig.Validation;

/// <summary>What <see cref="RepositoryValidation"/> checks.</summary>
public sealed record RepositoryValidationOptions
{
    /// <summary>The defaults: rule sets <c>default</c> and <c>crosscheck</c>; <c>strict</c> only when asked for.</summary>
    public static RepositoryValidationOptions Default { get; } = new();

    /// <summary>
    /// The rule sets to run (names from <see cref="ValidationRuleSets"/>). Parse diagnostics are always reported;
    /// <c>default</c> runs the per-file validators, <c>crosscheck</c> the guest and repository validators,
    /// <c>strict</c> the style rules.
    /// </summary>
    public IReadOnlyList<string> RuleSets { get; init; } = [ValidationRuleSets.Default, ValidationRuleSets.CrossCheck];

    /// <summary>Told the number of files read so far, after each file (for a progress line); null for none.</summary>
    public IProgress<int>? Progress { get; init; }
}
