using System.Diagnostics;
using System.Text;
using XenConfig.Xm;
using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

public sealed class XmHostileInputTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public static TheoryData<string, string, string> HostileInputs() => new()
    {
        { "100 000 open parentheses", "x = " + new string('(', 100_000) + "1", "XC1106" },
        { "100 000 open brackets", "x = " + new string('[', 100_000), "XC1106" },
        { "100 000 unary minus", "x = " + new string('-', 100_000) + "1", "XC1106" },
        { "100 000 not", "x = " + string.Concat(Enumerable.Repeat("not ", 100_000)) + "1", "XC1106" },
        { "a 100 000 term sum", "x = 1" + string.Concat(Enumerable.Repeat(" + 1", 100_000)), "XC1106" },
        { "3 000 nested if blocks", string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + "if 1:\n")) + new string(' ', 3_000) + "x = 1\n", "XC1101" },
        { "a power tower", "x = 9 ** 9 ** 9 ** 9", "XC1106" },
        { "a huge shift", "x = 1 << 10 ** 12", "XC1106" },
        { "a 100 000 digit literal", "x = " + new string('7', 100_000), "XC1101" },
        { "a string repeated beyond the limit", "x = 'a' * 10 ** 10", "XC1106" },
        { "doubling with percent formatting", "x = 'ab'\n" + string.Concat(Enumerable.Repeat("x = '%s%s' % (x, x)\n", 64)), "XC1106" },
        { "percent formatting doubling in a loop", "x = 'ab'\nfor i in range(100):\n    x = '%s%s' % (x, x)\n", "XC1106" },
        { "doubling a list", "x = [1]\n" + string.Concat(Enumerable.Repeat("x = x + x\n", 64)), "XC1106" },
        { "infinite recursion", "global f\ndef f():\n    return f()\nx = f()\n", "XC1106" },
        { "exponential calls", "global f\ndef f(n):\n    if n:\n        f(n - 1)\n        f(n - 1)\n    return 0\nx = f(35)\n", "XC1106" },
        { "a self-containing list", "a = []\na.append(a)\nb = str(a)\n", "" },
        { "catastrophic regex backtracking", "import re\nx = re.search('(a+)+$', 'a' * 40 + 'b')\n", "XC1106" },
        { "a range too large", "x = range(10 ** 9)\n", "XC1106" },
        { "a for loop over a large range", "n = 0\nfor i in range(1000000):\n    for j in range(1000000):\n        n += 1\n", "XC1106" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_input_gives_a_diagnostic_in_bounded_time(string what, string text, string expectedId)
    {
        var clock = Stopwatch.StartNew();
        var evaluation = XmConfig.Evaluate(text);
        Assert.True(clock.Elapsed < Budget, $"{what} took {clock.Elapsed}");
        if (expectedId.Length == 0)
        {
            Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        }
        else
        {
            Assert.Contains(evaluation.Diagnostics, d => d.Id == expectedId && d.IsError);
        }

        clock.Restart();
        var conversion = XmToXlConverter.Convert(evaluation);
        Assert.True(clock.Elapsed < Budget, $"converting {what} took {clock.Elapsed}");
        Assert.True(conversion.HasErrors || expectedId.Length == 0);
    }

    [Fact]
    public void A_self_containing_list_renders_with_an_ellipsis_as_python_does()
    {
        var evaluation = XmConfig.Evaluate("a = ['x']\na.append(a)\nb = str(a)\n");
        Assert.Equal("['x', [...]]", evaluation.Settings["b"].Text);
        Assert.Equal("[\"x\", \"[...]\"]", evaluation.Settings["a"].ToString());
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "XC1109");
    }

    [Fact]
    public void Mutated_corpus_files_never_throw_and_finish_quickly()
    {
        var random = new Random(7);
        var files = Directory.GetFiles(RepositoryPaths.Corpus("xm")).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        const string alphabet = "()[]{}'\"\\\n\t :=+-*/%#,.0123456789abcdefxL@$!<>u";
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder(files[random.Next(files.Count)]);
            for (var m = random.Next(1, 8); m > 0 && builder.Length > 0; m--)
            {
                var at = random.Next(builder.Length);
                switch (random.Next(3))
                {
                    case 0: builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at)); break;
                    case 1: builder.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: builder[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            var text = builder.ToString();
            var evaluation = XmConfig.Evaluate(text, null, new XmEvaluationOptions { Variables = XmCorpusTests.VariablesFor(text) });
            Assert.All(evaluation.Diagnostics, d => Assert.InRange(d.Location.Span.End, 0, text.Length));
            var conversion = XmToXlConverter.Convert(evaluation);
            Assert.DoesNotContain(conversion.Diagnostics, d => d.Id.StartsWith("XC10", StringComparison.Ordinal));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"3000 mutated files took {clock.Elapsed}");
    }
}
