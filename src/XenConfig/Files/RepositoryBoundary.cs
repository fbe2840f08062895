using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Files;

/// <summary>
/// Where a repository's files may come from, and the one safe way to read them: a file is read only when its resolved
/// path (every symbolic link followed) lies inside one of the <see cref="Roots"/>, and only when it is a regular file of
/// at most <see cref="MaxFileBytes"/> bytes. FIFOs, devices and sockets are never opened.
/// </summary>
/// <remarks>
/// A file that may not be read gives a diagnostic that names the path as written and never quotes the file: a VM
/// definition or a symbolic link in a pull request cannot make a CI run print <c>/proc/self/environ</c> or
/// <c>/etc/shadow</c>.
/// </remarks>
public sealed class RepositoryBoundary
{
    private readonly IFileSystem _fileSystem;
    private readonly bool _confined;

    // A confined boundary lives for one validation run, so its folders' links are read once; the shared unconfined one
    // lives as long as the process and reads them every time. The files of one folder are read one after another, so
    // the table is emptied every FolderLinkReads reads: it holds the folders of the last few thousand files, not a
    // folder for every guest of the repository, and the folders above them are read again once each time.
    private readonly ConcurrentDictionary<string, string?>? _folderLinks;
    private int _reads;

    /// <summary>Confines reading to <paramref name="roots"/>: folders (with everything under them) and single files.</summary>
    /// <remarks>The boundary is meant for one run: it reads each folder's symbolic link once, so make a new one when the
    /// tree may have changed.</remarks>
    /// <param name="roots">The repository: the folders and files named for validation, and any folder allowed besides.</param>
    public RepositoryBoundary(IEnumerable<string> roots)
        : this(roots, PhysicalFileSystem.Instance, confined: true)
    {
    }

    internal RepositoryBoundary(IEnumerable<string> roots, IFileSystem fileSystem, bool confined)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _fileSystem = fileSystem;
        _confined = confined;
        _folderLinks = confined ? new(StringComparer.Ordinal) : null;
        Roots = roots.Select(r => RealPath.Resolve(fileSystem, r)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>No confinement: any regular file may be read (FIFOs and devices still are not). What a single-file reader uses.</summary>
    public static RepositoryBoundary Unconfined { get; } = new([], PhysicalFileSystem.Instance, confined: false);

    /// <summary>The resolved folders and files inside which files are read.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Largest file read, in bytes: <see cref="SourceText.MaxFileBytes"/>.</summary>
    public long MaxFileBytes { get; init; } = SourceText.MaxFileBytes;

    internal IFileSystem FileSystem => _fileSystem;

    /// <summary>Reads after which the table of folder links is emptied.</summary>
    internal int FolderLinkReads { get; init; } = 4096;

    /// <summary>How many folders' links are remembered now.</summary>
    internal int FolderLinkCount => _folderLinks?.Count ?? 0;

    /// <summary>Forgets the folders' links read so far (at the end of a run: a report that keeps the boundary need not keep them).</summary>
    internal void ForgetFolderLinks() => _folderLinks?.Clear();

    /// <summary>True when <paramref name="path"/>, every link resolved, lies inside a root (always, when unconfined).</summary>
    /// <exception cref="IOException">The path runs into a symbolic link loop.</exception>
    public bool Contains(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return !_confined || IsInside(RealPath.Resolve(_fileSystem, path));
    }

    /// <summary>
    /// Reads <paramref name="path"/> if it may be read: inside the boundary, a regular file, not too large. Otherwise
    /// gives the reason as a diagnostic at <paramref name="reference"/> (where the path was named; the file itself
    /// when null): XC0010 outside the repository, XC0011 a FIFO, device or socket, XC0002 too large, XC0001 missing or
    /// unreadable. The text keeps <paramref name="path"/> as written, so diagnostics name it as the repository does.
    /// </summary>
    /// <param name="path">The file, as the repository names it.</param>
    /// <param name="reference">Where it was named (a line of a VM definition), or null for a file met on its own.</param>
    /// <param name="what">How messages call the file: "domain config", "fstab"...</param>
    /// <param name="text">The file's text, when it was read.</param>
    /// <param name="problem">Why it was not read, otherwise.</param>
    public bool TryRead(
        string path,
        SourceLocation? reference,
        string what,
        [NotNullWhen(true)] out SourceText? text,
        [NotNullWhen(false)] out Diagnostic? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(what);
        text = null;
        var at = reference ?? SourceLocation.None(path);
        if (_folderLinks is not null && Interlocked.Increment(ref _reads) % FolderLinkReads == 0)
        {
            _folderLinks.Clear();
        }

        try
        {
            var resolved = RealPath.Resolve(_fileSystem, path, _folderLinks);
            if (_confined && !IsInside(resolved))
            {
                problem = DiagnosticIds.OutsideRepository.Create(at, OutsideMessage(path, what));
                return false;
            }

            var node = _fileSystem.GetNode(resolved, followLinks: false);
            if (node.Kind == FileNodeKind.Missing)
            {
                problem = DiagnosticIds.FileUnreadable.Create(at, $"the {what} '{path}' does not exist");
                return false;
            }

            if (node.Kind != FileNodeKind.Regular)
            {
                problem = node.IsSpecial
                    ? DiagnosticIds.SpecialFile.Create(at, SpecialFileMessage(path, what, node), reference is null ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)
                    : DiagnosticIds.FileUnreadable.Create(at, $"the {what} '{path}' is {node.Describe()}, not a file");
                return false;
            }

            if (node.Length > MaxFileBytes)
            {
                problem = DiagnosticIds.FileTooLarge.Create(at, $"the {what} '{path}' has {node.Length} bytes, more than the limit of {MaxFileBytes}; it was not read");
                return false;
            }

            using (var stream = _fileSystem.OpenRead(resolved))
            {
                text = SourceText.Read(stream, path, MaxFileBytes);
            }

            problem = null;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = DiagnosticIds.FileUnreadable.Create(at, $"cannot read the {what} '{path}': {exception.Message}");
            return false;
        }
    }

    /// <summary>The message of XC0010 for <paramref name="path"/>: names the path and the roots, never the content.</summary>
    internal string OutsideMessage(string path, string what) =>
        $"the {what} '{path}' is outside the repository ({string.Join(", ", Roots)}); it was not read"
        + " (name its folder with --allow-outside to read it)";

    internal static string SpecialFileMessage(string path, string what, FileNode node) =>
        $"the {what} '{path}' is {node.Describe()}, not a regular file; it was not opened";

    internal bool IsInside(string resolved) => !_confined || Roots.Any(root => RealPath.IsUnder(resolved, root));
}
