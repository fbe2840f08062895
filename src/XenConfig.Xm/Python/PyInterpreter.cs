using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace XenConfig.Xm.Python;

internal sealed record PyCallContext(PyInterpreter Interpreter, PyNode Node);

/// <summary>A scope: the module scope (xend's separate globals and locals dicts) or a function call's.</summary>
internal sealed class PyScope(PyDict locals, PyDict globals, bool isModule)
{
    public PyDict Locals { get; } = locals;

    public PyDict Globals { get; } = globals;

    public bool IsModule { get; } = isModule;

    public HashSet<string> GlobalNames { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Walks the parsed Python subset the way <c>execfile(FILE, globals, locals)</c> ran it in xend. Every operation is
/// counted against a step budget, operations over whole values against a work budget, recursion is bounded, and strings,
/// lists and integers have size limits.
/// </summary>
internal sealed partial class PyInterpreter
{
    public const int MaxCallDepth = 40;
    // A last resort for what the budgets cannot count (a regular expression that backtracks just short of its own time
    // limit, call after call). Every other cost is counted by the step, build and work budgets, so that a result does
    // not depend on how loaded the machine is: a large generated config must not fail only because the machine was busy.
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, object> _builtins;
    private readonly Dictionary<string, PyModuleValue> _modules;
    private long _steps;
    private int _callDepth;
    private object _returnValue = PyNone.Instance;

    public PyInterpreter(XmEvaluationOptions options)
    {
        Options = options;
        ModuleLocals = new PyDict();
        ModuleGlobals = new PyDict();
        XmVars = new PyXmVars(ModuleLocals);
        ModuleScope = new PyScope(ModuleLocals, ModuleGlobals, isModule: true);
        _builtins = CreateBuiltins();
        _modules = CreateModules();
    }

    public XmEvaluationOptions Options { get; }

    public PyDict ModuleLocals { get; }

    public PyDict ModuleGlobals { get; }

    public PyXmVars XmVars { get; }

    /// <summary>Warnings raised while running (host-dependent answers), with the node that caused them.</summary>
    public List<(PyNode Node, string Message)> HostWarnings { get; } = [];

    /// <summary>The last top-level statement that assigned each module-level name.</summary>
    public InsertionOrderedDictionary<string, (int Start, int End)> Assignments { get; } = new(StringComparer.Ordinal);

    /// <summary>Unsupported statements that were reached.</summary>
    public HashSet<UnsupportedStmt> ReachedUnsupported { get; } = [];

    /// <summary>Lines written by <c>print</c>.</summary>
    public List<string> Output { get; } = [];

    public PyScope ModuleScope { get; }

    public void RunPrologue(PyScope scope, PyNode origin)
    {
        Import(scope, "sys", null, origin);
        Import(scope, "os", null, origin);
        Import(scope, "os.path", null, origin);

        // from xen.util.ip import *: ip.py's own imports and names come along (no __all__).
        foreach (var (name, value) in _modules["xen.util.ip"].Members)
        {
            ModuleLocals.Set(name, value);
        }

        ModuleLocals.Set("Vars", Unsupported("Vars"));
        ModuleLocals.Set("xm_file", Options.FileName ?? "");
        ModuleLocals.Set("xm_help", 0L);
        ModuleLocals.Set("xm_vars", XmVars);
    }

    private void Step(PyNode node)
    {
        if (++_steps > Options.MaxSteps)
        {
            throw new PyUnsupportedException($"the script ran more than {Options.MaxSteps} steps", isLimit: true) { Node = node };
        }

        if ((_steps & 1023) == 0 && _clock.Elapsed > TimeLimit)
        {
            throw new PyUnsupportedException($"the script ran longer than {TimeLimit.TotalSeconds} seconds", isLimit: true) { Node = node };
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private enum Flow
    {
        Normal,
        Return,
        Break,
        Continue,
    }

    /// <summary>
    /// Runs the module's next top-level statement, as the module's block runs each of its statements; false when the
    /// module stops there (a break or continue outside a loop ends the block).
    /// </summary>
    public bool ExecuteTopLevel(PyStmt statement, PyScope scope)
    {
        // The time limit is the script's running time: parsing the next statement between two does not count.
        _clock.Start();
        Flow flow;
        try
        {
            flow = ExecuteInBlock(statement, scope);
        }
        finally
        {
            _clock.Stop();
        }

        if (flow == Flow.Return)
        {
            throw new PyException("SyntaxError", "'return' outside function");
        }

        return flow == Flow.Normal;
    }

    private Flow ExecuteBlock(IReadOnlyList<PyStmt> body, PyScope scope)
    {
        foreach (var statement in body)
        {
            var flow = ExecuteInBlock(statement, scope);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow ExecuteInBlock(PyStmt statement, PyScope scope)
    {
        try
        {
            return Execute(statement, scope);
        }
        catch (PyStopException ex) when (ex.Node is null)
        {
            ex.Node = statement;
            throw;
        }
    }

    private Flow Execute(PyStmt statement, PyScope scope)
    {
        Step(statement);
        switch (statement)
        {
            case AssignStmt assign:
            {
                var value = Evaluate(assign.Value, scope);
                foreach (var target in assign.Targets)
                {
                    AssignTo(target, value, scope, statement);
                }

                return Flow.Normal;
            }

            case AugAssignStmt aug:
                ExecuteAugmented(aug, scope);
                return Flow.Normal;
            case ExprStmt expr:
                Evaluate(expr.Expression, scope);
                return Flow.Normal;
            case ImportStmt import:
                foreach (var (module, alias) in import.Modules)
                {
                    Import(scope, module, alias, statement);
                }

                return Flow.Normal;
            case FromImportStmt from:
                ExecuteFromImport(from, scope);
                return Flow.Normal;
            case IfStmt ifStmt:
                foreach (var (condition, body) in ifStmt.Branches)
                {
                    if (PyOps.IsTrue(Evaluate(condition, scope)))
                    {
                        return ExecuteBlock(body, scope);
                    }
                }

                return ifStmt.Else is null ? Flow.Normal : ExecuteBlock(ifStmt.Else, scope);
            case ForStmt forStmt:
                foreach (var item in Iterate(Evaluate(forStmt.Iterable, scope)))
                {
                    AssignTo(forStmt.Target, item, scope, statement);
                    var flow = ExecuteBlock(forStmt.Body, scope);
                    if (flow == Flow.Break)
                    {
                        return Flow.Normal;
                    }

                    if (flow == Flow.Return)
                    {
                        return flow;
                    }
                }

                return forStmt.Else is null ? Flow.Normal : ExecuteBlock(forStmt.Else, scope);
            case TryStmt tryStmt:
                return ExecuteTry(tryStmt, scope);
            case DefStmt def:
                Store(scope, def.Name, new PyFunction(def.Name, def.Parameters, def.Parameters.Defaults.Select(d => Evaluate(d, scope)).ToArray(), def.Body, null, scope.Globals), statement);
                return Flow.Normal;
            case ReturnStmt ret:
                if (scope.IsModule)
                {
                    throw new PyException("SyntaxError", "'return' outside function");
                }

                _returnValue = ret.Value is null ? PyNone.Instance : Evaluate(ret.Value, scope);
                return Flow.Return;
            case RaiseStmt raise:
                throw CreateRaise(raise, scope);
            case PrintStmt print:
            {
                if (print.Destination is not null && Evaluate(print.Destination, scope) is not PyStream)
                {
                    throw new PyException("AttributeError", "print >> target has no attribute 'write'");
                }

                Output.Add(string.Join(" ", print.Values.Select(v => PyOps.Str(Evaluate(v, scope)))));
                return Flow.Normal;
            }

            case AssertStmt assert:
                if (!PyOps.IsTrue(Evaluate(assert.Condition, scope)))
                {
                    throw new PyException("AssertionError", assert.Message is null ? "" : PyOps.Str(Evaluate(assert.Message, scope)));
                }

                return Flow.Normal;
            case GlobalStmt global:
                scope.GlobalNames.UnionWith(global.Names);
                return Flow.Normal;
            case DelStmt del:
                foreach (var target in del.Targets)
                {
                    Delete(target, scope);
                }

                return Flow.Normal;
            case PassStmt:
                return Flow.Normal;
            case BreakStmt:
                return Flow.Break;
            case ContinueStmt:
                return Flow.Continue;
            case UnsupportedStmt unsupported:
                ReachedUnsupported.Add(unsupported);
                throw new PyUnsupportedException($"{unsupported.Construct} is not supported by the safe xm evaluator") { Node = statement };
            default:
                throw new PyUnsupportedException("statement not supported") { Node = statement };
        }
    }

    private static readonly Dictionary<string, string[]> ExceptionBases = new(StringComparer.Ordinal)
    {
        ["LookupError"] = ["KeyError", "IndexError"],
        ["ArithmeticError"] = ["ZeroDivisionError", "OverflowError"],
        ["EnvironmentError"] = ["IOError", "OSError"],
        ["NameError"] = ["UnboundLocalError"],
        ["ValueError"] = ["UnicodeError"],
    };

    private readonly Stack<PyException> _handling = new();

    private static bool Matches(string raised, object handler) => handler switch
    {
        PyExceptionType type => type.Name == raised ||
            (type.Name is "Exception" or "StandardError" && raised != "SystemExit") ||
            (ExceptionBases.TryGetValue(type.Name, out var derived) && derived.Contains(raised)),
        PyTuple tuple => tuple.Items.Any(item => Matches(raised, item)),
        _ => false,
    };

    private Flow ExecuteTry(TryStmt tryStmt, PyScope scope)
    {
        try
        {
            Flow flow;
            try
            {
                flow = ExecuteBlock(tryStmt.Body, scope);
            }
            catch (PyException ex)
            {
                foreach (var handler in tryStmt.Handlers)
                {
                    if (handler.Type is not null && !Matches(ex.TypeName, Evaluate(handler.Type, scope)))
                    {
                        continue;
                    }

                    if (handler.Name is not null)
                    {
                        Store(scope, handler.Name, new PyExceptionValue(new PyExceptionType(ex.TypeName), ex.Message), tryStmt);
                    }

                    _handling.Push(ex);
                    try
                    {
                        return ExecuteBlock(handler.Body, scope);
                    }
                    finally
                    {
                        _handling.Pop();
                    }
                }

                throw;
            }

            return flow == Flow.Normal && tryStmt.Else is not null ? ExecuteBlock(tryStmt.Else, scope) : flow;
        }
        finally
        {
            if (tryStmt.Finally is not null)
            {
                ExecuteBlock(tryStmt.Finally, scope);
            }
        }
    }

    private PyException CreateRaise(RaiseStmt raise, PyScope scope)
    {
        if (raise.Exception is null)
        {
            return _handling.Count > 0
                ? new PyException(_handling.Peek().TypeName, _handling.Peek().Message)
                : new PyException("TypeError", "exceptions must be old-style classes or derived from BaseException, not NoneType");
        }

        var value = Evaluate(raise.Exception, scope);
        var message = raise.Message is null ? null : PyOps.Str(Evaluate(raise.Message, scope));
        return value switch
        {
            PyExceptionType type => new PyException(type.Name, message ?? ""),
            PyExceptionValue instance => new PyException(instance.Type.Name, instance.Message),
            _ => new PyException("TypeError", $"exceptions must be old-style classes or derived from BaseException, not {PyOps.TypeName(value)}"),
        };
    }

    private void ExecuteAugmented(AugAssignStmt aug, PyScope scope)
    {
        switch (aug.Target)
        {
            case NameExpr name:
            {
                var current = Lookup(scope, name.Name, name);
                var value = Evaluate(aug.Value, scope);
                Store(scope, name.Name, InPlace(aug.Operator, current, value), aug);
                return;
            }

            case SubscriptExpr subscript:
            {
                var container = Evaluate(subscript.Target, scope);
                var index = Evaluate(subscript.Index, scope);
                var current = GetItem(container, index);
                var value = Evaluate(aug.Value, scope);
                SetItem(container, index, InPlace(aug.Operator, current, value));
                return;
            }

            default:
                throw new PyUnsupportedException("augmented assignment to an attribute or slice");
        }
    }

    private static object InPlace(string op, object current, object value)
    {
        if (op == "+" && current is PyList list)
        {
            var items = Iterate(value).ToList();
            PyOps.CheckLength((long)list.Items.Count + items.Count);
            PyOps.Work(items.Count);
            list.Items.AddRange(items);
            return list;
        }

        return PyOps.Binary(op, current, value);
    }

    private void AssignTo(PyExpr target, object value, PyScope scope, PyNode statement)
    {
        switch (target)
        {
            case NameExpr name:
                Store(scope, name.Name, value, statement);
                return;
            case TupleExpr or ListExpr:
            {
                var targets = target is TupleExpr t ? t.Items : ((ListExpr)target).Items;
                var items = Iterate(value).ToList();
                if (items.Count > targets.Count)
                {
                    throw new PyException("ValueError", "too many values to unpack");
                }

                if (items.Count < targets.Count)
                {
                    throw new PyException("ValueError", $"need more than {items.Count} value{(items.Count == 1 ? "" : "s")} to unpack");
                }

                for (var i = 0; i < targets.Count; i++)
                {
                    AssignTo(targets[i], items[i], scope, statement);
                }

                return;
            }

            case SubscriptExpr subscript:
                SetItem(Evaluate(subscript.Target, scope), Evaluate(subscript.Index, scope), value);
                return;
            default:
                throw new PyUnsupportedException("assignment to an attribute or slice") { Node = target };
        }
    }

    private void Store(PyScope scope, string name, object value, PyNode statement)
    {
        if (scope.GlobalNames.Contains(name))
        {
            scope.Globals.Set(name, value);
            return;
        }

        scope.Locals.Set(name, value);
        if (scope.IsModule && _callDepth == 0)
        {
            Assignments[name] = (statement.Start, statement.End);
        }
    }

    private void Delete(PyExpr target, PyScope scope)
    {
        switch (target)
        {
            case NameExpr name:
                if (!(scope.GlobalNames.Contains(name.Name) ? scope.Globals : scope.Locals).Remove(name.Name))
                {
                    throw new PyException("NameError", $"name '{name.Name}' is not defined");
                }

                Assignments.Remove(name.Name);
                return;
            case SubscriptExpr subscript:
            {
                var container = Evaluate(subscript.Target, scope);
                var index = Evaluate(subscript.Index, scope);
                switch (container)
                {
                    case PyDict dict:
                        if (!dict.Remove(index))
                        {
                            throw new PyException("KeyError", PyOps.Repr(index));
                        }

                        return;
                    case PyList list:
                        list.Items.RemoveAt(NormalizeIndex(index, list.Items.Count));
                        return;
                    default:
                        throw new PyException("TypeError", $"'{PyOps.TypeName(container)}' object doesn't support item deletion");
                }
            }

            default:
                throw new PyUnsupportedException("del of this target");
        }
    }

    public object Lookup(PyScope scope, string name, PyNode node)
    {
        if (!scope.GlobalNames.Contains(name) && scope.Locals.TryGet(name, out var local))
        {
            return local;
        }

        if (scope.Globals.TryGet(name, out var global))
        {
            return global;
        }

        if (_builtins.TryGetValue(name, out var builtin))
        {
            return builtin;
        }

        throw new PyException("NameError", scope.IsModule ? $"name '{name}' is not defined" : $"global name '{name}' is not defined") { Node = node };
    }

    public object Evaluate(PyExpr expr, PyScope scope)
    {
        Step(expr);
        switch (expr)
        {
            case ConstExpr constant:
                return constant.Value;
            case NameExpr name:
                return Lookup(scope, name.Name, name);
            case AttributeExpr attribute:
                return WithNode(attribute, () => GetAttribute(Evaluate(attribute.Target, scope), attribute.Name));
            case CallExpr call:
            {
                var function = Evaluate(call.Function, scope);
                var arguments = call.Arguments.Select(a => Evaluate(a, scope)).ToList();
                var keywords = call.Keywords.Select(k => (k.Name, Evaluate(k.Value, scope))).ToList();
                return WithNode(call, () => Call(function, arguments, keywords, call));
            }

            case SubscriptExpr subscript:
            {
                var container = Evaluate(subscript.Target, scope);
                var index = Evaluate(subscript.Index, scope);
                return WithNode(subscript, () => GetItem(container, index));
            }

            case SliceExpr slice:
            {
                var container = Evaluate(slice.Target, scope);
                var lower = slice.Lower is null ? null : Evaluate(slice.Lower, scope);
                var upper = slice.Upper is null ? null : Evaluate(slice.Upper, scope);
                var step = slice.Step is null ? null : Evaluate(slice.Step, scope);
                return WithNode(slice, () => GetSlice(container, lower, upper, step));
            }

            case BinaryExpr binary:
            {
                var left = Evaluate(binary.Left, scope);
                var right = Evaluate(binary.Right, scope);
                return WithNode(binary, () => PyOps.Binary(binary.Operator, left, right));
            }

            case UnaryExpr unary:
            {
                var operand = Evaluate(unary.Operand, scope);
                return WithNode(unary, () => PyOps.Unary(unary.Operator, operand));
            }

            case BoolExpr boolean:
            {
                var left = Evaluate(boolean.Left, scope);
                return PyOps.IsTrue(left) == boolean.IsAnd ? Evaluate(boolean.Right, scope) : left;
            }

            case CompareExpr compare:
            {
                var left = Evaluate(compare.First, scope);
                for (var i = 0; i < compare.Operators.Count; i++)
                {
                    var right = Evaluate(compare.Operands[i], scope);
                    var op = compare.Operators[i];
                    var l = left;
                    if (!WithNode(compare, () => CompareValues(op, l, right)))
                    {
                        return false;
                    }

                    left = right;
                }

                return true;
            }

            case ConditionalExpr conditional:
                return PyOps.IsTrue(Evaluate(conditional.Condition, scope)) ? Evaluate(conditional.WhenTrue, scope) : Evaluate(conditional.WhenFalse, scope);
            case ListExpr list:
                return new PyList(list.Items.Select(i => Evaluate(i, scope)).ToList());
            case TupleExpr tuple:
                return new PyTuple(tuple.Items.Select(i => Evaluate(i, scope)).ToArray());
            case DictExpr dict:
            {
                var result = new PyDict();
                foreach (var (key, value) in dict.Entries)
                {
                    var k = Evaluate(key, scope);
                    var v = Evaluate(value, scope);
                    WithNode(dict, () =>
                    {
                        result.Set(k, v);
                        return true;
                    });
                }

                return result;
            }

            case ListComprehensionExpr comprehension:
            {
                var result = new List<object>();
                Comprehend(comprehension, 0, scope, result);
                return new PyList(result);
            }

            case LambdaExpr lambda:
                return new PyFunction("<lambda>", lambda.Parameters, lambda.Parameters.Defaults.Select(d => Evaluate(d, scope)).ToArray(), null, lambda.Body, scope.Globals);
            default:
                throw new PyUnsupportedException("expression not supported") { Node = expr };
        }
    }

    // Python 2 list comprehensions run in the enclosing scope: their loop variables stay defined afterwards.
    private void Comprehend(ListComprehensionExpr comprehension, int clause, PyScope scope, List<object> result)
    {
        if (clause == comprehension.Clauses.Count)
        {
            PyOps.CheckLength(result.Count + 1L);
            result.Add(Evaluate(comprehension.Element, scope));
            return;
        }

        var current = comprehension.Clauses[clause];
        if (current.Target is null)
        {
            if (PyOps.IsTrue(Evaluate(current.Expression, scope)))
            {
                Comprehend(comprehension, clause + 1, scope, result);
            }

            return;
        }

        foreach (var item in Iterate(Evaluate(current.Expression, scope)))
        {
            AssignTo(current.Target, item, scope, comprehension);
            Comprehend(comprehension, clause + 1, scope, result);
        }
    }

    private static T WithNode<T>(PyNode node, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PyStopException ex) when (ex.Node is null)
        {
            ex.Node = node;
            throw;
        }
    }

    private static bool CompareValues(string op, object left, object right) => op switch
    {
        "==" => PyOps.AreEqual(left, right),
        "!=" => !PyOps.AreEqual(left, right),
        "<" => PyOps.Compare(left, right) < 0,
        "<=" => PyOps.Compare(left, right) <= 0,
        ">" => PyOps.Compare(left, right) > 0,
        ">=" => PyOps.Compare(left, right) >= 0,
        "in" => PyOps.Contains(right, left),
        "not in" => !PyOps.Contains(right, left),
        "is" => IsSame(left, right),
        _ => !IsSame(left, right),
    };

    private static bool IsSame(object left, object right) =>
        ReferenceEquals(left, right) || (left is bool lb && right is bool rb && lb == rb) ||
        (left is long ll && right is long rl && ll == rl && ll is >= -5 and <= 256) ||
        (left is string ls && right is string rs && ls == rs && ls.Length <= 1);

    public static IEnumerable<object> Iterate(object value) => value switch
    {
        PyUnicode u => u.Value.Select(c => (object)new PyUnicode(c.ToString())).ToList(),
        string s => s.Select(c => (object)c.ToString()).ToList(),
        PyList list => list.Items.ToList(),
        PyTuple tuple => tuple.Items,
        PyDict dict => dict.Items.Select(kv => kv.Key).ToList(),
        _ => throw new PyException("TypeError", $"'{PyOps.TypeName(value)}' object is not iterable"),
    };

    public static int NormalizeIndex(object index, int count)
    {
        if (!PyOps.IsInteger(index))
        {
            throw new PyException("TypeError", $"indices must be integers, not {PyOps.TypeName(index)}");
        }

        var i = PyOps.ToBig(index);
        if (i < 0)
        {
            i += count;
        }

        if (i < 0 || i >= count)
        {
            throw new PyException("IndexError", "index out of range");
        }

        return (int)i;
    }

    private static object GetItem(object container, object index)
    {
        switch (container)
        {
            case PyUnicode u:
                return new PyUnicode((string)GetItem(u.Value, index));
            case string s:
                return s[NormalizeIndex(index, s.Length)].ToString();
            case PyList list:
                return list.Items[NormalizeIndex(index, list.Items.Count)];
            case PyTuple tuple:
                return tuple.Items[NormalizeIndex(index, tuple.Items.Length)];
            case PyDict dict:
                return dict.TryGet(index, out var value) ? value : throw new PyException("KeyError", PyOps.Repr(index));
            case PyMatch match:
                return MatchGroup(match, index);
            default:
                throw new PyException("TypeError", $"'{PyOps.TypeName(container)}' object has no attribute '__getitem__'");
        }
    }

    private static void SetItem(object container, object index, object value)
    {
        switch (container)
        {
            case PyList list:
                list.Items[NormalizeIndex(index, list.Items.Count)] = value;
                return;
            case PyDict dict:
                dict.Set(index, value);
                return;
            default:
                throw new PyException("TypeError", $"'{PyOps.TypeName(container)}' object does not support item assignment");
        }
    }

    private static object GetSlice(object container, object? lower, object? upper, object? step)
    {
        if (container is PyUnicode u)
        {
            return new PyUnicode((string)GetSlice(u.Value, lower, upper, step));
        }

        int count = container switch
        {
            string s => s.Length,
            PyList list => list.Items.Count,
            PyTuple tuple => tuple.Items.Length,
            _ => throw new PyException("TypeError", $"'{PyOps.TypeName(container)}' object has no attribute '__getslice__'"),
        };
        var stride = step is null or PyNone ? 1 : (int)Math.Clamp((long)SliceBound(step), int.MinValue, int.MaxValue);
        if (stride == 0)
        {
            throw new PyException("ValueError", "slice step cannot be zero");
        }

        long Bound(object? bound, long fallback)
        {
            if (bound is null or PyNone)
            {
                return fallback;
            }

            var b = (long)SliceBound(bound);
            if (b < 0)
            {
                b += count;
            }

            return stride > 0 ? Math.Clamp(b, 0, count) : Math.Clamp(b, -1, count - 1);
        }

        var start = Bound(lower, stride > 0 ? 0 : count - 1);
        var stop = Bound(upper, stride > 0 ? count : -1);
        PyOps.Work(Math.Max(0, (stop - start) / stride));
        if (stride == 1)
        {
            var length = (int)Math.Max(0, stop - start);
            return container switch
            {
                string s => s.Substring((int)start, length),
                PyList list => new PyList(list.Items.GetRange((int)start, length)),
                _ => new PyTuple(((PyTuple)container).Items.AsSpan((int)start, length).ToArray()),
            };
        }

        var indices = new List<int>();
        for (var i = start; stride > 0 ? i < stop : i > stop; i += stride)
        {
            indices.Add((int)i);
        }

        return container switch
        {
            string s => new string(indices.Select(i => s[i]).ToArray()),
            PyList list => new PyList(indices.Select(i => list.Items[i]).ToList()),
            _ => new PyTuple(indices.Select(i => ((PyTuple)container).Items[i]).ToArray()),
        };
    }

    private static BigInteger SliceBound(object bound)
    {
        if (!PyOps.IsInteger(bound))
        {
            throw new PyException("TypeError", "slice indices must be integers or None");
        }

        return BigInteger.Clamp(PyOps.ToBig(bound), int.MinValue, int.MaxValue);
    }

    public object Call(object function, IReadOnlyList<object> arguments, IReadOnlyList<(string Name, object Value)> keywords, PyNode node)
    {
        switch (function)
        {
            case PyBuiltin builtin:
                ChargeCall(null, builtin.Name, arguments);
                return ChargeResult(builtin.Name, builtin.Body(new PyCallContext(this, node), arguments, keywords));
            case PyBoundMethod method:
                ChargeCall(method.Self, method.Name, arguments);
                return ChargeResult(method.Name, CallMethod(method.Self, method.Name, arguments, keywords, node));
            case PyFunction user:
                return CallFunction(user, arguments, keywords);
            case PyExceptionType type:
                return new PyExceptionValue(type, arguments.Count switch
                {
                    0 => "",
                    1 => PyOps.Str(arguments[0]),
                    _ => PyOps.Repr(new PyTuple([.. arguments])),
                });
            default:
                throw new PyException("TypeError", $"'{PyOps.TypeName(function)}' object is not callable");
        }
    }

    // Builtins and methods whose cost does not grow with the size of their receiver, arguments or result: len(x),
    // l.append(x), d.get(k) of a long list must not cost the list's length on every call.
    private static readonly HashSet<string> ConstantCostCalls =
        ["len", "bool", "type", "id", "isinstance", "callable", "append", "pop", "get", "has_key", "setdefault"];

    // Every other builtin and method reads its receiver and arguments and builds its result, at most: their sizes
    // count against the work budget (a loop of s.count(x) over a long string, sorted() of a long list...).
    private static void ChargeCall(object? self, string name, IReadOnlyList<object> arguments)
    {
        if (ConstantCostCalls.Contains(name))
        {
            return;
        }

        var units = self is null ? 1 : PyOps.WorkSize(self);
        foreach (var argument in arguments)
        {
            units += PyOps.WorkSize(argument);
        }

        PyOps.Work(units);
    }

    private static object ChargeResult(string name, object result)
    {
        if (!ConstantCostCalls.Contains(name))
        {
            PyOps.Work(PyOps.WorkSize(result));
        }

        return result;
    }

    private object CallFunction(PyFunction function, IReadOnlyList<object> arguments, IReadOnlyList<(string Name, object Value)> keywords)
    {
        var names = function.Parameters.Names;
        if (arguments.Count > names.Count)
        {
            throw new PyException("TypeError", $"{function.Name}() takes at most {names.Count} argument{(names.Count == 1 ? "" : "s")} ({arguments.Count} given)");
        }

        var locals = new PyDict();
        for (var i = 0; i < arguments.Count; i++)
        {
            locals.Set(names[i], arguments[i]);
        }

        foreach (var (name, value) in keywords)
        {
            if (!names.Contains(name))
            {
                throw new PyException("TypeError", $"{function.Name}() got an unexpected keyword argument '{name}'");
            }

            if (locals.TryGet(name, out _))
            {
                throw new PyException("TypeError", $"{function.Name}() got multiple values for keyword argument '{name}'");
            }

            locals.Set(name, value);
        }

        var firstDefault = names.Count - function.Defaults.Length;
        for (var i = 0; i < names.Count; i++)
        {
            if (!locals.TryGet(names[i], out _))
            {
                if (i < firstDefault)
                {
                    throw new PyException("TypeError", $"{function.Name}() takes {(function.Defaults.Length > 0 ? "at least" : "exactly")} {firstDefault} argument{(firstDefault == 1 ? "" : "s")} ({arguments.Count} given)");
                }

                locals.Set(names[i], function.Defaults[i - firstDefault]);
            }
        }

        if (_callDepth >= MaxCallDepth)
        {
            throw new PyUnsupportedException($"calls nested deeper than {MaxCallDepth} levels (maximum recursion depth)", isLimit: true);
        }

        _callDepth++;
        try
        {
            var scope = new PyScope(locals, function.Globals, isModule: false);
            if (function.Expression is not null)
            {
                return Evaluate(function.Expression, scope);
            }

            _returnValue = PyNone.Instance;
            var flow = ExecuteBlock(function.Body!, scope);
            var result = flow == Flow.Return ? _returnValue : PyNone.Instance;
            _returnValue = PyNone.Instance;
            return result;
        }
        finally
        {
            _callDepth--;
        }
    }

    /// <summary>Runs the checks declared with <c>xm_vars.var(...)</c>, as <c>Vars.check()</c> did: env[name] = check(name, env.get(name)).</summary>
    public object RunXmVarsCheck(PyNode node)
    {
        foreach (var (name, _, check) in XmVars.Declared)
        {
            if (check is null or PyNone)
            {
                continue;
            }

            var current = XmVars.Environment.TryGet(name, out var value) ? value : PyNone.Instance;
            try
            {
                var result = Call(check, [name, current], [], node);
                XmVars.Environment.Set(name, result);
            }
            catch (PyException ex)
            {
                throw new PyException(ex.TypeName, $"{ex.Message} (in the check of variable '{name}' run by xm_vars.check())") { Node = ex.Node ?? node };
            }
        }

        return PyNone.Instance;
    }
}
