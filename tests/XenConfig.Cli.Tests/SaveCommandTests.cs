using System.Text;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>How <c>set</c> and <c>fmt</c> save: through links, never over someone else's change, never splitting hard links.</summary>
public sealed class SaveCommandTests
{
    private const string Guest = "name = 'web01'\nmemory = 512\nvcpus = 1\n";

    [SkippableFact]
    public void Set_through_a_symbolic_link_changes_the_target_and_the_link_stays_a_link()
    {
        using var folder = new TempFolder();
        var target = folder.Write("store/web01.cfg", Guest);
        var link = Path.Combine(folder.Path, "web01.cfg");
        File.CreateSymbolicLink(link, "store/web01.cfg");

        var result = CliRunner.Run("set", link, "memory", "2048");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("store/web01.cfg", new FileInfo(link).LinkTarget);
        Assert.Equal("name = 'web01'\nmemory = 2048\nvcpus = 1\n", File.ReadAllText(target));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Set_on_a_read_only_file_exits_1_with_XC0013_and_force_overrides_it()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Guest);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var refused = CliRunner.Run("set", path, "memory", "2048");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error XC0013:", refused.Stderr);
        Assert.Contains("read-only", refused.Stderr);
        Assert.Equal(Guest, File.ReadAllText(path));

        Assert.Equal(0, CliRunner.Run("set", "--force", path, "memory", "2048").ExitCode);
        Assert.Contains("memory = 2048", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [SkippableFact]
    public void Fmt_on_a_hard_linked_file_exits_1_with_XC0013_and_force_writes_both_links()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "hard links are checked on Linux");
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", "name='web01';memory=512\n");
        var other = Path.Combine(folder.Path, "web01.hardlink.cfg");
        using (var ln = System.Diagnostics.Process.Start("ln", [path, other]))
        {
            ln.WaitForExit();
        }

        var refused = CliRunner.Run("fmt", path);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error XC0013:", refused.Stderr);
        Assert.Contains("hard links", refused.Stderr);
        Assert.Equal("name='web01';memory=512\n", File.ReadAllText(other));

        Assert.Equal(0, CliRunner.Run("fmt", "--force", path).ExitCode);
        Assert.Equal("name = 'web01'\nmemory = 512\n", File.ReadAllText(other));
    }

    [Fact]
    public void Two_concurrent_sets_on_one_file_never_lose_a_change_over_20_rounds()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Guest);
        for (var round = 1; round <= 20; round++)
        {
            var results = new CliRunner.Result[2];
            string[] keys = ["memory", "vcpus"];
            using var start = new Barrier(2);
            var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = CliRunner.Run("set", path, keys[i], (1000 + round).ToString(System.Globalization.CultureInfo.InvariantCulture));
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            var text = File.ReadAllText(path);
            for (var i = 0; i < 2; i++)
            {
                if (results[i].ExitCode == 0)
                {
                    Assert.Contains($"{keys[i]} = {1000 + round}\n", text);
                }
                else
                {
                    Assert.Equal(1, results[i].ExitCode);
                    Assert.Contains("error XC0013:", results[i].Stderr);
                    Assert.Contains("changed since it was read", results[i].Stderr);
                }
            }

            Assert.Contains(results, r => r.ExitCode == 0);
        }

        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Set_on_a_latin1_file_refuses_a_character_latin1_cannot_hold_instead_of_writing_a_question_mark()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "web01.cfg");
        var bytes = Encoding.Latin1.GetBytes("name = 'caf\u00e9'\nmemory = 512\n");
        File.WriteAllBytes(path, bytes);

        var refused = CliRunner.Run("set", path, "name", "caf\u00e9-\u20ac");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("U+20AC", refused.Stderr);
        Assert.Equal(bytes, File.ReadAllBytes(path));

        Assert.Equal(0, CliRunner.Run("set", path, "name", "caf\u00e9-2").ExitCode);
        Assert.Equal(Encoding.Latin1.GetBytes("name = 'caf\u00e9-2'\nmemory = 512\n"), File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("1;name='evil'", "name='evil'")]
    [InlineData("1024 # c", "# c")]
    [InlineData("1 2", "left over: '2'")]
    public void Set_takes_exactly_one_xl_value_and_names_what_was_left_over(string value, string leftOver)
    {
        using var folder = new TempFolder();
        var path = folder.Write("web01.cfg", Guest);

        var result = CliRunner.Run("set", path, "memory", value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("left over", result.Stderr);
        Assert.Contains(leftOver, result.Stderr);
        Assert.Equal(Guest, File.ReadAllText(path));
    }

    [Fact]
    public void Set_of_a_grub_argument_ending_in_a_backslash_is_refused_and_keeps_the_initrd_line()
    {
        using var folder = new TempFolder();
        const string Menu = "default 0\ntitle Debian\n\tkernel /vmlinuz root=/dev/xvda1 ro\n\tinitrd /initrd.img\n";
        var path = folder.Write("menu.lst", Menu);

        var result = CliRunner.Run("set", path, "entries[0].kernel.args.ro", "a\\");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("backslash", result.Stderr);
        Assert.Equal(Menu, File.ReadAllText(path));
    }
}
