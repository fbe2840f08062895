using Xunit;

namespace XenConfig.Testing;

/// <summary>Where the repository, its test data and the shared corpus are, from any test's working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding <c>XenConfig.sln</c>.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>
    /// The shared folder (<c>corpus/</c>, <c>spec/</c>): <c>XENCONFIG_SHARED</c> if set, else <c>../shared</c> beside the
    /// repository.
    /// </summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("XENCONFIG_SHARED") is { Length: > 0 } shared
            ? shared
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A folder of the shared corpus, e.g. <c>Corpus("xl")</c>.</summary>
    public static string Corpus(string kind) => Path.Combine(Shared, "corpus", kind);

    /// <summary>A folder of the spec examples, e.g. <c>SpecExamples("xen-domain")</c>.</summary>
    public static string SpecExamples(string kind) => Path.Combine(Shared, "spec", "examples", kind);

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
