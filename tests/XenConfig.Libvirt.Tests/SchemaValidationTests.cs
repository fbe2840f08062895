using System.Diagnostics;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Libvirt.Tests;

/// <summary>
/// Every XML we write is valid against libvirt's RelaxNG domain schema, checked by libvirt's own
/// <c>virt-xml-validate FILE domain</c> (package libvirt-clients): over every corpus config that xl accepts and over
/// every libvirt test pair we convert.
/// </summary>
public sealed class SchemaValidationTests
{
    private static readonly string? Validator = FindOnPath("virt-xml-validate");

    public static TheoryData<string> AcceptedCorpusConfigs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus("xl")).Order(StringComparer.Ordinal))
        {
            if (!DomainConfigDocument.Load(file).HasErrors)
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(AcceptedCorpusConfigs))]
    public void Corpus_config_converts_to_xml_that_virt_xml_validate_accepts(string file)
    {
        var conversion = LibvirtConverter.ToDomainXml(DomainConfigDocument.Load(Path.Combine(RepositoryPaths.Corpus("xl"), file)));

        Assert.False(conversion.HasErrors, string.Join("\n", conversion.Diagnostics));
        AssertValid(conversion.Text);
    }

    [SkippableTheory]
    [MemberData(nameof(LibvirtTestPairs.ConfigToXml), MemberType = typeof(LibvirtTestPairs))]
    public void Libvirt_pair_converts_to_xml_that_virt_xml_validate_accepts(string pair) =>
        AssertValid(ConfigToXmlTests.Convert(pair).Text);

    private static void AssertValid(string xml)
    {
        Oracles.Require(Validator is not null, "virt-xml-validate (Debian package libvirt-clients)");
        var file = Path.Combine(Path.GetTempPath(), $"xenconfig-libvirt-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Validator!, [file, "domain"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"virt-xml-validate rejects the XML:\n{errors}{output.Result}\n{xml}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
