using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Files;

/// <summary>
/// Walks a VM repository and groups its files into guests: a folder with exactly one domain config is one guest, and
/// the fstab and menu.lst beside it are that guest's; a folder with several domain configs is a flat layout where each
/// config is a guest of its own.
/// </summary>
/// <remarks>
/// The walk always ends and never opens what it should not. It reads only inside the named paths (after resolving
/// links; see <see cref="RepositoryBoundary"/>); a FIFO, device or socket is reported, never opened; a folder reached
/// twice (a link loop, a link to a folder walked already, a bind mount) is known by device and inode and walked once;
/// a folder that cannot be listed is reported and the walk goes on. Links are followed after the real folders are
/// walked, so the real path of an aliased folder is the one that is checked. Hidden files and folders (starting with
/// <c>.</c>) are not walked. Every path named directly is either found to be of a kind XenConfig reads or reported.
/// </remarks>
public static class RepositoryScanner
{
    /// <summary>Largest file that is read to sniff its kind; bigger files with inconclusive names are skipped.</summary>
    public const long MaxSniffBytes = 1 << 20;

    /// <summary>Scans files and folders (recursively).</summary>
    /// <param name="paths">Files and folders: together they are the repository.</param>
    /// <param name="options">Where else files may be read, and a kind to force on named files; defaults when null.</param>
    /// <exception cref="FileNotFoundException">A named path does not exist (a usage error).</exception>
    public static RepositoryScan Scan(IEnumerable<string> paths, RepositoryScanOptions? options = null) =>
        Scan(paths, options ?? RepositoryScanOptions.Default, PhysicalFileSystem.Instance);

    internal static RepositoryScan Scan(IEnumerable<string> paths, RepositoryScanOptions options, IFileSystem fileSystem) =>
        Scan(paths, options, fileSystem, streamTo: null);

    /// <summary>
    /// Scans as <see cref="Scan(IEnumerable{string}, RepositoryScanOptions?)"/> does, and with <paramref name="streamTo"/>
    /// hands each guest over as soon as its folder is listed, so no list of every guest is held: a folder whose group
    /// cannot change any more (no symbolic link in it, no named file beside it) is grouped on the spot. The scan returned
    /// then holds only the guests of the other folders. The guests come in walk order; sorted by
    /// <see cref="CompareGuests(string, string)"/> they are the guests a scan without streaming lists.
    /// </summary>
    /// <param name="paths">Files and folders: together they are the repository.</param>
    /// <param name="options">Where else files may be read, and a kind to force on named files.</param>
    /// <param name="fileSystem">Where the walk looks.</param>
    /// <param name="streamTo">Given the repository's boundary before the walk starts; answers where the guests go.</param>
    internal static RepositoryScan Scan(IEnumerable<string> paths, RepositoryScanOptions options, IFileSystem fileSystem, Func<RepositoryBoundary, Action<GuestFiles>>? streamTo)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var named = paths.ToList();
        foreach (var path in named)
        {
            if (fileSystem.GetNode(path, followLinks: false).Kind == FileNodeKind.Missing)
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        var roots = new List<string>(options.AllowOutside);
        // A named file joins the group of the folder it is named in (as spelled): when streaming, those are grouped last.
        var namedFileFolders = new HashSet<string>(StringComparer.Ordinal);
        var namedFiles = 0;
        foreach (var path in named)
        {
            roots.Add(path);
            if (fileSystem.GetNode(path, followLinks: true).Kind != FileNodeKind.Directory)
            {
                namedFiles++;
                // A named file may name files beside it (a VM definition its parts): its folder is the repository.
                roots.Add(Path.GetDirectoryName(Path.GetFullPath(path)) ?? path);
                namedFileFolders.Add(Path.GetDirectoryName(path) ?? "");
            }
        }

        var boundary = new RepositoryBoundary(roots, fileSystem, confined: true);
        var walk = new Walk(fileSystem, boundary, options.NamedFileKind);
        if (streamTo is not null)
        {
            walk.StreamTo(streamTo(boundary), namedFileFolders, namedFiles);
        }

        foreach (var path in named)
        {
            walk.VisitNamed(path);
        }

        walk.FollowDeferredLinks();
        var classified = walk.Files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return Group(classified, walk.Diagnostics, boundary);
    }

    /// <summary>Classifies one file by name, reading at most its first <see cref="MaxSniffBytes"/> when the name does not say.</summary>
    /// <remarks>A FIFO, device or socket is never opened: it is <see cref="FileKind.Unknown"/>.</remarks>
    public static FileKind Classify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var byName = FileClassifier.ClassifyByName(path);
        if (byName != FileKind.Unknown)
        {
            return byName;
        }

        var node = PhysicalFileSystem.Instance.GetNode(path, followLinks: true);
        return node.Kind == FileNodeKind.Regular ? FileClassifier.ClassifyByContent(Sniff(PhysicalFileSystem.Instance.OpenRead(path))) : FileKind.Unknown;
    }

    private static string Sniff(Stream file)
    {
        using var stream = file;
        var buffer = new byte[MaxSniffBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>
    /// The order of <see cref="RepositoryScan.Guests"/>: by folder (the config's folder as spelled), then by path, both
    /// ordinal. "First" and "later" in the repository checks follow it.
    /// </summary>
    internal static int CompareGuests(string left, string right) => CompareGuests(left.AsSpan(), right.AsSpan());

    /// <summary>The order of <see cref="CompareGuests(string, string)"/>, of paths kept as characters elsewhere.</summary>
    internal static int CompareGuests(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var leftFolder = Path.GetDirectoryName(left);
        var rightFolder = Path.GetDirectoryName(right);
        // The folder as grouping spells it (repeated separators made one) without making a string, unless there are some.
        var byFolder = OperatingSystem.IsWindows() || leftFolder.Contains("//", StringComparison.Ordinal) || rightFolder.Contains("//", StringComparison.Ordinal)
            ? string.CompareOrdinal(Path.GetDirectoryName(left.ToString()) ?? "", Path.GetDirectoryName(right.ToString()) ?? "")
            : leftFolder.CompareTo(rightFolder, StringComparison.Ordinal);
        return byFolder != 0 ? byFolder : left.CompareTo(right, StringComparison.Ordinal);
    }

    // The guests of one folder (its files sorted by path): with exactly one domain config, the guest gets the first
    // fstab and menu; with several, each config is a guest of its own. Returns the files no guest took, in order.
    private static IEnumerable<(string Path, FileKind Kind)> GroupFolder(IReadOnlyList<(string Path, FileKind Kind)> folder, Action<GuestFiles> guests)
    {
        var configs = folder.Count(f => f.Kind == FileKind.DomainConfig);
        if (configs == 1)
        {
            var config = folder.First(f => f.Kind == FileKind.DomainConfig).Path;
            var fstab = folder.FirstOrDefault(f => f.Kind == FileKind.Fstab).Path;
            var menu = folder.FirstOrDefault(f => f.Kind == FileKind.GrubMenu).Path;
            guests(new GuestFiles(config, fstab, menu));
            return folder.Where(f => !ReferenceEquals(f.Path, config) && !ReferenceEquals(f.Path, fstab) && !ReferenceEquals(f.Path, menu));
        }

        foreach (var (path, _) in folder.Where(f => f.Kind == FileKind.DomainConfig))
        {
            guests(new GuestFiles(path, null, null));
        }

        return folder.Where(f => f.Kind != FileKind.DomainConfig);
    }

    private static RepositoryScan Group(List<(string Path, FileKind Kind)> classified, List<Diagnostic> diagnostics, RepositoryBoundary boundary)
    {
        var guests = new List<GuestFiles>();
        var hostMenus = new List<string>();
        var other = new List<(string, FileKind)>();
        foreach (var folder in classified.GroupBy(f => Path.GetDirectoryName(f.Path) ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rest = GroupFolder(folder.ToList(), guests.Add).ToList();
            other.AddRange(OfKind(rest, FileKind.Fstab));
            hostMenus.AddRange(PathsOf(rest, FileKind.GrubMenu));
            other.AddRange(OfKind(rest, FileKind.Grub2Config));
        }

        return new RepositoryScan(guests, hostMenus, PathsOf(classified, FileKind.VmDefinition), other, PathsOf(classified, FileKind.Unknown), diagnostics, boundary);
    }

    // Loops, not Where(...).Select(...): Select on a LINQ iterator is a generic virtual call, which the native build
    // resolves through its type loader on first use (about 0.7% of a one-guest validate).
    private static List<(string Path, FileKind Kind)> OfKind(List<(string Path, FileKind Kind)> files, FileKind kind)
    {
        var found = new List<(string Path, FileKind Kind)>();
        foreach (var file in files)
        {
            if (file.Kind == kind)
            {
                found.Add(file);
            }
        }

        return found;
    }

    private static List<string> PathsOf(List<(string Path, FileKind Kind)> files, FileKind kind)
    {
        var found = new List<string>();
        foreach (var file in files)
        {
            if (file.Kind == kind)
            {
                found.Add(file.Path);
            }
        }

        return found;
    }

    /// <summary>One walk: what was found, what was reported, and which folders and configs were met already.</summary>
    private sealed class Walk(IFileSystem fileSystem, RepositoryBoundary boundary, FileKind? namedKind)
    {
        // Every folder and domain config met, found by identity: its path is read back only to name the folder or
        // config if it is reached again, so no string per path outlives its folder's listing.
        private readonly PathTree _paths = new();
        private readonly HashSet<(FileIdentity File, FileIdentity Folder)> _files = [];
        private readonly List<string> _deferredLinks = [];
        private readonly List<FileIdentity> _listedFiles = [];

        private Action<GuestFiles>? _streamTo;
        private HashSet<string>? _heldFolders;
        private int _namedFilesLeft;

        public List<(string Path, FileKind Kind)> Files { get; } = [];

        /// <summary>Hands the guests of each folder that no later file can join to <paramref name="guests"/> as it is listed.</summary>
        /// <param name="guests">Where the guests go.</param>
        /// <param name="heldFolders">Folders (as a file's folder is spelled) that named files join: grouped at the end.</param>
        /// <param name="namedFiles">How many of the named paths are not folders.</param>
        public void StreamTo(Action<GuestFiles> guests, HashSet<string> heldFolders, int namedFiles)
        {
            _streamTo = guests;
            _heldFolders = heldFolders;
            _namedFilesLeft = namedFiles;
        }

        public List<Diagnostic> Diagnostics { get; } = [];

        /// <summary>A path named by the user: followed even when it is a link, and never skipped silently.</summary>
        public void VisitNamed(string path)
        {
            if (TryGetNode(path, followLinks: true) is not { } node)
            {
                return;
            }

            if (node.Kind != FileNodeKind.Directory)
            {
                _namedFilesLeft--;
            }

            switch (node.Kind)
            {
                case FileNodeKind.Directory:
                    WalkFolder(path, node);
                    break;
                case FileNodeKind.Regular:
                    if (TryGetNode(Path.GetDirectoryName(Path.GetFullPath(path)) ?? path, followLinks: true) is { } folder)
                    {
                        AddFile(path, node, folder.Identity, named: true);
                    }

                    break;
                case FileNodeKind.Missing:
                    Report(DiagnosticIds.FileUnreadable, path, $"'{path}' is a symbolic link to nothing");
                    break;
                default:
                    Report(DiagnosticIds.SpecialFile, path, RepositoryBoundary.SpecialFileMessage(path, "file", node));
                    break;
            }
        }

        /// <summary>Follows the links met in the walk, after every real folder: a link to a folder walked already is an alias.</summary>
        public void FollowDeferredLinks()
        {
            while (_deferredLinks.Count > 0)
            {
                var links = _deferredLinks.Order(StringComparer.Ordinal).ToList();
                _deferredLinks.Clear();
                foreach (var link in links)
                {
                    FollowLink(link);
                }
            }
        }

        private void FollowLink(string link)
        {
            string resolved;
            try
            {
                resolved = RealPath.Resolve(fileSystem, link);
            }
            catch (IOException)
            {
                Report(DiagnosticIds.ReachedTwice, link, $"'{link}' is a symbolic link loop; it is skipped");
                return;
            }

            if (!boundary.IsInside(resolved))
            {
                Report(DiagnosticIds.OutsideRepository, link, $"'{link}' is a symbolic link to '{resolved}', outside the repository ({string.Join(", ", boundary.Roots)}); it was not read (name that folder with --allow-outside to read it)");
                return;
            }

            if (TryGetNode(resolved, followLinks: false) is not { } node)
            {
                return;
            }

            switch (node.Kind)
            {
                case FileNodeKind.Directory:
                    WalkFolder(link, node);
                    break;
                case FileNodeKind.Regular:
                    if (TryGetNode(Path.GetDirectoryName(link) ?? link, followLinks: true) is { } folder)
                    {
                        AddFile(link, node, folder.Identity, named: false);
                    }

                    break;
                case FileNodeKind.Missing:
                    if (FileClassifier.ClassifyByName(link) != FileKind.Unknown)
                    {
                        Report(DiagnosticIds.FileUnreadable, link, $"'{link}' is a symbolic link to '{resolved}', which does not exist");
                    }

                    break;
                default:
                    Report(DiagnosticIds.SpecialFile, link, RepositoryBoundary.SpecialFileMessage(link, "file", node));
                    break;
            }
        }

        private void WalkFolder(string root, FileNode rootNode)
        {
            // Each pending folder by its name (the listing's string) and the path number of the folder that listed it;
            // the root by its whole path, with -1. A folder of 100,000 guest folders fills the stack once, and a string of
            // each one's whole path would wait there until that folder is walked.
            var pending = new Stack<(string Name, FileIdentity Identity, int Lister)>();
            pending.Push((root, rootNode.Identity, -1));
            var mostPending = 1;
            (int Path, string Text) lister = (-1, "");
            while (pending.Count > 0)
            {
                var (folderName, identity, parent) = pending.Pop();
                if (pending.Count < mostPending / 4 && mostPending > 1024)
                {
                    // Such a stack (4 MB) need not stay that size for the rest of the walk.
                    pending.TrimExcess();
                    mostPending = pending.Count;
                }

                if (parent >= 0 && lister.Path != parent)
                {
                    // Kept for the next folder: the folders of one listing come one after another, unless they have folders.
                    lister = (parent, _paths.Text(parent));
                }

                // The path the listing joined, as the tree reads it back.
                var folder = parent < 0 ? folderName : Path.Combine(lister.Text, folderName);
                if (_paths.TryFind(identity, isFolder: true, out var walked))
                {
                    Report(DiagnosticIds.ReachedTwice, folder, $"'{folder}' is the folder '{_paths.Text(walked)}' again (a link or a mount); it is walked once");
                    continue;
                }

                // A listed folder's path is its parent's joined with its name (the walk joined them so, below).
                var folderPath = parent < 0
                    ? _paths.AddRoot(folder, identity, isFolder: true)
                    : _paths.Add(parent, folderName, identity, isFolder: true);

                IReadOnlyList<string> names;
                try
                {
                    names = fileSystem.ListFolder(folder);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Report(DiagnosticIds.FileUnreadable, folder, $"cannot list the folder '{folder}': {exception.Message}; the walk goes on without it");
                    continue;
                }

                var firstFile = Files.Count;
                var hasLinks = false;
                _listedFiles.Clear();
                foreach (var name in names.Where(n => !n.StartsWith('.')).OrderDescending(StringComparer.Ordinal))
                {
                    var entry = Path.Combine(folder, name);
                    if (TryGetNode(entry, followLinks: false) is not { } child)
                    {
                        continue;
                    }

                    switch (child.Kind)
                    {
                        case FileNodeKind.Directory:
                            pending.Push((name, child.Identity, folderPath));
                            mostPending = Math.Max(mostPending, pending.Count);
                            break;
                        case FileNodeKind.Regular:
                            AddFile(entry, child, identity, named: false, folderPath);
                            _listedFiles.Add(child.Identity);

                            break;
                        case FileNodeKind.SymbolicLink:
                            _deferredLinks.Add(entry);
                            hasLinks = true;
                            break;
                        case FileNodeKind.Missing:
                            break;
                        default:
                            Report(DiagnosticIds.SpecialFile, entry, RepositoryBoundary.SpecialFileMessage(entry, "file", child));
                            break;
                    }
                }

                if (_streamTo is not null && !hasLinks && Files.Count > firstFile && Stream(firstFile) && _namedFilesLeft == 0)
                {
                    // Only a named file or this folder walked again could meet these files in this folder again: no named
                    // file is left, and a folder is walked once. So the walk's table of files stays the size of a folder.
                    foreach (var file in _listedFiles)
                    {
                        _files.Remove((file, identity));
                    }
                }
            }
        }

        // The files from firstFile on are one folder's whole listing: a link in it would add a file later, a named file
        // beside it too (then it waits for the end). Its guests go now; what no guest took stays for the end. Returns
        // whether the folder was streamed.
        private bool Stream(int firstFile)
        {
            var folder = Files.GetRange(firstFile, Files.Count - firstFile);
            if (_heldFolders!.Contains(Path.GetDirectoryName(folder[0].Path) ?? ""))
            {
                return false;
            }

            folder.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
            Files.RemoveRange(firstFile, Files.Count - firstFile);
            Files.AddRange(GroupFolder(folder, _streamTo!));
            return true;
        }

        // folderPath: the number of the listed folder's path when the walk joined path from it and a name, else -1.
        private void AddFile(string path, FileNode node, FileIdentity folder, bool named, int folderPath = -1)
        {
            if (!_files.Add((node.Identity, folder)))
            {
                // The same file in the same folder, named twice or spelled two ways: one file.
                return;
            }

            var kind = Classify(path, node, named);
            if (kind == FileKind.DomainConfig)
            {
                if (_paths.TryFind(node.Identity, isFolder: false, out var met))
                {
                    Report(DiagnosticIds.ReachedTwice, path, $"'{path}' is the domain config '{_paths.Text(met)}' again (a link); it is checked once");
                    return;
                }

                _ = folderPath < 0
                    ? _paths.AddRoot(path, node.Identity, isFolder: false)
                    : _paths.Add(folderPath, Path.GetFileName(path.AsSpan()), node.Identity, isFolder: false);
            }

            if (named && kind == FileKind.Grub2Config)
            {
                Report(DiagnosticIds.UnknownFileKind, path, "the file is a GRUB 2 config; xenconfig show reads its Xen entries, but validate does not check GRUB 2 configs; it is skipped");
            }

            Files.Add((path, kind));
        }

        private FileKind Classify(string path, FileNode node, bool named)
        {
            if (named && namedKind is { } forced)
            {
                return forced;
            }

            var byName = FileClassifier.ClassifyByName(path);
            if (byName != FileKind.Unknown)
            {
                return byName;
            }

            if (node.Length > MaxSniffBytes)
            {
                if (named)
                {
                    Report(DiagnosticIds.UnknownFileKind, path,
                        $"the file has {node.Length} bytes, more than the {MaxSniffBytes} read to tell its kind, and its name does not say it; it is skipped (pass --kind, or name it *.cfg, fstab or menu.lst)");
                }

                return FileKind.Unknown;
            }

            string content;
            try
            {
                content = Sniff(fileSystem.OpenRead(path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Report(DiagnosticIds.FileUnreadable, path, $"cannot read the file: {exception.Message}");
                return FileKind.Unknown;
            }

            var kind = FileClassifier.ClassifyByContent(content);
            if (named && kind == FileKind.Unknown)
            {
                Report(DiagnosticIds.UnknownFileKind, path,
                    "the file is neither a domain config, an fstab nor a GRUB menu by its name or content; it is skipped (pass --kind to check it as one)");
            }

            return kind;
        }

        private FileNode? TryGetNode(string path, bool followLinks)
        {
            try
            {
                return fileSystem.GetNode(path, followLinks);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Report(DiagnosticIds.FileUnreadable, path, $"cannot examine '{path}': {exception.Message}");
                return null;
            }
        }

        private void Report(DiagnosticDescriptor descriptor, string path, string message) =>
            Diagnostics.Add(descriptor.Create(SourceLocation.None(path), message));
    }
}
