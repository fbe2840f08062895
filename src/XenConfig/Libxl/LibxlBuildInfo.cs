namespace XenConfig.Libxl;

/// <summary>
/// libxl's <c>domain_build_info</c> (<c>b_info</c>): how the domain is built. Null (or libxl's "default" value:
/// <see cref="MemoryDefault"/> for memory sizes, -1 for scheduler parameters) means "left to libxl".
/// </summary>
public sealed class LibxlBuildInfo
{
    /// <summary>libxl's "not set" for a memory size (<c>LIBXL_MEMKB_DEFAULT</c>).</summary>
    public const ulong MemoryDefault = ulong.MaxValue;

    /// <summary>libxl's "not set" for the grant table limits (<c>LIBXL_MAX_GRANT_DEFAULT</c>).</summary>
    public const uint GrantDefault = uint.MaxValue;

    /// <summary><c>max_vcpus</c>, from <c>maxvcpus</c>, else <c>vcpus</c>.</summary>
    public int MaxVcpus { get; set; }

    /// <summary><c>avail_vcpus</c>: the vCPUs online at start (0 to <c>vcpus</c> - 1).</summary>
    public IReadOnlyList<int> AvailableVcpus { get; set; } = [];

    /// <summary><c>vcpu_hard_affinity</c>, from <c>cpus</c>: the host CPUs each vCPU may run on.</summary>
    public IReadOnlyList<IReadOnlyList<int>> VcpuHardAffinity { get; set; } = [];

    /// <summary><c>vcpu_soft_affinity</c>, from <c>cpus_soft</c>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> VcpuSoftAffinity { get; set; } = [];

    /// <summary><c>numa_placement</c>: false when <c>cpus</c> is a list or <c>cpus_soft</c> is set.</summary>
    public bool? NumaPlacement { get; set; }

    /// <summary><c>tsc_mode</c> (libxl's name), from <c>tsc_mode</c>.</summary>
    public string? TscMode { get; set; }

    /// <summary><c>max_memkb</c>, from <c>maxmem</c>, else <c>memory</c> (MiB * 1024; a negative MiB count wraps).</summary>
    public ulong MaxMemoryKiB { get; set; } = MemoryDefault;

    /// <summary><c>target_memkb</c>, from <c>memory</c>.</summary>
    public ulong TargetMemoryKiB { get; set; } = MemoryDefault;

    /// <summary><c>video_memkb</c>, from <c>videoram</c>.</summary>
    public ulong VideoMemoryKiB { get; set; } = MemoryDefault;

    /// <summary><c>shadow_memkb</c>, from <c>shadow_memory</c>.</summary>
    public ulong ShadowMemoryKiB { get; set; } = MemoryDefault;

    /// <summary><c>rtc_timeoffset</c>, from <c>rtc_timeoffset</c> (a 32-bit unsigned number: -1 is 4294967295).</summary>
    public uint RtcTimeOffset { get; set; }

    /// <summary><c>exec_ssid_label</c>, from <c>seclabel</c> when <c>init_seclabel</c> is set too.</summary>
    public string? ExecSsidLabel { get; set; }

    /// <summary><c>localtime</c>, from <c>localtime</c>.</summary>
    public bool? LocalTime { get; set; }

    /// <summary><c>disable_migrate</c>, from <c>nomigrate</c>.</summary>
    public bool? DisableMigrate { get; set; }

    /// <summary><c>cpuid</c>, from <c>cpuid</c>; null when the config sets no leaf or MSR.</summary>
    public LibxlCpuidPolicy? Cpuid { get; set; }

    /// <summary><c>vnuma_nodes</c>, from <c>vnuma</c>.</summary>
    public IList<LibxlVnumaNode> VnumaNodes { get; } = [];

    /// <summary><c>max_grant_frames</c>, from <c>max_grant_frames</c>.</summary>
    public uint MaxGrantFrames { get; set; } = GrantDefault;

    /// <summary><c>max_maptrack_frames</c>, from <c>max_maptrack_frames</c>.</summary>
    public uint MaxMaptrackFrames { get; set; } = GrantDefault;

    /// <summary><c>max_grant_version</c>, from <c>max_grant_version</c> (-1: not set).</summary>
    public int MaxGrantVersion { get; set; } = -1;

    /// <summary><c>device_model_version</c> (<c>qemu_xen</c>, <c>qemu_xen_traditional</c>).</summary>
    public string? DeviceModelVersion { get; set; }

    /// <summary><c>device_model_stubdomain</c>, from <c>device_model_stubdomain_override</c>.</summary>
    public bool? DeviceModelStubdomain { get; set; }

    /// <summary><c>stubdomain_memkb</c>, from <c>stubdomain_memory</c>.</summary>
    public ulong StubdomainMemoryKiB { get; set; } = MemoryDefault;

    /// <summary><c>stubdomain_kernel</c>.</summary>
    public string? StubdomainKernel { get; set; }

    /// <summary><c>stubdomain_cmdline</c>.</summary>
    public string? StubdomainCmdline { get; set; }

    /// <summary><c>stubdomain_ramdisk</c>.</summary>
    public string? StubdomainRamdisk { get; set; }

    /// <summary><c>device_model</c>, from <c>device_model_override</c> (xl ignores <c>device_model</c>).</summary>
    public string? DeviceModel { get; set; }

    /// <summary><c>device_model_ssid_label</c>, from <c>device_model_stubdomain_seclabel</c>.</summary>
    public string? DeviceModelSsidLabel { get; set; }

    /// <summary><c>device_model_user</c>.</summary>
    public string? DeviceModelUser { get; set; }

    /// <summary><c>extra</c>, from <c>device_model_args</c>.</summary>
    public IReadOnlyList<string>? DeviceModelArgs { get; set; }

    /// <summary><c>extra_pv</c>, from <c>device_model_args_pv</c>.</summary>
    public IReadOnlyList<string>? DeviceModelArgsPv { get; set; }

    /// <summary><c>extra_hvm</c>, from <c>device_model_args_hvm</c>.</summary>
    public IReadOnlyList<string>? DeviceModelArgsHvm { get; set; }

    /// <summary><c>sched_params</c>.</summary>
    public LibxlSchedParams SchedParams { get; } = new();

    /// <summary><c>ioports</c>: (first, number) ranges.</summary>
    public IReadOnlyList<(uint First, uint Number)> IoPorts { get; set; } = [];

    /// <summary><c>irqs</c>.</summary>
    public IReadOnlyList<uint> Irqs { get; set; } = [];

    /// <summary><c>iomem</c>: (start, number, gfn) page ranges.</summary>
    public IReadOnlyList<(ulong Start, ulong Number, ulong Gfn)> IoMemory { get; set; } = [];

    /// <summary><c>claim_mode</c>: from xl's global config (true by default).</summary>
    public bool? ClaimMode { get; set; } = true;

    /// <summary><c>event_channels</c>, from <c>max_event_channels</c>.</summary>
    public uint EventChannels { get; set; }

    /// <summary><c>kernel</c>, from <c>kernel</c> (or <c>firmware="pvgrubNN"</c>); dropped for HVM when it is <c>hvmloader</c>.</summary>
    public string? Kernel { get; set; }

    /// <summary><c>cmdline</c>, from <c>cmdline</c>, else <c>root</c> and <c>extra</c>.</summary>
    public string? Cmdline { get; set; }

    /// <summary><c>ramdisk</c>.</summary>
    public string? Ramdisk { get; set; }

    /// <summary><c>device_tree</c>.</summary>
    public string? DeviceTree { get; set; }

    /// <summary><c>acpi</c>.</summary>
    public bool? Acpi { get; set; }

    /// <summary><c>bootloader</c>.</summary>
    public string? Bootloader { get; set; }

    /// <summary><c>bootloader_args</c> (a list, or a string split at blanks).</summary>
    public IReadOnlyList<string>? BootloaderArgs { get; set; }

    /// <summary><c>timer_mode</c> (libxl's name).</summary>
    public string? TimerMode { get; set; }

    /// <summary><c>nested_hvm</c>, from <c>nestedhvm</c>.</summary>
    public bool? NestedHvm { get; set; }

    /// <summary><c>apic</c> (read for HVM only).</summary>
    public bool? Apic { get; set; }

    /// <summary><c>dm_restrict</c>.</summary>
    public bool? DmRestrict { get; set; }

    /// <summary><c>tee</c> (<c>optee</c>; <c>none</c> is the default).</summary>
    public string? Tee { get; set; }

    /// <summary><c>type.hvm</c>: set for HVM guests.</summary>
    public LibxlHvmBuildInfo? Hvm { get; set; }

    /// <summary><c>type.pv</c>: set for PV guests.</summary>
    public LibxlPvBuildInfo? Pv { get; set; }

    /// <summary><c>type.pvh</c>: set for PVH guests.</summary>
    public LibxlPvhBuildInfo? Pvh { get; set; }

    /// <summary><c>arch_arm.gic_version</c> (<c>v2</c>, <c>v3</c>).</summary>
    public string? GicVersion { get; set; }

    /// <summary><c>arch_arm.vuart</c> (<c>sbsa_uart</c>).</summary>
    public string? Vuart { get; set; }

    /// <summary><c>arch_x86.msr_relaxed</c>.</summary>
    public bool? MsrRelaxed { get; set; }

    /// <summary><c>altp2m</c> (libxl's name: <c>mixed</c>, <c>external</c>, <c>limited</c>).</summary>
    public string? Altp2m { get; set; }

    /// <summary><c>vmtrace_buf_kb</c>.</summary>
    public int VmtraceBufferKiB { get; set; }

    /// <summary><c>vpmu</c>.</summary>
    public bool? Vpmu { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.Number("max_vcpus", MaxVcpus);
        json.Bitmap("avail_vcpus", AvailableVcpus);
        WriteAffinity(json, "vcpu_hard_affinity", VcpuHardAffinity);
        WriteAffinity(json, "vcpu_soft_affinity", VcpuSoftAffinity);
        json.DefBool("numa_placement", NumaPlacement);
        json.Enum("tsc_mode", TscMode);
        WriteMemory(json, "max_memkb", MaxMemoryKiB);
        WriteMemory(json, "target_memkb", TargetMemoryKiB);
        WriteMemory(json, "video_memkb", VideoMemoryKiB);
        WriteMemory(json, "shadow_memkb", ShadowMemoryKiB);
        json.Number("rtc_timeoffset", RtcTimeOffset);
        json.String("exec_ssid_label", ExecSsidLabel);
        json.DefBool("localtime", LocalTime);
        json.DefBool("disable_migrate", DisableMigrate);
        if (Cpuid is not null)
        {
            json.Struct("cpuid", Cpuid.Write);
        }

        json.Array("vnuma_nodes", VnumaNodes.ToList(), (j, node) => j.Object(node.Write));
        json.Number("max_grant_frames", MaxGrantFrames, GrantDefault);
        json.Number("max_maptrack_frames", MaxMaptrackFrames, GrantDefault);
        json.Number("max_grant_version", MaxGrantVersion, -1);
        json.Enum("device_model_version", DeviceModelVersion);
        json.DefBool("device_model_stubdomain", DeviceModelStubdomain);
        WriteMemory(json, "stubdomain_memkb", StubdomainMemoryKiB);
        json.String("stubdomain_kernel", StubdomainKernel);
        json.String("stubdomain_cmdline", StubdomainCmdline);
        json.String("stubdomain_ramdisk", StubdomainRamdisk);
        json.String("device_model", DeviceModel);
        json.String("device_model_ssid_label", DeviceModelSsidLabel);
        json.String("device_model_user", DeviceModelUser);
        json.StringList("extra", DeviceModelArgs);
        json.StringList("extra_pv", DeviceModelArgsPv);
        json.StringList("extra_hvm", DeviceModelArgsHvm);
        json.Struct("sched_params", SchedParams.Write);
        json.Array("ioports", IoPorts, (j, range) => j.Object(o =>
        {
            o.Number("first", range.First);
            o.Number("number", range.Number);
        }));
        json.NumberList("irqs", Irqs);

        json.Array("iomem", IoMemory, (j, range) => j.Object(o =>
        {
            o.Unsigned("start", range.Start);
            o.Unsigned("number", range.Number);
            if (range.Gfn != ulong.MaxValue)
            {
                o.Inner.WriteNumber("gfn", range.Gfn);
            }
        }));
        json.DefBool("claim_mode", ClaimMode);
        json.Number("event_channels", EventChannels);
        json.String("kernel", Kernel);
        json.String("cmdline", Cmdline);
        json.String("ramdisk", Ramdisk);
        json.String("device_tree", DeviceTree);
        json.DefBool("acpi", Acpi);
        json.String("bootloader", Bootloader);
        json.StringList("bootloader_args", BootloaderArgs);
        json.Enum("timer_mode", TimerMode);
        json.DefBool("nested_hvm", NestedHvm);
        json.DefBool("apic", Apic);
        json.DefBool("dm_restrict", DmRestrict);
        json.Enum("tee", Tee);
        json.Inner.WritePropertyName(Hvm is not null ? "type.hvm" : Pvh is not null ? "type.pvh" : "type.pv");
        json.Object(Hvm is not null ? Hvm.Write : Pvh is not null ? Pvh.Write : (Pv ?? new LibxlPvBuildInfo()).Write);
        json.Struct("arch_arm", a =>
        {
            a.Enum("gic_version", GicVersion);
            a.Enum("vuart", Vuart);
        });
        json.Struct("arch_x86", a => a.DefBool("msr_relaxed", MsrRelaxed));
        json.Enum("altp2m", Altp2m);
        json.Number("vmtrace_buf_kb", VmtraceBufferKiB);
        json.DefBool("vpmu", Vpmu);
    }

    private static void WriteMemory(LibxlJsonWriter json, string name, ulong value)
    {
        if (value != MemoryDefault)
        {
            json.Inner.WriteNumber(name, value);
        }
    }

    private static void WriteAffinity(LibxlJsonWriter json, string name, IReadOnlyList<IReadOnlyList<int>> maps)
    {
        if (maps.Count == 0)
        {
            return;
        }

        json.Inner.WritePropertyName(name);
        json.Inner.WriteStartArray();
        foreach (var map in maps)
        {
            json.WriteBitmap(map);
        }

        json.Inner.WriteEndArray();
    }
}
