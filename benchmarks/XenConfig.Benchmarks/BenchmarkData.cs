namespace XenConfig.Benchmarks;

/// <summary>Where the shared corpus is: <c>XENCONFIG_SHARED</c>, or <c>../shared</c> beside the repository.</summary>
internal static class BenchmarkData
{
    public static string Corpus(string kind)
    {
        if (Environment.GetEnvironmentVariable("XENCONFIG_SHARED") is { Length: > 0 } shared)
        {
            return Path.Combine(shared, "corpus", kind);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "XenConfig.sln")))
            {
                return Path.Combine(directory.FullName, "..", "shared", "corpus", kind);
            }
        }

        throw new DirectoryNotFoundException("Cannot find the shared corpus; set XENCONFIG_SHARED.");
    }

    /// <summary>Every file of the given corpus folders, read as text.</summary>
    public static string[] ReadAll(params string[] kinds) =>
        kinds.SelectMany(k => Directory.EnumerateFiles(Corpus(k))).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
}
