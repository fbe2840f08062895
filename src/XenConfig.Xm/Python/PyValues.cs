using System.Text.RegularExpressions;

namespace XenConfig.Xm.Python;

// Python values: None -> PyNone, bool -> bool, int -> long, long -> BigInteger, float -> double, str -> string,
// list -> PyList, tuple -> PyTuple, dict -> PyDict; the rest are the classes below.

internal sealed class PyNone
{
    public static readonly PyNone Instance = new();

    private PyNone()
    {
    }
}

/// <summary>A Python 2 <c>unicode</c> string (from a <c>u''</c> literal); xend dropped values of this type.</summary>
internal sealed class PyUnicode(string value)
{
    public string Value { get; } = value;
}

internal sealed class PyList(List<object> items)
{
    public List<object> Items { get; } = items;
}

internal sealed class PyTuple(object[] items)
{
    public static readonly PyTuple Empty = new([]);

    public object[] Items { get; } = items;
}

/// <summary>A dict with Python key equality, in insertion order.</summary>
internal sealed class PyDict
{
    private readonly InsertionOrderedDictionary<object, object> _items = new(PyKeyComparer.Instance);

    public int Count => _items.Count;

    public IEnumerable<KeyValuePair<object, object>> Items => _items;

    public bool TryGet(object key, out object value)
    {
        PyKeyComparer.EnsureHashable(key);
        return _items.TryGetValue(key, out value!);
    }

    public void Set(object key, object value)
    {
        PyKeyComparer.EnsureHashable(key);
        _items[key] = value;
    }

    public bool Remove(object key)
    {
        PyKeyComparer.EnsureHashable(key);
        return _items.Remove(key);
    }
}

internal sealed class PyKeyComparer : IEqualityComparer<object>
{
    public static readonly PyKeyComparer Instance = new();

    public static void EnsureHashable(object key)
    {
        switch (key)
        {
            case PyList or PyDict:
                throw new PyException("TypeError", $"unhashable type: '{PyOps.TypeName(key)}'");
            case PyTuple tuple:
                foreach (var item in tuple.Items)
                {
                    EnsureHashable(item);
                }

                break;
        }
    }

    public new bool Equals(object? x, object? y) => x is not null && y is not null && PyOps.AreEqual(x, y);

    public int GetHashCode(object obj) => obj switch
    {
        string s => s.GetHashCode(StringComparison.Ordinal),
        PyUnicode u => u.Value.GetHashCode(StringComparison.Ordinal),
        bool b => b ? 1 : 0,
        long l => l.GetHashCode(),
        System.Numerics.BigInteger big => big >= long.MinValue && big <= long.MaxValue ? ((long)big).GetHashCode() : big.GetHashCode(),
        double d => d == Math.Floor(d) && Math.Abs(d) < 9e18 ? ((long)d).GetHashCode() : d.GetHashCode(),
        PyTuple t => t.Items.Length,
        _ => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj),
    };
}

internal sealed class PyModuleValue(string name, Dictionary<string, object> members)
{
    public string Name { get; } = name;

    public Dictionary<string, object> Members { get; } = members;
}

internal delegate object PyBuiltinBody(PyCallContext context, IReadOnlyList<object> arguments, IReadOnlyList<(string Name, object Value)> keywords);

internal sealed class PyBuiltin(string name, PyBuiltinBody body)
{
    public string Name { get; } = name;

    public PyBuiltinBody Body { get; } = body;
}

/// <summary>A method looked up on a value, called later (<c>'x'.join</c>, <c>list.append</c>).</summary>
internal sealed class PyBoundMethod(object self, string name)
{
    public object Self { get; } = self;

    public string Name { get; } = name;
}

internal sealed class PyFunction(string name, PyParameters parameters, object[] defaults, IReadOnlyList<PyStmt>? body, PyExpr? expression, PyDict globals)
{
    public string Name { get; } = name;

    public PyParameters Parameters { get; } = parameters;

    public object[] Defaults { get; } = defaults;

    public IReadOnlyList<PyStmt>? Body { get; } = body;

    /// <summary>The body of a lambda.</summary>
    public PyExpr? Expression { get; } = expression;

    public PyDict Globals { get; } = globals;
}

internal sealed class PyExceptionType(string name)
{
    public string Name { get; } = name;
}

internal sealed class PyExceptionValue(PyExceptionType type, string message)
{
    public PyExceptionType Type { get; } = type;

    public string Message { get; } = message;
}

internal sealed class PyMatch(Match match)
{
    public Match Match { get; } = match;
}

internal sealed class PyCompiledRegex(Regex search, Regex match, string pattern)
{
    public Regex Search { get; } = search;

    public Regex Match { get; } = match;

    public string Pattern { get; } = pattern;
}

/// <summary>A file-like object (<c>sys.stderr</c>) that <c>print &gt;&gt;</c> may write to.</summary>
internal sealed class PyStream(string name)
{
    public string Name { get; } = name;
}

/// <summary>xend's <c>xm_vars</c> (<c>xen.xm.help.Vars</c>): records variables and runs their checks.</summary>
internal sealed class PyXmVars(PyDict environment)
{
    public PyDict Environment { get; } = environment;

    public List<(string Name, string? Use, object? Check)> Declared { get; } = [];
}

/// <summary>What stops a script's run, with the statement or expression it stopped at once known.</summary>
internal abstract class PyStopException(string message) : Exception(message)
{
    /// <summary>Where it was raised, once known: the innermost node that was running.</summary>
    public PyNode? Node { get; set; }
}

/// <summary>A Python exception raised by the script (or by a built-in), carrying the Python type name.</summary>
internal sealed class PyException(string typeName, string message) : PyStopException(message)
{
    public string TypeName { get; } = typeName;
}

/// <summary>Something the evaluator will not do (open files, exec...), or a limit it reached.</summary>
internal sealed class PyUnsupportedException(string message, bool isLimit = false) : PyStopException(message)
{
    public bool IsLimit { get; } = isLimit;
}
