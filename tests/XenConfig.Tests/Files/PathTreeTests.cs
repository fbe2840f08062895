using XenConfig.Files;

namespace XenConfig.Tests.Files;

/// <summary>
/// The walk keeps the paths of every folder and domain config it met as a tree of names, each found by the identity
/// (device and inode) it was added with; each must read back as the very string the walk joined, since a message names
/// it, and be found by its identity as the kind it was added as, and by nothing else.
/// </summary>
public sealed class PathTreeTests
{
    private static ulong _inodes = 1000;

    // A new identity on device 8:1 (or the device given): no two tests' paths share one.
    private static FileIdentity NewIdentity(ulong device = (8ul << 32) | 1) => new(device, Interlocked.Increment(ref _inodes), null);

    [Fact]
    public void Paths_read_back_as_joined_whatever_their_characters()
    {
        var tree = new PathTree();
        var root = tree.AddRoot("/srv/repo/", NewIdentity(), isFolder: true);
        // Latin-1 beyond ASCII, Cyrillic, a surrogate pair, a lone surrogate and an empty-looking blank name.
        string[] names = ["guests", "café", "образ", "😀", "x\uD800y", " "];
        var numbers = names.Select(name => tree.Add(root, name, NewIdentity(), isFolder: true)).ToList();
        var deep = tree.Add(tree.Add(numbers[2], "g000001", NewIdentity(), isFolder: true), "g000001.cfg", NewIdentity(), isFolder: false);

        Assert.Equal("/srv/repo/", tree.Text(root));
        Assert.Equal(names.Select(name => Path.Combine("/srv/repo/", name)), numbers.Select(tree.Text));
        Assert.Equal("/srv/repo/образ/g000001/g000001.cfg", tree.Text(deep));
        Assert.Equal(names.Length + 3, tree.Count);
    }

    [Fact]
    public void Many_paths_fill_many_chunks_and_all_read_back_and_are_found()
    {
        // 60,000 paths: 30 chunks of entries; names of 13-14 bytes, wide ones of 28: over 20 chunks of names.
        var tree = new PathTree();
        var root = tree.AddRoot("/r", NewIdentity(), isFolder: true);
        var folderIds = Enumerable.Range(0, 30_000).Select(_ => NewIdentity()).ToList();
        var configIds = Enumerable.Range(0, 30_000).Select(_ => NewIdentity()).ToList();
        var folders = Enumerable.Range(0, 30_000).Select(i => tree.Add(root, i % 3 == 0 ? $"g{i:000000}-😀" : $"g{i:000000}-ü", folderIds[i], isFolder: true)).ToList();
        var configs = folders.Select((folder, i) => tree.Add(folder, $"g{i:000000}.cfg", configIds[i], isFolder: false)).ToList();

        Assert.All(Enumerable.Range(0, 30_000), i =>
        {
            Assert.Equal($"/r/g{i:000000}-{(i % 3 == 0 ? "😀" : "ü")}/g{i:000000}.cfg", tree.Text(configs[i]));
            Assert.True(tree.TryFind(folderIds[i], isFolder: true, out var folder));
            Assert.Equal(folders[i], folder);
            Assert.True(tree.TryFind(configIds[i], isFolder: false, out var config));
            Assert.Equal(configs[i], config);
        });
    }

    [Fact]
    public void An_identity_is_found_only_as_the_kind_and_on_the_device_it_was_added_with()
    {
        var tree = new PathTree();
        var folder = NewIdentity();
        var config = NewIdentity();
        var root = tree.AddRoot("/r", folder, isFolder: true);
        var file = tree.Add(root, "a.cfg", config, isFolder: false);

        Assert.True(tree.TryFind(folder, isFolder: true, out var found));
        Assert.Equal(root, found);
        Assert.True(tree.TryFind(config, isFolder: false, out found));
        Assert.Equal(file, found);
        // The same inodes as the other kind, on another device, or never added: not found.
        Assert.False(tree.TryFind(folder, isFolder: false, out _));
        Assert.False(tree.TryFind(config, isFolder: true, out _));
        Assert.False(tree.TryFind(folder with { Device = 7 }, isFolder: true, out _));
        Assert.False(tree.TryFind(NewIdentity(), isFolder: false, out _));

        // One inode number on two devices is two identities (two file systems), both found.
        var other = tree.Add(root, "b.cfg", config with { Device = 7 }, isFolder: false);
        Assert.True(tree.TryFind(config with { Device = 7 }, isFolder: false, out found));
        Assert.Equal(other, found);
        Assert.True(tree.TryFind(config, isFolder: false, out found));
        Assert.Equal(file, found);
    }

    [Fact]
    public void Identities_known_by_their_resolved_path_are_found_by_it()
    {
        var tree = new PathTree();
        var root = tree.AddRoot("C:\\r", new FileIdentity(0, 0, "C:\\r"), isFolder: true);
        var file = tree.Add(root, "a.cfg", new FileIdentity(0, 0, "C:\\r\\a.cfg"), isFolder: false);

        Assert.True(tree.TryFind(new FileIdentity(0, 0, "C:\\r"), isFolder: true, out var found));
        Assert.Equal(root, found);
        Assert.True(tree.TryFind(new FileIdentity(0, 0, "C:\\r\\a.cfg"), isFolder: false, out found));
        Assert.Equal(file, found);
        Assert.False(tree.TryFind(new FileIdentity(0, 0, "C:\\r"), isFolder: false, out _));
        // Device and inode 0 with no path is not the identity of any of them.
        Assert.False(tree.TryFind(new FileIdentity(0, 0, null), isFolder: true, out _));
    }

    [Fact]
    public void Inodes_that_hash_alike_are_all_found()
    {
        // Inodes that differ only above the bits a small index uses, on many devices: long runs of probing.
        var tree = new PathTree();
        var root = tree.AddRoot("/r", NewIdentity(), isFolder: true);
        var added = new List<(FileIdentity Identity, int Path)>();
        for (var index = 0; index < 3_000; index++)
        {
            var identity = new FileIdentity((ulong)(index % 5), (ulong)index << 40, null);
            added.Add((identity, tree.Add(root, $"f{index}", identity, isFolder: index % 2 == 0)));
        }

        Assert.All(added, pair =>
        {
            Assert.True(tree.TryFind(pair.Identity, isFolder: pair.Path % 2 == 1, out var found));
            Assert.Equal(pair.Path, found);
            Assert.Equal($"/r/f{pair.Path - 1}", tree.Text(found));
        });
    }

    [Fact]
    public void A_name_longer_than_a_chunk_reads_back_and_so_do_the_names_after_it()
    {
        var tree = new PathTree();
        var longName = new string('a', 70_000);
        var wideName = new string('я', 40_000);
        var root = tree.AddRoot("/" + longName, NewIdentity(), isFolder: true);
        var wide = tree.Add(root, wideName, NewIdentity(), isFolder: true);
        var after = tree.Add(wide, "g.cfg", NewIdentity(), isFolder: false);

        Assert.Equal("/" + longName, tree.Text(root));
        Assert.Equal($"/{longName}/{wideName}/g.cfg", tree.Text(after));
    }

    [Fact]
    public void A_number_the_tree_did_not_give_is_refused()
    {
        var tree = new PathTree();
        var root = tree.AddRoot("/r", NewIdentity(), isFolder: true);

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Add(root + 1, "x", NewIdentity(), isFolder: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Add(-2, "x", NewIdentity(), isFolder: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Text(1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_folder_or_config_reached_again_is_named_by_the_path_first_walked(bool streamed)
    {
        using var tree = new TempTree();
        tree.Write("образ/g/g.cfg", "name = \"g\"\nkernel = \"/k\"\n");
        tree.Write("café/x/x.cfg", "name = \"x\"\nkernel = \"/k\"\n");
        tree.Link("z/alias", "../образ/g");
        tree.Link("z/copy.cfg", "../café/x/x.cfg");
        // Spelled with a trailing separator: the paths joined from it have none twice.
        var root = tree.Path + "/";

        var scan = streamed
            ? RepositoryScanner.Scan([root], RepositoryScanOptions.Default, PhysicalFileSystem.Instance, _ => _ => { })
            : RepositoryScanner.Scan([root]);

        Assert.Equal(
            [
                $"'{root}z/alias' is the folder '{root}образ/g' again (a link or a mount); it is walked once",
                $"'{root}z/copy.cfg' is the domain config '{root}café/x/x.cfg' again (a link); it is checked once",
            ],
            scan.Diagnostics.Select(d => d.Message).Order(StringComparer.Ordinal));
    }
}
