using XenConfig.Domain.Model;

namespace XenConfig.Libxl;

/// <summary>
/// Single steps of the projection for <see cref="DomainConfig"/>'s typed properties: the model reads a key with the
/// very step <see cref="Run"/> takes for it, so the model and <c>ToLibxl()</c> never disagree on what a value means.
/// Each step runs after the guest type is settled (as in xl); a value xl refuses reads as null.
/// </summary>
internal sealed partial class LibxlProjection
{
    internal static IReadOnlyList<LibxlP9>? ReadP9s(DomainConfig config) => Step(config, p => p.ParseP9(), r => r.P9s.ToList());

    internal static IReadOnlyList<LibxlVkb>? ReadVkbs(DomainConfig config) => Step(config, p => p.ParseVkbs(), r => r.Vkbs.ToList());

    internal static IReadOnlyList<LibxlPvCalls>? ReadPvCalls(DomainConfig config) => Step(config, p => p.ParsePvCalls(), r => r.PvCalls.ToList());

    internal static IReadOnlyList<LibxlVdispl>? ReadVdispls(DomainConfig config) => Step(config, p => p.ParseVdispls(), r => r.Vdispls.ToList());

    internal static IReadOnlyList<LibxlVsnd>? ReadVsnds(DomainConfig config) => Step(config, p => p.ParseVsnds(), r => r.Vsnds.ToList());

    internal static IReadOnlyList<LibxlChannel>? ReadChannels(DomainConfig config) => Step(config, p => p.ParseChannels(), r => r.Channels.ToList());

    internal static IReadOnlyList<(uint First, uint Number)>? ReadIoPorts(DomainConfig config) => Step(config, p => p.ParseIoPorts(), r => r.BuildInfo.IoPorts);

    internal static IReadOnlyList<uint>? ReadIrqs(DomainConfig config) => Step(config, p => p.ParseIrqs(), r => r.BuildInfo.Irqs);

    internal static IReadOnlyList<(ulong Start, ulong Number, ulong Gfn)>? ReadIoMemory(DomainConfig config) =>
        Step(config, p => p.ParseIoMemory(), r => r.BuildInfo.IoMemory);

    /// <summary><c>vnuma</c> on <paramref name="host"/>, read after memory and vCPUs as xl reads it.</summary>
    internal static IReadOnlyList<LibxlVnumaNode>? ReadVnuma(DomainConfig config, LibxlHost? host) =>
        Step(config, p => p.ParseMemoryAndVcpus(), r => r.BuildInfo.VnumaNodes.ToList(), host);

    /// <summary><c>rdm</c> for an HVM guest: (strategy, policy) as libxl names; (null, null) when xl leaves it unset.</summary>
    internal static (string? Strategy, string? Policy)? ReadRdm(DomainConfig config) =>
        Step<(string? Strategy, string? Policy)?>(config, p => { if (p.BInfo.Hvm is not null) { p.ParseRdm(); } }, r => (r.BuildInfo.Hvm?.RdmStrategy, r.BuildInfo.Hvm?.RdmPolicy));

    /// <summary><c>tsc_mode</c> as libxl's name (<c>default</c> when unset).</summary>
    internal static string? ReadTscMode(DomainConfig config) => Step(config, p => p.ParseTscMode(), r => r.BuildInfo.TscMode ?? TscModes[0]);

    /// <summary><c>timer_mode</c> as libxl's name (libxl then picks <c>no_delay_for_missed_ticks</c> when unset); PV refuses it.</summary>
    internal static string? ReadTimerMode(DomainConfig config) => Step(config, p => p.ParseTimerMode(), r => r.BuildInfo.TimerMode ?? TimerModes[1]);

    /// <summary><c>altp2m</c> as libxl's name (<c>disabled</c> when unset).</summary>
    internal static string? ReadAltp2m(DomainConfig config) => Step(config, p => p.ParseAltp2m(), r => r.BuildInfo.Altp2m ?? Altp2mModes[0]);

    /// <summary><c>passthrough</c> as libxl's name (<c>default</c> when unset).</summary>
    internal static string? ReadPassthrough(DomainConfig config) => Step(config, p => p.ParsePassthrough(), r => r.CreateInfo.Passthrough ?? "default");

    /// <summary><c>vuart</c> as libxl's name (<c>unknown</c>, i.e. none, when unset).</summary>
    internal static string? ReadVuart(DomainConfig config) => Step(config, p => p.ParseVuart(), r => r.BuildInfo.Vuart ?? "unknown");

    /// <summary><c>gic_version</c> as libxl's name (<c>default</c> when unset).</summary>
    internal static string? ReadGicVersion(DomainConfig config) => Step(config, p => p.ParseGicVersion(), r => r.BuildInfo.GicVersion ?? "default");

    /// <summary><c>tee</c> as libxl's name (<c>none</c> when unset).</summary>
    internal static string? ReadTee(DomainConfig config) => Step(config, p => p.ParseTee(), r => r.BuildInfo.Tee ?? "none");

    /// <summary>Settles the guest type, runs <paramref name="step"/> and picks its result; default when xl refuses a value on the way.</summary>
    private static T? Step<T>(DomainConfig config, Action<LibxlProjection> step, Func<LibxlDomainConfig, T> pick, LibxlHost? host = null)
    {
        var projection = new LibxlProjection(config, host ?? LibxlHost.Default);
        try
        {
            projection.ParseType();
            projection.InitBuildInfo();
            step(projection);
        }
        catch (RejectedException)
        {
            return default;
        }

        return pick(projection._result);
    }
}
