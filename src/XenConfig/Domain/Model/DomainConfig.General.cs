using XenConfig.Libxl;

namespace XenConfig.Domain.Model;

/// <summary>General keys of xl.cfg(5): identity, security labels, grant and event channel limits, IOMMU mode.</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>builder</c>: deprecated guest type: generic (pv) or hvm. Unset: xl leaves it to libxl. Fills <c>c_info.type</c>.</summary>
    public string? Builder { get => GetString("builder"); set => SetString("builder", value); }

    /// <summary><c>pool</c>: cpupool name. Unset: xl's default, <c>Pool-0</c>. Fills <c>c_info.pool_name</c>.</summary>
    public string? Pool { get => GetString("pool"); set => SetString("pool", value); }

    /// <summary><c>seclabel</c>: XSM label. Unset: xl leaves it to libxl. Fills <c>c_info.ssid_label, or b_info.exec_ssid_label with init_seclabel</c>.</summary>
    public string? SecLabel { get => GetString("seclabel"); set => SetString("seclabel", value); }

    /// <summary><c>init_seclabel</c>: XSM label while building. Unset: xl leaves it to libxl. Fills <c>c_info.ssid_label</c>.</summary>
    public string? InitSecLabel { get => GetString("init_seclabel"); set => SetString("init_seclabel", value); }

    /// <summary><c>nomigrate</c>: forbid migration. Unset: xl's default, <c>0</c>. Fills <c>b_info.disable_migrate</c>.</summary>
    public bool? NoMigrate { get => GetBoolean("nomigrate"); set => SetBoolean("nomigrate", value); }

    /// <summary><c>driver_domain</c>: the domain is a driver domain. Unset: xl's default, <c>0</c>. Fills <c>c_info.driver_domain</c>.</summary>
    public bool? DriverDomain { get => GetBoolean("driver_domain"); set => SetBoolean("driver_domain", value); }

    /// <summary><c>max_grant_frames</c>: grant table frames. Unset: xl leaves it to libxl. Fills <c>b_info.max_grant_frames</c>.</summary>
    public long? MaxGrantFrames { get => GetNumber("max_grant_frames"); set => SetNumber("max_grant_frames", value); }

    /// <summary><c>max_maptrack_frames</c>: maptrack frames. Unset: xl leaves it to libxl. Fills <c>b_info.max_maptrack_frames</c>.</summary>
    public long? MaxMaptrackFrames { get => GetNumber("max_maptrack_frames"); set => SetNumber("max_maptrack_frames", value); }

    /// <summary><c>max_grant_version</c>: highest grant table version. Unset: xl leaves it to libxl. Fills <c>b_info.max_grant_version</c>.</summary>
    public long? MaxGrantVersion { get => GetNumber("max_grant_version"); set => SetNumber("max_grant_version", value); }

    /// <summary><c>max_event_channels</c>: event channel limit. Unset: xl's default, <c>1023</c>. Fills <c>b_info.event_channels</c>.</summary>
    public long? MaxEventChannels { get => GetNumber("max_event_channels"); set => SetNumber("max_event_channels", value); }

    /// <summary><c>xenstore_feature_mask</c>: xenstore features offered. Unset: xl's default, <c>0xffffffff</c>. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public long? XenstoreFeatureMask { get => GetNumber("xenstore_feature_mask"); set => SetNumber("xenstore_feature_mask", value); }

    /// <summary><c>xenstore_quota</c>: xenstore quota overrides, name=value. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public IReadOnlyList<string>? XenstoreQuota { get => GetStringList("xenstore_quota"); set => SetStringList("xenstore_quota", value); }

    /// <summary><c>passthrough</c>: IOMMU mode: disabled, enabled, sync_pt, share_pt, default. Unset: xl leaves it to libxl. Fills <c>c_info.passthrough</c>. As written; <see cref="EffectivePassthrough"/> is what xl makes of it.</summary>
    public string? Passthrough { get => GetString("passthrough"); set => SetString("passthrough", value); }

    /// <summary><c>device_tree</c>: Arm partial device tree. Unset: xl leaves it to libxl. Fills <c>b_info.device_tree</c>.</summary>
    public string? DeviceTree { get => GetString("device_tree"); set => SetString("device_tree", value); }

    /// <summary><c>xend_suspend_evtchn_compat</c>: xend suspend event channel compatibility. Unset: xl's default, <c>0</c>. Fills <c>c_info.xend_suspend_evtchn_compat</c>.</summary>
    public bool? XendSuspendEvtchnCompat { get => GetBoolean("xend_suspend_evtchn_compat"); set => SetBoolean("xend_suspend_evtchn_compat", value); }

    /// <summary><c>vmtrace_buf_kb</c>: processor trace buffer size. Unset: xl's default, <c>0</c>. Fills <c>b_info.vmtrace_buf_kb</c>.</summary>
    public long? VmtraceBufferKiB { get => GetNumber("vmtrace_buf_kb"); set => SetNumber("vmtrace_buf_kb", value); }

    /// <summary><c>vpmu</c>: Arm virtual PMU. Unset: xl's default, <c>0</c>. Fills <c>b_info.vpmu</c>.</summary>
    public bool? Vpmu { get => GetBoolean("vpmu"); set => SetBoolean("vpmu", value); }

    /// <summary>
    /// <c>passthrough</c> as libxl's name (<c>default</c> when unset; matched case-insensitively), read by the same step
    /// as <see cref="ToLibxl"/>; null when xl refuses the value (the text stays in <see cref="Passthrough"/>).
    /// </summary>
    public string? EffectivePassthrough => LibxlProjection.ReadPassthrough(this);
}
