using System.Text.RegularExpressions;
using XenConfig.Diagnostics;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>
/// What a command refuses, it refuses with a declared, documented id (XC0015-XC0017), never an id of its own that no
/// reader can look up in docs/diagnostics.md.
/// </summary>
public sealed partial class CommandRefusalIdTests
{
    private const string Guest = "name = \"web01\"\nmemory = 1024\n";

    // One case per way of refusing: (what is run, the id, the exit code). FILE is a domain config; FSTAB an fstab;
    // BROKEN a config with a syntax error.
    public static TheoryData<string[], string, int> Refusals => new()
    {
        { ["get", "FILE", "maxmem"], "XC0016", 1 },
        { ["set", "FILE", "name", "web\nname2"], "XC0015", 1 },
        { ["fmt", "FSTAB"], "XC0015", 2 },
        { ["fmt", "BROKEN"], "XC0017", 1 },
        { ["show", "FSTAB", "--format", "libxl"], "XC0015", 2 },
        { ["show", "FILE", "--format", "libxl", "--host", "cpus=many"], "XC0015", 2 },
        { ["get", "FILE", "memory", "one-argument-too-many"], "XC0015", 2 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_prints_a_declared_id(string[] arguments, string id, int exitCode)
    {
        using var folder = new TempFolder();
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FILE"] = folder.Write("web01.cfg", Guest),
            ["FSTAB"] = folder.Write("fstab", "/dev/xvda1 / ext4 defaults 0 1\n"),
            ["BROKEN"] = folder.Write("broken.cfg", "name = \"web01\"\nmemory = = 1\n"),
        };

        var result = CliRunner.Run([.. arguments.Select(a => files.GetValueOrDefault(a, a))]);

        var printed = PrintedId().Matches(result.Stderr).Select(m => m.Groups["id"].Value).ToList();
        Assert.True(printed.Contains(id), $"expected {id} in: {result.Stderr}");
        Assert.All(printed, p => Assert.NotNull(DiagnosticIds.Find(p)));
        Assert.Equal(exitCode, result.ExitCode);
    }

    [GeneratedRegex(@"error (?<id>XC[0-9]{4}):")]
    private static partial Regex PrintedId();
}
