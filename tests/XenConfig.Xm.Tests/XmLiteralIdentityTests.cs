namespace XenConfig.Xm.Tests;

// CPython (2 and 3) keeps one object for equal constants of a code object: the module, a def body, a lambda body. The
// parser shares the string of equal str literals the same way (a long list repeats its format literal), so `is` answers
// as CPython does where it shares, and never says two literals are one object where CPython keeps two.
public sealed class XmLiteralIdentityTests
{
    private static string Value(string text, string key)
    {
        var evaluation = XmConfig.Evaluate(text, "test.cfg");
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        return evaluation.Settings[key].ToString();
    }

    [Theory]
    [InlineData("a = 'mac=%s, bridge=%s'\nb = 'mac=%s, bridge=%s'\nx = ['other', 'same'][a is b]", "\"same\"")]
    [InlineData("a = 'p ' 'q r'\nb = 'p q r'\nx = ['other', 'same'][a is b]", "\"same\"")]
    [InlineData("a = 'p q'\nb = ''.join(['p ', 'q'])\nx = ['other', 'same'][a is b]", "\"other\"")]
    [InlineData("a = 'p q'\nb = u'p q'\nx = ['other', 'same'][a is b]", "\"other\"")]
    public void Equal_str_literals_of_the_module_are_one_object_and_computed_strings_are_not(string text, string expected) =>
        Assert.Equal(expected, Value(text, "x"));

    [Theory]
    [InlineData("def f():\n    return 'p q'\na = 'p q'\nx = ['other', 'same'][f() is a]")]
    [InlineData("a = 'p q'\ndef f():\n    return 'p q'\nx = ['other', 'same'][f() is a]")]
    [InlineData("a = 'p q'\nf = lambda: 'p q'\nx = ['other', 'same'][f() is a]")]
    [InlineData("f = lambda: 'p q'\na = 'p q'\nx = ['other', 'same'][f() is a]")]
    public void A_literal_of_a_def_or_lambda_body_is_not_the_module_literal(string text) => Assert.Equal("\"other\"", Value(text, "x"));

    [Fact]
    public void Equal_literals_within_one_def_body_are_one_object()
    {
        Assert.Equal("\"same\"", Value("def f():\n    a = 'p q'\n    b = 'p q'\n    return ['other', 'same'][a is b]\nx = f()", "x"));
    }
}
