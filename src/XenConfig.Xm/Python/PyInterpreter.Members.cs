using System.Text;

namespace XenConfig.Xm.Python;

internal sealed partial class PyInterpreter
{
    private static readonly HashSet<string> ListMethods = ["append", "extend", "insert", "pop", "index", "count", "remove", "reverse", "sort"];

    private static readonly HashSet<string> DictMethods = ["get", "keys", "values", "items", "has_key", "setdefault", "update", "pop", "copy"];

    private void Import(PyScope scope, string module, string? alias, PyNode node)
    {
        if (!_modules.TryGetValue(module, out var value))
        {
            throw new PyException("ImportError", $"No module named {module}") { Node = node };
        }

        if (alias is not null)
        {
            Store(scope, alias, value, node);
            return;
        }

        var top = module.Split('.')[0];
        Store(scope, top, _modules[top], node);
    }

    private void ExecuteFromImport(FromImportStmt from, PyScope scope)
    {
        if (!_modules.TryGetValue(from.Module, out var module))
        {
            throw new PyException("ImportError", $"No module named {from.Module}") { Node = from };
        }

        if (from.Names is null)
        {
            foreach (var (name, value) in module.Members.Where(m => !m.Key.StartsWith('_')))
            {
                Store(scope, name, value, from);
            }

            return;
        }

        foreach (var (name, alias) in from.Names)
        {
            if (!module.Members.TryGetValue(name, out var value))
            {
                throw new PyException("ImportError", $"cannot import name {name}") { Node = from };
            }

            Store(scope, alias ?? name, value, from);
        }
    }

    private static object GetAttribute(object target, string name)
    {
        switch (target)
        {
            case PyModuleValue module:
                return module.Members.TryGetValue(name, out var member)
                    ? member
                    : throw new PyException("AttributeError", $"'module' object has no attribute '{name}'");
            case string or PyUnicode when StringMethods.Contains(name):
            case PyList when ListMethods.Contains(name):
            case PyDict when DictMethods.Contains(name):
            case PyMatch when name is "group" or "groups" or "start" or "end" or "span":
            case PyCompiledRegex when name is "search" or "match":
            case PyStream when name is "write" or "flush":
                return new PyBoundMethod(target, name);
            case string or PyUnicode when UnsupportedStringMethods.Contains(name):
                throw new PyUnsupportedException($"str.{name}() is not supported by the safe xm evaluator");
            case PyCompiledRegex regex when name == "pattern":
                return regex.Pattern;
            case PyXmVars vars:
                return name switch
                {
                    "var" or "check" => new PyBoundMethod(vars, name),
                    "env" => vars.Environment,
                    _ => throw new PyException("AttributeError", $"Vars instance has no attribute '{name}'"),
                };
            case PyExceptionValue exception when name is "message" or "args":
                return name == "message" ? exception.Message : new PyTuple([exception.Message]);
            case PyBuiltin { Name: "str" } when StringMethods.Contains(name):
                // Unbound method: str.join(" ", items).
                return new PyBuiltin("str." + name, (context, arguments, keywords) =>
                {
                    if (arguments.Count == 0 || arguments[0] is not string self)
                    {
                        throw new PyException("TypeError", $"descriptor '{name}' requires a 'str' object");
                    }

                    return context.Interpreter.CallMethod(self, name, arguments.Skip(1).ToList(), keywords, context.Node);
                });
            default:
                throw new PyException("AttributeError", $"'{PyOps.TypeName(target)}' object has no attribute '{name}'");
        }
    }

    private object CallMethod(object self, string name, IReadOnlyList<object> arguments, IReadOnlyList<(string Name, object Value)> keywords, PyNode node)
    {
        if (self is PyXmVars vars)
        {
            return name == "var" ? DeclareXmVar(vars, arguments, keywords) : RunXmVarsCheck(node);
        }

        if (keywords.Count > 0)
        {
            throw new PyException("TypeError", $"{name}() takes no keyword arguments");
        }

        if (self is PyUnicode || (self is string && arguments.Any(PyOps.HasUnicode)))
        {
            // A unicode receiver or argument makes the result unicode, as in Python 2.
            return PyOps.ToUnicode(StringMethod((string)PyOps.Unwrap(self), name, arguments.Select(PyOps.UnwrapShallow).ToList()));
        }

        return self switch
        {
            string s => StringMethod(s, name, arguments),
            PyList list => ListMethod(list, name, arguments),
            PyDict dict => DictMethod(dict, name, arguments),
            PyMatch match => MatchMethod(match, name, arguments),
            PyCompiledRegex regex => RunRegex(name == "search" ? regex.Search : regex.Match, StringArgument(name, arguments)),
            _ => PyNone.Instance,
        };
    }

    private static PyNone DeclareXmVar(PyXmVars vars, IReadOnlyList<object> arguments, IReadOnlyList<(string Name, object Value)> keywords)
    {
        object? Argument(int position, string keyword) =>
            arguments.Count > position ? arguments[position] : keywords.FirstOrDefault(k => k.Name == keyword).Value;

        foreach (var (keyword, _) in keywords)
        {
            if (keyword is not ("name" or "use" or "check"))
            {
                throw new PyException("TypeError", $"var() got an unexpected keyword argument '{keyword}'");
            }
        }

        if (Argument(0, "name") is not string name)
        {
            throw new PyException("TypeError", "var() needs a variable name");
        }

        vars.Declared.Add((name, Argument(1, "use") as string, Argument(2, "check")));
        return PyNone.Instance;
    }

    private static object StringMethod(string s, string name, IReadOnlyList<object> a)
    {
        switch (name)
        {
            case "lower":
                Arity(name, a, 0, 0);
                return AsciiMap(s, char.ToLowerInvariant);
            case "upper":
                Arity(name, a, 0, 0);
                return AsciiMap(s, char.ToUpperInvariant);
            case "strip" or "lstrip" or "rstrip":
            {
                Arity(name, a, 0, 1);
                var chars = a.Count == 0 || a[0] is PyNone ? " \t\n\r\f\v".ToCharArray() : StringArgument(name, a).ToCharArray();
                return name == "strip" ? s.Trim(chars) : name == "lstrip" ? s.TrimStart(chars) : s.TrimEnd(chars);
            }

            case "split":
                return Split(s, a);
            case "splitlines":
                return new PyList(s.Split('\n').Select(x => (object)x.TrimEnd('\r')).SkipLast(s.EndsWith('\n') ? 1 : 0).ToList());
            case "join":
            {
                Arity(name, a, 1, 1);
                var builder = new StringBuilder();
                var first = true;
                foreach (var item in Iterate(a[0]))
                {
                    if (item is not string part)
                    {
                        throw new PyException("TypeError", $"sequence item: expected string, {PyOps.TypeName(item)} found");
                    }

                    if (!first)
                    {
                        builder.Append(s);
                    }

                    builder.Append(part);
                    PyOps.CheckLength(builder.Length);
                    first = false;
                }

                return builder.ToString();
            }

            case "replace":
            {
                Arity(name, a, 2, 3);
                var old = StringArgument(name, a);
                var replacement = StringArgument(name, a, 1);
                var count = a.Count > 2 && PyOps.IsInteger(a[2]) ? (long)System.Numerics.BigInteger.Clamp(PyOps.ToBig(a[2]), -1, int.MaxValue) : -1;
                return Replace(s, old, replacement, count);
            }

            case "startswith" or "endswith":
            {
                Arity(name, a, 1, 1);
                var candidates = a[0] is PyTuple tuple ? tuple.Items : [a[0]];
                return candidates.Any(c => c is string prefix
                    ? name == "startswith" ? s.StartsWith(prefix, StringComparison.Ordinal) : s.EndsWith(prefix, StringComparison.Ordinal)
                    : throw new PyException("TypeError", $"{name} first arg must be str or a tuple of str"));
            }

            case "find" or "rfind" or "index":
            {
                Arity(name, a, 1, 1);
                var sub = StringArgument(name, a);
                var found = name == "rfind" ? s.LastIndexOf(sub, StringComparison.Ordinal) : s.IndexOf(sub, StringComparison.Ordinal);
                return found < 0 && name == "index" ? throw new PyException("ValueError", "substring not found") : (long)found;
            }

            case "count":
            {
                Arity(name, a, 1, 1);
                var sub = StringArgument(name, a);
                if (sub.Length == 0)
                {
                    return (long)s.Length + 1;
                }

                long count = 0;
                for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal))
                {
                    count++;
                }

                return count;
            }

            case "isdigit": return s.Length > 0 && s.All(char.IsAsciiDigit);
            case "isalpha": return s.Length > 0 && s.All(char.IsAsciiLetter);
            case "isalnum": return s.Length > 0 && s.All(char.IsAsciiLetterOrDigit);
            case "isspace": return s.Length > 0 && s.All(c => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v');
            case "islower": return s.Any(char.IsAsciiLetterLower) && !s.Any(char.IsAsciiLetterUpper);
            case "isupper": return s.Any(char.IsAsciiLetterUpper) && !s.Any(char.IsAsciiLetterLower);
            case "capitalize":
                return s.Length == 0 ? s : AsciiMap(s[..1], char.ToUpperInvariant) + AsciiMap(s[1..], char.ToLowerInvariant);
            case "zfill" or "ljust" or "rjust":
            {
                Arity(name, a, 1, name == "zfill" ? 1 : 2);
                if (!PyOps.IsInteger(a[0]))
                {
                    throw new PyException("TypeError", "an integer is required");
                }

                var width = (int)System.Numerics.BigInteger.Clamp(PyOps.ToBig(a[0]), 0, PyOps.MaxStringLength + 1L);
                PyOps.CheckLength(width);
                var fill = a.Count > 1 && a[1] is string { Length: 1 } f ? f[0] : ' ';
                if (name == "zfill")
                {
                    var sign = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
                    return s.Length >= width ? s : s[..sign] + new string('0', width - s.Length) + s[sign..];
                }

                return name == "ljust" ? s.PadRight(width, fill) : s.PadLeft(width, fill);
            }

            default:
                throw new PyException("AttributeError", $"'str' object has no attribute '{name}'");
        }
    }

    private static string AsciiMap(string s, Func<char, char> map) =>
        string.Create(s.Length, s, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] < 0x80 ? map(source[i]) : source[i];
            }
        });

    private static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0 && old.Length > 0)
        {
            PyOps.CheckLength(s.Length + ((long)(replacement.Length - old.Length) * (s.Length / old.Length)));
            return s.Replace(old, replacement, StringComparison.Ordinal);
        }

        var builder = new StringBuilder();
        var position = 0;
        var done = 0L;
        while ((count < 0 || done < count) && position <= s.Length)
        {
            var found = old.Length == 0 ? position : s.IndexOf(old, position, StringComparison.Ordinal);
            if (found < 0 || (old.Length == 0 && found > s.Length))
            {
                break;
            }

            builder.Append(s, position, found - position).Append(replacement);
            PyOps.CheckLength(builder.Length);
            done++;
            if (old.Length == 0)
            {
                if (found < s.Length)
                {
                    builder.Append(s[found]);
                }

                position = found + 1;
            }
            else
            {
                position = found + old.Length;
            }
        }

        if (position < s.Length)
        {
            builder.Append(s, position, s.Length - position);
        }

        return builder.ToString();
    }

    private static PyList Split(string s, IReadOnlyList<object> a)
    {
        Arity("split", a, 0, 2);
        var separator = a.Count == 0 || a[0] is PyNone ? null : StringArgument("split", a);
        var max = a.Count > 1 && PyOps.IsInteger(a[1]) ? (long)System.Numerics.BigInteger.Clamp(PyOps.ToBig(a[1]), -1, int.MaxValue) : -1;
        var parts = new List<object>();
        if (separator is null)
        {
            var i = 0;
            while (true)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                if (i >= s.Length)
                {
                    break;
                }

                if (max >= 0 && parts.Count >= max)
                {
                    parts.Add(s[i..].TrimEnd());
                    break;
                }

                var start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                parts.Add(s[start..i]);
            }

            return new PyList(parts);
        }

        if (separator.Length == 0)
        {
            throw new PyException("ValueError", "empty separator");
        }

        var position = 0;
        while (max < 0 || parts.Count < max)
        {
            var found = s.IndexOf(separator, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            parts.Add(s[position..found]);
            position = found + separator.Length;
        }

        parts.Add(s[position..]);
        return new PyList(parts);
    }

    private static object ListMethod(PyList list, string name, IReadOnlyList<object> a)
    {
        switch (name)
        {
            case "append":
                Arity(name, a, 1, 1);
                PyOps.CheckLength(list.Items.Count + 1L);
                list.Items.Add(a[0]);
                return PyNone.Instance;
            case "extend":
            {
                Arity(name, a, 1, 1);
                var items = Iterate(a[0]).ToList();
                PyOps.CheckLength((long)list.Items.Count + items.Count);
                list.Items.AddRange(items);
                return PyNone.Instance;
            }

            case "insert":
            {
                Arity(name, a, 2, 2);
                if (!PyOps.IsInteger(a[0]))
                {
                    throw new PyException("TypeError", "an integer is required");
                }

                var index = (long)System.Numerics.BigInteger.Clamp(PyOps.ToBig(a[0]), -list.Items.Count - 1L, list.Items.Count);
                if (index < 0)
                {
                    index = Math.Max(0, index + list.Items.Count);
                }

                PyOps.CheckLength(list.Items.Count + 1L);
                list.Items.Insert((int)index, a[1]);
                return PyNone.Instance;
            }

            case "pop":
            {
                Arity(name, a, 0, 1);
                if (list.Items.Count == 0)
                {
                    throw new PyException("IndexError", "pop from empty list");
                }

                var index = NormalizeIndex(a.Count == 0 ? -1L : a[0], list.Items.Count);
                var item = list.Items[index];
                list.Items.RemoveAt(index);
                return item;
            }

            case "index" or "count" or "remove":
            {
                Arity(name, a, 1, 1);
                var index = list.Items.FindIndex(x => PyOps.AreEqual(x, a[0]));
                if (name == "count")
                {
                    return (long)list.Items.Count(x => PyOps.AreEqual(x, a[0]));
                }

                if (index < 0)
                {
                    throw new PyException("ValueError", $"list.{name}(x): x not in list");
                }

                if (name == "remove")
                {
                    list.Items.RemoveAt(index);
                    return PyNone.Instance;
                }

                return (long)index;
            }

            case "reverse":
                Arity(name, a, 0, 0);
                list.Items.Reverse();
                return PyNone.Instance;
            default:
            {
                Arity(name, a, 0, 0);
                var sorted = SortStable(list.Items);
                list.Items.Clear();
                list.Items.AddRange(sorted);
                return PyNone.Instance;
            }
        }
    }

    private static object DictMethod(PyDict dict, string name, IReadOnlyList<object> a)
    {
        switch (name)
        {
            case "get":
                Arity(name, a, 1, 2);
                return dict.TryGet(a[0], out var value) ? value : a.Count > 1 ? a[1] : PyNone.Instance;
            case "has_key":
                Arity(name, a, 1, 1);
                return dict.TryGet(a[0], out _);
            case "keys":
                return new PyList(dict.Items.Select(kv => kv.Key).ToList());
            case "values":
                return new PyList(dict.Items.Select(kv => kv.Value).ToList());
            case "items":
                return new PyList(dict.Items.Select(kv => (object)new PyTuple([kv.Key, kv.Value])).ToList());
            case "setdefault":
                Arity(name, a, 1, 2);
                if (!dict.TryGet(a[0], out var existing))
                {
                    existing = a.Count > 1 ? a[1] : PyNone.Instance;
                    dict.Set(a[0], existing);
                }

                return existing;
            case "update":
                Arity(name, a, 1, 1);
                if (a[0] is not PyDict other)
                {
                    throw new PyUnsupportedException("dict.update() with a non-dict argument");
                }

                foreach (var (key, item) in other.Items.ToList())
                {
                    dict.Set(key, item);
                }

                return PyNone.Instance;
            case "copy":
            {
                var copy = new PyDict();
                foreach (var (key, item) in dict.Items)
                {
                    copy.Set(key, item);
                }

                return copy;
            }

            default:
                Arity(name, a, 1, 2);
                if (dict.TryGet(a[0], out var popped))
                {
                    dict.Remove(a[0]);
                    return popped;
                }

                return a.Count > 1 ? a[1] : throw new PyException("KeyError", PyOps.Repr(a[0]));
        }
    }

    private static object MatchMethod(PyMatch match, string name, IReadOnlyList<object> a)
    {
        switch (name)
        {
            case "group":
                if (a.Count <= 1)
                {
                    return MatchGroup(match, a.Count == 0 ? 0L : a[0]);
                }

                return new PyTuple(a.Select(x => MatchGroup(match, x)).ToArray());
            case "groups":
                return new PyTuple(Enumerable.Range(1, match.Match.Groups.Count - 1).Select(i => MatchGroup(match, (long)i)).ToArray());
            case "start":
                return (long)match.Match.Groups[a.Count == 0 ? 0 : (int)PyOps.ToBig(a[0])].Index;
            case "end":
            {
                var group = match.Match.Groups[a.Count == 0 ? 0 : (int)PyOps.ToBig(a[0])];
                return (long)(group.Index + group.Length);
            }

            default:
                return new PyTuple([(long)match.Match.Index, (long)(match.Match.Index + match.Match.Length)]);
        }
    }
}
