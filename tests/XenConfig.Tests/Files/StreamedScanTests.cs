using XenConfig.Files;

namespace XenConfig.Tests.Files;

/// <summary>
/// The streamed walk behind repository validation: each guest is handed over as soon as its folder is listed, so no
/// list of every guest is held, and sorted it gives exactly the guests of a walk that ends first.
/// </summary>
public sealed class StreamedScanTests
{
    private const string Config = "name = \"g\"\nkernel = \"/k\"\n";

    /// <summary>The real file system, counting the folders listed.</summary>
    private sealed class ListingCounter : IFileSystem
    {
        public int FoldersListed { get; private set; }

        public FileNode GetNode(string path, bool followLinks) => PhysicalFileSystem.Instance.GetNode(path, followLinks);

        public string? GetLinkTarget(string path) => PhysicalFileSystem.Instance.GetLinkTarget(path);

        public IReadOnlyList<string> ListFolder(string folder)
        {
            FoldersListed++;
            return PhysicalFileSystem.Instance.ListFolder(folder);
        }

        public Stream OpenRead(string path) => PhysicalFileSystem.Instance.OpenRead(path);
    }

    private static (List<(GuestFiles Guest, int FoldersListed)> Streamed, RepositoryScan Remaining) Stream(params string[] paths)
    {
        var fileSystem = new ListingCounter();
        var streamed = new List<(GuestFiles, int)>();
        var rest = RepositoryScanner.Scan(paths, RepositoryScanOptions.Default, fileSystem, _ => guest => streamed.Add((guest, fileSystem.FoldersListed)));
        return (streamed, rest);
    }

    private static List<GuestFiles> Sorted(IEnumerable<GuestFiles> guests) =>
        guests.Order(Comparer<GuestFiles>.Create((left, right) => RepositoryScanner.CompareGuests(left.DomainConfig, right.DomainConfig))).ToList();

    [Fact]
    public void Each_guest_is_handed_over_when_its_folder_is_listed_and_none_is_kept()
    {
        using var tree = new TempTree();
        for (var index = 0; index < 5; index++)
        {
            tree.Write($"guests/g{index}/g{index}.cfg", Config);
            tree.Write($"guests/g{index}/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");
        }

        var (streamed, rest) = Stream(tree.Path);

        // The root, then guests/, then one guest folder per guest: guest i comes right after its folder, before the next.
        Assert.Equal([3, 4, 5, 6, 7], streamed.Select(s => s.FoldersListed));
        Assert.Empty(rest.Guests);
        Assert.Empty(rest.Other);
        Assert.Equal(RepositoryScanner.Scan([tree.Path]).Guests, Sorted(streamed.Select(s => s.Guest)));
    }

    [Fact]
    public void A_folder_with_a_link_or_a_named_file_beside_it_waits_for_the_end_and_the_order_is_the_scans()
    {
        using var tree = new TempTree();
        tree.Write("a/a.cfg", Config);
        tree.Write("shared/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");
        tree.Link("a/fstab", tree["shared/fstab"]);
        tree.Write("a.b/b.cfg", Config);
        tree.Write("c/one.cfg", Config);
        tree.Write("c/two.cfg", Config);
        var named = tree.Write("d/extra.cfg", Config);
        tree.Write("d/d.cfg", Config);

        var (streamed, rest) = Stream(tree.Path, named);

        // a/ has a link in it (its fstab comes after the walk), d/ a named file: both wait; a.b/ and c/ go as listed.
        Assert.Equal(["a.b/b.cfg", "c/one.cfg", "c/two.cfg"], streamed.Select(s => Path.GetRelativePath(tree.Path, s.Guest.DomainConfig)).Order(StringComparer.Ordinal));
        Assert.Equal(["a/a.cfg", "d/d.cfg", "d/extra.cfg"], rest.Guests.Select(g => Path.GetRelativePath(tree.Path, g.DomainConfig)).Order(StringComparer.Ordinal));
        Assert.Equal(tree["a/fstab"], rest.Guests.Single(g => g.DomainConfig == tree["a/a.cfg"]).Fstab);
        // Folder "a" sorts before "a.b" although "a.b/b.cfg" sorts before "a/a.cfg" as a path.
        Assert.Equal(RepositoryScanner.Scan([tree.Path, named]).Guests, Sorted(streamed.Select(s => s.Guest).Concat(rest.Guests)));
    }

    // The walk forgets the files of a streamed folder once no named file is left to visit: a file named before or after
    // its folder, spelled another way than the walk spells it, is still the one file and the one guest.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_file_named_beside_its_folder_spelled_another_way_is_one_guest_whether_named_first_or_last(bool fileFirst)
    {
        using var tree = new TempTree();
        tree.Write("c/one.cfg", Config);
        tree.Write("c/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");
        tree.Write("e/e.cfg", Config);
        var named = Path.Combine(tree.Path, "c", ".", "one.cfg");
        string[] paths = fileFirst ? [named, tree.Path] : [tree.Path, named];

        var (streamed, rest) = Stream(paths);

        var guests = streamed.Select(s => s.Guest).Concat(rest.Guests).ToList();
        Assert.Equal(["c/one.cfg", "e/e.cfg"], guests.Select(g => Path.GetRelativePath(tree.Path, g.DomainConfig)).Order(StringComparer.Ordinal));
        Assert.Equal(RepositoryScanner.Scan(paths).Guests, Sorted(guests));
    }
}
