namespace XenConfig.Validation;

/// <summary>
/// Where a repository of VM definitions starts: the root that suppression globs, baselines, SARIF, GitHub and GitLab
/// paths are relative to, and where <c>.xenconfig.yaml</c> lives.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The name of the settings file (suppressions) at the repository root.</summary>
    public const string SettingsFileName = ".xenconfig.yaml";

    /// <summary>
    /// The repository root of the validated <paramref name="paths"/>: the nearest folder at or above their common folder
    /// that holds <c>.git</c>; else their common folder.
    /// </summary>
    /// <param name="paths">The validated files and folders (relative to the working folder or full).</param>
    /// <returns>A full path.</returns>
    public static string Find(IEnumerable<string> paths)
    {
        var common = CommonFolder(paths);
        return GitRoot(common) ?? common;
    }

    /// <summary>
    /// The <c>.xenconfig.yaml</c> that applies to <paramref name="paths"/>: the first found walking up from their common
    /// folder to the repository root, the first folder that holds <c>.git</c> (inclusive). Outside a git work tree
    /// only the common folder itself is looked at: a settings file in a folder above what is validated (a home folder,
    /// <c>/</c>) belongs to no repository and is not read. Null when there is none.
    /// </summary>
    /// <param name="paths">The validated files and folders.</param>
    public static string? FindSettingsFile(IEnumerable<string> paths)
    {
        var common = CommonFolder(paths);
        var root = GitRoot(common) ?? common;
        for (string? folder = common; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, SettingsFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (folder == root)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The deepest folder that holds every path (a file counts as its folder); the working folder for none.</summary>
    private static string CommonFolder(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string? common = null;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
            folder = Path.TrimEndingDirectorySeparator(folder);
            common = common is null ? folder : Common(common, folder);
        }

        return common ?? Path.TrimEndingDirectorySeparator(Path.GetFullPath("."));
    }

    private static string Common(string left, string right)
    {
        while (!IsSameOrUnder(right, left))
        {
            left = Path.GetDirectoryName(left) ?? left;
            if (Path.GetDirectoryName(left) is null && !IsSameOrUnder(right, left))
            {
                return left;
            }
        }

        return left;
    }

    private static bool IsSameOrUnder(string path, string folder) =>
        path == folder || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? GitRoot(string folder)
    {
        for (string? current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            if (IsGitRoot(current))
            {
                return current;
            }
        }

        return null;
    }

    // A work tree has a .git folder; a linked worktree or submodule a .git file.
    private static bool IsGitRoot(string folder)
    {
        var git = Path.Combine(folder, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }
}
