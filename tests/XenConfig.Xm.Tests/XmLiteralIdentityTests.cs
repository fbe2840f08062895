using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

// Python 2.7, xend's interpreter, keeps one object for equal constants of a code object: the module, a def body, a
// lambda body. The parser shares the string of equal str literals the same way (a long list repeats its format literal),
// so `is` answers as Python 2.7 does. python3 is no oracle here: its u'' is str, and since 3.8 it also merges equal
// constants across nested code objects (the def and lambda cases below are "same" there).
public sealed class XmLiteralIdentityTests
{
    public static TheoryData<string, string> ModuleCases { get; } = new()
    {
        { "a = 'mac=%s, bridge=%s'\nb = 'mac=%s, bridge=%s'\nx = ['other', 'same'][a is b]", "\"same\"" },
        { "a = 'p ' 'q r'\nb = 'p q r'\nx = ['other', 'same'][a is b]", "\"same\"" },
        { "a = 'p q'\nb = ''.join(['p ', 'q'])\nx = ['other', 'same'][a is b]", "\"other\"" },
        { "a = 'p q'\nb = u'p q'\nx = ['other', 'same'][a is b]", "\"other\"" },
    };

    public static TheoryData<string> NestedCodeObjectCases { get; } = new()
    {
        "def f():\n    return 'p q'\na = 'p q'\nx = ['other', 'same'][f() is a]",
        "a = 'p q'\ndef f():\n    return 'p q'\nx = ['other', 'same'][f() is a]",
        "a = 'p q'\nf = lambda: 'p q'\nx = ['other', 'same'][f() is a]",
        "f = lambda: 'p q'\na = 'p q'\nx = ['other', 'same'][f() is a]",
    };

    private const string OneDefBodyCase = "def f():\n    a = 'p q'\n    b = 'p q'\n    return ['other', 'same'][a is b]\nx = f()";

    private static string Value(string text, string key)
    {
        var evaluation = XmConfig.Evaluate(text, "test.cfg");
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        return evaluation.Settings[key].ToString();
    }

    [Theory]
    [MemberData(nameof(ModuleCases))]
    public void Equal_str_literals_of_the_module_are_one_object_and_computed_strings_are_not(string text, string expected) =>
        Assert.Equal(expected, Value(text, "x"));

    [Theory]
    [MemberData(nameof(NestedCodeObjectCases))]
    public void A_literal_of_a_def_or_lambda_body_is_not_the_module_literal(string text) => Assert.Equal("\"other\"", Value(text, "x"));

    [Fact]
    public void Equal_literals_within_one_def_body_are_one_object()
    {
        Assert.Equal("\"same\"", Value(OneDefBodyCase, "x"));
    }

    [SkippableFact]
    public void Every_identity_case_evaluates_as_python_2_7_runs_it()
    {
        var oracle = Oracles.Python27;
        Oracles.Require(oracle);
        string[] texts = [.. ModuleCases.Select<object[], string>(c => (string)c[0]), .. NestedCodeObjectCases.Select<object[], string>(c => (string)c[0]), OneDefBodyCase];
        var results = oracle.Run([.. texts.Select(t => new PythonXm.Case(t, new Dictionary<string, string>()))]);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(results[i].Ok, $"{oracle.Name}: {results[i].Error}: {results[i].Message}\n{texts[i]}");
            var ours = XmConfig.Evaluate(texts[i], "test.cfg");
            Assert.Equal(results[i].Settings, XmSettingsJson.Canonical(ours.Settings, oracle.SortsSettings));
        }
    }
}
