namespace XenConfig.Files;

/// <summary>How <see cref="RepositoryScanner"/> walks a repository.</summary>
public sealed record RepositoryScanOptions
{
    /// <summary>The defaults: nothing outside the named paths is read, every kind is found by name or content.</summary>
    public static RepositoryScanOptions Default { get; } = new();

    /// <summary>
    /// Folders and files outside the named paths that links and VM definitions may still reach (the CLI's
    /// <c>--allow-outside</c>). Anything else outside is error XC0010 and is not read.
    /// </summary>
    public IReadOnlyList<string> AllowOutside { get; init; } = [];

    /// <summary>
    /// The kind of every file named directly (not of files found in named folders); null to tell it by name and content.
    /// </summary>
    public FileKind? NamedFileKind { get; init; }
}
