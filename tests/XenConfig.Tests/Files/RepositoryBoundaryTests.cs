using XenConfig.Diagnostics;
using XenConfig.Files;
using XenConfig.Text;

namespace XenConfig.Tests.Files;

/// <summary>Reading through the boundary: inside only (links resolved), regular files only, never the content of a refused file.</summary>
public sealed class RepositoryBoundaryTests
{
    private const string Secret = "GITHUB_TOKEN=ghp_0123456789abcdef";

    private static readonly SourceLocation Reference = SourceLocation.None("repo/web.vm.yaml");

    [Fact]
    public void A_file_inside_is_read_with_the_path_it_was_named_by()
    {
        using var tree = new TempTree();
        var config = tree.Write("g/g.cfg", "name = \"g\"\n");
        var boundary = new RepositoryBoundary([tree.Path]);

        Assert.True(boundary.TryRead(config, null, "domain config", out var text, out _));
        Assert.Equal(("name = \"g\"\n", config), (text.Content, text.Path));
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("dotdot")]
    [InlineData("link")]
    [InlineData("link-in-the-middle")]
    public void A_file_outside_is_refused_at_the_reference_without_its_content(string how)
    {
        using var outside = new TempTree();
        var secret = outside.Write("secret.cfg", Secret + "\n");
        using var tree = new TempTree();
        Directory.CreateSymbolicLink(tree["escape"], outside.Path);
        var path = how switch
        {
            "absolute" => secret,
            "dotdot" => Path.Combine(tree.Path, Path.GetRelativePath(tree.Path, secret)),
            "link" => tree.Link("g.cfg", secret),
            _ => tree["escape/secret.cfg"],
        };
        var fileSystem = new TestFileSystem();
        var boundary = new RepositoryBoundary([tree.Path], fileSystem, confined: true);

        Assert.False(boundary.TryRead(path, Reference, "domain config", out _, out var problem));

        Assert.Equal(("XC0010", DiagnosticSeverity.Error, Reference), (problem.Id, problem.Severity, problem.Location));
        Assert.DoesNotContain("ghp_", problem.Message, StringComparison.Ordinal);
        Assert.Empty(fileSystem.Opened);
    }

    [SkippableFact]
    public void Proc_self_environ_is_outside_any_repository()
    {
        Skip.IfNot(File.Exists("/proc/self/environ"), "needs /proc");
        using var tree = new TempTree();
        var fileSystem = new TestFileSystem();
        var boundary = new RepositoryBoundary([tree.Path], fileSystem, confined: true);

        Assert.False(boundary.TryRead("/proc/self/environ", Reference, "domain config", out _, out var problem));

        Assert.Equal("XC0010", problem.Id);
        Assert.DoesNotContain("PATH=", problem.Message, StringComparison.Ordinal);
        Assert.Empty(fileSystem.Opened);
    }

    [Fact]
    public void A_folder_named_as_allowed_may_be_read_from_outside()
    {
        using var outside = new TempTree();
        var config = outside.Write("xen/web.cfg", "name = \"web\"\n");
        using var tree = new TempTree();

        var boundary = new RepositoryBoundary([tree.Path, outside["xen"]]);

        Assert.True(boundary.TryRead(config, Reference, "domain config", out var text, out _));
        Assert.Equal("name = \"web\"\n", text.Content);
    }

    [SkippableFact]
    public void A_fifo_is_refused_unopened_and_is_an_error_when_a_definition_names_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are told from files by statx, on Linux");
        using var tree = new TempTree();
        var pipe = tree.Fifo("pipe.cfg");
        var fileSystem = new TestFileSystem();
        var boundary = new RepositoryBoundary([tree.Path], fileSystem, confined: true);

        Assert.False(boundary.TryRead(pipe, Reference, "domain config", out _, out var named));
        Assert.False(boundary.TryRead(pipe, null, "file", out _, out var met));

        Assert.Equal(("XC0011", DiagnosticSeverity.Error), (named.Id, named.Severity));
        Assert.Equal(("XC0011", DiagnosticSeverity.Warning), (met.Id, met.Severity));
        Assert.Empty(fileSystem.Opened);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_unread()
    {
        using var tree = new TempTree();
        var big = tree.Write("big.cfg", new string('#', 2000));
        var fileSystem = new TestFileSystem();
        var boundary = new RepositoryBoundary([tree.Path], fileSystem, confined: true) { MaxFileBytes = 1000 };

        Assert.False(boundary.TryRead(big, null, "file", out _, out var problem));

        Assert.Equal("XC0002", problem.Id);
        Assert.Empty(fileSystem.Opened);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_diagnostic_not_an_exception()
    {
        using var tree = new TempTree();
        var locked = tree.Write("g.cfg", "name = \"g\"\n");
        var fileSystem = new TestFileSystem();
        fileSystem.UnreadableFiles.Add(locked);
        var boundary = new RepositoryBoundary([tree.Path], fileSystem, confined: true);

        Assert.False(boundary.TryRead(locked, null, "file", out _, out var problem));

        Assert.Equal(("XC0001", locked), (problem.Id, problem.Location.Path));
    }

    [Fact]
    public void A_missing_file_is_xc0001_at_the_reference()
    {
        using var tree = new TempTree();
        var boundary = new RepositoryBoundary([tree.Path]);

        Assert.False(boundary.TryRead(tree["none.cfg"], Reference, "domain config", out _, out var problem));

        Assert.Equal(("XC0001", Reference), (problem.Id, problem.Location));
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unconfined_reads_anywhere_but_still_refuses_what_is_no_file()
    {
        using var tree = new TempTree();
        var config = tree.Write("g.cfg", "name = \"g\"\n");

        Assert.True(RepositoryBoundary.Unconfined.TryRead(config, null, "file", out _, out _));
        Assert.False(RepositoryBoundary.Unconfined.TryRead(tree.Path, null, "file", out _, out var folder));
        Assert.Equal("XC0001", folder.Id);
    }

    [Fact]
    public void A_link_followed_by_dotdot_resolves_where_the_kernel_goes()
    {
        using var tree = new TempTree();
        tree.Folder("deep/inner");
        Directory.CreateSymbolicLink(tree["up"], tree["deep/inner"]);

        var resolved = RealPath.Resolve(PhysicalFileSystem.Instance, tree["up"] + "/../x");

        Assert.Equal(RealPath.Resolve(PhysicalFileSystem.Instance, tree["deep/x"]), resolved);
    }

    [Fact]
    public void A_link_loop_cannot_be_resolved()
    {
        using var tree = new TempTree();
        tree.Link("a", "b");
        tree.Link("b", "a");

        Assert.Throws<IOException>(() => RealPath.Resolve(PhysicalFileSystem.Instance, tree["a"]));
    }

    [Theory]
    [InlineData("/repo", "/repo", true)]
    [InlineData("/repo/x", "/repo", true)]
    [InlineData("/repository/x", "/repo", false)]
    [InlineData("/x", "/", true)]
    [InlineData("/rep", "/repo", false)]
    public void Under_means_the_folder_itself_or_below_a_separator(string path, string folder, bool under)
    {
        Assert.Equal(under, RealPath.IsUnder(path, folder));
    }

    [Fact]
    public void The_table_of_folder_links_holds_the_folders_of_the_last_reads_not_one_per_folder_ever_read()
    {
        using var tree = new TempTree();
        var files = Enumerable.Range(0, 40).Select(index => tree.Write($"g{index}/g{index}.cfg", "name = \"g\"\n")).ToList();
        var boundary = new RepositoryBoundary([tree.Path], PhysicalFileSystem.Instance, confined: true) { FolderLinkReads = 10 };
        var above = tree.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;

        foreach (var file in files)
        {
            Assert.True(boundary.TryRead(file, null, "file", out _, out _));
            // The folders above the tree, and at most one guest folder per read since the table was last emptied.
            Assert.InRange(boundary.FolderLinkCount, 1, above + 10);
        }

        boundary.ForgetFolderLinks();
        Assert.Equal(0, boundary.FolderLinkCount);
    }
}
