using XenConfig.Domain;
using XenConfig.Xm;
using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

public sealed class XmCorpusTests
{
    public static TheoryData<string> CorpusFiles => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xm"));

    /// <summary>The status column of PROVENANCE.md for each xm corpus file: valid, unknown or template.</summary>
    internal static string StatusOf(string file)
    {
        var provenance = File.ReadAllLines(Path.Combine(RepositoryPaths.TestData, "corpus", "PROVENANCE.md"));
        var row = provenance.Single(l => l.StartsWith($"| xm/{file} |", StringComparison.Ordinal));
        return row.Split('|')[7].Trim();
    }

    /// <summary>Command-line variables a corpus file needs: vmid=1 for the files written for <c>xm create vmid=N</c>.</summary>
    internal static Dictionary<string, string> VariablesFor(string text) =>
        text.Contains("vmid", StringComparison.Ordinal) ? new() { ["vmid"] = "1" } : new();

    internal static XmEvaluation EvaluateCorpusFile(string file)
    {
        var path = Path.Combine(RepositoryPaths.Corpus("xm"), file);
        var text = File.ReadAllText(path);
        return XmConfig.Evaluate(text, path, new XmEvaluationOptions { Variables = VariablesFor(text) });
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_evaluates_as_its_provenance_says(string file)
    {
        var evaluation = EvaluateCorpusFile(file);
        switch (StatusOf(file))
        {
            case "valid":
                Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
                Assert.True(evaluation.Settings.ContainsKey("name") || evaluation.Settings.ContainsKey("kernel") || evaluation.Settings.ContainsKey("bootloader"),
                    "a valid config defines name, kernel or bootloader");
                break;
            case "template":
                // A build-time template is Python only when its placeholders sit inside strings (@@LIBDIR@@); then the
                // placeholders come through verbatim. A Perl template is no Python at all.
                if (!evaluation.HasErrors)
                {
                    Assert.Contains(evaluation.Settings.Values, v => v.Text?.Contains("@@", StringComparison.Ordinal) == true);
                }
                else
                {
                    Assert.Contains(evaluation.Diagnostics, d => d.Id == "XC1101");
                }

                break;
            default:
                Assert.True(evaluation.HasErrors, $"{file} is not an xm config and must get an error diagnostic");
                Assert.All(evaluation.Diagnostics, d => Assert.StartsWith("XC11", d.Id, StringComparison.Ordinal));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_is_detected_as_xl_xm_or_unknown_consistently(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("xm"), file));
        var dialect = DomainConfigDialectDetector.Detect(text);
        var xl = DomainConfigDocument.Parse(text);
        Assert.Equal(!xl.HasErrors, dialect == DomainConfigDialect.Xl);
        if (StatusOf(file) == "valid")
        {
            Assert.NotEqual(DomainConfigDialect.Unknown, dialect);
        }

        if (StatusOf(file) == "template" && text.Contains("$OUT", StringComparison.Ordinal))
        {
            Assert.Equal(DomainConfigDialect.Unknown, dialect);
        }

        if (dialect == DomainConfigDialect.Xm)
        {
            Assert.DoesNotContain(XmConfig.Evaluate(text).Diagnostics, d => d.Id == "XC1101");
        }
    }

    /// <summary>
    /// A script of many top-level statements is run without its syntax tree: checked whole first, then parsed again
    /// statement by statement as it runs. Its evaluation must be the one of the same script kept whole: every
    /// corpus file followed by 2,000 helper assignments reports the same diagnostics at the same places, and
    /// collects the same settings plus the helpers (when the file ran to its end).
    /// </summary>
    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_evaluates_the_same_among_many_statements(string file)
    {
        var path = Path.Combine(RepositoryPaths.Corpus("xm"), file);
        var text = File.ReadAllText(path);
        var options = new XmEvaluationOptions { Variables = VariablesFor(text) };
        var alone = XmConfig.Evaluate(text, path, options);
        if (alone.Diagnostics.Any(d => d.Id == "XC1101"))
        {
            return; // text after a syntax error changes what the parser reports at the end of the file
        }

        var helpers = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"many_statements_helper_{i} = {i}\n"));
        var amongMany = XmConfig.Evaluate(text + (text.EndsWith('\n') ? "" : "\n") + helpers, path, options);

        Assert.Equal(alone.Diagnostics.Select(d => d.ToString()), amongMany.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(alone.Settings, amongMany.Settings.Where(s => !s.Key.StartsWith("many_statements_helper_", StringComparison.Ordinal)));
        var helpersRun = amongMany.Settings.Count(s => s.Key.StartsWith("many_statements_helper_", StringComparison.Ordinal));
        Assert.True(alone.HasErrors ? helpersRun is 0 or 2_000 : helpersRun == 2_000, $"{helpersRun} helpers ran");
    }
}
