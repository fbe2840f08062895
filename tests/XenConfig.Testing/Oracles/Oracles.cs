using System.Runtime.InteropServices;
using Xunit;
using Xunit.Sdk;

namespace XenConfig.Testing;

/// <summary>
/// The reference tools the differential tests compare against, and the rule for when one is missing: the test is
/// skipped with the reason (use <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>), unless
/// <c>XENCONFIG_REQUIRE_ORACLES=1</c> (set by <c>.ci/run</c>), where it fails.
/// </summary>
public static class Oracles
{
    /// <summary>Xen's config parser, in process: accept/reject and every value it stores.</summary>
    public static Libxlu Libxlu { get; } = new();

    /// <summary>util-linux libmount, in process: the entries of an fstab and the lines it rejects.</summary>
    public static LibMount LibMount { get; } = new();

    /// <summary>libxlutil's disk spec parser (<c>xlu_disk_parse</c>), one report line per spec.</summary>
    public static Libxlutil LibxlutilDisk { get; } = new("disk");

    /// <summary>libxlutil's PCI spec parser (<c>xlu_pci_parse_spec_string</c>), one report line per spec.</summary>
    public static Libxlutil LibxlutilPci { get; } = new("pci");

    /// <summary>libxlutil's vif rate parser (<c>xlu_vif_parse_rate</c>), one report line per rate.</summary>
    public static Libxlutil LibxlutilRate { get; } = new("rate");

    /// <summary>libxl's virtual device decoder (<c>libxl__device_disk_dev_number</c>): a device number or "invalid".</summary>
    public static LibxlVdev LibxlVdev { get; } = new();

    /// <summary>pygrub's <c>GrubConf.GrubConfigFile</c> under python3.</summary>
    public static Pygrub Pygrub { get; } = new();

    /// <summary>pygrub's <c>GrubConf.Grub2ConfigFile</c> (what pygrub reads from a guest's GRUB 2 grub.cfg) under python3.</summary>
    public static Pygrub PygrubGrub2 { get; } = new(grub2: true);

    /// <summary>xend's way of evaluating an xm config, under python3 (agrees with 2.7 on the common language).</summary>
    public static PythonXm Python3 { get; } = new("python3", 3);

    /// <summary>xend's way of evaluating an xm config, under Python 2.7, xend's own interpreter.</summary>
    public static PythonXm Python27 { get; } = new("python2.7", 2);

    /// <summary>True when CI demands every reference tool (<c>XENCONFIG_REQUIRE_ORACLES=1</c>).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("XENCONFIG_REQUIRE_ORACLES") == "1";

    /// <summary>Skips the running test (or fails it under CI) when <paramref name="oracle"/> cannot run here.</summary>
    public static void Require(IOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        Require(oracle.Missing is null, oracle.Name + (oracle.Missing is { } missing ? ": " + missing : string.Empty));
    }

    /// <summary>Skips the running test (or fails it under CI) when <paramref name="available"/> is false.</summary>
    public static void Require(bool available, string what)
    {
        if (available)
        {
            return;
        }

        if (Required)
        {
            throw new XunitException($"Reference tool missing: {what}. .ci/run installs it; XENCONFIG_REQUIRE_ORACLES=1 makes this a failure.");
        }

        Skip.If(true, $"Reference tool missing: {what}");
    }

    /// <summary>The folder where <c>.ci/run</c> unpacked pygrub (<c>XENCONFIG_PYGRUB_DIR</c>), holding <c>GrubConf.py</c>.</summary>
    public static string? PygrubDirectory =>
        Environment.GetEnvironmentVariable("XENCONFIG_PYGRUB_DIR") is { Length: > 0 } dir && Directory.Exists(dir) ? dir : null;

    /// <summary>True when a shared library can be loaded by name (e.g. <c>libxlutil.so.4.17</c>).</summary>
    public static bool CanLoad(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>The path of a helper script or C source kept beside the oracles (<c>tests/XenConfig.Testing/Oracles</c>).</summary>
    internal static string ScriptPath(string name) => RepositoryPaths.InRepository("tests", "XenConfig.Testing", "Oracles", name);
}
