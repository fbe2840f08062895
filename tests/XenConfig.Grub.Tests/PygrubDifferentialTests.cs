using System.Globalization;
using XenConfig.Grub.Model;
using XenConfig.Grub.Pygrub;
using XenConfig.Testing;
using Xunit.Abstractions;

namespace XenConfig.Grub.Tests;

/// <summary>
/// Differential tests against pygrub's GrubConf.py (Debian xen-utils-4.17). For every menu, GRUB 0.97's reading (our
/// model) is compared with pygrub's: title, root, kernel, args, initrd, default, timeout. They must agree, except for
/// the deviations the spec lists (spec/grub.md section 10), and each such deviation must be reported by the warning
/// listed for it below. Separately, our port of pygrub's reading (which drives those warnings) must equal pygrub.
/// </summary>
public sealed class PygrubDifferentialTests(ITestOutputHelper output)
{
    /// <summary>
    /// The known pygrub deviations (spec section 10) by the field they change, and the diagnostic that reports each.
    /// Besides these, one normalization is applied to both sides: pygrub keeps tabs inside titles and arguments, GRUB
    /// shows tabs as spaces, so titles and arguments are compared with tabs turned into spaces and leading blanks
    /// trimmed. Trailing blanks are not trimmed: GRUB keeps them, pygrub strips them, a listed deviation (title, args).
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> ListedDeviations = new Dictionary<string, string>
    {
        // pygrub raises on (hd0,0,a), (hd1,a), (nd), a negative default, a '(' without ')'; or finds no entry at all.
        ["file"] = "XC4013",

        // Empty titles kept by pygrub (GRUB drops them), 'titlebar' taken as a title, titles inside continued lines.
        ["entries"] = "XC4014",

        // default 0x1, default 1 # x, default = 1, default swallowed by a comment ending in '\'.
        ["default"] = "XC4015",

        // timeout = 7, timeout 5s, timeout 0x10 (pygrub keeps the raw string).
        ["timeout"] = "XC4016",

        // title  =  Second (pygrub keeps the '=').
        ["title"] = "XC4017",

        // (0x80,1) read as disk 80; a continuation line 'root=...' read as a root command.
        ["root"] = "XC4018",

        // Tab between path and arguments, --type= / --no-mem-option taken as the path, continuation lines not joined.
        ["kernel"] = "XC4019",
        ["args"] = "XC4019",

        // initrd inside a continued or swallowed line.
        ["initrd"] = "XC4020",
    };

    private static readonly string[] PygrubIds = ["XC4013", "XC4014", "XC4015", "XC4016", "XC4017", "XC4018", "XC4019", "XC4020"];

    private static List<string> CorpusAndExamples()
    {
        var data = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus("grub")).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SpecExamples("grub"), "*.menu.lst").Concat(Directory.EnumerateFiles(RepositoryPaths.SpecExamples("grub"), "*.grub.conf")).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [SkippableFact]
    public void Every_corpus_file_and_example_agrees_with_pygrub_except_for_listed_deviations()
    {
        Oracles.Require(Oracles.Pygrub);
        var files = CorpusAndExamples();
        var texts = files.Select(f => File.ReadAllText(f)).ToList();
        var report = CheckAll(texts, files.Select(f => Path.GetFileName(f)).ToList());
        Assert.Equal(files.Count, report.Checked);
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Generated_menus_agree_with_pygrub_except_for_listed_deviations()
    {
        Oracles.Require(Oracles.Pygrub);
        var generator = new MenuGenerator(20261126);
        var texts = Enumerable.Range(0, 3000).Select(_ => generator.Next()).ToList();
        var report = CheckAll(texts, texts.Select((_, i) => "generated #" + i.ToString(CultureInfo.InvariantCulture)).ToList());
        Assert.Equal(3000, report.Checked);

        // The generator must actually reach both outcomes, or the test proves little. (About a quarter agree exactly
        // since trailing blanks, which the generator writes often, count as the listed title/args deviation.)
        Assert.True(report.Exact > 500, $"only {report.Exact} generated menus agree exactly");
        Assert.True(report.ByDeviation.Count >= 7, "generated menus exercise too few deviations: " + string.Join(", ", report.ByDeviation.Keys));
    }

    [SkippableFact]
    public void Known_example_deviations_are_the_ones_the_spec_lists()
    {
        Oracles.Require(Oracles.Pygrub);
        var expected = new Dictionary<string, string[]>
        {
            ["G04-equals-separators.menu.lst"] = ["timeout", "title"],
            ["G05-comments-hash-in-args.menu.lst"] = ["default"],
            ["G06-empty-title-shifts-index.menu.lst"] = ["entries"],
            ["G09-backslash-continuation.menu.lst"] = ["args", "root"],
            ["G10-comment-continuation.menu.lst"] = ["default"],
            ["G14-tabs-whitespace.menu.lst"] = ["args", "kernel", "title"],
            ["G17-device-syntax.menu.lst"] = ["file"],
            ["G20-title-edge-cases.menu.lst"] = ["entries"],
            ["G21-no-entries.menu.lst"] = ["file"],
            ["G24-numbers.menu.lst"] = ["default", "timeout"],
            ["G25-kernel-options.menu.lst"] = ["args", "kernel"],
        };
        var folder = RepositoryPaths.SpecExamples("grub");
        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(n => n!.EndsWith(".menu.lst", StringComparison.Ordinal) || n.EndsWith(".grub.conf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var results = Oracles.Pygrub.Run(names.Select(n => File.ReadAllText(Path.Combine(folder, n!))).ToList());
        for (var i = 0; i < names.Count; i++)
        {
            var document = GrubMenuDocument.Parse(File.ReadAllText(Path.Combine(folder, names[i]!)));
            var fields = Differences(document, results[i]);
            Assert.Equal(expected.GetValueOrDefault(names[i]!, []), fields.Order(StringComparer.Ordinal).ToArray());
        }
    }

    [SkippableFact]
    public void Disk_spellings_the_one_pass_readers_decide_between_read_as_pygrub_reads_them()
    {
        // GRUB's and pygrub's (hdN,M) readers take the usual spelling in one pass and hand the rest to the full
        // scanners: both sides of that choice, as root lines, against pygrub itself.
        Oracles.Require(Oracles.Pygrub);
        string[] disks = ["(hd0,1)", "(hd0", "(hd3)", "(hd00,007)", "(sd2,5)", "(hd1234567890,1)", "(hd0,msdos2)", "(hd0, 1)", "hd1,2", "(/dev/xvdb)", "(hd0,1,a)", "(hd12,34)"];
        var texts = disks.Select(d => $"default 0\ntitle t\nroot {d}\nkernel /vmlinuz ro\ninitrd /initrd.img\n").ToList();
        var results = Oracles.Pygrub.Run(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(Describe(results[i]), Emulate(texts[i]));
        }
    }

    [SkippableFact]
    public void Kernel_and_initrd_device_prefixes_agree_with_pygrub_except_for_listed_deviations()
    {
        // The entry check reads each kernel's file, arguments and device-free path and each initrd's device-free path
        // once, and the pygrub comparison takes them from there; pygrub reads a prefix only to fail on it. Prefixes
        // both read, ones only pygrub reads ((hd0,300): GRUB's partitions end at 254, so GRUB's path is the whole
        // file), options before the file, and an entry's last initrd line after another.
        Oracles.Require(Oracles.Pygrub);
        string[] prefixes = ["(hd0,1)", "(hd0)", "(hd0,300)", "(hd0,msdos2)", "(0x80,1)", "(hd00,007)", "(hd1234567890,1)", "(nd)", "(hd0,1,a)", ""];
        var texts = new List<string>();
        foreach (var prefix in prefixes)
        {
            texts.Add($"default 0\ntitle t\nroot (hd0,1)\nkernel {prefix}/vmlinuz ro quiet\ninitrd {prefix}/initrd.img\n");
            texts.Add($"default 0\ntitle t\nkernel --type=linux {prefix}/vmlinuz ro\ninitrd /first.img\ninitrd {prefix}/initrd.img\n");
            texts.Add($"default 0\ntitle t\nroot {prefix}\nkernel {prefix}/vmlinuz\ninitrd {prefix}/initrd.img\ninitrd /last.img\n");
        }

        var results = Oracles.Pygrub.Run(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(Describe(results[i]), Emulate(texts[i]));
        }

        var report = CheckAll(texts, texts.Select((_, i) => "prefix #" + i.ToString(CultureInfo.InvariantCulture)).ToList());
        Assert.Equal(texts.Count, report.Checked);
    }

    private sealed record Report(int Checked, int Exact, Dictionary<string, int> ByDeviation);

    private Report CheckAll(IReadOnlyList<string> texts, IReadOnlyList<string> names)
    {
        var results = Oracles.Pygrub.Run(texts);
        Assert.Equal(texts.Count, results.Count);
        var exact = 0;
        var byDeviation = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var document = GrubMenuDocument.Parse(texts[i]);
            var pygrub = results[i];
            var emulation = Emulate(texts[i]);
            if (emulation != Describe(pygrub))
            {
                failures.Add($"{names[i]}: our port of pygrub reads\n{emulation}\nbut pygrub reads\n{Describe(pygrub)}\n--- menu:\n{texts[i]}");
                continue;
            }

            var ids = document.Diagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var fields = Differences(document, pygrub);
            if (fields.Count == 0)
            {
                exact++;
                var stray = document.Diagnostics.Where(d => PygrubIds.Contains(d.Id)).ToList();
                if (stray.Count > 0)
                {
                    failures.Add($"{names[i]}: GRUB and pygrub agree but we warn: {string.Join("; ", stray)}\n--- menu:\n{texts[i]}");
                }

                continue;
            }

            foreach (var field in fields)
            {
                byDeviation[field] = byDeviation.GetValueOrDefault(field) + 1;
                if (!ids.Contains(ListedDeviations[field]))
                {
                    failures.Add($"{names[i]}: GRUB and pygrub differ in '{field}' but {ListedDeviations[field]} is not reported. Diagnostics: {string.Join("; ", document.Diagnostics)}\npygrub: {Describe(pygrub)}\n--- menu:\n{texts[i]}");
                }
            }
        }

        output.WriteLine($"pygrub agreement: {exact}/{texts.Count} identical, {texts.Count - exact} with listed deviations only; failures {failures.Count}");
        foreach (var (field, count) in byDeviation.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  deviation {field} ({ListedDeviations[field]}): {count}");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)) + $"\n\n({failures.Count} failures)");
        return new Report(texts.Count, exact, byDeviation);
    }

    /// <summary>The fields in which GRUB's reading (our public model) and pygrub's differ.</summary>
    private static List<string> Differences(GrubMenuDocument document, PygrubResult pygrub)
    {
        var fields = new List<string>();
        if (pygrub.Error is not null || pygrub.Images.Count == 0)
        {
            fields.Add("file");
            return fields;
        }

        var menu = GrubMenu.FromDocument(document);
        var pyTimeout = pygrub.Timeout is null ? null
            : int.TryParse(pygrub.Timeout, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var t) ? (t == -1 ? null : t.ToString(CultureInfo.InvariantCulture))
            : "invalid";
        if (pyTimeout != menu.Timeout?.ToString(CultureInfo.InvariantCulture))
        {
            fields.Add("timeout");
        }

        if (menu.Entries.Count != pygrub.Images.Count)
        {
            fields.Add("entries");
            return fields;
        }

        if (menu.DefaultEntryIndex != pygrub.Boot)
        {
            fields.Add("default");
        }

        for (var i = 0; i < menu.Entries.Count; i++)
        {
            var entry = menu.Entries[i];
            var image = pygrub.Images[i];
            if (Normalize(entry.Title) != Normalize(image.Title))
            {
                fields.Add("title");
            }

            var root = entry.Root is null ? null
                : entry.RootDevice is { BsdSlice: null } device ? (device.Partition is { } p ? $"d{device.Drive}p{p}" : $"d{device.Drive}")
                : "invalid";
            if (root != image.Root)
            {
                fields.Add("root");
            }

            if ((entry.Kernel is null ? null : PathOf(entry.Kernel.Path)) != image.Kernel)
            {
                fields.Add("kernel");
            }

            // GRUB passes the kernel line's trailing blanks on (after the path when there are no arguments); pygrub never.
            var grubEndsInBlank = entry.Kernel?.Line.Argument is [.., ' ' or '\t'];
            var pygrubEndsInBlank = (image.Args ?? image.Kernel) is [.., ' ' or '\t'];
            if (NullIfEmpty(Normalize(entry.Kernel?.ArgumentsText)) != NullIfEmpty(Normalize(image.Args)) || grubEndsInBlank != pygrubEndsInBlank)
            {
                fields.Add("args");
            }

            if ((entry.Initrd is null ? null : PathOf(entry.Initrd)) != image.Initrd)
            {
                fields.Add("initrd");
            }
        }

        return fields.Distinct().ToList();
    }

    private static string? PathOf(string file) => GrubDevice.TrySplitPath(file, out _, out var path) ? path : file;

    // Leading blanks only: trailing blanks GRUB keeps and pygrub strips are a listed deviation (title, args).
    private static string? Normalize(string? text) => text?.Replace('\t', ' ').TrimStart(' ');

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Describe(PygrubResult result) => result.Error is not null
        ? "error"
        : $"default={result.Boot} timeout={result.Timeout ?? "-1"}\n" + string.Join("\n", result.Images.Select(i => $"[{i.Title}|{i.Root}|{i.Kernel}|{i.Args}|{i.Initrd}]"));

    // The reading the comparison uses: over the document's lines.
    private static string Emulate(string text)
    {
        using var reading = PygrubReading.Read(GrubMenuDocument.Parse(text).LineTable);
        return reading.Error is not null
            ? "error"
            : $"default={reading.BootIndex} timeout={reading.Timeout ?? "-1"}\n" + string.Join("\n", Enumerable.Range(0, reading.ImageCount).Select(reading.GetImage).Select(i => $"[{i.Title}|{i.Root}|{i.Kernel}|{i.Args}|{i.Initrd}]"));
    }
}
