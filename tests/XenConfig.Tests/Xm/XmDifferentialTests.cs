using XenConfig.Domain.Xm;
using XenConfig.Testing;

namespace XenConfig.Tests.Xm;

/// <summary>Our evaluator against python3 running the same config the way xend did (<c>xm_oracle.py</c>).</summary>
public sealed class XmDifferentialTests
{
    /// <summary>
    /// Corpus files where python3 is not a valid oracle for Python 2, with the reason. Each must really fail under
    /// python3 with a SyntaxError (checked below), so the list cannot silently hide a disagreement.
    /// </summary>
    internal static readonly Dictionary<string, string> Python2Only = new(StringComparer.Ordinal)
    {
        ["debian-installer-2009__xm-debian.cfg"] = "Python 2 print statements and 'except E, e' syntax",
    };

    [SkippableFact]
    public void Corpus_files_and_xm_spec_examples_evaluate_as_python3_runs_them_where_python3_is_a_valid_oracle()
    {
        Oracles.Require(Python3Oracle.Path is not null, "python3");
        string[] specExamples = ["28-python-xm-vmid.cfg", "29-python-imports-and-if.cfg", "30-triple-quoted-string.cfg", "34-xm-hvm-legacy.cfg", "45-python-boolean.cfg"];
        var files = Directory.GetFiles(RepositoryPaths.Corpus("xm")).Order(StringComparer.Ordinal)
            .Concat(specExamples.Select(e => Path.Combine(RepositoryPaths.SpecExamples("xen-domain"), e)))
            .ToList();
        var cases = files.Select(f =>
        {
            var text = File.ReadAllText(f);
            return new Python3Oracle.Case(text, XmCorpusTests.VariablesFor(text), f);
        }).ToList();
        var results = Python3Oracle.Run(cases);
        var compared = 0;
        var disagreements = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileName(files[i]);
            var python = results[i];
            if (Python2Only.ContainsKey(name))
            {
                Assert.False(python.Ok, $"{name} is listed as Python 2 only but python3 ran it");
                Assert.True(python.Error == "SyntaxError", $"{name}: python3 failed with {python.Error}: {python.Message}");
                continue;
            }

            compared++;
            var ours = XmConfig.Evaluate(cases[i].Text, files[i], new XmEvaluationOptions { Variables = cases[i].Variables });
            var agree = python.Ok
                ? !ours.HasErrors && python.Settings == Python3Oracle.Canonical(ours.Settings)
                : ours.HasErrors;
            if (!agree)
            {
                disagreements.Add($"{name}: python {(python.Ok ? python.Settings : python.Error + ": " + python.Message)}\n  ours {Python3Oracle.Canonical(ours.Settings)}\n  {string.Join("\n  ", ours.Diagnostics)}");
            }
        }

        Assert.Empty(disagreements);
        Assert.Equal(files.Count - Python2Only.Count, compared);
    }

    [SkippableFact]
    public void Generated_programs_evaluate_as_python3_runs_them()
    {
        Oracles.Require(Python3Oracle.Path is not null, "python3");
        var generator = new XmProgramGenerator(20261126);
        var cases = Enumerable.Range(0, 3000).Select(_ => generator.Next()).ToList();
        string[] constructs = ["try:", "except", "finally:", "for w in", "break", "xm_vars.check()", "%(a)s", "elif ", "else:", "import os, re", " if ", "'''", "r'", "\\x09"];
        foreach (var construct in constructs)
        {
            Assert.True(cases.Count(c => c.Text.Contains(construct, StringComparison.Ordinal)) >= 30, $"the generator rarely produces {construct}");
        }

        var results = Python3Oracle.Run(cases);
        var disagreements = new List<string>();
        var pythonErrors = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = XmConfig.Evaluate(cases[i].Text, null, new XmEvaluationOptions { Variables = cases[i].Variables });
            var python = results[i];
            bool agree;
            if (python.Ok)
            {
                agree = !ours.HasErrors && python.Settings == Python3Oracle.Canonical(ours.Settings);
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
                disagreements.Add($"--- program:\n{cases[i].Text}\npython: {(python.Ok ? python.Settings : python.Error + ": " + python.Message)}\nours:   {Python3Oracle.Canonical(ours.Settings)}\n{string.Join("\n", ours.Diagnostics)}");
            }
        }

        if (disagreements.Count > 0)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "xm-generated-disagreements.txt"), string.Join("\n\n", disagreements));
        }

        Assert.Empty(disagreements);

        // The generator must exercise failures too, but mostly successful programs.
        Assert.InRange(pythonErrors, 30, 1500);
    }
}
