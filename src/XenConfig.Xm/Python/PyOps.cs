using System.Globalization;
using System.Numerics;
using System.Text;

namespace XenConfig.Xm.Python;

/// <summary>Python 2 semantics of the built-in types: truth, equality, ordering, arithmetic, <c>str</c> and <c>repr</c>.</summary>
internal static class PyOps
{
    public const int MaxStringLength = 4 * 1024 * 1024;
    public const int MaxCollectionLength = 1024 * 1024;
    public const int MaxIntegerBits = 64 * 1024;

    public static object NormalizeInteger(BigInteger value, bool isLong) =>
        !isLong && value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;

    /// <summary>A str or unicode's text.</summary>
    public static bool TryText(object value, out string text)
    {
        text = value switch { string s => s, PyUnicode u => u.Value, _ => "" };
        return value is string or PyUnicode;
    }

    public static object Unwrap(object value) => value is PyUnicode u ? u.Value : value;

    /// <summary>True when a value, or an item of a tuple, list or dict value, is unicode (it makes a str result unicode).</summary>
    public static bool HasUnicode(object value) => value switch
    {
        PyUnicode => true,
        PyTuple tuple => tuple.Items.Any(i => i is PyUnicode),
        PyList list => list.Items.Any(i => i is PyUnicode),
        _ => false,
    };

    public static object UnwrapShallow(object value) => value switch
    {
        PyUnicode u => u.Value,
        PyTuple tuple when tuple.Items.Any(i => i is PyUnicode) => new PyTuple(tuple.Items.Select(Unwrap).ToArray()),
        PyList list when list.Items.Any(i => i is PyUnicode) => new PyList(list.Items.Select(Unwrap).ToList()),
        _ => value,
    };

    /// <summary>Makes str results (and the str items of a list or tuple result) unicode.</summary>
    public static object ToUnicode(object value) => value switch
    {
        string s => new PyUnicode(s),
        PyList list => new PyList(list.Items.Select(i => i is string s ? new PyUnicode(s) : i).ToList()),
        PyTuple tuple => new PyTuple(tuple.Items.Select(i => i is string s ? new PyUnicode(s) : i).ToArray()),
        _ => value,
    };

    public static string TypeName(object value) => value switch
    {
        PyUnicode => "unicode",
        PyNone => "NoneType",
        bool => "bool",
        long => "int",
        BigInteger => "long",
        double => "float",
        string => "str",
        PyList => "list",
        PyTuple => "tuple",
        PyDict => "dict",
        PyModuleValue => "module",
        PyBuiltin => "builtin_function_or_method",
        PyBoundMethod => "instancemethod",
        PyFunction => "function",
        PyExceptionType => "classobj",
        PyExceptionValue e => e.Type.Name,
        PyMatch => "_sre.SRE_Match",
        PyCompiledRegex => "_sre.SRE_Pattern",
        PyStream => "file",
        PyXmVars => "instance",
        _ => "object",
    };

    public static bool IsTrue(object value) => value switch
    {
        PyNone => false,
        bool b => b,
        long l => l != 0,
        BigInteger big => !big.IsZero,
        double d => d != 0,
        string s => s.Length > 0,
        PyUnicode u => u.Value.Length > 0,
        PyList list => list.Items.Count > 0,
        PyTuple tuple => tuple.Items.Length > 0,
        PyDict dict => dict.Count > 0,
        _ => true,
    };

    public static bool IsNumber(object value) => value is bool or long or BigInteger or double;

    public static bool IsInteger(object value) => value is bool or long or BigInteger;

    public static BigInteger ToBig(object value) => value switch
    {
        bool b => b ? BigInteger.One : BigInteger.Zero,
        long l => l,
        BigInteger big => big,
        _ => throw new PyException("TypeError", $"an integer is required, not {TypeName(value)}"),
    };

    public static double ToDouble(object value) => value switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        BigInteger big => big > new BigInteger(double.MaxValue) || big < -new BigInteger(double.MaxValue)
            ? throw new PyException("OverflowError", "long int too large to convert to float")
            : (double)big,
        double d => d,
        _ => throw new PyException("TypeError", $"a float is required, not {TypeName(value)}"),
    };

    public static object Negate(object value) => value switch
    {
        bool b => b ? -1L : 0L,
        long l => l == long.MinValue ? (object)(-(BigInteger)l) : -l,
        BigInteger big => -big,
        double d => -d,
        _ => throw new PyException("TypeError", $"bad operand type for unary -: '{TypeName(value)}'"),
    };

    public static bool AreEqual(object left, object right)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Work(1);
        (left, right) = (Unwrap(left), Unwrap(right));
        if (IsNumber(left) && IsNumber(right))
        {
            if (left is double || right is double)
            {
                return IsInteger(left) && right is double rd ? IntegerEqualsDouble(ToBig(left), rd)
                    : IsInteger(right) && left is double ld ? IntegerEqualsDouble(ToBig(right), ld)
                    : ToDouble(left) == ToDouble(right);
            }

            return ToBig(left) == ToBig(right);
        }

        switch (left)
        {
            case string ls when right is string rs:
                Work(ls.Length == rs.Length ? ls.Length : 0);
                return string.Equals(ls, rs, StringComparison.Ordinal);
            case PyList ll when right is PyList rl:
                return SequenceEqual(ll.Items, rl.Items);
            case PyTuple lt when right is PyTuple rt:
                return SequenceEqual(lt.Items, rt.Items);
            case PyDict ld when right is PyDict rd:
                if (ld.Count != rd.Count)
                {
                    return false;
                }

                foreach (var (key, value) in ld.Items)
                {
                    if (!rd.TryGet(key, out var other) || !AreEqual(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return ReferenceEquals(left, right);
        }
    }

    private static bool IntegerEqualsDouble(BigInteger integer, double d) =>
        !double.IsNaN(d) && !double.IsInfinity(d) && Math.Floor(d) == d && new BigInteger(d) == integer;

    private static bool SequenceEqual(IReadOnlyList<object> left, IReadOnlyList<object> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Python 2 ordering: numbers by value, sequences lexicographically, other types by rule, never an error.</summary>
    public static int Compare(object left, object right)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Work(1);
        (left, right) = (Unwrap(left), Unwrap(right));
        if (IsNumber(left) && IsNumber(right))
        {
            if (left is double || right is double)
            {
                return ToDouble(left).CompareTo(ToDouble(right));
            }

            return ToBig(left).CompareTo(ToBig(right));
        }

        switch (left)
        {
            case string ls when right is string rs:
                Work(Math.Min(ls.Length, rs.Length));
                return Math.Sign(string.CompareOrdinal(ls, rs));
            case PyList ll when right is PyList rl:
                return CompareSequences(ll.Items, rl.Items);
            case PyTuple lt when right is PyTuple rt:
                return CompareSequences(lt.Items, rt.Items);
        }

        // CPython 2: None is smallest, numbers come before other types, other types order by type name.
        if (left is PyNone || right is PyNone)
        {
            return left is PyNone ? (right is PyNone ? 0 : -1) : 1;
        }

        if (IsNumber(left) != IsNumber(right))
        {
            return IsNumber(left) ? -1 : 1;
        }

        var byName = string.CompareOrdinal(TypeName(left), TypeName(right));
        return byName != 0 ? Math.Sign(byName) : 0;
    }

    private static int CompareSequences(IReadOnlyList<object> left, IReadOnlyList<object> right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return Compare(left[i], right[i]);
            }
        }

        return left.Count.CompareTo(right.Count);
    }

    public static bool Contains(object container, object item) => (container is PyUnicode || item is PyUnicode) && TryText(container, out var c)
        ? TryText(item, out var i) ? ContainsText(c, i) : throw new PyException("TypeError", "coercing to Unicode: need string or buffer, " + TypeName(item) + " found")
        : container switch
    {
        string s when item is string sub => ContainsText(s, sub),
        string => throw new PyException("TypeError", $"'in <string>' requires string as left operand, not {TypeName(item)}"),
        PyList list => list.Items.Any(x => AreEqual(x, item)),
        PyTuple tuple => tuple.Items.Any(x => AreEqual(x, item)),
        PyDict dict => dict.TryGet(item, out _),
        _ => throw new PyException("TypeError", $"argument of type '{TypeName(container)}' is not iterable"),
    };

    private static bool ContainsText(string text, string part)
    {
        Work(text.Length);
        return text.Contains(part, StringComparison.Ordinal);
    }

    public static object Binary(string op, object left, object right)
    {
        if (left is PyUnicode || right is PyUnicode || (op == "%" && left is string && HasUnicode(right)))
        {
            var text = Binary(op, Unwrap(left), op == "%" ? UnwrapShallow(right) : Unwrap(right));
            return text is string ? ToUnicode(text) : text;
        }

        switch (op)
        {
            case "+":
                return Add(left, right);
            case "-" or "*" or "/" or "//" or "%" or "**" or "<<" or ">>" or "&" or "|" or "^":
                break;
            default:
                throw new InvalidOperationException(op);
        }

        if (op == "*")
        {
            if (left is string or PyList or PyTuple && IsInteger(right))
            {
                return Repeat(left, ToBig(right));
            }

            if (right is string or PyList or PyTuple && IsInteger(left))
            {
                return Repeat(right, ToBig(left));
            }
        }

        if (op == "%" && left is string format)
        {
            return PyFormat.Format(format, right);
        }

        if (!IsNumber(left) || !IsNumber(right))
        {
            throw new PyException("TypeError", $"unsupported operand type(s) for {op}: '{TypeName(left)}' and '{TypeName(right)}'");
        }

        if (left is double || right is double)
        {
            if (op is "<<" or ">>" or "&" or "|" or "^")
            {
                throw new PyException("TypeError", $"unsupported operand type(s) for {op}: '{TypeName(left)}' and '{TypeName(right)}'");
            }

            return FloatBinary(op, ToDouble(left), ToDouble(right));
        }

        var isLong = left is BigInteger || right is BigInteger;
        var a = ToBig(left);
        var b = ToBig(right);
        BigInteger result;
        switch (op)
        {
            case "-":
                CheckBits(Math.Max(a.GetBitLength(), b.GetBitLength()) + 1);
                ChargeInteger(a, b);
                result = a - b;
                break;
            case "*":
                CheckBits(a.GetBitLength() + b.GetBitLength());
                result = a * b;
                break;
            case "/" or "//": result = FloorDiv(a, b); break;
            case "%": result = a - (FloorDiv(a, b) * b); break;
            case "**":
                if (b.Sign < 0)
                {
                    return FloatBinary("**", ToDouble(left), ToDouble(right));
                }

                if (b > MaxIntegerBits * 2 && BigInteger.Abs(a) > 1)
                {
                    throw new PyUnsupportedException($"integer power with a result of more than {MaxIntegerBits} bits", isLimit: true);
                }

                CheckBits((long)(a.GetBitLength() * (long)b));
                result = BigInteger.Pow(a, (int)b);
                break;
            case "<<":
                if (b.Sign < 0)
                {
                    throw new PyException("ValueError", "negative shift count");
                }

                if (b > MaxIntegerBits)
                {
                    if (a.IsZero)
                    {
                        result = a;
                        break;
                    }

                    throw new PyUnsupportedException($"integer shift with a result of more than {MaxIntegerBits} bits", isLimit: true);
                }

                CheckBits(a.GetBitLength() + (long)b);
                result = a << (int)b;
                break;
            case ">>":
                if (b.Sign < 0)
                {
                    throw new PyException("ValueError", "negative shift count");
                }

                result = b > MaxIntegerBits ? (a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero) : a >> (int)b;
                break;
            case "&": result = a & b; break;
            case "|": result = a | b; break;
            default: result = a ^ b; break;
        }

        if (left is bool && right is bool && op is "&" or "|" or "^")
        {
            return !result.IsZero;
        }

        return NormalizeInteger(result, isLong);
    }

    private static void CheckBits(long bits)
    {
        if (bits > MaxIntegerBits)
        {
            throw new PyUnsupportedException($"an integer of more than {MaxIntegerBits} bits", isLimit: true);
        }
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
        {
            throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
        }

        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0))
        {
            q -= 1;
        }

        return q;
    }

    private static double FloatBinary(string op, double a, double b)
    {
        switch (op)
        {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            case "/" or "//" or "%":
                if (b == 0)
                {
                    throw new PyException("ZeroDivisionError", op == "%" ? "float modulo" : "float division by zero");
                }

                if (op == "/")
                {
                    return a / b;
                }

                var mod = a % b;
                if (mod != 0 && (mod < 0) != (b < 0))
                {
                    mod += b;
                }

                return op == "%" ? mod : Math.Round((a - mod) / b);
            default:
                if (a == 0 && b < 0)
                {
                    throw new PyException("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                }

                if (a < 0 && Math.Floor(b) != b)
                {
                    throw new PyException("ValueError", "negative number cannot be raised to a fractional power");
                }

                var result = Math.Pow(a, b);
                if (double.IsInfinity(result) && !double.IsInfinity(a))
                {
                    throw new PyException("OverflowError", "(34, 'Numerical result out of range')");
                }

                return result;
        }
    }

    private static object Add(object left, object right)
    {
        switch (left)
        {
            case string ls when right is string rs:
                CheckLength((long)ls.Length + rs.Length);
                Charge((long)ls.Length + rs.Length);
                return ls + rs;
            case PyList ll when right is PyList rl:
                CheckLength((long)ll.Items.Count + rl.Items.Count);
                Charge((long)ll.Items.Count + rl.Items.Count);
                return new PyList([.. ll.Items, .. rl.Items]);
            case PyTuple lt when right is PyTuple rt:
                CheckLength((long)lt.Items.Length + rt.Items.Length);
                Charge((long)lt.Items.Length + rt.Items.Length);
                return new PyTuple([.. lt.Items, .. rt.Items]);
        }

        if (!IsNumber(left) || !IsNumber(right))
        {
            if (left is PyList && right is not PyList)
            {
                throw new PyException("TypeError", $"can only concatenate list (not \"{TypeName(right)}\") to list");
            }

            if (left is string && right is not string)
            {
                throw new PyException("TypeError", "cannot concatenate 'str' and '" + TypeName(right) + "' objects");
            }

            throw new PyException("TypeError", $"unsupported operand type(s) for +: '{TypeName(left)}' and '{TypeName(right)}'");
        }

        if (left is double || right is double)
        {
            return ToDouble(left) + ToDouble(right);
        }

        var (a, b) = (ToBig(left), ToBig(right));
        CheckBits(Math.Max(a.GetBitLength(), b.GetBitLength()) + 1);
        ChargeInteger(a, b);
        return NormalizeInteger(a + b, left is BigInteger || right is BigInteger);
    }

    [ThreadStatic]
    private static long _buildBudget;

    [ThreadStatic]
    private static long _buildLimit;

    [ThreadStatic]
    private static long _workBudget;

    [ThreadStatic]
    private static long _workLimit;

    /// <summary>
    /// Starts counting, for the evaluation running on this thread, the characters and items that concatenation and
    /// repetition copy (<see cref="XmEvaluationOptions.MaxBuiltSize"/>) and those that operations over whole values
    /// read, compare or build (<see cref="XmEvaluationOptions.MaxWork"/>); 0 or less for no limit.
    /// </summary>
    public static void StartBudget(long buildLimit, long workLimit) =>
        (_buildBudget, _buildLimit, _workBudget, _workLimit) = (buildLimit, buildLimit, workLimit, workLimit);

    /// <summary>Stops counting on this thread: code that reads the values after the evaluation is not the script's work.</summary>
    public static void EndBudget() => StartBudget(0, 0);

    /// <summary>
    /// Counts <paramref name="units"/> characters or items read, compared or built against the work budget. Every
    /// operation whose cost grows with the size of its values counts here, so an evaluation stops after the same
    /// amount of work on every machine, however loaded, instead of after a time that depends on the machine.
    /// </summary>
    public static void Work(long units)
    {
        if (_workLimit > 0 && (_workBudget -= units) < 0)
        {
            throw new PyUnsupportedException($"the script read, compared or built more than {_workLimit} characters and items in total (the evaluation's work budget)", isLimit: true);
        }
    }

    /// <summary>The size an operation over <paramref name="value"/> as a whole is charged for: its length or item count.</summary>
    public static long WorkSize(object value) => value switch
    {
        string s => s.Length,
        PyUnicode u => u.Value.Length,
        PyList list => list.Items.Count,
        PyTuple tuple => tuple.Items.Length,
        PyDict dict => dict.Count,
        _ => 1,
    };

    // Arithmetic on big integers copies their bytes: it counts against the same budget (x = x + x up to the bit limit).
    private static void ChargeInteger(BigInteger a, BigInteger b)
    {
        var bytes = Math.Max(a.GetBitLength(), b.GetBitLength()) / 8;
        if (bytes > 64)
        {
            Charge(bytes);
        }
    }

    private static void Charge(long size)
    {
        if (_buildLimit > 0 && (_buildBudget -= size) < 0)
        {
            throw new PyUnsupportedException($"the script built more than {_buildLimit} characters and items in total (the evaluation budget)", isLimit: true);
        }
    }

    public static void CheckLength(long length)
    {
        if (length > MaxStringLength)
        {
            throw new PyUnsupportedException($"a string or list longer than {MaxStringLength} items", isLimit: true);
        }
    }

    private static object Repeat(object sequence, BigInteger count)
    {
        var n = count.Sign <= 0 ? 0 : count > MaxStringLength ? MaxStringLength + 1L : (long)count;
        switch (sequence)
        {
            case string s:
                CheckLength(s.Length * n);
                Charge(s.Length * n);
                return n == 0 || s.Length == 0 ? "" : new StringBuilder(s.Length * (int)n).Insert(0, s, (int)n).ToString();
            case PyList list:
                CheckLength(list.Items.Count * n);
                Charge(list.Items.Count * n);
                var items = new List<object>();
                for (var i = 0; i < n; i++)
                {
                    items.AddRange(list.Items);
                }

                return new PyList(items);
            default:
                var tuple = (PyTuple)sequence;
                CheckLength(tuple.Items.Length * n);
                Charge(tuple.Items.Length * n);
                var tupleItems = new List<object>();
                for (var i = 0; i < n; i++)
                {
                    tupleItems.AddRange(tuple.Items);
                }

                return new PyTuple([.. tupleItems]);
        }
    }

    public static object Unary(string op, object operand) => op switch
    {
        "not" => !IsTrue(operand),
        "-" => Negate(operand),
        "+" when operand is bool b => b ? 1L : 0L,
        "+" when IsNumber(operand) => operand,
        "~" when IsInteger(operand) => NormalizeInteger(-ToBig(operand) - 1, operand is BigInteger),
        _ => throw new PyException("TypeError", $"bad operand type for unary {op}: '{TypeName(operand)}'"),
    };

    /// <summary>Python 2 <c>str()</c>.</summary>
    public static string Str(object value) => value switch
    {
        string s => s,
        PyUnicode u => u.Value.All(char.IsAscii) ? u.Value
            : throw new PyException("UnicodeEncodeError", "'ascii' codec can't encode characters: ordinal not in range(128)"),
        double d => FloatStr(d),
        BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        PyExceptionValue e => e.Message,
        _ => Repr(value),
    };

    /// <summary>Python 2 <c>repr()</c>.</summary>
    public static string Repr(object value)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Work(1);
        return value switch
        {
            PyNone => "None",
            bool b => b ? "True" : "False",
            long l => l.ToString(CultureInfo.InvariantCulture),
            BigInteger big => big.ToString(CultureInfo.InvariantCulture) + "L",
            double d => FloatRepr(d),
            string s => StringRepr(s),
            PyUnicode u => "u" + StringRepr(u.Value),
            PyList list => ReprSequence("[", "]", list.Items, list, trailingComma: false),
            PyTuple tuple => ReprSequence("(", ")", tuple.Items, tuple, trailingComma: tuple.Items.Length == 1),
            PyDict dict => ReprDict(dict),
            PyModuleValue module => $"<module '{module.Name}'>",
            PyBuiltin builtin => $"<built-in function {builtin.Name}>",
            PyFunction function => $"<function {function.Name}>",
            PyExceptionType type => $"<class 'exceptions.{type.Name}'>",
            PyExceptionValue e => $"{e.Type.Name}({StringRepr(e.Message)},)",
            _ => $"<{TypeName(value)} object>",
        };
    }

    [ThreadStatic]
    private static HashSet<object>? _reprActive;

    [ThreadStatic]
    private static int _reprLimit;

    /// <summary>
    /// repr() for a message: past <paramref name="maxLength"/> characters it throws <see cref="PyUnsupportedException"/>
    /// early, so the repr of a tuple that holds itself twice, forty times over, costs little.
    /// </summary>
    public static string Repr(object value, int maxLength)
    {
        var previous = _reprLimit;
        _reprLimit = maxLength;
        try
        {
            return Repr(value);
        }
        finally
        {
            _reprLimit = previous;
        }
    }

    private static string ReprSequence(string open, string close, IReadOnlyList<object> items, object self, bool trailingComma)
    {
        _reprActive ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (!_reprActive.Add(self))
        {
            return open + "..." + close;
        }

        try
        {
            var builder = new StringBuilder(open);
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(Repr(items[i]));
                CheckLength(builder.Length);
                if (_reprLimit > 0 && builder.Length > _reprLimit)
                {
                    throw new PyUnsupportedException($"a repr() longer than {_reprLimit} characters", isLimit: true);
                }
            }

            if (trailingComma)
            {
                builder.Append(',');
            }

            return builder.Append(close).ToString();
        }
        finally
        {
            _reprActive.Remove(self);
        }
    }

    private static string ReprDict(PyDict dict)
    {
        _reprActive ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (!_reprActive.Add(dict))
        {
            return "{...}";
        }

        try
        {
            return "{" + string.Join(", ", dict.Items.Select(kv => Repr(kv.Key) + ": " + Repr(kv.Value))) + "}";
        }
        finally
        {
            _reprActive.Remove(dict);
        }
    }

    public static string StringRepr(string s)
    {
        Work(s.Length);
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\').Append(c);
                    }
                    else if (c < ' ' || c >= 0x7f)
                    {
                        builder.Append(c <= 0xff ? "\\x" : "\\u").Append(((int)c).ToString(c <= 0xff ? "x2" : "x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>
    /// Python 2.7 <c>str(float)</c>: 12 significant digits; exponent notation when the decimal point would sit before
    /// the 4th leading zero or after the 11th digit (pystrtod.c, 'g' with Py_DTSF_ADD_DOT_0); <c>.0</c> on integral values.
    /// </summary>
    public static string FloatStr(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        var e = d.ToString("E11", CultureInfo.InvariantCulture);
        var negative = e.StartsWith('-');
        var body = negative ? e[1..] : e;
        var ePos = body.IndexOf('E', StringComparison.Ordinal);
        var digits = body[..ePos].Replace(".", "", StringComparison.Ordinal).TrimEnd('0');
        var decpt = int.Parse(body[(ePos + 1)..], CultureInfo.InvariantCulture) + 1;
        string text;
        if (decpt <= -4 || decpt > 11)
        {
            var exponent = decpt - 1;
            text = (digits.Length > 1 ? digits[0] + "." + digits[1..] : digits) + "e" + (exponent < 0 ? "-" : "+") +
                Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (decpt <= 0)
        {
            text = "0." + new string('0', -decpt) + digits;
        }
        else
        {
            text = digits.Length > decpt ? digits[..decpt] + "." + digits[decpt..] : digits.PadRight(decpt, '0') + ".0";
        }

        return (negative ? "-" : "") + text;
    }

    /// <summary>Python 2.7 <c>repr(float)</c>: the shortest text that reads back as the same double.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
        }

        var shortest = d.ToString("E16", CultureInfo.InvariantCulture);
        for (var precision = 1; precision <= 17; precision++)
        {
            var candidate = d.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(candidate, CultureInfo.InvariantCulture) == d)
            {
                shortest = candidate;
                break;
            }
        }

        // shortest is "-d.dddE+xxx": rebuild as Python's repr ('r' format: fixed when -4 <= exponent < 16).
        var negative = shortest.StartsWith('-');
        var body = negative ? shortest[1..] : shortest;
        var ePos = body.IndexOf('E', StringComparison.Ordinal);
        var digits = body[..ePos].Replace(".", "", StringComparison.Ordinal).TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var exponent = int.Parse(body[(ePos + 1)..], CultureInfo.InvariantCulture);
        string text;
        if (exponent is >= -4 and < 16)
        {
            if (exponent >= 0)
            {
                var intPart = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                var frac = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                text = intPart + "." + frac;
            }
            else
            {
                text = "0." + new string('0', -exponent - 1) + digits;
            }
        }
        else
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            text = mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        return (negative ? "-" : "") + text;
    }

    /// <summary>C <c>printf</c> for <c>e</c>, <c>f</c>, <c>g</c> (lowercase; callers upper-case for E/F/G).</summary>
    public static string CFormat(double d, char conversion, int precision, bool alternate)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        precision = Math.Min(precision, 100);
        switch (conversion)
        {
            case 'f':
                return d.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + (alternate && precision == 0 ? "." : "");
            case 'e':
            {
                var text = FixExponent(d.ToString((precision == 0 ? "0" : "0." + new string('0', precision)) + "e+00", CultureInfo.InvariantCulture));
                return alternate && precision == 0 ? text.Replace("e", ".e", StringComparison.Ordinal) : text;
            }
            default:
                var p = precision == 0 ? 1 : precision;
                if (d == 0)
                {
                    return (double.IsNegative(d) ? "-" : "") + (alternate ? "0." + new string('0', p - 1) : "0");
                }

                var exponent = (int)Math.Floor(Math.Log10(Math.Abs(d)));

                // Rounding may carry into the next power of ten; recompute from the rounded e-format.
                var eText = d.ToString("E" + (p - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                exponent = int.Parse(eText[(eText.IndexOf('E', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
                string result;
                if (exponent < -4 || exponent >= p)
                {
                    result = CFormat(d, 'e', p - 1, alternate);
                    if (!alternate)
                    {
                        var ePos = result.IndexOf('e', StringComparison.Ordinal);
                        var mantissa = result[..ePos];
                        if (mantissa.Contains('.', StringComparison.Ordinal))
                        {
                            mantissa = mantissa.TrimEnd('0').TrimEnd('.');
                        }

                        result = mantissa + result[ePos..];
                    }
                }
                else
                {
                    result = CFormat(d, 'f', Math.Max(0, p - 1 - exponent), alternate);
                    if (!alternate && result.Contains('.', StringComparison.Ordinal))
                    {
                        result = result.TrimEnd('0').TrimEnd('.');
                    }
                }

                return result;
        }
    }

    private static string FixExponent(string text)
    {
        // .NET writes at least the digits of the pattern; C wants at least two exponent digits.
        var ePos = text.IndexOf('e', StringComparison.Ordinal);
        var sign = text[ePos + 1];
        var digits = text[(ePos + 2)..].TrimStart('0');
        return text[..(ePos + 1)] + sign + digits.PadLeft(2, '0');
    }
}
