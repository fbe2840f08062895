using System.Globalization;
using Xunit.Abstractions;
using XenConfig.Devices;
using XenConfig.Testing;
using XenConfig.Tests.Devices.Oracle;

namespace XenConfig.Tests.Devices;

/// <summary>PciSpec against the real <c>xlu_pci_parse_spec_string</c>: accept/reject (and its return code) and every field.</summary>
public sealed class PciSpecOracleTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Corpus_and_probe_pci_specs_agree_with_libxlutil()
    {
        var specs = CorpusSpecs.ListItems("pci").ToList();
        Assert.NotEmpty(specs);
        specs.AddRange(File.ReadAllLines(RepositoryPaths.ProbeInputs("pci-specs.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#')));
        AssertAgreement("corpus+probe", specs);
    }

    [SkippableFact]
    public void Generated_pci_specs_agree_with_libxlutil()
    {
        var specs = SpecGenerator.PciSpecs(seed: 4, 20_000);
        AssertAgreement("generated", specs);
        var accepted = specs.Count(spec => PciSpec.TryParse(spec, out _, out _));
        Assert.InRange(accepted, 1_000, 19_000);
    }

    [SkippableFact]
    public void Canonical_form_of_accepted_pci_specs_means_the_same_to_libxlutil()
    {
        var specs = SpecGenerator.PciSpecs(seed: 5, 3_000)
            .Select(spec => PciSpec.TryParse(spec, out var pci, out _) ? pci : null)
            .OfType<PciSpec>()
            .Where(pci => !(pci.Name ?? string.Empty).Contains(',', StringComparison.Ordinal))
            .ToList();
        Assert.True(specs.Count > 300);
        Oracles.Require(Oracles.LibxlutilPci);
        var answers = Oracles.LibxlutilPci.Run([.. specs.Select(pci => pci.ToCanonicalString())]);
        for (var i = 0; i < specs.Count; i++)
        {
            Assert.Equal(Fields(specs[i]), answers[i]);
        }
    }

    private void AssertAgreement(string what, List<string> specs)
    {
        Oracles.Require(Oracles.LibxlutilPci);
        Libxlutil.AssertAgreement("pci", what, specs, Oracles.LibxlutilPci.Run(specs), Describe, output);
    }

    private static string Describe(string spec) => PciSpec.TryParse(spec, out var pci, out var error)
        ? Fields(pci)
        : error.Message == "Unknown RDM policy" ? "ERR rc=-3" : "ERR rc=-6";

    private static string Fields(PciSpec pci)
    {
        static int Bool(bool? value) => value == true ? 1 : 0;
        var mask = pci.AllFunctions ? uint.MaxValue : pci.HasBdf ? 1u : 0u;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"OK domain={pci.Domain} bus={pci.Bus} dev={pci.Device} func={pci.Function} vfunc_mask={mask} vslot={pci.VirtualSlot ?? 0} " +
            $"permissive={Bool(pci.Permissive)} msitranslate={Bool(pci.MsiTranslate)} seize={Bool(pci.Seize)} power_mgmt={Bool(pci.PowerManagement)} " +
            $"rdm_policy={(pci.RdmPolicy ?? PciRdmPolicy.Invalid).ToString().ToLowerInvariant()} name={Libxlutil.Quote(pci.Name)}");
    }
}
