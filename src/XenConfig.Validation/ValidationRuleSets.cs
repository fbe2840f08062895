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
}
