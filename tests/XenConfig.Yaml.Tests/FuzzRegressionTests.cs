using XenConfig.Boot;
using XenConfig.Devices;
using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Fstab;
using XenConfig.Grub.Grub2;
using XenConfig.Grub;
using XenConfig.Testing;
using XenConfig.Text;
using XenConfig.Xm;

namespace XenConfig.Yaml.Tests;

/// <summary>
/// Inputs from fuzzing (fuzz/README.md) and its hand-made probes, replayed as the fuzz targets run them: the parser returns
/// without an exception, in bounded time, and a lossless document round-trips. Files are
/// <c>FuzzRegressions/TARGET/NAME</c>; those named <c>crash-*</c> fail today and are covered by the skipped facts below
/// until they are fixed. This class lives in XenConfig.Yaml.Tests because that project reaches every parser.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string Folder => RepositoryPaths.InRepository("tests", "XenConfig.Yaml.Tests", "FuzzRegressions");

    public static TheoryData<string> PassingInputs =>
        RepositoryPaths.FilesUnder(Folder, f => !Path.GetFileName(f).StartsWith("crash-", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(PassingInputs))]
    public void Input_is_read_without_exception_and_round_trips(string name) => Replay(name);

    [Fact]
    public void Grub_timeout_beyond_int32() => Replay(Path.Combine("grub", "crash-grub-timeout-overflow"));

    [Fact]
    public void Yaml_scanner_invalid_operation() => Replay(Path.Combine("yaml", "crash-yaml-scanner-invalidoperation"));

    [Fact]
    public void Yaml_tag_that_is_not_a_uri() => Replay(Path.Combine("yaml", "crash-yaml-tag-not-uri"));

    // Not AFL-found (too large for it), found by the hand-made probes: nesting depth d costs O(d^2) time and, with
    // menuentries under the nest, O(d^2) memory (280 KB of input: 2 s and 450 MB).
    [Fact]
    public void Grub2_deep_submenus_are_read_in_linear_time()
    {
        const int depth = 20_000;
        var text = string.Concat(Enumerable.Repeat("submenu x {\n", depth)) + string.Concat(Enumerable.Repeat("menuentry y {\n}\n", depth));
        var config = Grub2Config.Parse(text);
        Assert.Equal(depth, config.Entries.Count);
        Assert.Equal(string.Join('>', Enumerable.Repeat("x", 64)), config.Entries[^1].Submenu);
    }

    // A part path naming a device: File.Exists is true, then ReadAllBytes runs until OutOfMemoryException (a FIFO would block forever).
    [SkippableFact]
    public void Yaml_part_path_naming_a_device_is_a_diagnostic()
    {
        Skip.IfNot(File.Exists("/dev/zero"));
        var definition = VmDefinition.Parse("name: x\nconfig: /dev/zero\n");
        Assert.Contains(definition.Diagnostics, d => d.Id == "XC0001");
    }

    private static void Replay(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        var target = name.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        var source = SourceText.From(bytes);
        var text = source.Content;
        switch (target)
        {
            case "xl":
                var document = DomainConfigDocument.Parse(source);
                Assert.Equal(text, document.ToString());
                var config = DomainConfig.FromDocument(document);
                _ = config.DiskItems.Count + config.VifItems.Count;
                _ = config.KernelCommandLine;
                break;
            case "xm":
                _ = XmToXlConverter.Convert(XmConfig.Evaluate(source)).ToString();
                break;
            case "fstab":
                Assert.Equal(text, FstabDocument.Parse(source).ToString());
                break;
            case "grub":
                var menu = GrubMenuDocument.Parse(source);
                Assert.Equal(text, menu.ToString());
                _ = menu.Entries.Count;
                break;
            case "grub2":
                var grub2 = Grub2Config.Parse(text);
                Assert.Equal(text, grub2.ToString());
                _ = grub2.XenEntries.Count;
                break;
            case "disk":
                AssertDevice(text, DiskSpec.TryParse(text, out var disk, out _), disk);
                break;
            case "vif":
                AssertDevice(text, VifSpec.TryParse(text, out var vif, out _), vif);
                break;
            case "pci":
                AssertDevice(text, PciSpec.TryParse(text, out var pci, out _), pci);
                break;
            case "cpus":
                AssertDevice(text, CpuList.TryParse(text, out var cpus, out _), cpus);
                break;
            case "cmdline":
                Assert.Equal(text, KernelCommandLine.Parse(text).ToString());
                break;
            case "yaml":
                _ = VmDefinition.Parse(SourceText.From(bytes, "/nonexistent-fuzz/vm.yaml")).Diagnostics.Count;
                break;
            default:
                throw new InvalidOperationException($"unknown fuzz target folder '{target}'");
        }

    }

    private static void AssertDevice(string text, bool parsed, object? spec)
    {
        if (parsed)
        {
            Assert.Equal(text, spec!.ToString());
        }
    }
}
