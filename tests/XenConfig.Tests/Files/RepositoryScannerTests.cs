using XenConfig.Diagnostics;
using XenConfig.Files;

namespace XenConfig.Tests.Files;

/// <summary>
/// The repository walk always ends, reads nothing outside the named paths and drops nothing silently: each hostile
/// tree of issue #15 as a regression case.
/// </summary>
public sealed class RepositoryScannerTests
{
    private const string Config = "name = \"g\"\nkernel = \"/k\"\ndisk = ['phy:/dev/vg0/g,xvda1,w']\n";

    private static RepositoryScan Scan(TestFileSystem fileSystem, RepositoryScanOptions? options, params string[] paths) =>
        RepositoryScanner.Scan(paths, options ?? RepositoryScanOptions.Default, fileSystem);

    private static List<string> Describe(RepositoryScan scan, string root) =>
        scan.Diagnostics.Select(d => $"{d.Id} {Path.GetRelativePath(root, d.Location.Path!)}").ToList();

    private static List<string> Configs(RepositoryScan scan, string root) =>
        scan.Guests.Select(g => Path.GetRelativePath(root, g.DomainConfig)).ToList();

    [SkippableFact]
    public void A_fifo_in_the_tree_is_reported_and_never_opened()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are told from files by statx, on Linux");
        using var tree = new TempTree();
        tree.Write("g/g.cfg", Config);
        tree.Fifo("g/pipe");
        var fileSystem = new TestFileSystem();

        var scan = Scan(fileSystem, null, tree.Path);

        Assert.Equal(["XC0011 g/pipe"], Describe(scan, tree.Path));
        Assert.Equal(DiagnosticSeverity.Warning, scan.Diagnostics[0].Severity);
        Assert.Contains("FIFO", scan.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Empty(fileSystem.SpecialFilesOpened);
        Assert.Equal(["g/g.cfg"], Configs(scan, tree.Path));
    }

    [SkippableFact]
    public void A_device_named_on_the_command_line_is_reported_and_never_opened()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/dev/zero"), "needs /dev/zero");
        var fileSystem = new TestFileSystem();

        var scan = Scan(fileSystem, null, "/dev/zero");

        var diagnostic = Assert.Single(scan.Diagnostics);
        Assert.Equal(("XC0011", "/dev/zero"), (diagnostic.Id, diagnostic.Location.Path));
        Assert.Contains("character device", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(fileSystem.Opened);
        Assert.Equal(0, scan.FileCount);
    }

    [Fact]
    public void A_link_to_its_own_folder_is_a_loop_walked_once()
    {
        using var tree = new TempTree();
        tree.Write("l/g.cfg", Config);
        Directory.CreateSymbolicLink(tree["l/self"], ".");

        var scan = Scan(new TestFileSystem(), null, tree.Path);

        Assert.Equal(["XC0012 l/self"], Describe(scan, tree.Path));
        Assert.Equal(["l/g.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void Two_links_to_a_parent_do_not_multiply_the_walk()
    {
        using var tree = new TempTree();
        tree.Write("d/g.cfg", Config);
        Directory.CreateSymbolicLink(tree["d/up1"], "../d");
        Directory.CreateSymbolicLink(tree["d/up2"], "../d");

        var scan = Scan(new TestFileSystem(), null, tree.Path);

        Assert.Equal(["XC0012 d/up1", "XC0012 d/up2"], Describe(scan, tree.Path));
        Assert.Equal(["d/g.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void A_link_that_never_resolves_is_a_loop_reported_and_skipped()
    {
        using var tree = new TempTree();
        tree.Write("g/g.cfg", Config);
        tree.Link("g/a.cfg", "b.cfg");
        tree.Link("g/b.cfg", "a.cfg");

        var scan = Scan(new TestFileSystem(), null, tree.Path);

        Assert.Equal(["XC0012 g/a.cfg", "XC0012 g/b.cfg"], Describe(scan, tree.Path));
        Assert.Equal(["g/g.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void A_folder_alias_is_walked_once_under_its_real_name()
    {
        using var tree = new TempTree();
        tree.Write("a/g/g.cfg", Config);
        Directory.CreateSymbolicLink(tree["a/alias"], "g");

        var scan = Scan(new TestFileSystem(), null, tree.Path);

        Assert.Equal(["XC0012 a/alias"], Describe(scan, tree.Path));
        Assert.Equal(DiagnosticSeverity.Info, scan.Diagnostics[0].Severity);
        Assert.Equal(["a/g/g.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void A_second_link_to_one_domain_config_is_checked_once_but_a_shared_fstab_serves_each_guest()
    {
        using var tree = new TempTree();
        tree.Write("web/web.cfg", Config);
        tree.Write("common/fstab", "/dev/xvda1 / ext4 defaults 0 1\n");
        tree.Link("web/fstab", "../common/fstab");
        tree.Link("copy/copy.cfg", "../web/web.cfg");

        var scan = Scan(new TestFileSystem(), null, tree.Path);

        Assert.Equal(["XC0012 copy/copy.cfg"], Describe(scan, tree.Path));
        var guest = Assert.Single(scan.Guests);
        Assert.Equal(tree["web/fstab"], guest.Fstab);
    }

    [Fact]
    public void The_same_file_named_twice_in_two_spellings_is_one_file()
    {
        using var tree = new TempTree();
        var config = tree.Write("g/g.cfg", Config);

        var scan = Scan(new TestFileSystem(), null, tree.Path, config, tree.Path + "/./g/../g/g.cfg");

        Assert.Empty(scan.Diagnostics);
        Assert.Single(scan.Guests);
    }

    [Fact]
    public void A_link_to_a_file_outside_is_an_error_and_the_file_is_not_read()
    {
        using var outside = new TempTree();
        var secret = outside.Write("shadow", "root:$6$secret:19000:0:99999:7:::\n");
        using var tree = new TempTree();
        tree.Write("g/g.cfg", Config);
        tree.Link("g/s.cfg", secret);
        var fileSystem = new TestFileSystem();

        var scan = Scan(fileSystem, null, tree.Path);

        var diagnostic = Assert.Single(scan.Diagnostics);
        Assert.Equal(("XC0010", DiagnosticSeverity.Error, tree["g/s.cfg"]), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.Path));
        Assert.DoesNotContain("secret", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fileSystem.Opened, p => p.StartsWith(outside.Path, StringComparison.Ordinal));
        Assert.Equal(["g/g.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void A_link_to_a_folder_outside_is_not_walked()
    {
        using var outside = new TempTree();
        outside.Write("etc/x.cfg", Config);
        using var tree = new TempTree();
        Directory.CreateSymbolicLink(tree["external"], outside["etc"]);

        var scan = Scan(new TestFileSystem(), null, tree.Path);

        Assert.Equal(["XC0010 external"], Describe(scan, tree.Path));
        Assert.Empty(scan.Guests);
    }

    [Fact]
    public void Allow_outside_lets_a_link_reach_the_folder_it_names()
    {
        using var outside = new TempTree();
        outside.Write("etc/x.cfg", Config);
        using var tree = new TempTree();
        Directory.CreateSymbolicLink(tree["external"], outside["etc"]);

        var scan = Scan(new TestFileSystem(), new RepositoryScanOptions { AllowOutside = [outside["etc"]] }, tree.Path);

        Assert.Empty(scan.Diagnostics);
        Assert.Equal(["external/x.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_reported_and_the_walk_goes_on()
    {
        using var tree = new TempTree();
        tree.Write("a/a.cfg", Config);
        tree.Write("locked/l.cfg", Config);
        tree.Write("z/z.cfg", Config);
        var fileSystem = new TestFileSystem();
        fileSystem.UnlistableFolders.Add(tree["locked"]);

        var scan = Scan(fileSystem, null, tree.Path);

        var diagnostic = Assert.Single(scan.Diagnostics);
        Assert.Equal(("XC0001", tree["locked"]), (diagnostic.Id, diagnostic.Location.Path));
        Assert.Contains("cannot list the folder", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["a/a.cfg", "z/z.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void A_file_that_cannot_be_read_to_tell_its_kind_is_reported_and_the_walk_goes_on()
    {
        using var tree = new TempTree();
        tree.Write("g/g.cfg", Config);
        var locked = tree.Write("g/notes", "x = 1\n");
        var fileSystem = new TestFileSystem();
        fileSystem.UnreadableFiles.Add(locked);

        var scan = Scan(fileSystem, null, tree.Path);

        Assert.Equal(["XC0001 g/notes"], Describe(scan, tree.Path));
        Assert.Equal(["g/g.cfg"], Configs(scan, tree.Path));
    }

    [Fact]
    public void A_named_file_of_unknown_kind_is_reported()
    {
        using var tree = new TempTree();
        var notes = tree.Write("notes.txt", "just some notes\nabout nothing\n");

        var scan = Scan(new TestFileSystem(), null, notes);

        var diagnostic = Assert.Single(scan.Diagnostics);
        Assert.Equal(("XC0003", DiagnosticSeverity.Info, notes), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.Path));
        Assert.Equal(0, scan.FileCount);
    }

    [Fact]
    public void A_walked_file_of_unknown_kind_is_skipped_quietly()
    {
        using var tree = new TempTree();
        tree.Write("README.md", "# guests\n\nThe guests of the web farm.\n");

        var scan = Scan(new TestFileSystem(), null, tree.Path);

        Assert.Empty(scan.Diagnostics);
        Assert.Single(scan.Skipped);
    }

    [Fact]
    public void A_named_grub2_config_is_reported_as_not_checked()
    {
        using var tree = new TempTree();
        var grub = tree.Write("grub.cfg", "menuentry 'Xen' {\n multiboot2 /xen.gz\n}\n");

        var scan = Scan(new TestFileSystem(), null, grub);

        var diagnostic = Assert.Single(scan.Diagnostics);
        Assert.Equal("XC0003", diagnostic.Id);
        Assert.Contains("GRUB 2", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_named_file_whose_name_says_nothing_is_reported_unread()
    {
        using var tree = new TempTree();
        var big = tree.Write("disk.img", new string('x', (int)RepositoryScanner.MaxSniffBytes + 1));
        var fileSystem = new TestFileSystem();

        var scan = Scan(fileSystem, null, big);

        var diagnostic = Assert.Single(scan.Diagnostics);
        Assert.Equal("XC0003", diagnostic.Id);
        Assert.Contains("--kind", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(fileSystem.Opened);
    }

    [Fact]
    public void A_forced_kind_applies_to_named_files_only()
    {
        using var tree = new TempTree();
        var named = tree.Write("named.txt", "just words\n");
        tree.Write("walked/other.txt", "just words\n");

        var scan = Scan(new TestFileSystem(), new RepositoryScanOptions { NamedFileKind = FileKind.Fstab }, named, tree["walked"]);

        Assert.Empty(scan.Diagnostics);
        Assert.Equal([(named, FileKind.Fstab)], scan.Other);
        Assert.Single(scan.Skipped);
    }

    [Fact]
    public void An_fstab_of_uuid_sources_without_a_telling_name_is_found_by_content()
    {
        using var tree = new TempTree();
        var fstab = tree.Write("myfstab", "UUID=1234-5678 / ext4 defaults 0 1\nUUID=abcd /home ext4 defaults 0 2\n");

        var scan = Scan(new TestFileSystem(), null, fstab);

        Assert.Empty(scan.Diagnostics);
        Assert.Equal([(fstab, FileKind.Fstab)], scan.Other);
    }

    [Fact]
    public void A_missing_named_path_is_a_usage_error()
    {
        using var tree = new TempTree();

        Assert.Throws<FileNotFoundException>(() => Scan(new TestFileSystem(), null, tree["nothing-here"]));
    }
}
