using PublicApiGenerator;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>
/// The public API of every package, rendered and compared with the approved text checked in under
/// <c>tests/XenConfig.Cli.Tests/PublicApi/</c>. A change to the API fails here until the approved file is updated
/// (set <c>XENCONFIG_APPROVE_API=1</c> and run again to write the new text), so API changes are always deliberate.
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Packages() =>
    [
        "XenConfig", "XenConfig.Xm", "XenConfig.Grub", "XenConfig.Fstab", "XenConfig.Validation", "XenConfig.Yaml",
    ];

    [Theory]
    [MemberData(nameof(Packages))]
    public void Public_api_matches_the_approved_text(string package)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == package)
            ?? System.Reflection.Assembly.Load(package);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).Replace("\r\n", "\n");
        var approvedPath = RepositoryPaths.InRepository("tests", "XenConfig.Cli.Tests", "PublicApi", package + ".approved.txt");

        if (Environment.GetEnvironmentVariable("XENCONFIG_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, api);
        }

        Assert.True(File.Exists(approvedPath), $"No approved API for {package}; run with XENCONFIG_APPROVE_API=1 to create {approvedPath}");
        Assert.Equal(File.ReadAllText(approvedPath), api);
    }
}
