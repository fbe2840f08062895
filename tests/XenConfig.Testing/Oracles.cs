using Xunit;
using Xunit.Sdk;

namespace XenConfig.Testing;

/// <summary>
/// The reference tools the differential tests compare against (libxlutil, libmount, pygrub's GrubConf.py).
/// When one is missing a test is skipped (use <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>), unless
/// <c>XENCONFIG_REQUIRE_ORACLES=1</c> (set by <c>.ci/run</c>), where it fails.
/// </summary>
public static class Oracles
{
    /// <summary>True when CI demands every reference tool.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("XENCONFIG_REQUIRE_ORACLES") == "1";

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
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(library, out var handle))
        {
            return false;
        }

        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return true;
    }
}
