namespace XenConfig.Benchmarks;

/// <summary>Where the real-world corpus is: <c>tests/data/corpus</c> of the repository.</summary>
internal static class BenchmarkData
{
    public static string Corpus(string kind)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "XenConfig.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "data", "corpus", kind);
            }
        }

        throw new DirectoryNotFoundException("Cannot find the repository (XenConfig.sln) above " + AppContext.BaseDirectory);
    }

    /// <summary>Every file of the given corpus folders, read as text.</summary>
    public static string[] ReadAll(params string[] kinds) =>
        kinds.SelectMany(k => Directory.EnumerateFiles(Corpus(k))).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
}
