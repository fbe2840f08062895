using System.Diagnostics;

namespace XenConfig.Testing;

/// <summary>
/// Xen 4.17's real <c>xl</c> in dry-run mode (<c>xl -N create</c> without a hypervisor): the oracle for what xl
/// builds from a domain config. <c>.ci/run</c> builds it into <c>.oracles/xl_dryrun</c> and exports its path as
/// <c>XENCONFIG_XL_DRYRUN</c>; tests use it through <see cref="Require"/>.
/// </summary>
public static class XlDryRun
{
    /// <summary>The exit status the wrapper uses when xl reached a host call it does not fake (never a verdict).</summary>
    public const int OracleLimitExitCode = 70;

    /// <summary>The wrapper's path, from <c>XENCONFIG_XL_DRYRUN</c> or the repository's <c>.oracles</c>; null when absent.</summary>
    public static string? Path { get; } = Find();

    /// <summary>Skips the test (fails it under CI) when the oracle is not installed.</summary>
    public static string Require()
    {
        Oracles.Require(Path is not null, "xl_dryrun (Xen's xl in dry-run mode; .ci/run builds it into .oracles/ and sets XENCONFIG_XL_DRYRUN)");
        return Path!;
    }

    /// <summary>What xl made of one config.</summary>
    /// <param name="ExitCode">0 when xl accepts the config.</param>
    /// <param name="Json">The libxl_domain_config JSON xl printed (empty when it rejected the config).</param>
    /// <param name="Messages">xl's warnings and errors.</param>
    public sealed record Outcome(int ExitCode, string Json, string Messages)
    {
        /// <summary>True when xl accepts the config.</summary>
        public bool Accepted => ExitCode == 0;
    }

    /// <summary>Runs the oracle on a config file, with the host facts given (defaults: 16 CPUs, 8 nodes, 64 GiB).</summary>
    public static Outcome Run(string configPath, int cpus = 16, int nodes = 8, long memoryMiB = 65536)
    {
        var start = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(configPath);
        start.Environment["XL_DRYRUN_CPUS"] = cpus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["XL_DRYRUN_NODES"] = nodes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["XL_DRYRUN_MEM_MIB"] = memoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout, stderr.Result);
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("XENCONFIG_XL_DRYRUN") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var local = System.IO.Path.Combine(RepositoryPaths.Root, ".oracles", "xl_dryrun", "xl_dryrun");
        return File.Exists(local) ? local : null;
    }
}
