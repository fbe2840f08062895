using System.Globalization;
using XenConfig.Grub.Grub2;
using XenConfig.Testing;

namespace XenConfig.Grub.Tests;

/// <summary>
/// Differential tests of <see cref="Grub2Config"/> against pygrub's <c>GrubConf.Grub2ConfigFile</c> (Debian
/// xen-utils-4.17), which is what boots a PV guest from its GRUB 2 grub.cfg. For every config both must find the same
/// entries in the same order (submenus flattened), and for each the same title, <c>linux</c> kernel, its arguments and
/// <c>initrd</c>; and the same boot default and timeout.
/// </summary>
/// <remarks>
/// Two differences of representation are not differences of meaning and are mapped before comparing: pygrub splits a
/// leading GRUB device off a path (<c>(hd0,msdos1)/vmlinuz</c> is device + <c>/vmlinuz</c>) where we keep the path as
/// written; and pygrub turns its default into a number (<c>${saved_entry}</c>, <c>${next_entry}</c>, a title or
/// <c>1&gt;0</c> all become entry 0) where we keep the value as written. The places where pygrub departs from GRUB 2
/// itself are in <see cref="Pygrub_departures_from_grub2_are_read_as_grub2_reads_them"/>.
/// </remarks>
public sealed class Grub2PygrubDifferentialTests
{
    [SkippableFact]
    public void Every_grub2_corpus_file_and_example_agrees_with_pygrub()
    {
        Oracles.Require(Oracles.PygrubGrub2);
        var files = Directory.EnumerateFiles(RepositoryPaths.Corpus("grub2"))
            .Concat(Directory.EnumerateFiles(RepositoryPaths.SpecExamples("grub"), "*.grub.cfg"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var entries = CheckAll(files.Select(File.ReadAllText).ToList(), files.Select(Path.GetFileName).ToList()!);
        Assert.True(entries >= 15, $"only {entries} entries compared");
    }

    [SkippableFact]
    public void Generated_grub2_configs_agree_with_pygrub()
    {
        Oracles.Require(Oracles.PygrubGrub2);
        var generator = new Grub2Generator(20261206);
        var texts = Enumerable.Range(0, 500).Select(_ => generator.Next()).ToList();
        var entries = CheckAll(texts, texts.Select((_, i) => "generated #" + i.ToString(CultureInfo.InvariantCulture)).ToList());
        Assert.True(entries >= 1500, $"only {entries} entries compared");
    }

    [SkippableFact]
    public void Pygrub_departures_from_grub2_are_read_as_grub2_reads_them()
    {
        Oracles.Require(Oracles.PygrubGrub2);
        string[] texts =
        [
            // A `set default` inside a submenu runs when the submenu is entered, not at boot; pygrub takes it as the default.
            "set default=0\nsubmenu 'More' {\n  set default=1\n  menuentry 'A' {\n    linux /a\n  }\n}\n",

            // GRUB 2 removes quotes from words; pygrub keeps them in the kernel path.
            "menuentry 'A' {\n  linux \"/boot/vmlinuz\" ro\n}\n",

            // A path on the device named by a variable, ($root)/vmlinuz: pygrub refuses the whole file (its device
            // parser wants a number), GRUB 2 expands the variable.
            "menuentry 'A' {\n  linux ($root)/boot/vmlinuz ro\n}\n",
        ];
        var pygrub = Oracles.PygrubGrub2.Run(texts);

        var submenu = Grub2Config.Parse(texts[0]);
        Assert.Equal("0", submenu.Default);
        Assert.Equal("1", pygrub[0].Default);

        var quoted = Grub2Config.Parse(texts[1]);
        Assert.Equal("/boot/vmlinuz", quoted.Entries[0].Linux);
        Assert.Equal("\"/boot/vmlinuz\"", pygrub[1].Images[0].Kernel);

        var variableDevice = Grub2Config.Parse(texts[2]);
        Assert.Equal("($root)/boot/vmlinuz", variableDevice.Entries[0].Linux);
        Assert.NotNull(pygrub[2].Error);
    }

    /// <summary>Compares every text; returns the number of entries compared.</summary>
    private static int CheckAll(IReadOnlyList<string> texts, IReadOnlyList<string> names)
    {
        var results = Oracles.PygrubGrub2.Run(texts);
        Assert.Equal(texts.Count, results.Count);
        var failures = new List<string>();
        var entries = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var ours = Describe(Grub2Config.Parse(texts[i]));
            var theirs = Describe(results[i]);
            if (ours != theirs)
            {
                failures.Add($"{names[i]}: we read\n{ours}\nbut pygrub reads\n{theirs}\n--- grub.cfg:\n{texts[i]}");
            }

            entries += results[i].Images.Count;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {texts.Count} differ; the first:\n{failures.FirstOrDefault()}");
        return entries;
    }

    private static string Describe(Grub2Config config)
    {
        var lines = new List<string> { $"default {PygrubDefault(config.Default)}, timeout {config.Timeout ?? "-"}" };
        lines.AddRange(config.Entries.Select(e => $"'{e.Title}' linux {WithoutDevice(e.Linux) ?? "-"} args {e.LinuxArguments ?? "-"} initrd {WithoutDevice(e.Initrd) ?? "-"}"));
        return string.Join('\n', lines);
    }

    private static string Describe(PygrubResult result)
    {
        if (result.Error is not null)
        {
            return "pygrub refuses the file: " + result.Error;
        }

        var lines = new List<string> { $"default {result.Default}, timeout {result.Timeout ?? "-"}" };
        lines.AddRange(result.Images.Select(i => $"'{i.Title}' linux {i.Kernel ?? "-"} args {i.Args ?? "-"} initrd {i.Initrd ?? "-"}"));
        return string.Join('\n', lines);
    }

    /// <summary>The entry number pygrub makes of a default as written: a plain number, else 0.</summary>
    private static string PygrubDefault(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : "0";

    /// <summary>A path without its leading GRUB device, as pygrub's <c>get_path</c> splits it.</summary>
    private static string? WithoutDevice(string? path) =>
        path is ['(', ..] && path.IndexOf(')', StringComparison.Ordinal) is var close and >= 0 ? path[(close + 1)..] : path;
}
