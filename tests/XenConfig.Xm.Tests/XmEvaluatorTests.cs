using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Xm;

namespace XenConfig.Xm.Tests;

public sealed class XmEvaluatorTests
{
    private static XmEvaluation Evaluate(string text, XmEvaluationOptions? options = null) => XmConfig.Evaluate(text, "test.cfg", options);

    private static string Value(string text, string key, XmEvaluationOptions? options = null)
    {
        var evaluation = Evaluate(text, options);
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        return evaluation.Settings[key].ToString();
    }

    [Theory]
    [InlineData(@"x = '\x41\101\n\t\\'", "\"AA\\n\\t\\\\\"")]
    [InlineData(@"x = '\q\8'", "\"\\\\q\\\\8\"")]
    [InlineData(@"x = r'\n\x41'", "\"\\\\n\\\\x41\"")]
    [InlineData("x = '''a\nb'''", "\"a\\nb\"")]
    [InlineData("x = \"a\" 'b' \"\"\"c\"\"\"", "\"abc\"")]
    [InlineData("x = 'a\\\nb'", "\"ab\"")]
    [InlineData("x = ('a'\n     'b')", "\"ab\"")]
    [InlineData("x = 'a' + \\\n    'b'", "\"ab\"")]
    [InlineData(@"x = '\0'", "\"\\x00\"")]
    public void String_literals_decode_with_python_2_rules(string text, string expected) => Assert.Equal(expected, Value(text, "x"));

    [Theory]
    [InlineData("x = 0x10", "16")]
    [InlineData("x = 010", "8")]
    [InlineData("x = 7 / 2", "3")]
    [InlineData("x = -7 / 2", "-4")]
    [InlineData("x = -7 % 3", "2")]
    [InlineData("x = 7 // -2", "-4")]
    [InlineData("x = 7.0 / 2", "3.5")]
    [InlineData("x = 1e3", "1000.0")]
    [InlineData("x = 0.1 + 0.2", "0.3")]
    [InlineData("x = 256 * 4", "1024")]
    [InlineData("x = 2 ** 10 - 1", "1023")]
    [InlineData("x = int('  42 ')", "42")]
    [InlineData("x = int('0x1f', 16)", "31")]
    [InlineData("x = len('abc') + len([1, 2])", "5")]
    [InlineData("x = 1 if 2 > 1 else 0", "1")]
    [InlineData("x = -2 ** 2", "-4")]
    public void Numbers_follow_python_2_arithmetic(string text, string expectedText)
    {
        var evaluation = Evaluate(text);
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal(expectedText, evaluation.Settings["x"].Text);
    }

    [Theory]
    [InlineData("x = 'VM%d' % 3", "VM3")]
    [InlineData("x = 'phy:sda%d,sda1,w' % (7 + 1)", "phy:sda8,sda1,w")]
    [InlineData("x = '%s-%s' % ('a', 1)", "a-1")]
    [InlineData("x = '%05.1f|%-4s|%4d|%x|%X|%o|%e|%g' % (3.14159, 'ab', 42, 255, 255, 8, 12345.678, 0.0001)", "003.1|ab  |  42|ff|FF|10|1.234568e+04|0.0001")]
    [InlineData("x = '%(name)s=%(n)d' % {'name': 'a', 'n': 2}", "a=2")]
    [InlineData("x = '100%%'", "100%%")]
    [InlineData("x = '100%%' % ()", "100%")]
    [InlineData("x = '%r' % 'it''s'", "'its'")]
    [InlineData("x = '%s' % [1, 'a', (2,)]", "[1, 'a', (2,)]")]
    [InlineData("x = '%s' % 10 ** 20", "100000000000000000000")]
    [InlineData("x = str(1.0 / 3)", "0.333333333333")]
    [InlineData("x = repr(1.0 / 3)", "0.3333333333333333")]
    [InlineData("x = '-'.join(['a', 'b']).upper().replace('A', 'z')", "z-B")]
    [InlineData("x = str.join(' ', ['a', 'b'])", "a b")]
    [InlineData("x = 'a,b,,c'.split(',')[3] + '  x y '.split()[1]", "cy")]
    [InlineData("x = 'abcdef'[1:-1:2]", "bd")]
    public void String_operations_and_percent_formatting_match_python_2(string text, string expected) =>
        Assert.Equal(expected, Evaluate(text).Settings["x"].Text);

    [Fact]
    public void Only_str_list_int_and_float_become_settings_as_in_xend()
    {
        var evaluation = Evaluate("a = 'x'\nb = [1, 'y']\nc = 3\nd = 1.5\ne = True\nf = 1024L\ng = (1, 2)\nh = {'k': 1}\ni = None\nimport os\ndef j(): pass\n");
        Assert.Equal(["a", "b", "c", "d"], evaluation.Settings.Keys);
        Assert.Equal(SettingValue.List([SettingValue.Number(1), SettingValue.String("y")]), evaluation.Settings["b"]);
        Assert.True(evaluation.Settings["c"].IsNumberToken);
        Assert.Equal(5, evaluation.Diagnostics.Count(d => d.Id == DiagnosticIds.XmValueDropped.Id));
        var acpi = Evaluate("acpi = True").Diagnostics.Single();
        Assert.Equal("test.cfg(1,1): warning XC1107: acpi = True is a bool; xend ignored it (only str, list, int and float become options); write acpi = 1 [policy]", acpi.ToString());
    }

    [Fact]
    public void Unicode_values_are_dropped_like_xend_dropped_them_and_str_makes_them_str_again()
    {
        var evaluation = Evaluate("name = u'vm'\nboth = 'a' + u'b'\nfmt = '%s-%d' % (u'x', 1)\nplain = str(u'ab') + u'c'.upper().encode if False else str(u'ab')\nitems = [u'a', 'b']\nsplit = u'a b'.split()\n");
        Assert.Equal(["plain", "items", "split"], evaluation.Settings.Keys);
        Assert.Equal("ab", evaluation.Settings["plain"].Text);
        Assert.Equal("[\"a\", \"b\"]", evaluation.Settings["items"].ToString());
        Assert.Equal(
            ["name = u'vm' is a unicode", "both = u'ab' is a unicode", "fmt = u'x-1' is a unicode"],
            evaluation.Diagnostics.Where(d => d.Id == "XC1107").Select(d => d.Message[..d.Message.IndexOf(';', StringComparison.Ordinal)]));
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "XC1109" && d.Message.StartsWith("an item of items is a unicode", StringComparison.Ordinal));
    }

    [Fact]
    public void Command_line_variables_are_strings_visible_to_the_script_and_win_over_its_assignments()
    {
        var options = new XmEvaluationOptions { Variables = new Dictionary<string, string> { ["vmid"] = "3", ["memory"] = "512" } };
        var evaluation = Evaluate("memory = 256\nname = 'VM' + vmid\nkind = str(type) if False else 'x'\n", options);
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal("\"512\"", evaluation.Settings["memory"].ToString());
        Assert.Equal("VM3", evaluation.Settings["name"].Text);
        Assert.Equal("3", evaluation.Settings["vmid"].Text);
        Assert.Null(evaluation.GetLocation("vmid"));
        Assert.Equal(2, evaluation.GetLocation("name")!.Start.Line + 1);
    }

    [Fact]
    public void Xm_vars_checks_run_like_xend_and_declared_variables_are_recorded()
    {
        const string text = """
            def vmid_check(var, val):
                val = int(val)
                if val <= 0:
                    raise ValueError
                return val
            xm_vars.var('vmid', use="Virtual machine id.", check=vmid_check)
            xm_vars.check()
            name = "VM%d" % vmid
            disk = [ 'phy:sda%d,sda1,w' % (7+vmid) ]
            """;
        var ok = Evaluate(text, new XmEvaluationOptions { Variables = new Dictionary<string, string> { ["vmid"] = "2" } });
        Assert.False(ok.HasErrors, string.Join("\n", ok.Diagnostics));
        Assert.Equal(["vmid"], ok.DeclaredVariables);
        Assert.Equal("VM2", ok.Settings["name"].Text);
        Assert.Equal("[\"phy:sda9,sda1,w\"]", ok.Settings["disk"].ToString());

        var zero = Evaluate(text, new XmEvaluationOptions { Variables = new Dictionary<string, string> { ["vmid"] = "0" } });
        var error = Assert.Single(zero.Diagnostics, d => d.IsError);
        Assert.Equal("test.cfg(4,9): error XC1104: ValueError:  (in the check of variable 'vmid' run by xm_vars.check()); xm create stops here [syntax]", error.ToString());

        var missing = Evaluate(text);
        Assert.Contains("TypeError: int() argument must be a string or a number, not 'NoneType'", Assert.Single(missing.Diagnostics, d => d.IsError).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Os_uname_re_search_and_if_blocks_pick_the_library_directory()
    {
        const string text = "import os, re\narch = os.uname()[4]\nif re.search('64', arch):\n    arch_libdir = 'lib64'\nelse:\n    arch_libdir = 'lib'\ndevice_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'\n";
        Assert.Equal("/usr/lib64/xen/bin/qemu-dm", Evaluate(text).Settings["device_model"].Text);
        var i386 = new XmEvaluationOptions { Uname = ["Linux", "h", "2.6.18", "#1", "i686"] };
        Assert.Equal("/usr/lib/xen/bin/qemu-dm", Evaluate(text, i386).Settings["device_model"].Text);
        Assert.Throws<ArgumentException>(() => Evaluate(text, new XmEvaluationOptions { Uname = ["Linux"] }));
    }

    [Fact]
    public void Os_path_exists_answers_from_the_options_or_false_with_a_warning()
    {
        const string text = "import os.path\nif os.path.exists('/usr/lib/xen/boot/hvmloader'):\n    kernel = 'hvmloader'\nelse:\n    kernel = 'none'\n";
        var assumed = Evaluate(text);
        Assert.Equal("none", assumed.Settings["kernel"].Text);
        Assert.Equal("test.cfg(2,4): warning XC1108: os.path.exists('/usr/lib/xen/boot/hvmloader') depends on the host that ran xm; False was assumed (set XmEvaluationOptions.ExistingPaths) [policy]", Assert.Single(assumed.Diagnostics).ToString());
        var known = Evaluate(text, new XmEvaluationOptions { ExistingPaths = new HashSet<string> { "/usr/lib/xen/boot/hvmloader" } });
        Assert.Equal("hvmloader", known.Settings["kernel"].Text);
        Assert.Empty(known.Diagnostics);
    }

    [Fact]
    public void The_string_and_socket_modules_of_old_configs_are_available()
    {
        var evaluation = Evaluate("import string, socket\nx = string.join(['a', 'b'], '-') + string.upper('q') + str(string.atoi('7'))\nname = socket.gethostname() + '-vm'\n");
        Assert.Equal("a-bQ7", evaluation.Settings["x"].Text);
        Assert.Equal("localhost-vm", evaluation.Settings["name"].Text);
        Assert.Equal("test.cfg(3,8): warning XC1108: socket.gethostname() names the host that ran xm; 'localhost' (XmEvaluationOptions.Uname[1]) was assumed [policy]", Assert.Single(evaluation.Diagnostics).ToString());
    }

    [Fact]
    public void The_prologue_brings_what_from_xen_util_ip_import_star_brought()
    {
        var evaluation = Evaluate("lib = re.search('64', os.uname()[4]) and 'lib64' or 'lib'\nip = add_offset_to_ip('169.254.1.0', 3)\nn = inet_aton('10.0.0.1')\nin_net = str(check_subnet('10.1.2.3', '10.1.0.0', '255.255.0.0'))\n");
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal(["lib", "ip", "n", "in_net"], evaluation.Settings.Keys);
        Assert.Equal("lib64", evaluation.Settings["lib"].Text);
        Assert.Equal("169.254.1.3", evaluation.Settings["ip"].Text);
        Assert.Equal("167772161", evaluation.Settings["n"].Text);
        Assert.Equal("True", evaluation.Settings["in_net"].Text);
        var host = Evaluate("ip = get_current_ipaddr()\n");
        Assert.Equal("test.cfg(1,6): error XC1102: get_current_ipaddr() reads the network configuration of the host that ran xm (ifconfig, route); it is not supported [syntax]", Assert.Single(host.Diagnostics).ToString());
    }

    [Fact]
    public void List_comprehensions_build_lists_and_leak_their_variables_as_in_python_2()
    {
        var evaluation = Evaluate("disk = ['phy:/dev/vg/%s,%s,w' % (n, d) for n, d in [('a', 'xvda'), ('b', 'xvdb'), ('', 'xvdc')] if n]\npairs = [i * 10 + j for i in range(3) for j in 1, 2 if i]\n");
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal("[\"phy:/dev/vg/a,xvda,w\", \"phy:/dev/vg/b,xvdb,w\"]", evaluation.Settings["disk"].ToString());
        Assert.Equal("[\"11\", \"12\", \"21\", \"22\"]", evaluation.Settings["pairs"].ToString());
        Assert.Equal("", evaluation.Settings["n"].Text);
        Assert.Equal("xvdc", evaluation.Settings["d"].Text);
        Assert.Equal("2", evaluation.Settings["i"].Text);
    }

    [Fact]
    public void Lists_augmented_assignment_methods_and_aliasing_behave_like_python()
    {
        var evaluation = Evaluate("a = ['x']\nb = a\nb += ['y']\na.append('z')\na.insert(0, 'w')\ns = 'p'\ns += 'q'\nn = 1\nn += 2\nd = {'k': 'v'}\ng = d.get('k') + d.get('missing', '!')\n");
        Assert.Equal("[\"w\", \"x\", \"y\", \"z\"]", evaluation.Settings["b"].ToString());
        Assert.Equal("pq", evaluation.Settings["s"].Text);
        Assert.Equal("3", evaluation.Settings["n"].Text);
        Assert.Equal("v!", evaluation.Settings["g"].Text);
    }

    [Theory]
    [InlineData("name = 'VM%d' % vmid\n", "test.cfg(1,17): error XC1104: NameError: name 'vmid' is not defined; xm create stops here [syntax]")]
    [InlineData("x = 'a' + 1\n", "test.cfg(1,5): error XC1104: TypeError: cannot concatenate 'str' and 'int' objects; xm create stops here [syntax]")]
    [InlineData("x = '%d' % 'a'\n", "test.cfg(1,5): error XC1104: TypeError: %d format: a number is required, not str; xm create stops here [syntax]")]
    [InlineData("x = [1][2]\n", "test.cfg(1,5): error XC1104: IndexError: index out of range; xm create stops here [syntax]")]
    [InlineData("import xenctl.ip\n", "test.cfg(1,1): error XC1105: ImportError: No module named xenctl.ip; the evaluator provides os, os.path, re, string, socket and sys [syntax]")]
    [InlineData("x = open('/etc/passwd').read()\n", "test.cfg(1,5): error XC1102: open() is not supported by the safe xm evaluator [syntax]")]
    [InlineData("a = 1\nwhile a:\n    a = 0\n", "test.cfg(2,1): error XC1102: 'while' statement is not supported by the safe xm evaluator [syntax]")]
    [InlineData("x = ''.join(c for c in 'ab')\n", "test.cfg(1,15): error XC1102: generator expression is not supported by the safe xm evaluator [syntax]")]
    [InlineData("if x\n    y = 1\nelif y:\n    pass\nelse:\n    pass\n", "test.cfg(1,5): error XC1101: invalid syntax: expected ':', found end of line; python would refuse the whole file [syntax]")]
    [InlineData("x = 'abc\n", "test.cfg(1,5): error XC1101: EOL while scanning string literal; python would refuse the whole file [syntax]")]
    [InlineData("x = '\\x4'\n", "test.cfg(1,6): error XC1101: invalid \\x escape; python would refuse the whole file [syntax]")]
    [InlineData("x = 1\n  y = 2\n", "test.cfg(2,1): error XC1101: unexpected indent; python would refuse the whole file [syntax]")]
    [InlineData("<vm/>\n", "test.cfg(1,1): error XC1102: xm reads a file starting with '<' as a Xen-API XML config, not Python; XML configs are not supported [syntax]")]
    public void Failures_are_diagnostics_with_a_position(string text, string expected)
    {
        var evaluation = Evaluate(text);
        Assert.True(evaluation.HasErrors);
        Assert.Equal(expected, Assert.Single(evaluation.Diagnostics, d => d.IsError).ToString());
    }

    [Fact]
    public void A_failed_statement_is_skipped_to_its_line_end_or_past_its_block_and_the_next_ones_are_still_read()
    {
        // Failures on a first line that spans lines (a list), after a compound statement's first line (try without
        // except), inside a block, and at the end of the file: each reported once, the statements between them read.
        const string text = """
            vif = ['mac=%s' % ('00:16:3e:00:00:01',),
                   'mac=' +,
                   'bridge=xenbr0']
            name = 'ok'
            try:
                memory = 256
            vcpus = 2
            if 1:
                disk = [
                    'phy:/dev/vg0/a,xvda,w' +]
            kernel = 'k'
            x = (1,
                 2

            """;

        Assert.Equal(
            [
                "test.cfg(14,1): error XC1101: unexpected end of file inside brackets; python would refuse the whole file [syntax]",
                "test.cfg(2,16): error XC1101: invalid syntax: expected an expression, found ','; python would refuse the whole file [syntax]",
                "test.cfg(7,1): error XC1101: invalid syntax: expected 'except' or 'finally' after 'try', found 'vcpus'; python would refuse the whole file [syntax]",
                "test.cfg(10,34): error XC1101: invalid syntax: expected an expression, found ']'; python would refuse the whole file [syntax]",
                "test.cfg(14,1): error XC1101: invalid syntax: expected ')', found end of line; python would refuse the whole file [syntax]",
            ],
            Evaluate(text).Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Non_ascii_text_needs_a_coding_declaration_as_in_python_2()
    {
        var undeclared = Evaluate("# caf\u00e9\nname = 'x'\n");
        Assert.Equal("test.cfg(1,6): error XC1101: Non-ASCII character '\\xe9' but no encoding declared (Python 2 needs '# -*- coding: utf-8 -*-', PEP 263); python would refuse the whole file [syntax]", Assert.Single(undeclared.Diagnostics).ToString());
        Assert.Empty(undeclared.Settings);
        var declared = Evaluate("#!/usr/bin/python\n# -*- coding: utf-8 -*-\nname = 'caf\u00e9'\n");
        Assert.Equal("caf\u00e9", declared.Settings["name"].Text);
        Assert.Equal("x", Evaluate("\uFEFFname = 'x' # \u00e9\n").Settings["name"].Text);
    }

    [Fact]
    public void Unsupported_constructs_in_branches_not_taken_are_only_an_info()
    {
        var evaluation = Evaluate("install = 0\nif install:\n    class A:\n        pass\n    while 1:\n        x = 1\n    else:\n        x = 2\n    with open('f') as f:\n        pass\nname = 'ok'\nprint 'done', name\n");
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal("ok", evaluation.Settings["name"].Text);
        Assert.Equal(["done ok"], evaluation.Output);
        Assert.All(evaluation.Diagnostics, d => Assert.Equal(DiagnosticIds.XmUnsupportedConstructNotRun.Id, d.Id));
        Assert.Equal(3, evaluation.Diagnostics.Count);
    }

    [Fact]
    public void Try_except_else_finally_and_bare_raise_follow_python_2()
    {
        const string text = """
            try:
                n = len(vfb)
            except NameError, e:
                n = -1
                why = str(e)
            try:
                x = {}['k']
            except (TypeError, LookupError):
                x = 'lookup'
            else:
                x = 'none'
            finally:
                done = 'yes'
            try:
                y = 1
            except:
                y = 2
            else:
                y = 3
            """;
        var evaluation = Evaluate(text.Replace("\r", "", StringComparison.Ordinal));
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal("-1", evaluation.Settings["n"].Text);
        Assert.Equal("name 'vfb' is not defined", evaluation.Settings["why"].Text);
        Assert.Equal("lookup", evaluation.Settings["x"].Text);
        Assert.Equal("yes", evaluation.Settings["done"].Text);
        Assert.Equal("3", evaluation.Settings["y"].Text);

        var reraised = Evaluate("try:\n    int('x')\nexcept ValueError:\n    raise\n");
        Assert.Equal("test.cfg(4,5): error XC1104: ValueError: invalid literal for int() with base 10: 'x'; xm create stops here [syntax]", Assert.Single(reraised.Diagnostics).ToString());
        var limit = Evaluate("try:\n    x = 'a' * 10 ** 9\nexcept:\n    x = 'caught'\n");
        Assert.Equal("XC1106", Assert.Single(limit.Diagnostics).Id);
    }

    [Fact]
    public void Functions_see_their_module_globals_not_the_config_locals_as_in_execfile()
    {
        // execfile(FILE, globals, locals): a function body cannot see names assigned at top level unless declared global.
        var hidden = Evaluate("base = 'a'\ndef f():\n    return base\nx = f()\n");
        Assert.Contains("NameError: global name 'base' is not defined", Assert.Single(hidden.Diagnostics, d => d.IsError).Message, StringComparison.Ordinal);
        var global = Evaluate("global g\ndef g(v):\n    return v * 2\nh = lambda v: g(v) + 1\nx = h(3)\n");
        Assert.Equal("7", global.Settings["x"].Text);
    }

    [Theory]
    [InlineData("01-minimal-pv.cfg", DomainConfigDialect.Xl)]
    [InlineData("28-python-xm-vmid.cfg", DomainConfigDialect.Xm)]
    [InlineData("29-python-imports-and-if.cfg", DomainConfigDialect.Xm)]
    [InlineData("30-triple-quoted-string.cfg", DomainConfigDialect.Xm)]
    [InlineData("34-xm-hvm-legacy.cfg", DomainConfigDialect.Xl)]
    [InlineData("45-python-boolean.cfg", DomainConfigDialect.Xm)]
    [InlineData("48-unterminated-string.cfg", DomainConfigDialect.Unknown)]
    public void Dialect_detection_of_the_spec_examples(string file, DomainConfigDialect expected)
    {
        var text = File.ReadAllText(Path.Combine(XenConfig.Testing.RepositoryPaths.SpecExamples("xen-domain"), file));
        Assert.Equal(expected, DomainConfigDialectDetector.Detect(text));
    }

    [Fact]
    public void Spec_example_29_evaluates_to_the_64_bit_library_path_and_30_to_its_triple_quoted_value()
    {
        var folder = XenConfig.Testing.RepositoryPaths.SpecExamples("xen-domain");
        var e29 = XmConfig.Load(Path.Combine(folder, "29-python-imports-and-if.cfg"));
        Assert.Equal("/usr/lib64/xen/bin/qemu-dm", e29.Settings["device_model"].Text);
        Assert.Equal("pyhvm", e29.Settings["name"].Text);
        var e30 = XmConfig.Load(Path.Combine(folder, "30-triple-quoted-string.cfg"));
        Assert.Equal("console=hvc0", e30.Settings["extra"].Text);
        var e28 = XmConfig.Load(Path.Combine(folder, "28-python-xm-vmid.cfg"), new XmEvaluationOptions { Variables = new Dictionary<string, string> { ["vmid"] = "2" } });

        // Without an xm_vars check, vmid stays the command line's string, and '%d' % '2' fails in Python too.
        Assert.Contains("TypeError: %d format: a number is required, not str", Assert.Single(e28.Diagnostics, d => d.IsError).Message, StringComparison.Ordinal);
    }
}
