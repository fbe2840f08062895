using XenConfig.Files;

namespace XenConfig.Tests.Files;

/// <summary>
/// The walk keeps the paths of every folder and domain config it met as a tree of names; each must read back as the
/// very string the walk joined, since a message names it.
/// </summary>
public sealed class PathTreeTests
{
    [Fact]
    public void Paths_read_back_as_joined_whatever_their_characters()
    {
        var tree = new PathTree();
        var root = tree.AddRoot("/srv/repo/");
        // Latin-1 beyond ASCII, Cyrillic, a surrogate pair, a lone surrogate and an empty-looking blank name.
        string[] names = ["guests", "café", "образ", "😀", "x\uD800y", " "];
        var numbers = names.Select(name => tree.Add(root, name)).ToList();
        var deep = tree.Add(tree.Add(numbers[2], "g000001"), "g000001.cfg");

        Assert.Equal("/srv/repo/", tree.Text(root));
        Assert.Equal(names.Select(name => Path.Combine("/srv/repo/", name)), numbers.Select(tree.Text));
        Assert.Equal("/srv/repo/образ/g000001/g000001.cfg", tree.Text(deep));
        Assert.Equal(names.Length + 3, tree.Count);
    }

    [Fact]
    public void Many_paths_outgrow_the_first_arrays_and_all_read_back()
    {
        var tree = new PathTree();
        var root = tree.AddRoot("/r");
        var folders = Enumerable.Range(0, 5_000).Select(i => tree.Add(root, $"g{i:000000}-ü")).ToList();
        var configs = folders.Select((folder, i) => tree.Add(folder, $"g{i:000000}.cfg")).ToList();

        Assert.All(Enumerable.Range(0, 5_000), i => Assert.Equal($"/r/g{i:000000}-ü/g{i:000000}.cfg", tree.Text(configs[i])));
    }

    [Fact]
    public void A_number_the_tree_did_not_give_is_refused()
    {
        var tree = new PathTree();
        var root = tree.AddRoot("/r");

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Add(root + 1, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Add(-2, "x"));
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
