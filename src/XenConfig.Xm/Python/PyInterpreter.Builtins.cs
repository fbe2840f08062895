using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using System.Text;

namespace XenConfig.Xm.Python;

internal sealed partial class PyInterpreter
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly string[] ExceptionNames =
    [
        "Exception", "StandardError", "ValueError", "TypeError", "NameError", "KeyError", "IndexError", "RuntimeError",
        "IOError", "OSError", "EnvironmentError", "AssertionError", "ZeroDivisionError", "AttributeError", "ImportError",
        "LookupError", "ArithmeticError", "OverflowError", "NotImplementedError", "SystemExit", "UnboundLocalError",
    ];

    private static readonly string[] UnsupportedBuiltins =
    [
        "open", "file", "eval", "execfile", "__import__", "compile", "input", "raw_input", "reload", "globals", "locals",
        "vars", "getattr", "setattr", "delattr", "hasattr", "exit", "quit", "help", "dir", "id", "map", "filter", "reduce",
        "isinstance", "issubclass", "type", "object", "super", "property", "staticmethod", "classmethod", "iter", "next",
        "enumerate", "unicode", "buffer", "memoryview", "bytearray", "set", "frozenset", "apply", "intern", "coerce", "callable",
    ];

    private static readonly HashSet<string> StringMethods =
    [
        "lower", "upper", "strip", "lstrip", "rstrip", "split", "join", "replace", "startswith", "endswith", "find", "rfind",
        "index", "count", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper", "splitlines", "capitalize",
        "zfill", "ljust", "rjust",
    ];

    private static readonly HashSet<string> UnsupportedStringMethods =
    [
        "format", "translate", "encode", "decode", "expandtabs", "partition", "rpartition", "title", "swapcase", "center",
        "rsplit", "rindex", "istitle",
    ];

    private static PyBuiltin Builtin(string name, Func<PyCallContext, IReadOnlyList<object>, object> body) =>
        new(name, (context, arguments, keywords) =>
        {
            if (keywords.Count > 0)
            {
                throw new PyException("TypeError", $"{name}() takes no keyword arguments");
            }

            return body(context, arguments);
        });

    private static void Arity(string name, IReadOnlyList<object> arguments, int min, int max)
    {
        if (arguments.Count < min || arguments.Count > max)
        {
            var expected = min == max ? $"exactly {min}" : arguments.Count < min ? $"at least {min}" : $"at most {max}";
            throw new PyException("TypeError", $"{name}() takes {expected} argument{(min == 1 && max == 1 ? "" : "s")} ({arguments.Count} given)");
        }
    }

    private static PyBuiltin Unsupported(string name) =>
        new(name, (_, _, _) => throw new PyUnsupportedException($"{name}() is not supported by the safe xm evaluator"));

    private static Dictionary<string, object> CreateBuiltins()
    {
        var builtins = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["None"] = PyNone.Instance,
            ["True"] = true,
            ["False"] = false,
            ["int"] = Builtin("int", (_, a) => ToInt(a, isLong: false)),
            ["long"] = Builtin("long", (_, a) => ToInt(a, isLong: true)),
            ["float"] = Builtin("float", (_, a) => ToFloat(a)),
            ["str"] = Builtin("str", (_, a) =>
            {
                Arity("str", a, 0, 1);
                return a.Count == 0 ? "" : PyOps.Str(a[0]);
            }),
            ["repr"] = Builtin("repr", (_, a) =>
            {
                Arity("repr", a, 1, 1);
                return PyOps.Repr(a[0]);
            }),
            ["bool"] = Builtin("bool", (_, a) =>
            {
                Arity("bool", a, 0, 1);
                return a.Count != 0 && PyOps.IsTrue(a[0]);
            }),
            ["len"] = Builtin("len", (_, a) =>
            {
                Arity("len", a, 1, 1);
                return a[0] switch
                {
                    string s => (long)s.Length,
                    PyUnicode u => (long)u.Value.Length,
                    PyList l => (long)l.Items.Count,
                    PyTuple t => (long)t.Items.Length,
                    PyDict d => (long)d.Count,
                    _ => throw new PyException("TypeError", $"object of type '{PyOps.TypeName(a[0])}' has no len()"),
                };
            }),
            ["range"] = Builtin("range", (_, a) => Range("range", a)),
            ["xrange"] = Builtin("xrange", (_, a) => Range("xrange", a)),
            ["abs"] = Builtin("abs", (_, a) =>
            {
                Arity("abs", a, 1, 1);
                return a[0] switch
                {
                    double d => Math.Abs(d),
                    _ when PyOps.IsInteger(a[0]) => PyOps.NormalizeInteger(BigInteger.Abs(PyOps.ToBig(a[0])), a[0] is BigInteger),
                    _ => throw new PyException("TypeError", $"bad operand type for abs(): '{PyOps.TypeName(a[0])}'"),
                };
            }),
            ["min"] = Builtin("min", (c, a) => Extreme(c, "min", a, -1)),
            ["max"] = Builtin("max", (c, a) => Extreme(c, "max", a, 1)),
            ["list"] = Builtin("list", (c, a) =>
            {
                Arity("list", a, 0, 1);
                return new PyList(a.Count == 0 ? [] : Iterate(a[0]).ToList());
            }),
            ["tuple"] = Builtin("tuple", (c, a) =>
            {
                Arity("tuple", a, 0, 1);
                return a.Count == 0 ? PyTuple.Empty : new PyTuple(Iterate(a[0]).ToArray());
            }),
            ["sorted"] = Builtin("sorted", (c, a) =>
            {
                Arity("sorted", a, 1, 1);
                var items = Iterate(a[0]).ToList();
                return new PyList(SortStable(items));
            }),
            ["sum"] = Builtin("sum", (c, a) =>
            {
                Arity("sum", a, 1, 2);
                var total = a.Count > 1 ? a[1] : 0L;
                if (total is string)
                {
                    throw new PyException("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
                }

                foreach (var item in Iterate(a[0]))
                {
                    total = PyOps.Binary("+", total, item);
                }

                return total;
            }),
            ["zip"] = Builtin("zip", (c, a) =>
            {
                var lists = a.Select(x => Iterate(x).ToList()).ToList();
                var count = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
                return new PyList(Enumerable.Range(0, count).Select(i => (object)new PyTuple(lists.Select(l => l[i]).ToArray())).ToList());
            }),
            ["dict"] = new PyBuiltin("dict", (c, a, k) =>
            {
                Arity("dict", a, 0, 1);
                var result = new PyDict();
                if (a.Count == 1)
                {
                    if (a[0] is PyDict source)
                    {
                        foreach (var (key, value) in source.Items)
                        {
                            result.Set(key, value);
                        }
                    }
                    else
                    {
                        foreach (var pair in Iterate(a[0]))
                        {
                            var items = Iterate(pair).ToList();
                            if (items.Count != 2)
                            {
                                throw new PyException("ValueError", "dictionary update sequence element has wrong length; 2 is required");
                            }

                            result.Set(items[0], items[1]);
                        }
                    }
                }

                foreach (var (name, value) in k)
                {
                    result.Set(name, value);
                }

                return result;
            }),
            ["hex"] = Builtin("hex", (_, a) =>
            {
                Arity("hex", a, 1, 1);
                return IntegerText(a[0], "hex", 16, "0x");
            }),
            ["oct"] = Builtin("oct", (_, a) =>
            {
                Arity("oct", a, 1, 1);
                return IntegerText(a[0], "oct", 8, "0");
            }),
            ["chr"] = Builtin("chr", (_, a) =>
            {
                Arity("chr", a, 1, 1);
                return PyOps.IsInteger(a[0]) && PyOps.ToBig(a[0]) is var code && code >= 0 && code < 256
                    ? ((char)(int)code).ToString()
                    : throw new PyException(PyOps.IsInteger(a[0]) ? "ValueError" : "TypeError", "chr() arg not in range(256)");
            }),
            ["ord"] = Builtin("ord", (_, a) =>
            {
                Arity("ord", a, 1, 1);
                return PyOps.Unwrap(a[0]) is string { Length: 1 } s ? (long)s[0] : throw new PyException("TypeError", "ord() expected a character");
            }),
        };
        foreach (var name in ExceptionNames)
        {
            builtins[name] = new PyExceptionType(name);
        }

        foreach (var name in UnsupportedBuiltins)
        {
            builtins[name] = Unsupported(name);
        }

        return builtins;
    }

    private static List<object> SortStable(List<object> items)
    {
        var indexed = items.Select((item, index) => (item, index)).ToList();
        try
        {
            indexed.Sort((a, b) =>
            {
                var c = PyOps.Compare(a.item, b.item);
                return c != 0 ? c : a.index.CompareTo(b.index);
            });
        }
        catch (InvalidOperationException ex) when (ex.InnerException is PyStopException or InsufficientExecutionStackException)
        {
            // List.Sort wraps what the comparison throws (the work budget running out, nesting too deep).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
        }

        return indexed.Select(x => x.item).ToList();
    }

    private static object Extreme(PyCallContext context, string name, IReadOnlyList<object> arguments, int sign)
    {
        var items = arguments.Count == 1 ? Iterate(arguments[0]).ToList() : arguments.ToList();
        if (items.Count == 0)
        {
            throw new PyException(arguments.Count == 0 ? "TypeError" : "ValueError", arguments.Count == 0 ? $"{name} expected 1 arguments, got 0" : $"{name}() arg is an empty sequence");
        }

        var best = items[0];
        foreach (var item in items.Skip(1))
        {
            if (PyOps.Compare(item, best) * sign > 0)
            {
                best = item;
            }
        }

        return best;
    }

    private static string IntegerText(object value, string name, int radix, string prefix)
    {
        if (!PyOps.IsInteger(value))
        {
            throw new PyException("TypeError", $"{name}() argument can't be converted to {name}");
        }

        var big = PyOps.ToBig(value);
        var digits = PyFormat.ToRadix(BigInteger.Abs(big), radix);
        var text = radix == 8 && big.IsZero ? "0" : prefix + digits;
        return (big.Sign < 0 ? "-" : "") + text + (value is BigInteger ? "L" : "");
    }

    private static PyList Range(string name, IReadOnlyList<object> arguments)
    {
        Arity(name, arguments, 1, 3);
        foreach (var argument in arguments)
        {
            if (!PyOps.IsInteger(argument))
            {
                throw new PyException("TypeError", $"range() integer end argument expected, got {PyOps.TypeName(argument)}.");
            }
        }

        var values = arguments.Select(PyOps.ToBig).ToArray();
        var (start, stop, step) = values.Length switch
        {
            1 => (BigInteger.Zero, values[0], BigInteger.One),
            2 => (values[0], values[1], BigInteger.One),
            _ => (values[0], values[1], values[2]),
        };
        if (step.IsZero)
        {
            throw new PyException("ValueError", "range() step argument must not be zero");
        }

        var count = step.Sign > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        if (count > PyOps.MaxCollectionLength)
        {
            throw new PyUnsupportedException($"range() of more than {PyOps.MaxCollectionLength} items", isLimit: true);
        }

        var items = new List<object>();
        for (var i = 0; i < count; i++)
        {
            items.Add(PyOps.NormalizeInteger(start + (step * i), isLong: false));
        }

        return new PyList(items);
    }

    private static object ToInt(IReadOnlyList<object> arguments, bool isLong)
    {
        var name = isLong ? "long" : "int";
        Arity(name, arguments, 0, 2);
        if (arguments.Count == 0)
        {
            return isLong ? BigInteger.Zero : 0L;
        }

        var value = PyOps.Unwrap(arguments[0]);
        if (arguments.Count == 2)
        {
            if (value is not string)
            {
                throw new PyException("TypeError", $"{name}() can't convert non-string with explicit base");
            }

            if (!PyOps.IsInteger(arguments[1]) || PyOps.ToBig(arguments[1]) is var b && (b != 0 && (b < 2 || b > 36)))
            {
                throw new PyException("ValueError", $"{name}() base must be >= 2 and <= 36");
            }
        }

        switch (value)
        {
            case string s:
                var radix = arguments.Count == 2 ? (int)PyOps.ToBig(arguments[1]) : 10;
                return ParseIntString(s, radix, isLong) ?? throw new PyException("ValueError", $"invalid literal for {name}() with base {radix}: {PyOps.StringRepr(s)}");
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new PyException(double.IsNaN(d) ? "ValueError" : "OverflowError", "cannot convert float NaN or infinity to integer");
                }

                return PyOps.NormalizeInteger(new BigInteger(Math.Truncate(d)), isLong);
            case bool or long or BigInteger:
                return PyOps.NormalizeInteger(PyOps.ToBig(value), isLong);
            default:
                throw new PyException("TypeError", $"{name}() argument must be a string or a number, not '{PyOps.TypeName(value)}'");
        }
    }

    private static object? ParseIntString(string text, int radix, bool isLong)
    {
        var s = text.Trim(' ', '\t', '\n', '\r', '\f', '\v');
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..].TrimStart(' ', '\t');
        }

        if (isLong && s.Length > 0 && s[^1] is 'l' or 'L')
        {
            s = s[..^1];
        }

        var lower = s.ToLowerInvariant();
        if (radix == 0)
        {
            radix = lower.StartsWith("0x", StringComparison.Ordinal) ? 16 : lower.StartsWith("0o", StringComparison.Ordinal) ? 8 :
                lower.StartsWith("0b", StringComparison.Ordinal) ? 2 : lower.StartsWith('0') && lower.Length > 1 ? 8 : 10;
        }

        if ((radix == 16 && lower.StartsWith("0x", StringComparison.Ordinal)) || (radix == 8 && lower.StartsWith("0o", StringComparison.Ordinal)) ||
            (radix == 2 && lower.StartsWith("0b", StringComparison.Ordinal)))
        {
            lower = lower[2..];
        }

        if (lower.Length == 0 || lower.Length > 5000)
        {
            return null;
        }

        var value = BigInteger.Zero;
        foreach (var c in lower)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return null;
            }

            value = (value * radix) + digit;
        }

        return PyOps.NormalizeInteger(negative ? -value : value, isLong);
    }

    private static double ToFloat(IReadOnlyList<object> arguments)
    {
        Arity("float", arguments, 0, 1);
        if (arguments.Count == 0)
        {
            return 0.0;
        }

        var value = PyOps.Unwrap(arguments[0]);
        if (value is string s)
        {
            var t = s.Trim(' ', '\t', '\n', '\r', '\f', '\v').ToLowerInvariant();
            var body = t.TrimStart('+', '-');
            if (body is "inf" or "infinity" or "nan")
            {
                var special = body == "nan" ? double.NaN : double.PositiveInfinity;
                return t.StartsWith('-') ? -special : special;
            }

            if (t.Length > 0 && t.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or '+' or '-') &&
                double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }

            throw new PyException("ValueError", $"could not convert string to float: {s}");
        }

        return PyOps.IsNumber(value) ? PyOps.ToDouble(value) : throw new PyException("TypeError", "float() argument must be a string or a number");
    }

    private Dictionary<string, PyModuleValue> CreateModules()
    {
        var path = new PyModuleValue("os.path", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["exists"] = Builtin("exists", (c, a) => PathTest(c, "exists", a)),
            ["isfile"] = Builtin("isfile", (c, a) => PathTest(c, "isfile", a)),
            ["isdir"] = Builtin("isdir", (c, a) => PathTest(c, "isdir", a)),
            ["islink"] = Builtin("islink", (c, a) => PathTest(c, "islink", a)),
            ["join"] = Builtin("join", (_, a) => PathJoin(a)),
            ["basename"] = Builtin("basename", (_, a) => StringArgument("basename", a)[(StringArgument("basename", a).LastIndexOf('/') + 1)..]),
            ["dirname"] = Builtin("dirname", (_, a) => DirName(StringArgument("dirname", a))),
            ["sep"] = "/",
        });
        var os = new PyModuleValue("os", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["uname"] = Builtin("uname", (c, a) =>
            {
                Arity("uname", a, 0, 0);
                if (ReferenceEquals(Options.Uname, XmEvaluationOptions.Default.Uname))
                {
                    c.Interpreter.HostWarnings.Add((c.Node, $"os.uname() describes the host that ran xm; invented values ('{string.Join("', '", Options.Uname)}') were assumed (set XmEvaluationOptions.Uname)"));
                }

                return new PyTuple([.. Options.Uname.Select(s => (object)s)]);
            }),
            ["path"] = path,
            ["sep"] = "/",
            ["name"] = "posix",
            ["environ"] = new PyDict(),
            ["getenv"] = Builtin("getenv", (c, a) =>
            {
                Arity("getenv", a, 1, 2);
                c.Interpreter.HostWarnings.Add((c.Node, "os.getenv() reads the environment of the host that ran xm; None was assumed"));
                return a.Count > 1 ? a[1] : PyNone.Instance;
            }),
        });
        foreach (var name in new[] { "system", "popen", "listdir", "getcwd", "remove", "unlink", "mkdir", "makedirs", "stat", "access", "walk", "chdir", "getpid", "readlink", "spawnv", "execv", "fork", "kill" })
        {
            os.Members[name] = Unsupported("os." + name);
        }

        var re = new PyModuleValue("re", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["search"] = Builtin("search", (_, a) => RegexCall("search", a, anchored: false)),
            ["match"] = Builtin("match", (_, a) => RegexCall("match", a, anchored: true)),
            ["compile"] = Builtin("compile", (_, a) =>
            {
                Arity("compile", a, 1, 2);
                var pattern = StringArgument("compile", a);
                var flags = a.Count > 1 ? Flags(a[1]) : 0;
                return new PyCompiledRegex(CompileRegex(pattern, flags, anchored: false), CompileRegex(pattern, flags, anchored: true), pattern);
            }),
            ["escape"] = Builtin("escape", (_, a) => EscapeRegex(StringArgument("escape", a))),
            ["error"] = new PyExceptionType("error"),
            ["I"] = 2L,
            ["IGNORECASE"] = 2L,
            ["M"] = 8L,
            ["MULTILINE"] = 8L,
            ["S"] = 16L,
            ["DOTALL"] = 16L,
        });
        foreach (var name in new[] { "sub", "subn", "split", "findall", "finditer", "purge" })
        {
            re.Members[name] = Unsupported("re." + name);
        }

        var sys = new PyModuleValue("sys", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["platform"] = "linux2",
            ["maxint"] = long.MaxValue,
            ["version"] = "2.7.18",
            ["argv"] = new PyList(["/usr/sbin/xm", "create"]),
            ["stderr"] = new PyStream("<stderr>"),
            ["stdout"] = new PyStream("<stdout>"),
            ["exit"] = new PyBuiltin("exit", (_, a, _) => throw new PyException("SystemExit", a.Count > 0 ? PyOps.Str(a[0]) : "")),
        });
        // The Python 2 'string' module functions that old configs use, as the str methods they wrap.
        var stringModule = new PyModuleValue("string", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["join"] = Builtin("join", (_, a) =>
            {
                Arity("join", a, 1, 2);
                return StringMethod(a.Count > 1 ? StringArgument("join", a, 1) : " ", "join", [a[0]]);
            }),
            ["atoi"] = Builtin("atoi", (_, a) => ToInt(a, isLong: false)),
            ["letters"] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            ["digits"] = "0123456789",
        });
        foreach (var name in new[] { "split", "strip", "lstrip", "rstrip", "lower", "upper", "replace", "find", "rfind", "count", "zfill", "ljust", "rjust", "capitalize" })
        {
            stringModule.Members[name] = Builtin(name, (_, a) => StringMethod(StringArgument(name, a), name, a.Skip(1).ToList()));
        }

        var socket = new PyModuleValue("socket", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["gethostname"] = Builtin("gethostname", (c, a) =>
            {
                Arity("gethostname", a, 0, 0);
                c.Interpreter.HostWarnings.Add((c.Node, $"socket.gethostname() names the host that ran xm; '{c.Interpreter.Options.Uname[1]}' (XmEvaluationOptions.Uname[1]) was assumed"));
                return c.Interpreter.Options.Uname[1];
            }),
        });
        var struct_ = new PyModuleValue("struct", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["pack"] = Unsupported("struct.pack"),
            ["unpack"] = Unsupported("struct.unpack"),
        });
        var errno = new PyModuleValue("errno", new Dictionary<string, object>(StringComparer.Ordinal) { ["EINTR"] = 4L, ["ENOENT"] = 2L });
        var ip = new PyModuleValue("xen.util.ip", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["os"] = os,
            ["re"] = re,
            ["socket"] = socket,
            ["struct"] = struct_,
            ["errno"] = errno,
            ["NBE_BRIDGE"] = "xen-br0",
            ["inet_aton"] = Builtin("inet_aton", (_, a) => InetAton(StringArgument("inet_aton", a))),
            ["inet_ntoa"] = Builtin("inet_ntoa", (_, a) =>
            {
                Arity("inet_ntoa", a, 1, 1);
                return InetNtoa(a[0]);
            }),
            ["add_offset_to_ip"] = Builtin("add_offset_to_ip", (_, a) =>
            {
                Arity("add_offset_to_ip", a, 2, 2);
                return InetNtoa(PyOps.Binary("+", InetAton(StringArgument("add_offset_to_ip", a)), a[1]));
            }),
            ["check_subnet"] = Builtin("check_subnet", (_, a) =>
            {
                Arity("check_subnet", a, 3, 3);
                var mask = InetAton(StringArgument("check_subnet", a, 2));
                return (InetAton(StringArgument("check_subnet", a)) & mask) == (InetAton(StringArgument("check_subnet", a, 1)) & mask);
            }),
        });
        foreach (var name in new[] { "get_current_ipaddr", "get_current_ipmask", "get_current_ipgw" })
        {
            ip.Members[name] = new PyBuiltin(name, (_, _, _) =>
                throw new PyUnsupportedException($"{name}() reads the network configuration of the host that ran xm (ifconfig, route); it is not supported"));
        }

        return new Dictionary<string, PyModuleValue>(StringComparer.Ordinal)
        {
            ["xen.util.ip"] = ip,
            ["struct"] = struct_,
            ["errno"] = errno,
            ["string"] = stringModule,
            ["socket"] = socket,
            ["os"] = os,
            ["os.path"] = path,
            ["re"] = re,
            ["sys"] = sys,
        };
    }

    private static long InetAton(string address)
    {
        // socket.inet_aton accepts 1 to 4 dot-separated parts (a, a.b, a.b.c, a.b.c.d), each decimal, octal or hex.
        var parts = address.Split('.');
        var values = new List<long>();
        foreach (var part in parts)
        {
            if (ParseIntString(part, 0, isLong: false) is long value && value >= 0 && !part.Contains(' ', StringComparison.Ordinal) && part.Length > 0)
            {
                values.Add(value);
            }
            else
            {
                throw new PyException("error", "illegal IP address string passed to inet_aton");
            }
        }

        if (values.Count > 4 || values.Take(values.Count - 1).Any(v => v > 255) || values[^1] >= 1L << (8 * (5 - values.Count)))
        {
            throw new PyException("error", "illegal IP address string passed to inet_aton");
        }

        var result = 0L;
        for (var i = 0; i < values.Count - 1; i++)
        {
            result |= values[i] << (24 - (8 * i));
        }

        return result | values[^1];
    }

    private static string InetNtoa(object value)
    {
        if (!PyOps.IsInteger(value) || PyOps.ToBig(value) is var n && (n < 0 || n > uint.MaxValue))
        {
            throw new PyException("error", "'I' format requires 0 <= number <= 4294967295");
        }

        var v = (uint)PyOps.ToBig(value);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}");
    }

    private static string StringArgument(string name, IReadOnlyList<object> arguments, int index = 0)
    {
        if (arguments.Count <= index)
        {
            throw new PyException("TypeError", $"{name}() takes at least {index + 1} argument ({arguments.Count} given)");
        }

        return PyOps.TryText(arguments[index], out var text) ? text : throw new PyException("TypeError", $"{name}() expected a string, not {PyOps.TypeName(arguments[index])}");
    }

    private static bool PathTest(PyCallContext context, string name, IReadOnlyList<object> arguments)
    {
        Arity(name, arguments, 1, 1);
        var path = StringArgument(name, arguments);
        if (context.Interpreter.Options.ExistingPaths is { } existing)
        {
            return existing.Contains(path);
        }

        context.Interpreter.HostWarnings.Add((context.Node, $"os.path.{name}('{path}') depends on the host that ran xm; False was assumed (set XmEvaluationOptions.ExistingPaths)"));
        return false;
    }

    private static string PathJoin(IReadOnlyList<object> arguments)
    {
        var result = StringArgument("join", arguments);
        for (var i = 1; i < arguments.Count; i++)
        {
            var part = StringArgument("join", arguments, i);
            result = part.StartsWith('/') ? part : result.Length == 0 || result.EndsWith('/') ? result + part : result + "/" + part;
        }

        return result;
    }

    private static string DirName(string path)
    {
        var index = path.LastIndexOf('/') + 1;
        var head = path[..index];
        return head.Length > 0 && head.Trim('/').Length > 0 ? head.TrimEnd('/') : head;
    }

    private static int Flags(object value) => PyOps.IsInteger(value) ? (int)(PyOps.ToBig(value) & 0xFFFF) : throw new PyException("TypeError", "flags must be an integer");

    private static Regex CompileRegex(string pattern, int flags, bool anchored)
    {
        var options = RegexOptions.CultureInvariant;
        if ((flags & 2) != 0)
        {
            options |= RegexOptions.IgnoreCase;
        }

        if ((flags & 8) != 0)
        {
            options |= RegexOptions.Multiline;
        }

        if ((flags & 16) != 0)
        {
            options |= RegexOptions.Singleline;
        }

        // Python's named groups differ in spelling only.
        var converted = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        converted = Regex.Replace(converted, @"\(\?P=(\w+)\)", @"\k<$1>", RegexOptions.None, RegexTimeout);
        try
        {
            return new Regex(anchored ? @"\G(?:" + converted + ")" : converted, options, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new PyException("error", $"invalid regular expression {PyOps.StringRepr(pattern)}: {ex.Message}");
        }
    }

    private static object RegexCall(string name, IReadOnlyList<object> arguments, bool anchored)
    {
        Arity(name, arguments, 2, 3);
        var pattern = StringArgument(name, arguments);
        var text = StringArgument(name, arguments, 1);
        var regex = CompileRegex(pattern, arguments.Count > 2 ? Flags(arguments[2]) : 0, anchored);
        return RunRegex(regex, text);
    }

    private static object RunRegex(Regex regex, string text)
    {
        try
        {
            var match = regex.Match(text);
            return match.Success ? new PyMatch(match) : PyNone.Instance;
        }
        catch (RegexMatchTimeoutException)
        {
            throw new PyUnsupportedException($"a regular expression ran longer than {RegexTimeout.TotalMilliseconds} ms", isLimit: true);
        }
    }

    private static string EscapeRegex(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static object MatchGroup(PyMatch match, object index)
    {
        Group group;
        if (index is string name)
        {
            group = match.Match.Groups[name];
            if (!group.Success && !match.Match.Groups.ContainsKey(name))
            {
                throw new PyException("IndexError", "no such group");
            }
        }
        else if (PyOps.IsInteger(index) && PyOps.ToBig(index) is var n && n >= 0 && n < match.Match.Groups.Count)
        {
            group = match.Match.Groups[(int)n];
        }
        else
        {
            throw new PyException("IndexError", "no such group");
        }

        return group.Success ? group.Value : PyNone.Instance;
    }
}
