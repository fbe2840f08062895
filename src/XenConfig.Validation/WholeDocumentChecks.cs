using System.Linq.Expressions;
using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;

namespace XenConfig.Validation;

/// <summary>
/// How this package's validators add their checks: each check reads the whole document and reports through the context,
/// and <see cref="Add"/> gives a validator a run of them as one FluentValidation rule, <c>Include</c>d, where a rule
/// each would be <c>RuleFor(document =&gt; document).Custom(check)</c>.
/// </summary>
/// <remarks>
/// <c>RuleFor</c> takes an expression tree: building one checks the delegate type by reflection
/// (<c>Expression.Lambda</c>), and FluentValidation prints it as a cache key (the type's full name, by reflection) and
/// compiles it. In the native build that, with the reflection and type-loader start-up it brought, was a tenth of a
/// one-guest <c>xenconfig validate</c>. <c>Include</c> takes a validator and no expression.
/// </remarks>
internal static class WholeDocumentChecks
{
    /// <summary>Adds <paramref name="checks"/>, run in this order, as one rule of <paramref name="validator"/>.</summary>
    /// <param name="validator">The validator being built (in its constructor).</param>
    /// <param name="ruleSet">The rule set the checks belong to; null for the default rule set.</param>
    /// <param name="checks">The checks.</param>
    public static void Add<T>(AbstractValidator<T> validator, string? ruleSet, params Action<T, ValidationContext<T>>[] checks)
    {
        var rule = new WholeDocumentChecks<T>(ruleSet is null ? [] : [ruleSet], checks);
        if (ruleSet is null)
        {
            validator.Include(rule);
        }
        else
        {
            validator.RuleSet(ruleSet, () => validator.Include(rule));
        }
    }
}

/// <summary>
/// The included validator of <see cref="WholeDocumentChecks.Add"/>. FluentValidation runs it in a child context that
/// shares the parent's failure list, so its findings land where a rule's would, in rule order.
/// </summary>
/// <remarks>
/// An included rule without a rule set runs whatever rule sets are chosen (it stands for another validator's rules,
/// which select themselves), so the checks ask the context's selector about a rule of their own rule sets, as a rule of
/// their own would be asked: <c>IncludeRuleSets("strict")</c> alone does not run the default checks, and the rule sets
/// recorded as executed are the same.
/// </remarks>
internal sealed class WholeDocumentChecks<T>(string[] ruleSets, Action<T, ValidationContext<T>>[] checks) : IValidator<T>
{
    private readonly SelectionRule _selection = new(ruleSets);

    // Only ever included: a context of its own would keep the findings in a list FluentValidation does not expose.
    public ValidationResult Validate(T instance) => throw new NotSupportedException("Checks are run by the validator that includes them.");

    public Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellation = default) => Task.FromResult(Validate(instance));

    /// <returns>No failures of its own: what the checks report goes to the context's list, which FluentValidation
    /// shares with the including validator's (the caller, <c>ChildValidatorAdaptor</c>, ignores the result).</returns>
    public ValidationResult Validate(IValidationContext context)
    {
        Run(ValidationContext<T>.GetFromNonGenericContext(context));
        return new ValidationResult();
    }

    public Task<ValidationResult> ValidateAsync(IValidationContext context, CancellationToken cancellation = default) => Task.FromResult(Validate(context));

    public IValidatorDescriptor CreateDescriptor() => new ValidatorDescriptor<T>([_selection]);

    public bool CanValidateInstancesOfType(Type type) => typeof(T).IsAssignableFrom(type);

    private void Run(ValidationContext<T> context)
    {
        // The path a RuleFor(document => document) rule is selected by: no property name, under the context's chain.
        if (!context.Selector.CanExecute(_selection, context.PropertyChain.BuildPropertyPath(string.Empty), context))
        {
            return;
        }

        foreach (var check in checks)
        {
            check(context.InstanceToValidate, context);
        }
    }

    /// <summary>What the selector is asked about: a whole-document rule (no property, no condition) of the checks' rule sets.</summary>
    private sealed class SelectionRule(string[] ruleSets) : IValidationRule
    {
        public IEnumerable<IRuleComponent> Components => [];

        public string[] RuleSets { get; set; } = ruleSets;

        public string? PropertyName { get; set; }

        public MemberInfo? Member => null;

        public Type TypeToValidate => typeof(T);

        public bool HasCondition => false;

        public bool HasAsyncCondition => false;

        public LambdaExpression? Expression => null;

        public IEnumerable<IValidationRule> DependentRules => [];

        public string? GetDisplayName(IValidationContext context) => null;

        public void SetDisplayName(string name)
        {
        }
    }
}
