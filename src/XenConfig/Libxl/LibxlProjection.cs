using System.Globalization;
using XenConfig.Devices;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Domain.Syntax;

namespace XenConfig.Libxl;

/// <summary>
/// Xen 4.17's <c>parse_config_data</c> (tools/xl/xl_parse.c) over our effective settings, step by step in xl's
/// order: the first value xl refuses stops the projection with xl's reason, as xl stops there.
/// </summary>
internal sealed partial class LibxlProjection(DomainConfig config, LibxlHost host)
{
    /// <summary>Where xl's <c>firmware = "pvgrubNN"</c> points (Debian's XENFIRMWAREDIR).</summary>
    internal const string FirmwareDirectory = "/usr/lib/xen-4.17/boot";

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly LibxlDomainConfig _result = new();
    private readonly DomainConfigDocument _document = config.Document;

    public LibxlBuildResult Run()
    {
        _diagnostics.AddRange(_document.Diagnostics);
        if (_document.HasErrors)
        {
            return new LibxlBuildResult(null, _diagnostics);
        }

        try
        {
            Parse();
            CheckHardAffinity();
        }
        catch (RejectedException)
        {
            return new LibxlBuildResult(null, _diagnostics);
        }

        return new LibxlBuildResult(_result, _diagnostics);
    }

    private LibxlCreateInfo CInfo => _result.CreateInfo;

    private LibxlBuildInfo BInfo => _result.BuildInfo;

    private void Parse()
    {
        if (String("init_seclabel") is { } initLabel)
        {
            CInfo.SsidLabel = initLabel;
        }

        if (String("seclabel") is { } label)
        {
            if (CInfo.SsidLabel is not null)
            {
                BInfo.ExecSsidLabel = label;
            }
            else
            {
                CInfo.SsidLabel = label;
            }
        }

        ParseType();
        CInfo.Hap = DefBool("hap");
        if (String("name") is not { } name)
        {
            throw Reject("name", "Domain name must be specified.", DiagnosticIds.NameMissing);
        }

        CInfo.Name = name;
        if (String("uuid") is { } uuid)
        {
            if (!DeviceGrammar.TryParseUuid(uuid, out var parsed))
            {
                throw Reject("uuid", $"Failed to parse UUID: {uuid}", DiagnosticIds.InvalidUuid);
            }

            CInfo.Uuid = parsed;
        }
        else
        {
            CInfo.Uuid = Guid.NewGuid();
        }

        CInfo.Oos = DefBool("oos");
        CInfo.PoolName = String("pool");

        InitBuildInfo();

        var sched = BInfo.SchedParams;
        sched.Weight = Int("cpu_weight") ?? sched.Weight;
        sched.Cap = Int("cap") ?? sched.Cap;
        sched.Period = Int("period") ?? sched.Period;
        sched.Slice = Int("slice") ?? sched.Slice;
        sched.Latency = Int("latency") ?? sched.Latency;
        sched.ExtraTime = Int("extratime") ?? sched.ExtraTime;

        var vcpus = ParseMemoryAndVcpus();

        if (BInfo.MaxMemoryKiB == LibxlBuildInfo.MemoryDefault)
        {
            BInfo.MaxMemoryKiB = BInfo.TargetMemoryKiB;
        }

        if (BInfo.MaxVcpus == 0)
        {
            BInfo.MaxVcpus = unchecked((int)vcpus);
        }

        if (BInfo.MaxVcpus < vcpus)
        {
            throw Reject("vcpus", $"xl: maxvcpus < vcpus ({BInfo.MaxVcpus} < {vcpus})", DiagnosticIds.VcpusExceedMaxvcpus);
        }

        ParseAffinity("cpus", hard: true);
        ParseAffinity("cpus_soft", hard: false);

        BInfo.MaxGrantFrames = BoundedGrant("max_grant_frames") is { } frames ? (uint)frames : BInfo.MaxGrantFrames;
        BInfo.MaxMaptrackFrames = BoundedGrant("max_maptrack_frames") is { } maptrack ? (uint)maptrack : BInfo.MaxMaptrackFrames;
        BInfo.MaxGrantVersion = BoundedGrant("max_grant_version") is { } version ? (int)version : BInfo.MaxGrantVersion;

        _result.OnPoweroff = Action("on_poweroff", "destroy");
        _result.OnReboot = Action("on_reboot", "restart");
        _result.OnWatchdog = Action("on_watchdog", "destroy");
        _result.OnCrash = Action("on_crash", "destroy");
        _result.OnSoftReset = Action("on_soft_reset", "soft-reset");

        if (CInfo.Type == LibxlDomainType.Pv)
        {
            BInfo.Pv!.E820Host = DefBool("e820_host");
        }

        ParsePci();

        if (List("dtdev") is { } dtdevs)
        {
            foreach (var path in Strings(dtdevs))
            {
                _result.DeviceTreeDevices.Add(path);
            }
        }

        ParsePassthrough();

        if (Long("shadow_memory") is { } shadow)
        {
            BInfo.ShadowMemoryKiB = unchecked((ulong)(shadow * 1024));
        }

        BInfo.DisableMigrate = DefBool("nomigrate");
        ParseTscMode();

        if (Long("rtc_timeoffset") is { } offset)
        {
            BInfo.RtcTimeOffset = unchecked((uint)offset);
        }

        if (Long("vncviewer") is not null)
        {
            Warn("vncviewer", "WARNING: ignoring \"vncviewer\" option. Use \"-V\" option of \"xl create\" to automatically spawn vncviewer.");
        }

        BInfo.LocalTime = DefBool("localtime");
        if (Long("videoram") is { } videoram)
        {
            BInfo.VideoMemoryKiB = unchecked((ulong)(videoram * 1024));
        }

        if (Long("max_event_channels") is { } channels)
        {
            BInfo.EventChannels = unchecked((uint)channels);
        }

        BInfo.Kernel = String("kernel");
        BInfo.Ramdisk = String("ramdisk");
        BInfo.DeviceTree = String("device_tree");
        BInfo.Cmdline = ParseCmdline();
        CInfo.DriverDomain = DefBool("driver_domain");
        BInfo.Acpi = DefBool("acpi");
        BInfo.Bootloader = String("bootloader");
        ParseBootloaderArgs();
        ParseTimerMode();
        BInfo.NestedHvm = DefBool("nestedhvm");

        if (CInfo.Type == LibxlDomainType.Hvm)
        {
            ParseHvm();
        }
        else
        {
            ParsePvFirmware();
        }

        ParseAltp2m();
        if (Long("vmtrace_buf_kb", dontWarn: true) is { } vmtrace && vmtrace != 0)
        {
            BInfo.VmtraceBufferKiB = unchecked((int)vmtrace);
        }

        ParseIoPorts();
        ParseIrqs();
        ParseIoMemory();
        ParseDisks();
        ParseP9();
        ParseVtpms();
        ParseVdispls();
        ParsePvCalls();
        ParseVsnds();
        ParseChannels();
        ParseNics();
        if (List("vif2", dontWarn: true) is not null)
        {
            Warn("vif2", "WARNING: vif2: netchannel2 is deprecated and not supported by xl");
        }

        ParseVfbs();
        ParseUsbControllers();
        ParseUsbDevices();
        ParseCpuid();
        ParseDeviceModel();
        ParseConsoles();
        BInfo.DmRestrict = DefBool("dm_restrict");
        if (CInfo.Type == LibxlDomainType.Hvm)
        {
            ParseHvmDevices();
        }

        ParseGicVersion();

        ParseTee();

        ParseVkbs();
        CInfo.XendSuspendEvtchnCompat = DefBool("xend_suspend_evtchn_compat");
        if (DefBool("msr_relaxed") is { } relaxed)
        {
            BInfo.MsrRelaxed = relaxed;
            Warn("msr_relaxed", "WARNING: msr_relaxed will be removed in future versions.");
        }

        BInfo.Vpmu = DefBool("vpmu");
    }

    /// <summary>The build info of the guest type: <c>b_info.u.hvm</c>, <c>u.pvh</c> (with the shim keys) or <c>u.pv</c>.</summary>
    private void InitBuildInfo()
    {
        switch (CInfo.Type)
        {
            case LibxlDomainType.Hvm:
                BInfo.Hvm = new LibxlHvmBuildInfo();
                break;
            case LibxlDomainType.Pvh:
                BInfo.Pvh = new LibxlPvhBuildInfo
                {
                    PvShim = DefBool("pvshim"),
                    PvShimPath = String("pvshim_path"),
                    PvShimCmdline = String("pvshim_cmdline"),
                    PvShimExtra = String("pvshim_extra"),
                };
                break;
            default:
                BInfo.Pv = new LibxlPvBuildInfo();
                break;
        }
    }

    /// <summary><c>memory</c>, <c>maxmem</c>, <c>vcpus</c>, <c>maxvcpus</c>, <c>vuart</c> and <c>vnuma</c> in xl's order; returns <c>vcpus</c> as read (0 when unset).</summary>
    private long ParseMemoryAndVcpus()
    {
        if (Long("memory") is { } memory)
        {
            BInfo.TargetMemoryKiB = unchecked((ulong)(memory * 1024));
        }

        if (Long("maxmem") is { } maxmem)
        {
            BInfo.MaxMemoryKiB = unchecked((ulong)(maxmem * 1024));
        }

        long vcpus = 0;
        if (Long("vcpus") is { } vcpuCount)
        {
            vcpus = vcpuCount;
            if (unchecked((int)vcpuCount) < 0)
            {
                throw Reject("vcpus", "Unable to allocate cpumap");
            }

            BInfo.AvailableVcpus = Enumerable.Range(0, unchecked((int)vcpuCount)).ToList();
        }

        if (Long("maxvcpus") is { } maxvcpus)
        {
            BInfo.MaxVcpus = unchecked((int)maxvcpus);
        }

        ParseVuart();

        ParseVnuma();
        return vcpus;
    }

    /// <summary><c>passthrough</c>: <c>c_info.passthrough</c>.</summary>
    private void ParsePassthrough()
    {
        if (String("passthrough") is { } passthrough)
        {
            CInfo.Passthrough = EnumName(passthrough, "passthrough", ["default", "disabled", "enabled", "sync_pt", "share_pt"],
                $"ERROR: unknown passthrough option '{passthrough}'");
        }
    }

    /// <summary><c>vuart</c>: <c>b_info.arch_arm.vuart</c>.</summary>
    private void ParseVuart()
    {
        if (String("vuart") is { } vuart)
        {
            BInfo.Vuart = EnumName(vuart, "vuart", ["unknown", "sbsa_uart"], $"ERROR: invalid value \"{vuart}\" for \"vuart\"");
        }
    }

    /// <summary><c>gic_version</c>: <c>b_info.arch_arm.gic_version</c>.</summary>
    private void ParseGicVersion()
    {
        if (String("gic_version", dontWarn: true) is { } gic)
        {
            BInfo.GicVersion = EnumName(gic, "gic_version", ["default", "v2", "v3"], $"Unknown gic_version \"{gic}\" specified");
        }
    }

    /// <summary><c>tee</c>: <c>b_info.tee</c>.</summary>
    private void ParseTee()
    {
        if (String("tee", dontWarn: true) is { } tee)
        {
            BInfo.Tee = EnumName(tee, "tee", ["none", "optee"], $"Unknown tee \"{tee}\" specified");
        }
    }

    private void ParseType()
    {
        LibxlDomainType? type = null;
        if (String("type") is { } text)
        {
            type = MatchPrefix(text, ("hvm", LibxlDomainType.Hvm), ("pv", LibxlDomainType.Pv), ("pvh", LibxlDomainType.Pvh))
                ?? throw Reject("type", $"Invalid domain type {text}.", DiagnosticIds.InvalidGuestType);
        }

        if (String("builder") is { } builder)
        {
            // xl tries hvm first, so "" (a prefix of every word) is HVM.
            var byBuilder = MatchPrefix(builder, ("hvm", LibxlDomainType.Hvm), ("generic", LibxlDomainType.Pv))
                ?? throw Reject("builder", $"Invalid domain type {builder}.", DiagnosticIds.InvalidGuestType);
            if (type is { } fromType && fromType != byBuilder)
            {
                throw Reject("builder", "Contradicting \"builder\" and \"type\" options specified.", DiagnosticIds.InvalidGuestType);
            }

            type = byBuilder;
        }

        CInfo.Type = type ?? LibxlDomainType.Pv;
    }

    private string? ParseCmdline()
    {
        var cmdline = String("cmdline");
        var root = String("root");
        var extra = String("extra");
        if (cmdline is not null && (root is not null || extra is not null))
        {
            Warn("cmdline", "Warning: ignoring root= and extra= in favour of cmdline=");
        }

        return global::XenConfig.Boot.KernelCommandLine.Compose(cmdline, root, extra);
    }

    private void ParseBootloaderArgs()
    {
        if (!TryGetSetting("bootloader_args", out var setting))
        {
            return;
        }

        if (setting.Value.IsList)
        {
            BInfo.BootloaderArgs = StringList(setting.Value);
        }
        else
        {
            Warn("bootloader_args", "WARNING: Specifying \"bootloader_args\" as a string is deprecated. Please use a list of arguments.");
            BInfo.BootloaderArgs = SplitTokens(setting.Value.Text!, " \t\n");
        }
    }

    private void ParseTscMode()
    {
        if (Long("tsc_mode", dontWarn: true) is { } mode)
        {
            Warn("tsc_mode", "WARNING: specifying \"tsc_mode\" as an integer is deprecated. Please use the named parameter variant.");
            if (mode is < 0 or > 3)
            {
                throw Reject("tsc_mode", $"ERROR: invalid value {mode} for \"tsc_mode\"");
            }

            BInfo.TscMode = mode == 0 ? null : TscModes[(int)mode];
        }
        else if (String("tsc_mode") is { } text)
        {
            BInfo.TscMode = EnumName(text, "tsc_mode", TscModes, $"ERROR: invalid value \"{text}\" for \"tsc_mode\"");
        }
    }

    private static readonly string[] TscModes = ["default", "always_emulate", "native", "native_paravirt"];

    private static readonly string[] TimerModes = ["delay_for_missed_ticks", "no_delay_for_missed_ticks", "no_missed_ticks_pending", "one_missed_tick_pending"];

    private void ParseTimerMode()
    {
        if (Long("timer_mode", dontWarn: true) is { } mode)
        {
            if (CInfo.Type == LibxlDomainType.Pv)
            {
                throw Reject("timer_mode", "ERROR: \"timer_mode\" option is not supported for PV guests.");
            }

            Warn("timer_mode", "WARNING: specifying \"timer_mode\" as an integer is deprecated. Please use the named parameter variant.");
            if (mode is < 0 or > 3)
            {
                throw Reject("timer_mode", $"ERROR: invalid value {mode} for \"timer_mode\"");
            }

            BInfo.TimerMode = TimerModes[(int)mode];
        }
        else if (String("timer_mode") is { } text)
        {
            if (CInfo.Type == LibxlDomainType.Pv)
            {
                throw Reject("timer_mode", "ERROR: \"timer_mode\" option is not supported for PV guests.");
            }

            // "unknown" (-1) is libxl's default and is left out of the JSON.
            var name = EnumName(text, "timer_mode", ["unknown", .. TimerModes], $"ERROR: invalid value \"{text}\" for \"timer_mode\"");
            BInfo.TimerMode = name == "unknown" ? null : name;
        }
    }

    private void ParsePvFirmware()
    {
        if (String("firmware") is { } firmware)
        {
            if (BInfo.Kernel is not null)
            {
                throw Reject("firmware", "ERROR: both kernel and firmware specified");
            }

            if (!"pvgrub32".StartsWith(firmware, StringComparison.Ordinal) && !"pvgrub64".StartsWith(firmware, StringComparison.Ordinal))
            {
                throw Reject("firmware", "ERROR: only pvgrub{32|64} supported as firmware options");
            }

            BInfo.Kernel = $"{FirmwareDirectory}/{firmware}.bin";
        }

        if (BInfo.Bootloader is null && BInfo.Kernel is null)
        {
            throw Reject(null, "Neither kernel nor bootloader specified", DiagnosticIds.NoKernelNorBootloader);
        }
    }

    private void ParseAltp2m()
    {
        if (Long("altp2m", dontWarn: true) is { } mode)
        {
            if (mode is < 0 or > 3)
            {
                throw Reject("altp2m", $"ERROR: invalid value {mode} for \"altp2m\"");
            }

            BInfo.Altp2m = mode == 0 ? null : Altp2mModes[(int)mode];
        }
        else if (String("altp2m") is { } text)
        {
            var name = EnumName(text, "altp2m", Altp2mModes, $"ERROR: invalid value \"{text}\" for \"altp2m\"");
            BInfo.Altp2m = name == "disabled" ? null : name;
        }
    }

    private static readonly string[] Altp2mModes = ["disabled", "mixed", "external", "limited"];

    private LibxlShutdownAction Action(string key, string fallback)
    {
        var text = String(key) ?? fallback;
        if (!DomainEventActions.TryParse(text, out var action))
        {
            throw Reject(key, $"Unknown {key} action \"{text}\" specified", DiagnosticIds.InvalidEventAction);
        }

        return action switch
        {
            DomainEventAction.Destroy => LibxlShutdownAction.Destroy,
            DomainEventAction.Restart => LibxlShutdownAction.Restart,
            DomainEventAction.RenameRestart => LibxlShutdownAction.RestartRename,
            DomainEventAction.Preserve => LibxlShutdownAction.Preserve,
            DomainEventAction.CoredumpDestroy => LibxlShutdownAction.CoredumpDestroy,
            DomainEventAction.CoredumpRestart => LibxlShutdownAction.CoredumpRestart,
            _ => LibxlShutdownAction.SoftReset,
        };
    }

    private long? BoundedGrant(string key)
    {
        if (!TryGetSetting(key, out var setting))
        {
            return null;
        }

        // xl reads these quietly and stops on any value that is not a number in [0, INT_MAX].
        if (setting.Value.IsList || setting.IsFromAddition || !XlNumber.TryParse(setting.Value.Text!, out var value) || value < 0 || value > int.MaxValue)
        {
            throw Reject(key, $"'{key}' must be a number from 0 to {int.MaxValue}");
        }

        return value;
    }

    private void CheckHardAffinity()
    {
        // xl create applies its global affinity masks (all CPUs by default) after parsing; an empty map is fatal.
        foreach (var map in BInfo.VcpuHardAffinity)
        {
            if (map.Count == 0)
            {
                throw Reject("cpus", "vcpu hard affinity map is empty");
            }
        }
    }

    private static LibxlDomainType? MatchPrefix(string value, params (string Word, LibxlDomainType Type)[] words)
    {
        foreach (var (word, type) in words)
        {
            if (word.StartsWith(value, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
