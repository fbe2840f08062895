using System.Text.RegularExpressions;
using XenConfig.Boot;
using XenConfig.Devices;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Fstab;
using XenConfig.Grub;
using XenConfig.Grub.Grub2;
using XenConfig.Testing;
using XenConfig.Text;
using XenConfig.Xm;
using XenConfig.Yaml;

namespace XenConfig.FuzzRegressions.Tests;

/// <summary>
/// Inputs found by fuzzing (fuzz/README.md) and by hand-made probes, replayed as the fuzz target of their folder runs
/// them (<c>Inputs/TARGET/NAME</c>). Each replay checks what the target promises besides "no exception, no hang": a
/// lossless reader prints its tree back to the input byte for byte (the tree, never the stored input), every
/// diagnostic points inside the text, and a parsed value agrees with the text it came from.
/// </summary>
public sealed partial class FuzzRegressionTests
{
    private static string Inputs => RepositoryPaths.InRepository("tests", "XenConfig.FuzzRegressions.Tests", "Inputs");

    public static TheoryData<string> AllInputs => RepositoryPaths.FilesUnder(Inputs);

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void Input_is_read_without_exception_and_keeps_the_target_properties(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Inputs, name));
        var target = name.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        Assert.True(Replays.TryGetValue(target, out var replay), $"'{target}' is not a fuzz target this test knows; add its replay");
        replay(bytes);
    }

    [Fact]
    public void Every_fuzz_target_has_a_replay_and_at_least_one_regression_input()
    {
        var program = File.ReadAllText(RepositoryPaths.InRepository("fuzz", "XenConfig.Fuzz", "Program.cs"));
        var targets = TargetNames().Matches(program).Select(m => m.Groups[1].Value).Where(t => t != "selftest").ToList();
        Assert.Contains("xl", targets);
        Assert.All(targets, target =>
        {
            Assert.True(Replays.ContainsKey(target), $"fuzz target '{target}' has no replay here");
            var folder = Path.Combine(Inputs, target);
            Assert.True(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), $"fuzz target '{target}' has no input under {folder}");
        });
    }

    // Not AFL-found (too large for it), found by the hand-made probes: nesting depth d cost O(d^2) time and, with
    // menuentries under the nest, O(d^2) memory (280 KB of input: 2 s and 450 MB).
    [Fact]
    public void Grub2_deep_submenus_keep_every_entry_and_a_bounded_submenu_path()
    {
        const int depth = 20_000;
        var text = string.Concat(Enumerable.Repeat("submenu x {\n", depth)) + string.Concat(Enumerable.Repeat("menuentry y {\n}\n", depth));
        var config = Grub2Config.Parse(text);
        Assert.Equal(depth, config.Entries.Count);
        Assert.Equal(string.Join('>', Enumerable.Repeat("x", 64)), config.Entries[^1].Submenu);
    }

    // A part path naming a device: File.Exists is true, then ReadAllBytes ran until OutOfMemoryException (a FIFO would
    // block forever).
    [SkippableFact]
    public void Yaml_part_path_naming_a_device_is_a_diagnostic()
    {
        Skip.IfNot(File.Exists("/dev/zero"), "/dev/zero does not exist here");
        var definition = VmDefinition.Parse("name: x\nconfig: /dev/zero\n");
        Assert.Contains(definition.Diagnostics, d => d.Id == "XC0001");
    }

    [GeneratedRegex("""\["(\w+)"\] =""")]
    private static partial Regex TargetNames();

    private static readonly Dictionary<string, Action<byte[]>> Replays = new(StringComparer.Ordinal)
    {
        ["xl"] = Xl,
        ["xm"] = Xm,
        ["fstab"] = Fstab,
        ["grub"] = Grub,
        ["grub2"] = Grub2,
        ["disk"] = Disk,
        ["vif"] = Vif,
        ["pci"] = Pci,
        ["cpus"] = Cpus,
        ["cmdline"] = Cmdline,
        ["yaml"] = Yaml,
    };

    private static void Xl(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var document = DomainConfigDocument.Parse(source);
        Assert.Equal(source.Content, document.Syntax.ToString());
        AssertInside(document.Diagnostics, source.Content);
        var config = DomainConfig.FromDocument(document);
        AssertItemsPointAtTheirTokens(config.DiskItems, source.Content);
        AssertItemsPointAtTheirTokens(config.VifItems, source.Content);
    }

    private static void Xm(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var evaluation = XmConfig.Evaluate(source);
        AssertInside(evaluation.Diagnostics, source.Content);
        var conversion = XmToXlConverter.Convert(evaluation);
        if (!conversion.HasErrors)
        {
            // What the converter writes must be an xl file Xen accepts, not just any text.
            var xl = DomainConfigDocument.Parse(conversion.Text);
            Assert.False(xl.HasErrors, string.Join("\n", xl.Diagnostics));
            Assert.Equal(conversion.Text, xl.Syntax.ToString());
        }
        else
        {
            Assert.True(evaluation.HasErrors || conversion.Diagnostics.Any(d => d.IsError));
        }
    }

    private static void Fstab(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var document = FstabDocument.Parse(source);
        Assert.Equal(bytes, document.ToBytes());
        Assert.Equal(source.Content, string.Concat(document.Lines.Select(l => l.Text + l.LineBreak)));
        AssertInside(document.Diagnostics, source.Content);
    }

    private static void Grub(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var document = GrubMenuDocument.Parse(source);
        AssertLinesTile(document, source);
        AssertInside(document.Diagnostics, source.Content);
        Assert.All(document.Entries, entry => Assert.NotNull(entry.Title));
    }

    private static void Grub2(byte[] bytes)
    {
        var source = SourceText.From(bytes);
        var config = Grub2Config.Parse(source.Content);
        Assert.All(config.Entries, entry => Assert.InRange(entry.Line, 0, source.LineCount - 1));
        Assert.Equal(config.Entries.Count(e => e.Hypervisor is not null), config.XenEntries.Count);
    }

    private static void Disk(byte[] bytes)
    {
        var text = SourceText.From(bytes).Content;
        if (DiskSpec.TryParse(text, out var disk, out var error))
        {
            // The canonical form is a fixed point: reading it back gives the same disk.
            var canonical = disk.ToCanonicalString();
            Assert.Equal(canonical, DiskSpec.Parse(canonical).ToCanonicalString());
        }
        else
        {
            AssertInside(error, text);
        }
    }

    private static void Vif(byte[] bytes)
    {
        var text = SourceText.From(bytes).Content;
        if (VifSpec.TryParse(text, out var vif, out var error))
        {
            Assert.All(vif.Settings, setting => Assert.Contains(setting.Key + "=" + setting.Value, text, StringComparison.Ordinal));
        }
        else
        {
            AssertInside(error, text);
        }
    }

    private static void Pci(byte[] bytes)
    {
        var text = SourceText.From(bytes).Content;
        if (PciSpec.TryParse(text, out var pci, out var error))
        {
            var canonical = pci.ToCanonicalString();
            Assert.Equal(canonical, PciSpec.Parse(canonical).ToCanonicalString());
        }
        else
        {
            AssertInside(error, text);
        }
    }

    private static void Cpus(byte[] bytes)
    {
        var text = SourceText.From(bytes).Content;
        if (CpuList.TryParse(text, out var cpus, out var error))
        {
            var set = cpus.ToCpuSet(64, node => Enumerable.Range(node * 8, 8));
            Assert.All(set, cpu => Assert.InRange(cpu, 0, 63));
            Assert.Equal(set.Order().Distinct(), set);
        }
        else
        {
            AssertInside(error, text);
        }
    }

    private static void Cmdline(byte[] bytes)
    {
        var text = SourceText.From(bytes).Content;
        var cmdline = KernelCommandLine.Parse(text);
        var position = 0;
        foreach (var argument in cmdline.Arguments)
        {
            Assert.True(argument.Span.Start >= position, $"argument '{argument.Text}' overlaps the one before it");
            Assert.True(string.IsNullOrWhiteSpace(text[position..argument.Span.Start]), $"text between arguments is not blank: '{text[position..argument.Span.Start]}'");
            Assert.Equal(argument.Text, text.Substring(argument.Span.Start, argument.Span.Length));
            position = argument.Span.End;
        }

        Assert.True(string.IsNullOrWhiteSpace(text[position..]), $"text after the last argument is not blank: '{text[position..]}'");
    }

    // The YAML is read as if it were /nonexistent-fuzz/vm.yaml so that relative part paths resolve to nothing.
    private static void Yaml(byte[] bytes)
    {
        var source = SourceText.From(bytes, "/nonexistent-fuzz/vm.yaml");
        var definition = VmDefinition.Parse(source);
        AssertInside(definition.Diagnostics.Where(d => d.Location.Path == source.Path), source.Content);
        Assert.True(definition.Name is not null || definition.HasErrors, "a definition without a name must say why");
    }

    private static void AssertLinesTile(GrubMenuDocument document, SourceText source)
    {
        Assert.Equal(source.Content, string.Concat(document.Lines.Select(l => l.Text)));
        var position = 0;
        foreach (var line in document.Lines)
        {
            Assert.Equal(position, line.Span.Start);
            Assert.Equal(line.Text, source.ToString(line.Span));
            position = line.Span.End;
        }

        Assert.Equal(source.Length, position);
    }

    private static void AssertItemsPointAtTheirTokens<T>(IEnumerable<DeviceItem<T>> items, string text)
        where T : class
    {
        Assert.All(items, item =>
        {
            Assert.Equal(item.IsValid, item.Error is null);
            Assert.Equal(item.TokenText, text.Substring(item.TokenSpan.Start, item.TokenSpan.Length));
        });
    }

    private static void AssertInside(IEnumerable<Diagnostic> diagnostics, string text) =>
        Assert.All(diagnostics, d =>
        {
            Assert.NotNull(DiagnosticIds.Find(d.Id));
            Assert.False(string.IsNullOrWhiteSpace(d.Message), d.Id + " has no message");
            Assert.InRange(d.Location.Span.Start, 0, text.Length);
            Assert.InRange(d.Location.Span.End, d.Location.Span.Start, text.Length);
        });

    private static void AssertInside(DeviceSpecError error, string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.InRange(error.Offset, 0, text.Length);
        Assert.InRange(error.Length, 0, text.Length - error.Offset);
    }
}
