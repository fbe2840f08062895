using System.Text;
using XenConfig.Testing;

namespace XenConfig.Tests.Domain;

/// <summary>Our parser against Xen's own (libxlutil 4.17): same accept/reject, same effective values.</summary>
public class XlDifferentialTests
{
    public static TheoryData<string> CorpusFiles() => Files(RepositoryPaths.Corpus("xl"), RepositoryPaths.Corpus("xm"));

    public static TheoryData<string> SpecExampleFiles() => Files(RepositoryPaths.SpecExamples("xen-domain"));

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_is_read_exactly_as_libxlu_reads_it(string path) => AssertAgreement(File.ReadAllBytes(path), path);

    [SkippableTheory]
    [MemberData(nameof(SpecExampleFiles))]
    public void Spec_example_is_read_exactly_as_libxlu_reads_it(string path) => AssertAgreement(File.ReadAllBytes(path), path);

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Twenty_thousand_generated_inputs_are_read_exactly_as_libxlu_reads_them()
    {
        Oracles.Require(Oracles.Libxlu);
        var generator = new XlInputGenerator(seed: 20261126);
        var disagreements = new List<string>();
        var accepted = 0;
        const int count = 20_000;
        for (var i = 0; i < count; i++)
        {
            var input = generator.Next();
            var bytes = Encoding.UTF8.GetBytes(input);
            if (XlOracleComparison.Compare(bytes) is { } difference)
            {
                disagreements.Add($"#{i} {difference}\n  input: {Escape(input)}");
            }
            else if (!XenConfig.Domain.DomainConfigDocument.Parse(input).HasErrors)
            {
                accepted++;
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {count} inputs disagree:\n" + string.Join("\n", disagreements.Take(15)));
        // The generator must exercise both sides of the grammar, or the comparison proves little.
        Assert.InRange(accepted, count / 5, count * 4 / 5);
    }

    [SkippableTheory]
    [InlineData(4996, true)]
    [InlineData(4997, false)]
    public void Bare_nesting_is_accepted_exactly_up_to_libxlu_parser_stack_limit(int depth, bool accepted)
    {
        Oracles.Require(Oracles.Libxlu);
        var text = "a = " + new string('[', depth) + new string(']', depth) + "\n";

        AssertAgreement(Encoding.ASCII.GetBytes(text), $"depth {depth}");
        Assert.Equal(accepted, !XenConfig.Domain.DomainConfigDocument.Parse(text).HasErrors);
    }

    [SkippableTheory]
    [InlineData("a = {0}\n", "[1,", "]", 1999)]
    [InlineData("a = {0}\n", "[1,", "]", 2000)]
    [InlineData("a = {0}\n", "['x',\n", "\n]", 1428)]
    [InlineData("a = {0}\n", "['x',\n", "\n]", 1427)]
    [InlineData("a = {0}\n", "[ 'x', 'y',", "]", 1999)]
    [InlineData("a = {0}\n", "[ 'x', 'y',", "]", 2000)]
    [InlineData("a = {0}\n", "[[],", "]", 1999)]
    [InlineData("a = {0}\n", "[[],", "]", 2000)]
    public void Nesting_with_items_and_newlines_hits_the_limit_where_libxlu_does(string template, string open, string close, int depth)
    {
        Oracles.Require(Oracles.Libxlu);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template,
            string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth)));

        AssertAgreement(Encoding.ASCII.GetBytes(text), $"{Escape(open)} x {depth}");
    }

    private static void AssertAgreement(byte[] bytes, string what)
    {
        Oracles.Require(Oracles.Libxlu);
        Skip.If(bytes.Contains((byte)0), "libxlu aborts on NUL bytes");
        var difference = XlOracleComparison.Compare(bytes);
        Assert.True(difference is null, $"{what}: {difference}");
    }

    private static TheoryData<string> Files(params string[] folders)
    {
        var data = new TheoryData<string>();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    private static string Escape(string text) => text.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
}
