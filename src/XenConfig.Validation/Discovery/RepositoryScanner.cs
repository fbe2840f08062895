namespace XenConfig.Validation.Discovery;

/// <summary>
/// Walks a VM repository and groups its files into guests: a folder with exactly one domain config is one guest, and
/// the fstab and menu.lst beside it are that guest's; a folder with several domain configs is a flat layout where each
/// config is a guest of its own.
/// </summary>
public static class RepositoryScanner
{
    /// <summary>Largest file that is read to sniff its kind; bigger files with inconclusive names are skipped.</summary>
    public const long MaxSniffBytes = 1 << 20;

    /// <summary>Scans files and folders (recursively). Hidden files and folders (starting with <c>.</c>) are ignored.</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static RepositoryScan Scan(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(EnumerateVisibleFiles(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        var classified = files
            .Distinct(StringComparer.Ordinal)
            .Select(f => (Path: f, Kind: Classify(f)))
            .ToList();
        return Group(classified);
    }

    /// <summary>Classifies one file by name, reading its content only when the name does not say.</summary>
    public static FileKind Classify(string path)
    {
        var byName = FileClassifier.ClassifyByName(path);
        if (byName != FileKind.Unknown)
        {
            return byName;
        }

        // Only the first bytes are read: a device in the tree must not make the walk read forever.
        var info = new FileInfo(path);
        if (info.Length > MaxSniffBytes || (info.Attributes & FileAttributes.Device) != 0)
        {
            return FileKind.Unknown;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[MaxSniffBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return FileClassifier.ClassifyByContent(System.Text.Encoding.UTF8.GetString(buffer, 0, length));
    }

    private static RepositoryScan Group(List<(string Path, FileKind Kind)> classified)
    {
        var guests = new List<GuestFiles>();
        var hostMenus = new List<string>();
        var other = new List<(string, FileKind)>();
        foreach (var folder in classified.GroupBy(f => Path.GetDirectoryName(f.Path) ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var configs = folder.Where(f => f.Kind == FileKind.DomainConfig).Select(f => f.Path).ToList();
            var fstabs = folder.Where(f => f.Kind == FileKind.Fstab).Select(f => f.Path).ToList();
            var menus = folder.Where(f => f.Kind == FileKind.GrubMenu).Select(f => f.Path).ToList();
            if (configs.Count == 1)
            {
                guests.Add(new GuestFiles(configs[0], fstabs.FirstOrDefault(), menus.FirstOrDefault()));
                other.AddRange(fstabs.Skip(1).Select(f => (f, FileKind.Fstab)));
                hostMenus.AddRange(menus.Skip(1));
            }
            else
            {
                guests.AddRange(configs.Select(c => new GuestFiles(c, null, null)));
                other.AddRange(fstabs.Select(f => (f, FileKind.Fstab)));
                hostMenus.AddRange(menus);
            }

            other.AddRange(folder.Where(f => f.Kind == FileKind.Grub2Config));
        }

        return new RepositoryScan(
            guests,
            hostMenus,
            classified.Where(f => f.Kind == FileKind.VmDefinition).Select(f => f.Path).ToList(),
            other,
            classified.Where(f => f.Kind == FileKind.Unknown).Select(f => f.Path).ToList());
    }

    private static IEnumerable<string> EnumerateVisibleFiles(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }
}
