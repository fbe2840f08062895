using XenConfig.Domain;
using XenConfig.Fstab;
using XenConfig.Fstab.Model;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>
/// For xl configs and fstabs, as for GRUB menus: setting exactly what get prints changes no byte, over the whole corpus.
/// </summary>
public sealed class XlFstabGetSetTests
{
    /// <summary>The xl corpus files that parse without errors (set refuses to edit the others).</summary>
    public static TheoryData<string> XlConfigs()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xl")))
        {
            var document = DomainConfigDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("xl"), file)));
            if (!document.HasErrors)
            {
                data.Add(file);
            }
        }

        return data;
    }

    public static TheoryData<string> Fstabs() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("fstab"));

    /// <summary>Every key get prints for an fstab: each field of each entry, and each of its options by name.</summary>
    private static IEnumerable<string> FstabKeys(string text)
    {
        foreach (var entry in FstabFile.FromDocument(FstabDocument.Parse(text)).Entries)
        {
            foreach (var field in new[] { "source", "target", "fstype", "options", "freq", "passno" })
            {
                yield return $"{entry.MountPoint}.{field}";
            }

            foreach (var name in entry.Options.Where(o => o.Name.Length > 0).Select(o => o.Name).Distinct())
            {
                yield return $"{entry.MountPoint}.options.{name}";
            }
        }
    }

    [Theory]
    [MemberData(nameof(XlConfigs))]
    public void Setting_what_get_prints_for_an_xl_key_changes_no_byte(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("xl"), file));
        var keys = DomainConfigDocument.Parse(text).Settings.Keys;
        Assert.NotEmpty(keys);

        AssertNoByteChanges(Path.Combine(RepositoryPaths.Corpus("xl"), file), "cfg", "xl", keys);
    }

    [Theory]
    [MemberData(nameof(Fstabs))]
    public void Setting_what_get_prints_for_an_fstab_field_changes_no_byte(string file)
    {
        var keys = FstabKeys(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("fstab"), file))).ToList();

        AssertNoByteChanges(Path.Combine(RepositoryPaths.Corpus("fstab"), file), "fstab", "fstab", keys);
    }

    [Fact]
    public void A_value_that_starts_with_an_at_sign_is_a_value_not_a_response_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("fstab", "/dev/sda2 /home btrfs subvol=@home 0 0\n");

        var result = CliRunner.Run("set", path, "/home.options.subvol", "@snapshots");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/dev/sda2 /home btrfs subvol=@snapshots 0 0\n", File.ReadAllText(path));
    }

    private static void AssertNoByteChanges(string source, string name, string kind, IEnumerable<string> keys)
    {
        using var folder = new TempFolder();
        var original = File.ReadAllBytes(source);
        var path = folder.Write(name, "");
        File.WriteAllBytes(path, original);
        var changed = new List<string>();
        var checkedKeys = 0;
        foreach (var key in keys)
        {
            var get = CliRunner.Run("get", path, key, "--kind", kind);
            if (get.ExitCode != 0)
            {
                continue;
            }

            checkedKeys++;
            var value = get.Stdout[..^1];
            var set = CliRunner.Run("set", path, key, value, "--kind", kind);
            Assert.DoesNotContain("XC0009", set.Stderr, StringComparison.Ordinal);
            if (set.ExitCode != 0 || !File.ReadAllBytes(path).AsSpan().SequenceEqual(original))
            {
                changed.Add($"{key} = '{value}' (exit {set.ExitCode}: {set.Stderr.Trim()})");
                File.WriteAllBytes(path, original);
            }
        }

        Assert.Equal(keys.Any(), checkedKeys > 0);
        Assert.Empty(changed);
    }
}
