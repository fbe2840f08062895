using PublicApiGenerator;
using XenConfig.Testing;

namespace XenConfig.ApiApproval.Tests;

/// <summary>
/// The public API of every package, rendered and compared with the approved text checked in under
/// <c>tests/XenConfig.ApiApproval.Tests/PublicApi/</c>. A change to the API fails here until the approved file is updated
/// (set <c>XENCONFIG_APPROVE_API=1</c> and run again to write the new text), so API changes are always deliberate.
/// </summary>
public class PublicApiTests
{
    private static string ApprovedFolder => RepositoryPaths.InRepository("tests", "XenConfig.ApiApproval.Tests", "PublicApi");

    /// <summary>Every library under <c>src/</c> (the CLI is a tool, not an API); a new package is covered without a list to update.</summary>
    public static TheoryData<string> Packages() => new(PackageNames());

    private static List<string> PackageNames() =>
        [.. Directory.EnumerateFiles(RepositoryPaths.InRepository("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(name => name != "XenConfig.Cli")
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Packages))]
    public void Public_api_matches_the_approved_text(string package)
    {
        var assembly = Load(package);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).Replace("\r\n", "\n", StringComparison.Ordinal);
        var approvedPath = Path.Combine(ApprovedFolder, package + ".approved.txt");

        if (Environment.GetEnvironmentVariable("XENCONFIG_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, api);
        }

        Assert.True(File.Exists(approvedPath), $"No approved API for {package}; run with XENCONFIG_APPROVE_API=1 to create {approvedPath}");
        Assert.Equal(File.ReadAllText(approvedPath), api);
    }

    [Fact]
    public void Every_approved_file_belongs_to_a_package()
    {
        var packages = PackageNames().ToHashSet(StringComparer.Ordinal);
        Assert.All(Directory.EnumerateFiles(ApprovedFolder, "*.approved.txt"), file =>
            Assert.Contains(Path.GetFileName(file)[..^".approved.txt".Length], packages));
    }

    private static System.Reflection.Assembly Load(string package)
    {
        try
        {
            return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == package)
                ?? System.Reflection.Assembly.Load(package);
        }
        catch (FileNotFoundException)
        {
            Assert.Fail($"{package} is not referenced by XenConfig.ApiApproval.Tests.csproj; add a ProjectReference to src/{package}/{package}.csproj");
            throw;
        }
    }
}
