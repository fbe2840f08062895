using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>The editing commands on every real config of the corpus.</summary>
public class CorpusCommandTests
{
    public static TheoryData<string> Configs() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xl"));

    [Theory]
    [MemberData(nameof(Configs))]
    public void Set_changes_exactly_one_line_and_get_reads_the_value_back(string file)
    {
        using var folder = new TempFolder();
        var original = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("xl"), file));
        var path = folder.Write("guest.cfg", original);

        var set = CliRunner.Run("set", path, "memory", "3072");

        Assert.Equal(0, set.ExitCode);
        var before = original.Split('\n');
        var after = File.ReadAllText(path).Split('\n');
        var hadMemory = DomainConfigDocument.Parse(original).Settings.ContainsKey("memory");
        if (hadMemory)
        {
            Assert.Equal(before.Length, after.Length);
            Assert.Single(before.Zip(after), pair => pair.First != pair.Second);
        }
        else
        {
            Assert.Equal(before.Length + 1, after.Length);
        }

        Assert.Equal("3072\n", CliRunner.Run("get", path, "memory").Stdout);
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Fmt_keeps_every_value_and_is_idempotent(string file)
    {
        using var folder = new TempFolder();
        var original = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("xl"), file));
        var path = folder.Write("guest.cfg", original);

        Assert.Equal(0, CliRunner.Run("fmt", path).ExitCode);
        var formatted = File.ReadAllText(path);

        Assert.Equal(0, CliRunner.Run("fmt", "--check", path).ExitCode);
        var before = DomainConfigDocument.Parse(original).Settings;
        var after = DomainConfigDocument.Parse(formatted).Settings;
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, s => Assert.Equal(s.Value.Value, after[s.Key].Value));
    }
}
