using System.Linq.Expressions;

namespace XenConfig.Validation;

/// <summary>
/// What every check of this package's validators is a rule for: the whole document (each check reads what it needs),
/// as one expression per document type, <c>RuleFor(WholeDocument&lt;T&gt;.Expression)</c>.
/// </summary>
/// <remarks>
/// A lambda written at the call, <c>RuleFor(x =&gt; x)</c>, is a new expression tree each time the constructor runs it,
/// and building one checks its parameters by reflection (<c>Expression.Lambda</c>): 24 of them were about 4% of a
/// one-guest <c>xenconfig validate</c> in the native build. FluentValidation compiles the accessor once per type either way.
/// </remarks>
/// <typeparam name="T">The validated document.</typeparam>
internal static class WholeDocument<T>
{
    public static readonly Expression<Func<T, T>> Expression = document => document;
}
