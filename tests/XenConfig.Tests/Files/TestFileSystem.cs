using XenConfig.Files;

namespace XenConfig.Tests.Files;

/// <summary>
/// The real file system with faults stood in: folders that cannot be listed and files that cannot be read (what a
/// test run as root cannot make with permissions). It records every file opened and refuses, instead of hanging, to
/// open a FIFO or device, so a walk that would open one fails its test rather than blocking it.
/// </summary>
internal sealed class TestFileSystem : IFileSystem
{
    public HashSet<string> UnlistableFolders { get; } = new(StringComparer.Ordinal);

    public HashSet<string> UnreadableFiles { get; } = new(StringComparer.Ordinal);

    public List<string> Opened { get; } = [];

    public List<string> SpecialFilesOpened { get; } = [];

    public FileNode GetNode(string path, bool followLinks) => PhysicalFileSystem.Instance.GetNode(path, followLinks);

    public string? GetLinkTarget(string path) => PhysicalFileSystem.Instance.GetLinkTarget(path);

    public IReadOnlyList<string> ListFolder(string folder) =>
        UnlistableFolders.Contains(folder)
            ? throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied.")
            : PhysicalFileSystem.Instance.ListFolder(folder);

    public Stream OpenRead(string path)
    {
        Opened.Add(path);
        if (PhysicalFileSystem.Instance.GetNode(path, followLinks: true).IsSpecial)
        {
            SpecialFilesOpened.Add(path);
            throw new IOException($"the test refuses to open the special file {path}");
        }

        return UnreadableFiles.Contains(path)
            ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
            : PhysicalFileSystem.Instance.OpenRead(path);
    }
}
