using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Fstab.Tests;

public sealed class LibMountDifferentialTests : IDisposable
{
    public static TheoryData<string> CorpusFiles => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("fstab"));

    public static TheoryData<string> ExampleFiles => RepositoryPaths.FilesUnder(RepositoryPaths.SpecExamples("fstab"));

    public void Dispose() => Oracles.LibMount.Cleanup();

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_parses_like_libmount(string name) =>
        AssertSameAsLibMount(File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus("fstab"), name)));

    [SkippableTheory]
    [MemberData(nameof(ExampleFiles))]
    public void Spec_example_parses_like_libmount(string name) =>
        AssertSameAsLibMount(File.ReadAllBytes(Path.Combine(RepositoryPaths.SpecExamples("fstab"), name)));

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Twenty_thousand_generated_files_parse_like_libmount()
    {
        Oracles.Require(Oracles.LibMount);
        var generator = new FstabGenerator(seed: 20260526);
        var entries = 0;
        var errorLines = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var content = generator.Next();
            var expected = Oracles.LibMount.Parse(content);
            var actual = Snapshots.Of(content);
            if (Snapshots.Render(expected) != Snapshots.Render(actual))
            {
                Assert.Fail($"Case {i} differs.\nInput: {FstabSnapshot.Show(content)}\nlibmount:\n{Snapshots.Render(expected)}\nours:\n{Snapshots.Render(actual)}");
            }

            Assert.Equal(content, FstabDocument.Parse(SourceText.From(content)).ToBytes());
            entries += expected.Entries.Count;
            errorLines += expected.ErrorLines.Count;
        }

        // The generator must exercise both sides of the grammar, or the comparison proves little.
        Assert.InRange(entries, 10_000, int.MaxValue);
        Assert.InRange(errorLines, 10_000, int.MaxValue);
    }

    private static void AssertSameAsLibMount(byte[] content)
    {
        Oracles.Require(Oracles.LibMount);
        var expected = Oracles.LibMount.Parse(content);
        var actual = Snapshots.Of(content);
        Assert.Equal(Snapshots.Render(expected), Snapshots.Render(actual));
    }
}
