using System.Globalization;
using System.Text;

namespace XenConfig.Xm.Tests;

/// <summary>
/// Random xm-style programs. By default in the part of Python where Python 2 and python3 agree: no integer division with
/// /, no str() of floats, no comparisons across types, no L suffix, no octal 010, no print statement, no range or
/// dict.keys() results (lists in Python 2, views in python3), no int overflowing into long, no unicode literals. With
/// <c>python2Constructs</c> those are mixed in too, for the Python 2.7 oracle. Some programs fail on purpose (unknown
/// names, str + int, bad int(), index errors) so that error agreement is tested too.
/// </summary>
internal sealed class XmProgramGenerator(int seed, bool python2Constructs)
{
    private readonly Random _random = new(seed);
    private readonly List<string> _ints = [];
    private readonly List<string> _strs = [];
    private readonly List<string> _lists = [];
    private readonly HashSet<string> _globals = [];
    private bool _hasVmid;

    private static readonly string[] Words = ["xvda", "phy:/dev/vg0/root", "bridge=xenbr0", "hvm", "linux", "", "a b", "x'y", "q\"r", "tab\there", "%", "64"];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(int percent) => _random.Next(100) < percent;

    public PythonOracle.Case Next()
    {
        _ints.Clear();
        _strs.Clear();
        _lists.Clear();
        _globals.Clear();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        _hasVmid = Chance(40);
        if (_hasVmid)
        {
            variables["vmid"] = _random.Next(1, 20).ToString(CultureInfo.InvariantCulture);
        }

        var builder = new StringBuilder();
        if (Chance(30))
        {
            builder.Append("import os, re\n");
            _strs.Add("os.uname()[4]");
            _strs.Add("os.uname()[0]");
        }

        if (_hasVmid && Chance(50))
        {
            builder.Append("def vmid_check(var, val):\n    val = int(val)\n    if val <= 0:\n        raise ValueError\n    return val\n");
            builder.Append("xm_vars.var('vmid', use=\"Virtual machine id.\", check=vmid_check)\nxm_vars.check()\n");
            _ints.Add("vmid");
        }
        else if (_hasVmid)
        {
            _strs.Add("vmid");
        }

        var count = _random.Next(1, 9);
        for (var i = 0; i < count; i++)
        {
            Statement(builder, "");
        }

        return new PythonOracle.Case(builder.ToString(), variables);
    }

    private void Statement(StringBuilder builder, string indent)
    {
        var length = builder.Length;
        StatementOrNothing(builder, indent);
        if (builder.Length == length)
        {
            builder.Append(indent).Append("pass\n");
        }
    }

    private void StatementOrNothing(StringBuilder builder, string indent)
    {
        // One name pool per type, so that comparisons never mix types (python3 refuses, Python 2 orders by type name).
        var index = _random.Next(0, 6).ToString(CultureInfo.InvariantCulture);
        var name = "i" + index;
        switch (_random.Next(python2Constructs ? 25 : 20))
        {
            case 20 or 21 or 22:
                builder.Append(indent).Append('s').Append(index).Append(" = ").Append(Fill(Pick(Python2Templates))).Append('\n');
                _strs.Add("s" + index);
                break;
            case 18 when !python2Constructs:
            case 19 when !python2Constructs:
            case 23 or 24:
                builder.Append(indent).Append('s').Append(index).Append(" = ").Append(Fill(Pick(CommonTemplates))).Append('\n');
                _strs.Add("s" + index);
                break;
            case 16:
                builder.Append(indent).Append('s').Append(index).Append(" = '%e|%g|%.3f|%10.4e|%G|%r|%.0f|%#g' % (")
                    .Append(string.Join(", ", Enumerable.Range(0, 8).Select(_ => FloatLiteral()))).Append(")\n");
                _strs.Add("s" + index);
                break;
            case 17 when _globals.Add(index):
                builder.Append(indent).Append("global f").Append(index).Append('\n')
                    .Append(indent).Append("def f").Append(index).Append("(a, b=").Append(IntExpr(0)).Append(", c='x'):\n")
                    .Append(indent).Append("    if a > b:\n").Append(indent).Append("        return c * 2\n")
                    .Append(indent).Append("    return '%s-%s' % (a + b, c)\n")
                    .Append(indent).Append('s').Append(index).Append(" = f").Append(index).Append('(').Append(IntExpr(1))
                    .Append(Pick(new[] { "", ", 3", ", c='y'", ", b=1, c='z'", ", 1, 'w'" })).Append(")\n")
                    .Append(indent).Append('g').Append(index).Append(" = lambda v, w=2: f").Append(index).Append("(v * w)\n")
                    .Append(indent).Append('s').Append(index).Append(" += g").Append(index).Append('(').Append(IntExpr(0)).Append(")\n");
                _strs.Add("s" + index);
                break;
            case 17:
                break;
            case 18 or 19:
                builder.Append(indent).Append(Python2Statement(index)).Append('\n');
                break;
            case 12 when indent.Length < 8:
                builder.Append(indent).Append("try:\n");
                Statement(builder, indent + "    ");
                builder.Append(indent).Append(Pick(new[] { "except:", "except (NameError, TypeError, ValueError):", "except LookupError as e:", "except ZeroDivisionError:", "except Exception:" })).Append('\n');
                Statement(builder, indent + "    ");
                if (Chance(30))
                {
                    builder.Append(indent).Append("else:\n");
                    Statement(builder, indent + "    ");
                }

                if (Chance(30))
                {
                    builder.Append(indent).Append("finally:\n");
                    Statement(builder, indent + "    ");
                }

                break;
            case 13 when indent.Length < 8:
                name = "s" + index;
                builder.Append(indent).Append(name).Append(" = ''\n");
                builder.Append(indent).Append("for w in ").Append(Chance(50) ? ListOfStrings(1) : StrExpr(1)).Append(":\n");
                builder.Append(indent).Append("    if w == 'x':\n").Append(indent).Append("        ").Append(Chance(50) ? "continue" : "break").Append('\n');
                builder.Append(indent).Append("    ").Append(name).Append(" += w + '.'\n");
                _strs.Add(name);
                break;
            case 14:
                builder.Append(indent).Append('s').Append(index).Append(", i").Append(index).Append(" = ").Append(StrExpr(1)).Append(", ").Append(IntExpr(1)).Append('\n');
                _strs.Add("s" + index);
                _ints.Add("i" + index);
                break;
            case 15:
                builder.Append(indent).Append('s').Append(index).Append(" = ").Append(Pick(new[]
                {
                    "'%(a)s-%(b)05d' % {'a': " + StrExpr(1) + ", 'b': " + IntExpr(1) + "}",
                    StrExpr(1) + " if " + Condition() + " else " + StrExpr(1),
                    "str(" + StrExpr(1) + ".startswith('x')) + str(" + StrExpr(1) + ".find('a'))",
                    "'%s' % (" + IntExpr(1) + " in [1, 2, 3],)",
                    "hex(" + IntExpr(1) + ") + str(int('ff', 16))",
                    "str(max(" + IntExpr(1) + ", " + IntExpr(1) + ", 3)) + str(min([" + IntExpr(1) + ", 9]))",
                })).Append('\n');
                _strs.Add("s" + index);
                break;
            case 0 or 1 or 2:
                builder.Append(indent).Append(name).Append(" = ").Append(IntExpr(2)).Append('\n');
                _ints.Add(name);
                break;
            case 3 or 4 or 5:
                name = "s" + index;
                builder.Append(indent).Append(name).Append(" = ").Append(StrExpr(2)).Append('\n');
                _strs.Add(name);
                break;
            case 6:
                name = "l" + index;
                builder.Append(indent).Append(name).Append(" = ").Append(ListExpr(2)).Append('\n');
                _lists.Add(name);
                break;
            case 7:
                if (indent.Length < 8)
                {
                    builder.Append(indent).Append("if ").Append(Condition()).Append(":\n");
                    Statement(builder, indent + "    ");
                    if (Chance(40))
                    {
                        builder.Append(indent).Append("elif ").Append(Condition()).Append(":\n");
                        Statement(builder, indent + "    ");
                    }

                    if (Chance(60))
                    {
                        builder.Append(indent).Append("else:\n");
                        Statement(builder, indent + "    ");
                    }
                }

                break;
            case 8:
                if (_strs.Count > 0 && Chance(50))
                {
                    var target = Pick(_strs);
                    if (!target.Contains('(', StringComparison.Ordinal) && target != "vmid")
                    {
                        builder.Append(indent).Append(target).Append(" += ").Append(StrExpr(1)).Append('\n');
                    }
                }
                else if (_lists.Count > 0)
                {
                    builder.Append(indent).Append(Pick(_lists)).Append(Chance(50) ? ".append(" + StrExpr(1) + ")\n" : " += " + ListExpr(1) + "\n");
                }

                break;
            case 9:
                // Types xend dropped, and floats.
                builder.Append(indent).Append("m" + index).Append(" = ").Append(Pick(new[] { "True", "False", "None", "(1, 'a')", "{'k': 1}", "1.5", "0.25 * 3", "2 ** 70", "1e300 * 10", "[1.5, 2 ** 64]" })).Append('\n');
                break;
            case 10:
                // Failing statements.
                builder.Append(indent).Append("m" + index).Append(" = ").Append(Pick(new[] { "undefined_name", "'a' + 1", "int('x1')", "[1][3]", "{}['k']", "1 // 0", "'%d' % 'x'", "'%s %s' % ('a',)", "len(5)" })).Append('\n');
                break;
            case 12 or 13:
                break;
            default:
                builder.Append(indent).Append("name = ").Append(StrExpr(2)).Append('\n');
                _strs.Add("name");
                break;
        }
    }

    // Expressions whose str() both Pythons agree on; {i} is an int expression, {s} a str expression, {n} a small int.
    private static readonly string[] CommonTemplates =
    [
        "str({s}.split('a', 1)) + str({s}.split(None, {n}))",
        "str({s}.find('a')) + str({s}.count('a')) + str({s}.startswith(('x', 'p'))) + {s}.zfill({n}) + {s}.ljust({n}, '*') + {s}.rjust({n})",
        "str({s}.isdigit()) + str({s}.isalpha()) + {s}.capitalize() + {s}.lower() + {s}.strip('xa') + {s}.lstrip() + {s}.rstrip('e')",
        "'%*d|%-*s|%c|%o|%X|%+d|% d|%-5d|%05.1f' % ({n}, {i}, {n}, {s}, 65 + {n}, {i}, {i}, {i}, -{i}, {i}, {i} * 0.5)",
        "{s}[::-1] + {s}[-2::-2] + {s}[1:-1:2] + {s}[{n}:] + {s}[:-{n}]",
        "str({i} < {i} <= {i}) + str({i} == {i} != {i}) + str({s} in [{s}, 'a']) + str({s} not in ('b',))",
        "str({i} and {s}) + str({s} or {i}) + str(not {i}) + str(None is None) + str({i} is not None)",
        "str(-{i} // {n}) + str(-{i} % {n}) + str({i} << {n}) + str({i} >> {n}) + str({i} & {i}) + str({i} | {i}) + str({i} ^ {i}) + str(~{i})",
        "str(abs(-{i})) + str(sum([{i}, {i}, 1])) + str(sorted([{i}, {i}, {n}])) + str(min({s}, 'm')) + str(max([{s}, 'b']))",
        "str(int('  -{n}  ')) + str(int('0x1f', 16)) + str(int('777', 8)) + str(int('{n}', 0)) + str(float('1.5') * 2)",
        "str([{i}, {s}][{n} % 2]) + str(({i}, {s})[-1]) + str({'a': {i}, 'b': {s}}['b']) + str({'a': 1}.get('x', {n}))",
        "str(len([1] * {n})) + str([1, 2] * 2) + str((1,) + (2, {i})) + str([[{i}], {s}]) + str(('x',))",
        "'%s|%r|%s' % ([{s}, {i}], ({s},), {'k': [{i}]})",
        "str({i} if {s} else {n}) + ('y' if not {s} else 'n')",
        "'-'.join({s}.split()) + ','.join(['q', {s}])",
        "os.path.join('/usr', {s}, 'x') + os.path.join({s}, '/abs') + os.path.basename('/a/b/' + {s}) + os.path.dirname('/a/b//' + {s}) + str(os.path.exists({s}))",
        "str(re.match(r'(\\w+)-(\\d+)', 'vm-' + str(abs({i}))).groups()) + str(re.search('a', {s}) is None) + re.compile('[0-9]+').search('x' + str(abs({i})) + 'y').group()",
        "str(re.match('(?P<head>[a-z]*)', {s}).group('head')) + str(re.search('(x)|(y)', 'y').groups()) + str(re.search('A', {s}, re.I) is not None)",
        "str(xm_vars.env.get('vmid', 'none')) + str(len(os.uname())) + os.uname()[2] + str('vmid' in xm_vars.env)",
    ];

    // Expressions whose results differ between Python 2 and python3: only for the Python 2.7 oracle.
    private static readonly string[] Python2Templates =
    [
        "hex({i}) + oct({i}) + hex(2 ** 70) + oct(-{n}) + str(0x10L) + repr(10L ** 20)",
        "str(zip([{i}, {n}], 'ab')) + str(range({n}, 20, 7)) + str({'b': 1}.items()) + str({'a': {i}}.values())",
        "str({i} / {n}) + str(-{i} / {n}) + str({i} / 2.0) + str(7 / -2) + str(2 ** -1)",
        "str(cmp_ok) if False else str(sorted(['b', 1, None, (1,), [2], 1.5, 'a']))",
        "str({s} < {i}) + str([] < ()) + str(None < {i}) + str({'a': 1} < [1])",
        "str(3 * 2 ** 62) + str(2 ** 63 - 1 + 1 - 1) + str(-2 ** 63)  + str(2 ** 64 // 3)",
        "'%d|%x|%o|%s' % (2 ** 65, 2 ** 65, 2 ** 65, 2 ** 65) + str(long({i})) + repr(long({n}))",
        "str([c * 2 for c in {s} if c != 'a']) + str([(i, j) for i in range({n}) for j in 'xy' if i % 2]) + str([k for k in 1, 2])",
        "str(0.1) + repr(0.1) + str(1e16) + str(1e-5) + str(123456789012.5) + str(-0.0) + str(1.5e300 * 1e10)",
    ];

    private string Fill(string template)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 2 < template.Length && template[i + 2] == '}' && template[i + 1] is 'i' or 's' or 'n')
            {
                builder.Append(template[i + 1] switch
                {
                    'i' => "(" + IntExpr(1) + ")",
                    's' => "(" + StrExpr(1) + ")",
                    _ => _random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
                });
                i += 2;
            }
            else
            {
                builder.Append(template[i]);
            }
        }

        return builder.ToString();
    }

    private string FloatLiteral()
    {
        var value = (_random.NextDouble() - 0.3) * Math.Pow(10, _random.Next(-9, 22));
        return _random.Next(6) == 0 ? _random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture) + ".0" : value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
    }

    private string Python2Statement(string index) => _random.Next(14) switch
    {
        0 => "print " + StrExpr(1) + ", " + IntExpr(1),
        1 => "i" + index + " = " + IntExpr(1) + " / " + _random.Next(-5, 6).ToString(CultureInfo.InvariantCulture),
        2 => "m" + index + " = " + _random.Next(0, 99999).ToString(CultureInfo.InvariantCulture) + "L\nl" + index + " = [1L, " + IntExpr(1) + "]",
        3 => "i" + index + " = 010 + 0" + _random.Next(0, 8).ToString(CultureInfo.InvariantCulture) + _random.Next(0, 8).ToString(CultureInfo.InvariantCulture),
        4 => "if " + IntExpr(1) + " <> " + IntExpr(1) + ":\n    s" + index + " = 'ne'",
        5 => "try:\n    i" + index + " = " + Pick(new[] { "undefined_name", "'a' + 1", "int('z')", "7" }) + "\nexcept (NameError, TypeError), e:\n    s" + index + " = str(e)",
        6 => "s" + index + " = str(0.1 + " + _random.Next(0, 9).ToString(CultureInfo.InvariantCulture) + ".3) + repr(1.0 / 3) + '%s' % (2.5 * " + IntExpr(0) + ") + str(" + FloatLiteral() + ") + str([" + FloatLiteral() + "])",
        7 => "s" + index + " = str([1, 'a'] < " + Pick(new[] { "'b'", "None", "3", "(1,)", "{}" }) + ") + str(None < 0) + str(sorted([3, 'a', None, 1.5]))",
        8 => "l" + index + " = range(" + _random.Next(0, 6).ToString(CultureInfo.InvariantCulture) + ") + range(2, 9, 3)",
        9 => "l" + index + " = {'a': 1}.keys()",
        10 => "m" + index + " = 2 ** 64 - 2 ** 64\ni" + index + " = int(2 ** 62) * 4 / 8",
        11 => "s" + index + " = u'x' + 'y'\nm" + index + " = u'" + _random.Next(0, 99).ToString(CultureInfo.InvariantCulture) + "'",
        12 => "s" + index + " = '%d %s %r' % (2 ** 70, 3L, 4L)",
        _ => "i" + index + " = -7 / 2 + 7 % -3 + -(2 ** 63) / 2",
    };

    private string Condition() => _random.Next(6) switch
    {
        0 => IntExpr(1) + " " + Pick(new[] { "<", "<=", ">", ">=", "==", "!=" }) + " " + IntExpr(1),
        1 => StrExpr(1) + " " + Pick(new[] { "==", "!=", "<", ">" }) + " " + StrExpr(1),
        2 => StrExpr(0) + " in " + StrExpr(1),
        3 => "not " + Condition(),
        4 => Condition() + Pick(new[] { " and ", " or " }) + Condition(),
        _ => _strs.Any(s => s.StartsWith("os.", StringComparison.Ordinal)) ? "re.search('64', os.uname()[4])" : IntExpr(0),
    };

    private string IntExpr(int depth)
    {
        if (depth <= 0 || Chance(30))
        {
            return _random.Next(5) switch
            {
                0 when _ints.Count > 0 => Pick(_ints),
                1 => "0x" + _random.Next(0, 4096).ToString("x", CultureInfo.InvariantCulture),
                _ => _random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
            };
        }

        return _random.Next(9) switch
        {
            0 => IntExpr(depth - 1) + " + " + IntExpr(depth - 1),
            1 => IntExpr(depth - 1) + " - " + IntExpr(depth - 1),
            2 => IntExpr(depth - 1) + " * " + IntExpr(depth - 1),
            3 => "(" + IntExpr(depth - 1) + ") // " + _random.Next(-9, 10).ToString(CultureInfo.InvariantCulture),
            4 => "(" + IntExpr(depth - 1) + ") % " + _random.Next(-9, 10).ToString(CultureInfo.InvariantCulture),
            5 => "-(" + IntExpr(depth - 1) + ")",
            6 => "len(" + StrExpr(depth - 1) + ")",
            7 => "int('" + _random.Next(-50, 50).ToString(CultureInfo.InvariantCulture) + "')",
            _ => "(" + IntExpr(depth - 1) + ") ** " + _random.Next(0, 3).ToString(CultureInfo.InvariantCulture),
        };
    }

    private string StrLiteral()
    {
        var word = Pick(Words);
        return _random.Next(4) switch
        {
            0 => "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "'",
            1 => "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\x09", StringComparison.Ordinal) + "\"",
            2 => "r'" + (word.Contains('\'', StringComparison.Ordinal) ? "raw\\d" : word) + "'",
            _ => "'''" + word.Replace("'", "\\'", StringComparison.Ordinal).Replace("\t", "\\011", StringComparison.Ordinal) + "'''",
        };
    }

    private string StrExpr(int depth)
    {
        if (depth <= 0 || Chance(30))
        {
            return _strs.Count > 0 && Chance(40) ? Pick(_strs) : StrLiteral();
        }

        return _random.Next(11) switch
        {
            0 => StrExpr(depth - 1) + " + " + StrExpr(depth - 1),
            1 => "'VM%d-%s' % (" + IntExpr(depth - 1) + ", " + StrExpr(depth - 1) + ")",
            2 => "'%05d|%-4s|%x|%r' % (" + IntExpr(depth - 1) + ", " + StrExpr(0) + ", " + IntExpr(0) + ", " + StrExpr(0) + ")",
            3 => "(" + StrExpr(depth - 1) + ").upper()",
            4 => "(" + StrExpr(depth - 1) + ").replace('a', '-')",
            5 => "(" + StrExpr(depth - 1) + ")[" + _random.Next(-3, 3).ToString(CultureInfo.InvariantCulture) + ":" + _random.Next(-2, 6).ToString(CultureInfo.InvariantCulture) + "]",
            6 => "str(" + IntExpr(depth - 1) + ")",
            7 => "'-'.join(" + ListOfStrings(depth - 1) + ")",
            8 => StrExpr(depth - 1) + " * " + _random.Next(0, 4).ToString(CultureInfo.InvariantCulture),
            9 => "(" + StrExpr(depth - 1) + ").strip()",
            _ => "'%s' % " + StrExpr(depth - 1),
        };
    }

    private string ListOfStrings(int depth) =>
        "[" + string.Join(", ", Enumerable.Range(0, _random.Next(0, 4)).Select(_ => StrExpr(depth))) + (Chance(20) ? ",]" : "]");

    private string ListExpr(int depth) => _random.Next(5) switch
    {
        0 => ListOfStrings(depth),
        1 => "[" + string.Join(", ", Enumerable.Range(0, _random.Next(0, 4)).Select(_ => IntExpr(depth))) + "]",
        2 => "[" + StrExpr(depth) + ", [" + IntExpr(depth) + ", " + StrExpr(0) + "], (" + IntExpr(0) + ", " + StrExpr(0) + ")]",
        3 when _lists.Count > 0 => Pick(_lists) + " + " + ListOfStrings(depth),
        _ => "list(range(" + _random.Next(0, 5).ToString(CultureInfo.InvariantCulture) + "))",
    };
}
