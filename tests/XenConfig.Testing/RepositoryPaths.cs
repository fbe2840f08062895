using Xunit;

namespace XenConfig.Testing;

/// <summary>Where the repository and its test data are, from any test's working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding <c>XenConfig.sln</c>.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The repository's own test data: <c>tests/data</c> (real-world corpus, spec cases, probe inputs).</summary>
    public static string TestData => Path.Combine(Root, "tests", "data");

    /// <summary>A folder of the real-world corpus, e.g. <c>Corpus("xl")</c>; provenance in <c>tests/data/corpus/PROVENANCE.md</c>.</summary>
    public static string Corpus(string kind) => Path.Combine(TestData, "corpus", kind);

    /// <summary>A folder of the spec cases (each with the outcome the real tool gave), e.g. <c>SpecExamples("xen-domain")</c>.</summary>
    public static string SpecExamples(string kind) => Path.Combine(TestData, "spec-examples", kind);

    /// <summary>A list of probe inputs (one spec per line) that the differential tests feed to libxl's decoders.</summary>
    public static string ProbeInputs(string name) => Path.Combine(TestData, "probe", name);

    /// <summary>A path under the repository root.</summary>
    public static string InRepository(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>All files under <paramref name="folder"/> (recursively), sorted, as xunit theory rows of relative names.</summary>
    public static TheoryData<string> FilesUnder(string folder, Func<string, bool>? include = null)
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Test data folder is missing: {folder}");
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Where(f => include?.Invoke(f) ?? true)
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(folder, file));
        }

        return data;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "XenConfig.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find XenConfig.sln above " + AppContext.BaseDirectory);
    }
}
