namespace XenConfig.Files;

/// <summary>
/// The few file-system calls that repository reading makes. The walk and the boundary go through it, so tests can
/// stand in folders that cannot be listed and files that cannot be read, which a test run as root cannot make.
/// </summary>
internal interface IFileSystem
{
    /// <summary>What <paramref name="path"/> names; with <paramref name="followLinks"/> false a link is reported as one.</summary>
    /// <exception cref="IOException">The path cannot be examined (a symbolic link loop, say).</exception>
    /// <exception cref="UnauthorizedAccessException">A folder on the way may not be searched.</exception>
    FileNode GetNode(string path, bool followLinks);

    /// <summary>The text of the symbolic link <paramref name="path"/>, or null when it is no link (or nothing).</summary>
    string? GetLinkTarget(string path);

    /// <summary>The names in a folder, without <c>.</c> and <c>..</c>.</summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be listed.</exception>
    IReadOnlyList<string> ListFolder(string folder);

    /// <summary>Opens a regular file for reading.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    Stream OpenRead(string path);
}
