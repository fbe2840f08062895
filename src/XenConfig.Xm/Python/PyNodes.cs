namespace XenConfig.Xm.Python;

/// <summary>A node of the parsed Python subset; <see cref="Start"/>/<see cref="End"/> are offsets in the source.</summary>
internal abstract class PyNode(int start, int end)
{
    public int Start { get; } = start;

    public int End { get; } = end;
}

internal abstract class PyExpr(int start, int end) : PyNode(start, end)
{
    /// <summary>Height of the expression tree; the parser refuses trees deeper than its limit.</summary>
    public abstract int Depth { get; }

    protected static int DepthOf(params PyExpr?[] children)
    {
        var max = 0;
        foreach (var child in children)
        {
            if (child is not null && child.Depth > max)
            {
                max = child.Depth;
            }
        }

        return max + 1;
    }

    protected static int DepthOf(IEnumerable<PyExpr> children) => DepthOf(children.ToArray());
}

/// <summary>An expression without operands (a constant or a name), of height 1.</summary>
/// <remarks>The height is not stored: a 10 MB list display is hundreds of thousands of leaves, 8 bytes each.</remarks>
internal abstract class PyLeafExpr(int start, int end) : PyExpr(start, end)
{
    public sealed override int Depth => 1;
}

/// <summary>An expression with operands, which keeps the height found for it from theirs.</summary>
internal abstract class PyCompoundExpr(int start, int end, int depth) : PyExpr(start, end)
{
    public sealed override int Depth { get; } = depth;
}

internal sealed class ConstExpr(int start, int end, object value) : PyLeafExpr(start, end)
{
    public object Value { get; } = value;
}

internal sealed class NameExpr(int start, int end, string name) : PyLeafExpr(start, end)
{
    public string Name { get; } = name;
}

internal sealed class AttributeExpr(int start, int end, PyExpr target, string name) : PyCompoundExpr(start, end, DepthOf(target))
{
    public PyExpr Target { get; } = target;

    public string Name { get; } = name;
}

internal sealed class CallExpr(int start, int end, PyExpr function, IReadOnlyList<PyExpr> arguments, IReadOnlyList<(string Name, PyExpr Value)> keywords)
    : PyCompoundExpr(start, end, DepthOf([function, .. arguments, .. keywords.Select(k => k.Value)]))
{
    public PyExpr Function { get; } = function;

    public IReadOnlyList<PyExpr> Arguments { get; } = arguments;

    public IReadOnlyList<(string Name, PyExpr Value)> Keywords { get; } = keywords;
}

internal sealed class SubscriptExpr(int start, int end, PyExpr target, PyExpr index) : PyCompoundExpr(start, end, DepthOf(target, index))
{
    public PyExpr Target { get; } = target;

    public PyExpr Index { get; } = index;
}

internal sealed class SliceExpr(int start, int end, PyExpr target, PyExpr? lower, PyExpr? upper, PyExpr? step)
    : PyCompoundExpr(start, end, DepthOf(target, lower, upper, step))
{
    public PyExpr Target { get; } = target;

    public PyExpr? Lower { get; } = lower;

    public PyExpr? Upper { get; } = upper;

    public PyExpr? Step { get; } = step;
}

internal sealed class BinaryExpr(int start, int end, string op, PyExpr left, PyExpr right) : PyCompoundExpr(start, end, DepthOf(left, right))
{
    public string Operator { get; } = op;

    public PyExpr Left { get; } = left;

    public PyExpr Right { get; } = right;
}

internal sealed class UnaryExpr(int start, int end, string op, PyExpr operand) : PyCompoundExpr(start, end, DepthOf(operand))
{
    public string Operator { get; } = op;

    public PyExpr Operand { get; } = operand;
}

internal sealed class BoolExpr(int start, int end, bool isAnd, PyExpr left, PyExpr right) : PyCompoundExpr(start, end, DepthOf(left, right))
{
    public bool IsAnd { get; } = isAnd;

    public PyExpr Left { get; } = left;

    public PyExpr Right { get; } = right;
}

internal sealed class CompareExpr(int start, int end, PyExpr first, IReadOnlyList<string> operators, IReadOnlyList<PyExpr> operands)
    : PyCompoundExpr(start, end, DepthOf([first, .. operands]))
{
    public PyExpr First { get; } = first;

    public IReadOnlyList<string> Operators { get; } = operators;

    public IReadOnlyList<PyExpr> Operands { get; } = operands;
}

internal sealed class ConditionalExpr(int start, int end, PyExpr condition, PyExpr whenTrue, PyExpr whenFalse)
    : PyCompoundExpr(start, end, DepthOf(condition, whenTrue, whenFalse))
{
    public PyExpr Condition { get; } = condition;

    public PyExpr WhenTrue { get; } = whenTrue;

    public PyExpr WhenFalse { get; } = whenFalse;
}

internal sealed class ListExpr(int start, int end, IReadOnlyList<PyExpr> items) : PyCompoundExpr(start, end, DepthOf(items))
{
    public IReadOnlyList<PyExpr> Items { get; } = items;
}

/// <summary>One <c>for target in iterable</c> or <c>if condition</c> clause of a list comprehension.</summary>
internal sealed record PyComprehensionClause(PyExpr? Target, PyExpr Expression);

/// <summary><c>[element for ... in ... if ...]</c>; in Python 2 its loop variables leak into the enclosing scope.</summary>
internal sealed class ListComprehensionExpr(int start, int end, PyExpr element, IReadOnlyList<PyComprehensionClause> clauses)
    : PyCompoundExpr(start, end, DepthOf([element, .. clauses.Select(c => c.Expression), .. clauses.Where(c => c.Target is not null).Select(c => c.Target!)]))
{
    public PyExpr Element { get; } = element;

    public IReadOnlyList<PyComprehensionClause> Clauses { get; } = clauses;
}

internal sealed class TupleExpr(int start, int end, IReadOnlyList<PyExpr> items) : PyCompoundExpr(start, end, DepthOf(items))
{
    // An array of its exact length, not the parser's list: a 60,000-item list display of '...' % (a, b, c) items kept
    // a list object and a spare slot per tuple (40 bytes of about 700 an item).
    public IReadOnlyList<PyExpr> Items { get; } = items as PyExpr[] ?? [.. items];
}

internal sealed class DictExpr(int start, int end, IReadOnlyList<(PyExpr Key, PyExpr Value)> entries)
    : PyCompoundExpr(start, end, DepthOf(entries.SelectMany(e => new[] { e.Key, e.Value })))
{
    public IReadOnlyList<(PyExpr Key, PyExpr Value)> Entries { get; } = entries;
}

internal sealed class LambdaExpr(int start, int end, PyParameters parameters, PyExpr body) : PyCompoundExpr(start, end, DepthOf(body))
{
    public PyParameters Parameters { get; } = parameters;

    public PyExpr Body { get; } = body;
}

/// <summary>Parameter names with default expressions for the trailing ones.</summary>
internal sealed record PyParameters(IReadOnlyList<string> Names, IReadOnlyList<PyExpr> Defaults);

internal abstract class PyStmt(int start, int end) : PyNode(start, end);

internal sealed class AssignStmt(int start, int end, IReadOnlyList<PyExpr> targets, PyExpr value) : PyStmt(start, end)
{
    public IReadOnlyList<PyExpr> Targets { get; } = targets;

    public PyExpr Value { get; } = value;
}

internal sealed class AugAssignStmt(int start, int end, PyExpr target, string op, PyExpr value) : PyStmt(start, end)
{
    public PyExpr Target { get; } = target;

    /// <summary>The binary operator, without the <c>=</c>.</summary>
    public string Operator { get; } = op;

    public PyExpr Value { get; } = value;
}

internal sealed class ExprStmt(int start, int end, PyExpr expression) : PyStmt(start, end)
{
    public PyExpr Expression { get; } = expression;
}

internal sealed class ImportStmt(int start, int end, IReadOnlyList<(string Module, string? Alias)> modules) : PyStmt(start, end)
{
    public IReadOnlyList<(string Module, string? Alias)> Modules { get; } = modules;
}

internal sealed class FromImportStmt(int start, int end, string module, IReadOnlyList<(string Name, string? Alias)>? names) : PyStmt(start, end)
{
    public string Module { get; } = module;

    /// <summary>The imported names; null for <c>import *</c>.</summary>
    public IReadOnlyList<(string Name, string? Alias)>? Names { get; } = names;
}

internal sealed class IfStmt(int start, int end, IReadOnlyList<(PyExpr Condition, IReadOnlyList<PyStmt> Body)> branches, IReadOnlyList<PyStmt>? orElse)
    : PyStmt(start, end)
{
    public IReadOnlyList<(PyExpr Condition, IReadOnlyList<PyStmt> Body)> Branches { get; } = branches;

    public IReadOnlyList<PyStmt>? Else { get; } = orElse;
}

internal sealed class ForStmt(int start, int end, PyExpr target, PyExpr iterable, IReadOnlyList<PyStmt> body, IReadOnlyList<PyStmt>? orElse)
    : PyStmt(start, end)
{
    public PyExpr Target { get; } = target;

    public PyExpr Iterable { get; } = iterable;

    public IReadOnlyList<PyStmt> Body { get; } = body;

    public IReadOnlyList<PyStmt>? Else { get; } = orElse;
}

internal sealed record PyExceptHandler(PyExpr? Type, string? Name, IReadOnlyList<PyStmt> Body);

internal sealed class TryStmt(int start, int end, IReadOnlyList<PyStmt> body, IReadOnlyList<PyExceptHandler> handlers, IReadOnlyList<PyStmt>? orElse, IReadOnlyList<PyStmt>? final)
    : PyStmt(start, end)
{
    public IReadOnlyList<PyStmt> Body { get; } = body;

    public IReadOnlyList<PyExceptHandler> Handlers { get; } = handlers;

    public IReadOnlyList<PyStmt>? Else { get; } = orElse;

    public IReadOnlyList<PyStmt>? Finally { get; } = final;
}

internal sealed class DefStmt(int start, int end, string name, PyParameters parameters, IReadOnlyList<PyStmt> body) : PyStmt(start, end)
{
    public string Name { get; } = name;

    public PyParameters Parameters { get; } = parameters;

    public IReadOnlyList<PyStmt> Body { get; } = body;
}

internal sealed class ReturnStmt(int start, int end, PyExpr? value) : PyStmt(start, end)
{
    public PyExpr? Value { get; } = value;
}

internal sealed class RaiseStmt(int start, int end, PyExpr? exception, PyExpr? message) : PyStmt(start, end)
{
    public PyExpr? Exception { get; } = exception;

    public PyExpr? Message { get; } = message;
}

internal sealed class PrintStmt(int start, int end, PyExpr? destination, IReadOnlyList<PyExpr> values) : PyStmt(start, end)
{
    public PyExpr? Destination { get; } = destination;

    public IReadOnlyList<PyExpr> Values { get; } = values;
}

internal sealed class AssertStmt(int start, int end, PyExpr condition, PyExpr? message) : PyStmt(start, end)
{
    public PyExpr Condition { get; } = condition;

    public PyExpr? Message { get; } = message;
}

internal sealed class GlobalStmt(int start, int end, IReadOnlyList<string> names) : PyStmt(start, end)
{
    public IReadOnlyList<string> Names { get; } = names;
}

internal sealed class DelStmt(int start, int end, IReadOnlyList<PyExpr> targets) : PyStmt(start, end)
{
    public IReadOnlyList<PyExpr> Targets { get; } = targets;
}

internal sealed class PassStmt(int start, int end) : PyStmt(start, end);

internal sealed class BreakStmt(int start, int end) : PyStmt(start, end);

internal sealed class ContinueStmt(int start, int end) : PyStmt(start, end);

/// <summary>Valid Python the evaluator does not run (<c>class</c>, <c>try</c>, <c>while</c>...); an error only when reached.</summary>
internal sealed class UnsupportedStmt(int start, int end, string construct) : PyStmt(start, end)
{
    public string Construct { get; } = construct;
}
