using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary><c>set</c> for idempotent tools: changed/unchanged, --check, --diff.</summary>
public class SetResultTests
{
    private const string Config = "# web\nname = 'web01'\nmemory = 512\nvcpus = 2\n";

    [Fact]
    public void Set_prints_changed_when_it_writes_and_unchanged_when_the_value_is_already_that()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Config);

        var first = CliRunner.Run("set", path, "memory", "1024");
        var second = CliRunner.Run("set", path, "memory", "1024");

        Assert.Equal((0, "changed\n", ""), (first.ExitCode, first.Stdout, first.Stderr));
        Assert.Equal((0, "unchanged\n", ""), (second.ExitCode, second.Stdout, second.Stderr));
    }

    [Fact]
    public void Set_check_exits_1_and_says_would_change_without_touching_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Config);
        var written = File.GetLastWriteTimeUtc(path);

        var result = CliRunner.Run("set", "--check", path, "memory", "1024");

        Assert.Equal((1, "would change\n"), (result.ExitCode, result.Stdout));
        Assert.Equal(Config, File.ReadAllText(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData("memory", "512")]
    [InlineData("name", "web01")]
    public void Set_check_exits_0_and_says_unchanged_when_the_value_is_already_that(string key, string value)
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Config);

        var result = CliRunner.Run("set", path, key, value, "--check");

        Assert.Equal((0, "unchanged\n"), (result.ExitCode, result.Stdout));
        Assert.Equal(Config, File.ReadAllText(path));
    }

    [Fact]
    public void Set_check_works_on_fstab_and_grub_too()
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n");

        Assert.Equal(0, CliRunner.Run("set", "--check", fstab, "/.options", "defaults").ExitCode);
        Assert.Equal(1, CliRunner.Run("set", "--check", fstab, "/.options", "noatime").ExitCode);
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1\n", File.ReadAllText(fstab));
    }

    [Fact]
    public void Set_diff_prints_a_unified_diff_of_the_change_then_changed()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Config);

        var result = CliRunner.Run("set", "--diff", path, "memory", "1024");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            $"--- {path}\n+++ {path}\n@@ -1,4 +1,4 @@\n # web\n name = 'web01'\n-memory = 512\n+memory = 1024\n vcpus = 2\nchanged\n",
            result.Stdout);
        Assert.Contains("memory = 1024", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_check_diff_shows_what_would_change_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Config);

        var result = CliRunner.Run("set", "--check", "--diff", path, "maxmem", "2048");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"--- {path}\n+++ {path}\n@@ -2,3 +2,4 @@\n name = 'web01'\n memory = 512\n vcpus = 2\n+maxmem = 2048\nwould change\n", result.Stdout);
        Assert.Equal(Config, File.ReadAllText(path));
    }

    [Fact]
    public void Set_diff_of_no_change_prints_no_diff()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Config);

        Assert.Equal("unchanged\n", CliRunner.Run("set", "--diff", path, "vcpus", "2").Stdout);
    }

    [Theory]
    [InlineData("a\nb\nc\n", "a\nB\nc\n", "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")]
    [InlineData("a", "b", "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n")]
    [InlineData("", "x\n", "@@ -0,0 +1 @@\n+x\n")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\n6\n7\n8\n", "@@ -6,4 +6,3 @@\n 6\n 7\n 8\n-9\n")]
    public void Unified_diff_follows_diff_u(string before, string after, string hunk) =>
        Assert.Equal("--- a/f\n+++ b/f\n" + hunk, UnifiedDiff.Create(before, after, "f"));
}
