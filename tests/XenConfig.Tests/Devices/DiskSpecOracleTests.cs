using System.Globalization;
using Xunit.Abstractions;
using XenConfig.Devices;
using XenConfig.Testing;
using XenConfig.Tests.Devices.Oracle;

namespace XenConfig.Tests.Devices;

/// <summary>DiskSpec against the real <c>xlu_disk_parse</c> (Debian libxlutil 4.17): accept/reject, every field, the first error.</summary>
public sealed class DiskSpecOracleTests(ITestOutputHelper output)
{
    public const int GeneratedCount = 20_000;

    private const string ReportPrefix = "ERR oracle: config parsing error in disk specification: ";

    [SkippableFact]
    public void Corpus_disk_specs_agree_with_libxlutil()
    {
        var specs = CorpusSpecs.ListItems("disk");
        Assert.True(specs.Count > 50, $"only {specs.Count} disk specs found in the corpus");
        AssertAgreement("corpus", specs);
    }

    [SkippableFact]
    public void Probe_disk_specs_agree_with_libxlutil()
    {
        var specs = File.ReadAllLines(RepositoryPaths.ProbeInputs("disk-specs.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        Assert.True(specs.Count > 70);
        AssertAgreement("probe", specs);
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Generated_disk_specs_agree_with_libxlutil()
    {
        var specs = SpecGenerator.DiskSpecs(seed: 4, GeneratedCount);
        AssertAgreement("generated", specs);

        // the generator must exercise both outcomes and the odd corners, or agreement means little
        var accepted = specs.Count(spec => DiskSpec.TryParse(spec, out _, out _));
        output.WriteLine($"generated: {accepted} accepted, {specs.Count - accepted} rejected");
        Assert.InRange(accepted, GeneratedCount / 10, GeneratedCount * 9 / 10);
    }

    [SkippableFact]
    public void Canonical_form_of_accepted_specs_parses_to_the_same_fields_in_libxlutil()
    {
        var specs = SpecGenerator.DiskSpecs(seed: 5, 3000)
            .Select(spec => DiskSpec.TryParse(spec, out var disk, out _) ? disk : null)
            .OfType<DiskSpec>()
            .Where(disk => !(disk.Target ?? string.Empty).Contains('\n', StringComparison.Ordinal) && !disk.Vdev.Contains('\n', StringComparison.Ordinal))
            .ToList();
        Assert.True(specs.Count > 300);
        Oracles.Require(Oracles.LibxlutilDisk);
        var canonical = specs.Select(disk => disk.ToCanonicalString()).ToList();
        var answers = Oracles.LibxlutilDisk.Run(canonical);
        for (var i = 0; i < specs.Count; i++)
        {
            Assert.Equal(Fields(specs[i]), answers[i]);
        }
    }

    private void AssertAgreement(string what, IReadOnlyList<string> specs)
    {
        Oracles.Require(Oracles.LibxlutilDisk);
        Libxlutil.AssertAgreement("disk", what, specs, Oracles.LibxlutilDisk.Run(specs), Describe, output);
    }

    /// <summary>Our answer in the oracle's line format.</summary>
    internal static string Describe(string spec)
    {
        if (DiskSpec.TryParse(spec, out var disk, out var error))
        {
            return Fields(disk);
        }

        if (error.Message == "flex scanner jammed")
        {
            return "ERR flex scanner jammed";
        }

        var near = error.Message switch
        {
            "no vdev specified" or "no target specified (and device not removable)" => null,

            // a script from an iscsi:/nbd:/... prefix is reported as the script name it makes
            "script respecified" when error.Offset + error.Length < spec.Length && spec[error.Offset + error.Length] == ':'
                => "block-" + error.Near(spec),
            _ => error.Near(spec),
        };
        var line = ReportPrefix + error.Message + (near is null ? string.Empty : $": near `{near}'") + $" in `{spec}'";
        var newline = line.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? line : line[..newline];
    }

    internal static string Fields(DiskSpec disk)
    {
        static string DefBool(bool? value) => value switch { null => "<default>", true => "True", false => "False" };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"OK target={Libxlutil.Quote(disk.Target)} vdev={Libxlutil.Quote(disk.Vdev)} format={disk.Format.ToXlName()} " +
            $"backendtype={disk.BackendType?.ToXlName() ?? "unknown"} access={disk.Access.ToXlName()} cdrom={(disk.IsCdrom ? 1 : 0)} " +
            $"removable={(disk.IsRemovable ? 1 : 0)} script={Libxlutil.Quote(disk.Script)} backend={Libxlutil.Quote(disk.BackendDomain)} " +
            $"discard={DefBool(disk.Discard)} direct-io-safe={(disk.DirectIoSafe ? 1 : 0)} trusted={DefBool(disk.Trusted)} colo={DefBool(disk.Colo)} " +
            $"specification={disk.Specification?.ToXlName() ?? "unknown"} colo-host={Libxlutil.Quote(disk.ColoHost)} " +
            $"colo-port={disk.ColoPort ?? 0} colo-export={Libxlutil.Quote(disk.ColoExport)} active-disk={Libxlutil.Quote(disk.ActiveDisk)} " +
            $"hidden-disk={Libxlutil.Quote(disk.HiddenDisk)}");
    }
}
