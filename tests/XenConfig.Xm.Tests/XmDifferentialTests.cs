using XenConfig.Xm;
using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

/// <summary>
/// Our evaluator against real Pythons running the same config the way xend did (<c>xm_oracle.py</c>): Python 2.7, xend's
/// own interpreter, on everything; python3 on the part of the language both agree on.
/// </summary>
public sealed class XmDifferentialTests
{
    /// <summary>
    /// Corpus files where python3 is not a valid oracle for Python 2, with the reason. Each must really fail under
    /// python3 with a SyntaxError (checked below), so the list cannot silently hide a disagreement. Python 2.7 runs them all.
    /// </summary>
    internal static readonly Dictionary<string, string> Python2Only = new(StringComparer.Ordinal)
    {
        ["debian-installer-2009__xm-debian.cfg"] = "Python 2 print statements and 'except E, e' syntax",
    };

    private static readonly string[] SpecExamples = ["28-python-xm-vmid.cfg", "29-python-imports-and-if.cfg", "30-triple-quoted-string.cfg", "34-xm-hvm-legacy.cfg", "45-python-boolean.cfg"];

    private static List<string> CorpusAndSpecExamples() =>
        Directory.GetFiles(RepositoryPaths.Corpus("xm")).Order(StringComparer.Ordinal)
            .Concat(SpecExamples.Select(e => Path.Combine(RepositoryPaths.SpecExamples("xen-domain"), e)))
            .ToList();

    [SkippableFact]
    public void Corpus_files_and_xm_spec_examples_evaluate_as_python_2_7_runs_them()
    {
        var compared = CompareFiles(PythonOracle.Python27, excluded: new Dictionary<string, string>());
        Assert.Equal(CorpusAndSpecExamples().Count, compared);
    }

    [SkippableFact]
    public void Corpus_files_and_xm_spec_examples_evaluate_as_python3_runs_them_where_python3_is_a_valid_oracle()
    {
        var compared = CompareFiles(PythonOracle.Python3, Python2Only);
        Assert.Equal(CorpusAndSpecExamples().Count - Python2Only.Count, compared);
    }

    [SkippableFact]
    public void Generated_programs_evaluate_as_python_2_7_runs_them_including_python_2_only_constructs()
    {
        var cases = Generate(new XmProgramGenerator(20261127, python2Constructs: true), 3000);
        string[] python2Constructs = ["print ", " / ", "L\n", "010", "<>", "except (NameError, TypeError), e:", "str(0.1", "[1, 'a'] < ", "range(", ".keys()", "u'", "hex(", "zip(", "'%*d", "[::-1]", "%#g", "lambda v", " for c in "];
        foreach (var construct in python2Constructs)
        {
            Assert.True(cases.Count(c => c.Text.Contains(construct, StringComparison.Ordinal)) >= 30, $"the generator rarely produces {construct}");
        }

        CompareGenerated(PythonOracle.Python27, cases);
    }

    [SkippableFact]
    public void Generated_programs_evaluate_as_python3_runs_them()
    {
        var cases = Generate(new XmProgramGenerator(20261126, python2Constructs: false), 3000);
        CompareGenerated(PythonOracle.Python3, cases);
    }

    private static List<PythonOracle.Case> Generate(XmProgramGenerator generator, int count)
    {
        var cases = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        string[] constructs = ["try:", "except", "finally:", "for w in", "break", "xm_vars.check()", "%(a)s", "elif ", "else:", "import os, re", " if ", "'''", "r'", "\\x09"];
        foreach (var construct in constructs)
        {
            Assert.True(cases.Count(c => c.Text.Contains(construct, StringComparison.Ordinal)) >= 30, $"the generator rarely produces {construct}");
        }

        return cases;
    }

    private static int CompareFiles(PythonOracle oracle, Dictionary<string, string> excluded)
    {
        Oracles.Require(oracle.Path is not null, oracle.Name);
        var files = CorpusAndSpecExamples();
        var cases = files.Select(f =>
        {
            var text = File.ReadAllText(f);
            return new PythonOracle.Case(text, XmCorpusTests.VariablesFor(text), f);
        }).ToList();
        var results = oracle.Run(cases);
        var sorted = oracle == PythonOracle.Python27;
        var compared = 0;
        var disagreements = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileName(files[i]);
            var python = results[i];
            if (excluded.ContainsKey(name))
            {
                Assert.False(python.Ok, $"{name} is listed as Python 2 only but {oracle.Name} ran it");
                Assert.True(python.Error == "SyntaxError", $"{name}: {oracle.Name} failed with {python.Error}: {python.Message}");
                continue;
            }

            compared++;
            var ours = XmConfig.Evaluate(cases[i].Text, files[i], new XmEvaluationOptions { Variables = cases[i].Variables });
            var agree = python.Ok
                ? !ours.HasErrors && python.Settings == PythonOracle.Canonical(ours.Settings, sorted)
                : ours.HasErrors;
            if (!agree)
            {
                disagreements.Add($"{name}: {oracle.Name} {(python.Ok ? python.Settings : python.Error + ": " + python.Message)}\n  ours {PythonOracle.Canonical(ours.Settings, sorted)}\n  {string.Join("\n  ", ours.Diagnostics)}");
            }
        }

        Assert.Empty(disagreements);
        return compared;
    }

    private static void CompareGenerated(PythonOracle oracle, List<PythonOracle.Case> cases)
    {
        Oracles.Require(oracle.Path is not null, oracle.Name);
        var results = oracle.Run(cases);
        var sorted = oracle == PythonOracle.Python27;
        var disagreements = new List<string>();
        var pythonErrors = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = XmConfig.Evaluate(cases[i].Text, null, new XmEvaluationOptions { Variables = cases[i].Variables });
            var python = results[i];
            bool agree;
            if (python.Ok)
            {
                agree = !ours.HasErrors && python.Settings == PythonOracle.Canonical(ours.Settings, sorted);
            }
            else
            {
                pythonErrors++;
                agree = python.Error is "SyntaxError" or "IndentationError"
                    ? ours.Diagnostics.Any(d => d.Id == "XC1101")
                    : ours.Diagnostics.Any(d => d.IsError && d.Message.StartsWith(python.Error + ":", StringComparison.Ordinal));
            }

            if (!agree && disagreements.Count < 10)
            {
                disagreements.Add($"--- program:\n{cases[i].Text}\n{oracle.Name}: {(python.Ok ? python.Settings : python.Error + ": " + python.Message)}\nours:   {PythonOracle.Canonical(ours.Settings, sorted)}\n{string.Join("\n", ours.Diagnostics)}");
            }
        }

        if (disagreements.Count > 0)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), $"xm-generated-disagreements-{oracle.Name}.txt"), string.Join("\n\n", disagreements));
        }

        Assert.Empty(disagreements);

        // The generator must exercise failures too, but mostly successful programs.
        Assert.InRange(pythonErrors, 30, 1500);
    }
}
