using XenConfig.Xm;

namespace XenConfig.Xm.Tests;

/// <summary>
/// The evaluation budget (<see cref="XmEvaluationOptions"/>): scripts that are small in Python and huge as values or in
/// work stop with XC1106, and the work done before they stop is bounded. Bounds are asserted by allocated bytes and by
/// the budgets' own counts, never by time (a bomb the budgets missed would hang the test run).
/// </summary>
public sealed class XmEvaluationBudgetTests
{
    private const long MaxAllocation = 256L * 1024 * 1024;

    // An eighth of the default work budget: the bombs that only it stops (comparisons, sorting) cost a few CPU seconds
    // at the default, and the budget is the same mechanism at any size.
    private static readonly XmEvaluationOptions BombOptions = new() { MaxWork = 8L * 1024 * 1024 };

    public static TheoryData<string, string, string> Bombs() => new()
    {
        { "a list bomb, x = [x, x] 30 times", "x = [1]\n" + string.Concat(Enumerable.Repeat("x = [x, x]\n", 30)) + "name = 'a'\n", "expands to more than" },
        { "a list bomb, 18 doublings", "x = [1]\n" + string.Concat(Enumerable.Repeat("x = [x, x]\n", 18)) + "name = 'a'\n", "expands to more than" },
        { "a tuple bomb kept as a tuple", "x = (1,)\n" + string.Concat(Enumerable.Repeat("x = (x, x)\n", 40)) + "name = 'a'\n", "" },
        { "x = x + x on integers past the bit limit", "x = 1\nfor i in range(1000000):\n    x = x + x\n", "more than" },
        { "x = x - x - x on integers past the bit limit", "x = 1\nfor i in range(1000000):\n    x = 0 - x - x\n", "more than" },
        { "x = x + x on strings in a loop of short strings", "y = 'a' * 1000000\nx = []\nfor i in range(1000):\n    x = [y + y]\n", "evaluation budget" },
        { "an equality test of two lists that hold one list twice, forty times over", "x = [1]\nfor i in range(40): x = [x, x]\ny = [1]\nfor i in range(40): y = [y, y]\nz = x == y\n", "work budget" },
        { "a million s.count() calls over a 1 MB string", "s = 'a' * 1000000\nn = 0\nfor i in range(1000):\n    for j in range(1000):\n        n = n + s.count('b')\n", "work budget" },
        { "a million in tests of a list of a million items", "l = range(1000000)\nfor i in range(1000):\n    for j in range(1000):\n        b = -1 in l\n", "work budget" },
        { "a million slices of a 1 MB string", "s = 'a' * 1000000\nfor i in range(1000):\n    for j in range(1000):\n        t = s[1:2000000]\n", "work budget" },
        { "a million sorted() copies of a long list", "l = range(100000)\nfor i in range(1000):\n    for j in range(1000):\n        t = sorted(l)\n", "work budget" },
        { "a million % formattings of a 1 MB string", "s = 'a' * 1000000\nfor i in range(1000):\n    for j in range(1000):\n        t = '%s' % s\n", "work budget" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void A_bomb_stops_with_XC1106_and_bounded_allocation(string what, string text, string message)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var evaluation = XmConfig.Evaluate(text, options: BombOptions);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        if (message.Length > 0)
        {
            Assert.Contains(evaluation.Diagnostics, d => d.Id == "XC1106" && d.Message.Contains(message, StringComparison.Ordinal));
        }

        Assert.True(allocated < MaxAllocation, $"{what}: allocated {allocated} bytes");
        Assert.True(XmToXlConverter.Convert(evaluation).Document.ToString().Length < 100_000, what);
    }

    [Fact]
    public void A_list_bomb_drops_only_the_option_that_explodes()
    {
        var evaluation = XmConfig.Evaluate("x = [1]\n" + string.Concat(Enumerable.Repeat("x = [x, x]\n", 20)) + "name = 'a'\nmemory = 128\n");
        Assert.False(evaluation.Settings.ContainsKey("x"));
        Assert.Equal("a", evaluation.Settings["name"].Text);
        Assert.Single(evaluation.Diagnostics, d => d.Id == "XC1106");
    }

    [Fact]
    public void MaxSteps_stops_a_loop_after_that_many_steps()
    {
        var evaluation = XmConfig.Evaluate("n = 0\nfor i in range(100000):\n    n += 1\n", options: new XmEvaluationOptions { MaxSteps = 1000 });
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "XC1106" && d.Message.Contains("more than 1000 steps", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxBuiltSize_counts_the_characters_concatenation_copies()
    {
        const string Script = "x = ''\nfor i in range(100):\n    x = x + 'abcdefghij'\n";
        Assert.DoesNotContain(XmConfig.Evaluate(Script).Diagnostics, d => d.Id == "XC1106");
        var limited = XmConfig.Evaluate(Script, options: new XmEvaluationOptions { MaxBuiltSize = 10_000 });
        Assert.Contains(limited.Diagnostics, d => d.Id == "XC1106" && d.Message.Contains("evaluation budget", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxWork_counts_what_operations_over_whole_values_read_and_stops_at_the_same_place_every_time()
    {
        const string Script = "s = 'a' * 1000\nn = 0\nfor i in range(100):\n    n = n + s.count('b')\nname = 'a'\n";
        Assert.DoesNotContain(XmConfig.Evaluate(Script).Diagnostics, d => d.Id == "XC1106");

        var options = new XmEvaluationOptions { MaxWork = 50_000 };
        var first = XmConfig.Evaluate(Script, options: options).Diagnostics.Single(d => d.Id == "XC1106");
        var second = XmConfig.Evaluate(Script, options: options).Diagnostics.Single(d => d.Id == "XC1106");
        Assert.Contains("work budget", first.Message, StringComparison.Ordinal);
        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public void Len_append_and_get_do_not_cost_the_size_of_a_long_list()
    {
        // 200,000 calls on a 60,000-item list: charged by size they would be 1.2e10 units, far past the budget.
        const string Script = "l = range(60000)\nd = {'k': l}\nn = 0\nfor i in range(100000):\n    n = n + len(l) + len(d.get('k'))\nl.append(1)\n";
        Assert.DoesNotContain(XmConfig.Evaluate(Script).Diagnostics, d => d.Id == "XC1106");
    }

    [Fact]
    public void MaxExpandedSize_is_the_most_values_one_option_expands_to()
    {
        var script = "disk = ['phy:/dev/vg/d%d,xvda%d,w' % (i, i) for i in range(1, 9)]\n";
        Assert.Equal(8, XmConfig.Evaluate(script).Settings["disk"].Items.Count);
        var limited = XmConfig.Evaluate(script, options: new XmEvaluationOptions { MaxExpandedSize = 8 });
        Assert.False(limited.Settings.ContainsKey("disk"));
        Assert.Contains(limited.Diagnostics, d => d.Id == "XC1106");
    }
}

/// <summary>xm -> xl details from issue #15: bootargs, and os.uname() answered with invented values.</summary>
public sealed class XmHostAndRenameTests
{
    [Fact]
    public void Bootargs_becomes_bootloader_args_as_xm_passed_it()
    {
        var conversion = XmToXlConverter.Convert(XmConfig.Evaluate("name = 'a'\nbootloader = 'pygrub'\nbootargs = '-q --entry=1'\nmemory = 128\n"));
        Assert.Equal(["-q", "--entry=1"], conversion.Document.GetValue("bootloader_args")!.Items.Select(i => i.Text));
        Assert.DoesNotContain("# bootargs", conversion.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Os_uname_warns_that_its_values_are_invented()
    {
        var evaluation = XmConfig.Evaluate("import os\nname = 'a-' + os.uname()[2]\n");
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "XC1108" && d.Message.Contains("invented", StringComparison.Ordinal));

        var told = XmConfig.Evaluate("import os\nname = 'a-' + os.uname()[2]\n", options: new XmEvaluationOptions { Uname = ["Linux", "h", "6.1.0", "#1", "x86_64"] });
        Assert.DoesNotContain(told.Diagnostics, d => d.Id == "XC1108");
        Assert.Equal("a-6.1.0", told.Settings["name"].Text);
    }
}
