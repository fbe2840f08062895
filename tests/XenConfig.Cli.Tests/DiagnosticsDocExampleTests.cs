using FluentValidation;
using System.Text.Json;
using System.Text.RegularExpressions;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Testing;
using XenConfig.Validation;

namespace XenConfig.Cli.Tests;

/// <summary>
/// docs/diagnostics.md cannot drift from the code: every Bad example is run through the command that fits its file
/// kind (validate, as on a repository; convert for the conversion ids) and must produce its id; every Fixed example
/// must not. (That every declared id is documented, and every documented id declared, is DiagnosticsDocTests'.)
/// </summary>
public sealed partial class DiagnosticsDocExampleTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryPaths.InRepository("docs", "diagnostics.md"));

    /// <summary>Ids no file content can show, and why; their examples are shell transcripts.</summary>
    private static readonly Dictionary<string, string> NotShownByAFile = new(StringComparer.Ordinal)
    {
        ["XC0001"] = "the file's permissions (or an I/O error), not its content, make it unreadable",
        ["XC0002"] = "only a file larger than the 32 MiB limit shows it",
        ["XC0003"] = "it is about the name of a file given on the command line, which a code block does not carry",
        ["XC0009"] = "an internal failure: no input is meant to produce it",
        ["XC0011"] = "it is about a FIFO, device or socket, not a file",
        ["XC0012"] = "it is about a symbolic link or mount reaching a folder twice",
        ["XC0013"] = "a save is refused for what happened to the file (changed since read, read-only, hard links), not for its content",
        ["XC0014"] = "only a file with more than 100 diagnostics shows it, too long for an example (BoundedCostTests and DiagnosticCapTests cover it)",
        ["XC0015"] = "it is about what a command was asked to do (an option, a value given to set), not about a file",
        ["XC0016"] = "it is about the key given to get, not about a file",
        ["XC0017"] = "fmt reports it, not validate (FmtCommandTests cover it)",
    };

    /// <summary>
    /// Examples of bytes a markdown code block cannot hold, written in words in the doc; each is decoded here into the
    /// bytes it describes (only for its id), so these examples run too.
    /// </summary>
    private static readonly Dictionary<string, Func<string, string>> ByteNotation = new(StringComparer.Ordinal)
    {
        // name = "web01"\r\n   (CRLF line ending)  /  name = "web01"\n     (LF line ending)
        ["XC1006"] = text => LineEndingNote().Replace(text, m => m.Groups["ending"].Value == "\\r\\n" ? "\r\n" : "\n"),
        ["XC1007"] = text => text.Replace("\\xEF\\xBB\\xBF", "\uFEFF", StringComparison.Ordinal),
        ["XC1008"] = text => text.Replace(" (no line break after this line)\n", "", StringComparison.Ordinal),
        ["XC1011"] = text => DeepListNote().Replace(text, _ => new string('[', 20_000) + " \"0\" " + new string(']', 20_000)),
        ["XC1012"] = text => text.Replace("\\0", "\0", StringComparison.Ordinal),
        ["XC1015"] = text => Regex.Replace(text, @"   \(last byte of the file, no line break[^)]*\)\n", ""),
        ["XC3004"] = text => text.Replace("\\0", "\0", StringComparison.Ordinal),
        ["XC4006"] = text => text.Replace("<1600 characters of options>", string.Join(' ', Enumerable.Repeat("quiet", 320)), StringComparison.Ordinal),
    };

    /// <summary>Ids whose fix is a command-line option rather than a changed file, and why.</summary>
    private static readonly Dictionary<string, string> FixedByACommandLine = new(StringComparer.Ordinal)
    {
        ["XC0010"] = "the fix is --allow-outside naming the folder; the definition stays as it is",
        ["XC0007"] = "the fix is writing the baseline again with --write-baseline",
    };

    private const string SettingsFile = ".xenconfig.yaml";

    private const string BaselineFile = "xenconfig-baseline.json";

    public static TheoryData<string> DocumentedIds => [.. Sections().Keys];

    [Theory]
    [MemberData(nameof(DocumentedIds))]
    public void The_bad_example_produces_its_id_and_the_fixed_example_does_not(string id)
    {
        var (bad, fixedPart) = Sections()[id];
        if (NotShownByAFile.TryGetValue(id, out var why))
        {
            Assert.True(Blocks(bad).Count == 0 && Blocks(fixedPart).Count == 0,
                $"{id} is listed as not shown by a file ({why}), but its example has a file: run it instead of exempting it");
            return;
        }

        var decode = ByteNotation.GetValueOrDefault(id, text => text);
        var badBlock = Single(id, "Bad", Blocks(bad));
        var badFiles = Files(badBlock with { Text = decode(badBlock.Text) }, baseFiles: null);
        var badIds = Run(id, badFiles);
        Assert.True(badIds.Contains(id), $"{id}: the Bad example in docs/diagnostics.md does not produce {id}; it produces [{string.Join(", ", badIds.Order())}]");

        if (FixedByACommandLine.ContainsKey(id))
        {
            Assert.Empty(Blocks(fixedPart));
            return;
        }

        var fixedBlock = Single(id, "Fixed", Blocks(fixedPart));
        var fixedIds = Run(id, Files(fixedBlock with { Text = decode(fixedBlock.Text) }, badFiles));
        Assert.False(fixedIds.Contains(id), $"{id}: the Fixed example in docs/diagnostics.md still produces {id}");
    }

    [Fact]
    public void Exemptions_name_documented_ids() =>
        Assert.All(NotShownByAFile.Keys.Concat(ByteNotation.Keys).Concat(FixedByACommandLine.Keys), id => Assert.Contains(id, Sections().Keys));

    // The ids one example reports: validate (every rule set) on the folder, convert --to xl for xm configs and domain
    // XML, convert --to yaml for xl configs with a conversion id, convert --to libvirt for the libvirt conversion ids.
    private static HashSet<string> Run(string id, Dictionary<string, ExampleFile> files)
    {
        using var folder = new TempFolder();
        foreach (var (path, file) in files)
        {
            folder.Write(path, file.Content);
        }

        // One file is checked as the kind its block says (as --kind does); several files as a repository.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string[] target = files.Count == 1 && files.Single().Value.Kind is { } kind
            ? [Path.Combine(folder.Path, files.Keys.Single()), "--kind", kind]
            : [folder.Path];
        // A baseline is read only when --baseline names it; one it cannot trust stops validate (exit 2) before any check.
        var baseline = files.Keys.FirstOrDefault(p => p.EndsWith(BaselineFile, StringComparison.Ordinal));
        string[] withBaseline = baseline is null ? [] : ["--baseline", Path.Combine(folder.Path, baseline)];
        var validate = CliRunner.Run(["validate", .. target, "--strict", "--format", "json", .. withBaseline]);
        if (baseline is not null && validate.ExitCode == 2)
        {
            ids.UnionWith(Reported(validate));
            return ids;
        }

        Assert.True(validate.ExitCode is 0 or 1, $"{id}: validate exited {validate.ExitCode}: {validate.Stderr}");
        using (var json = JsonDocument.Parse(validate.Stdout))
        {
            ids.UnionWith(json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!));
        }

        foreach (var (path, file) in files)
        {
            var full = Path.Combine(folder.Path, path);
            if (file.Language == "grub")
            {
                // The pygrub checks (XC4013-XC4020) are for guest menus: the same menu again, beside a guest that boots with pygrub.
                using var guest = new TempFolder();
                guest.Write("guest/menu.lst", file.Content);
                guest.Write("guest/guest.cfg", "name = \"guest\"\nbootloader = \"pygrub\"\ndisk = [ 'phy:/dev/vg0/guest,xvda,w' ]\n");
                using var json = JsonDocument.Parse(CliRunner.Run("validate", guest.Path, "--strict", "--format", "json").Stdout);
                ids.UnionWith(json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!));
            }

            if (file.Language == "ini")
            {
                // An ini block is an xl config: validate may read a file xl refuses but Python accepts as xm, so it
                // is also read as xl, the way `xenconfig validate` checks an xl config.
                ids.UnionWith(XlDiagnostics(file.Content, full));
            }

            if (path.EndsWith(".xml", StringComparison.Ordinal))
            {
                ids.UnionWith(Reported(CliRunner.Run("convert", full, "--to", "xl")));
            }
            else if (path.EndsWith(".cfg", StringComparison.Ordinal) && id.StartsWith("XC11", StringComparison.Ordinal) && file.Language == "python")
            {
                ids.UnionWith(Reported(CliRunner.Run("convert", full, "--kind", "xm", "--to", "xl")));
            }
            else if (path.EndsWith(".cfg", StringComparison.Ordinal) && id.StartsWith("XC11", StringComparison.Ordinal) && file.Language == "ini")
            {
                ids.UnionWith(Reported(CliRunner.Run("convert", full, "--to", "yaml")));
            }
            else if (path.EndsWith(".cfg", StringComparison.Ordinal) && id.StartsWith("XC7", StringComparison.Ordinal))
            {
                ids.UnionWith(Reported(CliRunner.Run("convert", full, "--to", "libvirt")));
            }
        }

        return ids;
    }

    private static IEnumerable<string> XlDiagnostics(string text, string path)
    {
        var document = DomainConfigDocument.Parse(text, path);
        var result = new DomainConfigValidator().Validate(DomainConfig.FromDocument(document), options => options.IncludeRuleSets([.. ValidationRuleSets.All]));
        return document.Diagnostics.Concat(result.ToDiagnostics()).Select(d => d.Id);
    }

    private static IEnumerable<string> Reported(CliRunner.Result result) =>
        ReportedPattern().Matches(result.Stderr).Select(m => m.Groups["id"].Value);

    private static (string Language, string Text) Single(string id, string side, List<(string Language, string Text)> blocks)
    {
        Assert.True(blocks.Count == 1, $"{id}: the {side} example needs exactly one file block (ini, python, fstab, grub, yaml, xml), it has {blocks.Count}");
        return blocks[0];
    }

    // A block is one file, or several after "# NAME" marker lines ("# cfg", "# fstab", "# web02.cfg", "# fstab
    // unchanged"). Each domain config gets a folder of its own (a guest); fstab and menu.lst go beside the first.
    private static Dictionary<string, ExampleFile> Files((string Language, string Text) block, Dictionary<string, ExampleFile>? baseFiles)
    {
        var parts = new List<(string Name, string Content, bool Unchanged)>();
        var lines = block.Text.Split('\n');
        if (MarkerPattern().Match(lines[0]) is { Success: true })
        {
            foreach (var line in lines)
            {
                if (MarkerPattern().Match(line) is { Success: true } marker)
                {
                    parts.Add((marker.Groups["name"].Value, "", marker.Groups["unchanged"].Success));
                }
                else
                {
                    parts[^1] = parts[^1] with { Content = parts[^1].Content + line + "\n" };
                }
            }
        }
        else
        {
            var name = block.Language switch
            {
                "ini" or "python" => "guest.cfg",
                "fstab" => "fstab",
                "grub" => "menu.lst",
                "yaml" => "guest.vm.yaml",
                "xml" => "domain.xml",
                "json" => BaselineFile,
                _ => throw new InvalidOperationException("no file kind for " + block.Language),
            };
            parts.Add((name, block.Text, false));
        }

        var files = new Dictionary<string, ExampleFile>(StringComparer.Ordinal);
        string? guestFolder = null;
        foreach (var (name, content, unchanged) in parts)
        {
            var fileName = name == "cfg" ? "guest.cfg" : name;
            // The settings file and a baseline belong to the repository root, not to a guest.
            var path = fileName.Contains('/', StringComparison.Ordinal) || fileName is SettingsFile or BaselineFile ? fileName
                : fileName.EndsWith(".cfg", StringComparison.Ordinal) ? Path.Combine(Path.GetFileNameWithoutExtension(fileName), fileName)
                : Path.Combine(guestFolder ?? "guest", fileName);
            guestFolder ??= fileName.EndsWith(".cfg", StringComparison.Ordinal) ? Path.GetDirectoryName(path) : null;
            var language = fileName is SettingsFile or BaselineFile ? "settings" : block.Language;
            files[path] = unchanged && baseFiles is not null && baseFiles.TryGetValue(path, out var before) ? before : new ExampleFile(content, language);
        }

        return files;
    }

    private static List<(string Language, string Text)> Blocks(string part) =>
        [.. BlockPattern().Matches(part).Select(m => (m.Groups["language"].Value, m.Groups["text"].Value))
            .Where(b => b.Item1 is not ("text" or "sh"))];

    private static Dictionary<string, (string Bad, string Fixed)> Sections()
    {
        var sections = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var headings = HeadingPattern().Matches(Doc);
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Index + headings[i].Length;
            var body = Doc[start..(i + 1 < headings.Count ? headings[i + 1].Index : Doc.Length)];
            var bad = body.IndexOf("\nBad:\n", StringComparison.Ordinal);
            var fixedAt = body.IndexOf("\nFixed:\n", StringComparison.Ordinal);
            if (bad >= 0 && fixedAt > bad)
            {
                sections[headings[i].Groups["id"].Value] = (body[bad..fixedAt], body[fixedAt..]);
            }
        }

        return sections;
    }

    /// <summary>One file of an example: its text and the language of its code block.</summary>
    private sealed record ExampleFile(string Content, string Language)
    {
        /// <summary>The --kind that checks it, or null to let validate tell (xm configs, domain XML).</summary>
        public string? Kind => Language switch
        {
            "ini" => "xl",
            "fstab" => "fstab",
            "grub" => "grub",
            "yaml" => "yaml",
            _ => null,
        };
    }

    [GeneratedRegex(@"(?<ending>\\r\\n|\\n)\s+\((CRLF|LF) line ending\)\n")]
    private static partial Regex LineEndingNote();

    [GeneratedRegex(@"\[\[+ ""0"" \]+\]\s+\(thousands of levels\)")]
    private static partial Regex DeepListNote();

    [GeneratedRegex(@"^## (?<id>XC\d{4}): (error|warning|info)\s*$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^```(?<language>\w+)\n(?<text>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"^# (?<name>cfg|fstab|menu\.lst|\.xenconfig\.yaml|[\w./-]+\.(?:cfg|vm\.yaml))(?<unchanged> unchanged)?\s*$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"\b(error|warning|info) (?<id>XC\d{4})\b")]
    private static partial Regex ReportedPattern();
}
