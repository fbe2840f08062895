using XenConfig.Libxl;

namespace XenConfig.Domain.Model;

/// <summary>CPU and memory keys of xl.cfg(5): soft affinity, scheduler parameters, vNUMA, shadow memory.</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>cpus_soft</c>: soft CPU affinity. Unset: xl leaves it to libxl. Fills <c>b_info.vcpu_soft_affinity, b_info.numa_placement</c>.</summary>
    public string? CpusSoft { get => GetString("cpus_soft"); set => SetString("cpus_soft", value); }

    /// <summary><c>cap</c>: CPU cap in percent of one pCPU. Unset: xl's default, <c>0</c>. Fills <c>b_info.sched_params.cap</c>.</summary>
    public long? CpuCap { get => GetNumber("cap"); set => SetNumber("cap", value); }

    /// <summary><c>period</c>: scheduler period. Unset: xl leaves it to libxl. Fills <c>b_info.sched_params.period</c>.</summary>
    public long? SchedPeriod { get => GetNumber("period"); set => SetNumber("period", value); }

    /// <summary><c>slice</c>: scheduler slice. Unset: xl leaves it to libxl. Fills <c>b_info.sched_params.slice</c>.</summary>
    public long? SchedSlice { get => GetNumber("slice"); set => SetNumber("slice", value); }

    /// <summary><c>latency</c>: scheduler latency. Unset: xl leaves it to libxl. Fills <c>b_info.sched_params.latency</c>.</summary>
    public long? SchedLatency { get => GetNumber("latency"); set => SetNumber("latency", value); }

    /// <summary><c>extratime</c>: scheduler extra time. Unset: xl leaves it to libxl. Fills <c>b_info.sched_params.extratime</c>.</summary>
    public long? SchedExtraTime { get => GetNumber("extratime"); set => SetNumber("extratime", value); }

    /// <summary><c>llc_colors</c>: Arm last-level cache colours. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public IReadOnlyList<string>? LlcColors { get => GetStringList("llc_colors"); set => SetStringList("llc_colors", value); }

    /// <summary><c>shadow_memory</c>: shadow memory, MiB. Unset: xl leaves it to libxl. Fills <c>b_info.shadow_memkb</c>.</summary>
    public long? ShadowMemory { get => GetNumber("shadow_memory"); set => SetNumber("shadow_memory", value); }

    /// <summary>
    /// <c>cpus</c> in its list form: one affinity string per vCPU (xl gives vCPU i item i). Null when unset or the
    /// string form (<see cref="Cpus"/>) is used.
    /// </summary>
    public IReadOnlyList<string>? CpusPerVcpu { get => GetStringList("cpus"); set => SetStringList("cpus", value); }

    /// <summary><c>cpus_soft</c> in its list form, as <see cref="CpusPerVcpu"/>.</summary>
    public IReadOnlyList<string>? CpusSoftPerVcpu { get => GetStringList("cpus_soft"); set => SetStringList("cpus_soft", value); }

    /// <summary>
    /// <c>vnuma</c> (a list per node: pnode=, size=, vcpus=, vdistances=) as xl builds <c>b_info.vnuma_nodes</c> on
    /// the default host (<see cref="LibxlHost.Default"/>), read by the same step as <see cref="ToLibxl"/>; empty when
    /// unset, null when xl refuses it. Use <see cref="GetVnumaNodes"/> for another host.
    /// </summary>
    public IReadOnlyList<LibxlVnumaNode>? VnumaNodes => GetVnumaNodes(null);

    /// <summary><c>vnuma</c> as xl builds it on <paramref name="host"/> (null: the default host); see <see cref="VnumaNodes"/>.</summary>
    /// <param name="host">The host facts xl's checks read (CPUs, NUMA nodes).</param>
    public IReadOnlyList<LibxlVnumaNode>? GetVnumaNodes(LibxlHost? host) => LibxlProjection.ReadVnuma(this, host);
}
