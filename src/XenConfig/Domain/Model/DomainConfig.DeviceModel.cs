namespace XenConfig.Domain.Model;

/// <summary>Device model keys of xl.cfg(5): qemu version, arguments, stub domains.</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>device_model_args</c>: extra device model arguments. Unset: xl leaves it to libxl. Fills <c>b_info.extra</c>.</summary>
    public IReadOnlyList<string>? DeviceModelArgs { get => GetStringList("device_model_args"); set => SetStringList("device_model_args", value); }

    /// <summary><c>device_model_args_pv</c>: extra device model arguments for PV. Unset: xl leaves it to libxl. Fills <c>b_info.extra_pv</c>.</summary>
    public IReadOnlyList<string>? DeviceModelArgsPv { get => GetStringList("device_model_args_pv"); set => SetStringList("device_model_args_pv", value); }

    /// <summary><c>device_model_args_hvm</c>: extra device model arguments for HVM. Unset: xl leaves it to libxl. Fills <c>b_info.extra_hvm</c>.</summary>
    public IReadOnlyList<string>? DeviceModelArgsHvm { get => GetStringList("device_model_args_hvm"); set => SetStringList("device_model_args_hvm", value); }

    /// <summary><c>device_model_version</c>: qemu-xen or qemu-xen-traditional. Unset: xl's default, <c>qemu-xen</c>. Fills <c>b_info.device_model_version</c>. As written; <see cref="ToLibxl"/> holds xl's reading (case-insensitive names, numbers, refusals).</summary>
    public string? DeviceModelVersion { get => GetString("device_model_version"); set => SetString("device_model_version", value); }

    /// <summary><c>device_model_override</c>: device model binary. Unset: xl leaves it to libxl. Fills <c>b_info.device_model</c>.</summary>
    public string? DeviceModelOverride { get => GetString("device_model_override"); set => SetString("device_model_override", value); }

    /// <summary><c>device_model_stubdomain_override</c>: run the device model in a stub domain. Unset: xl's default, <c>0</c>. Fills <c>b_info.device_model_stubdomain</c>.</summary>
    public bool? DeviceModelStubdomain { get => GetBoolean("device_model_stubdomain_override"); set => SetBoolean("device_model_stubdomain_override", value); }

    /// <summary><c>device_model_stubdomain_seclabel</c>: stub domain XSM label. Unset: xl leaves it to libxl. Fills <c>b_info.device_model_ssid_label</c>.</summary>
    public string? DeviceModelStubdomainSecLabel { get => GetString("device_model_stubdomain_seclabel"); set => SetString("device_model_stubdomain_seclabel", value); }

    /// <summary><c>device_model_user</c>: user to run the device model as. Unset: xl leaves it to libxl. Fills <c>b_info.device_model_user</c>.</summary>
    public string? DeviceModelUser { get => GetString("device_model_user"); set => SetString("device_model_user", value); }

    /// <summary><c>dm_restrict</c>: restrict the device model. Unset: xl's default, <c>0</c>. Fills <c>b_info.dm_restrict</c>.</summary>
    public bool? DmRestrict { get => GetBoolean("dm_restrict"); set => SetBoolean("dm_restrict", value); }

    /// <summary><c>stubdomain_kernel</c>: stub domain kernel. Unset: xl leaves it to libxl. Fills <c>b_info.stubdomain_kernel</c>.</summary>
    public string? StubdomainKernel { get => GetString("stubdomain_kernel"); set => SetString("stubdomain_kernel", value); }

    /// <summary><c>stubdomain_cmdline</c>: stub domain command line. Unset: xl leaves it to libxl. Fills <c>b_info.stubdomain_cmdline</c>.</summary>
    public string? StubdomainCmdline { get => GetString("stubdomain_cmdline"); set => SetString("stubdomain_cmdline", value); }

    /// <summary><c>stubdomain_ramdisk</c>: stub domain ramdisk. Unset: xl leaves it to libxl. Fills <c>b_info.stubdomain_ramdisk</c>.</summary>
    public string? StubdomainRamdisk { get => GetString("stubdomain_ramdisk"); set => SetString("stubdomain_ramdisk", value); }

    /// <summary><c>stubdomain_memory</c>: stub domain memory, MiB. Unset: xl leaves it to libxl. Fills <c>b_info.stubdomain_memkb</c>.</summary>
    public long? StubdomainMemory { get => GetNumber("stubdomain_memory"); set => SetNumber("stubdomain_memory", value); }

    /// <summary><c>device_model</c>: xm leftover; xl ignores it with a warning. Unset: xl leaves it to libxl. xl only warns about it; it fills nothing.</summary>
    public string? DeviceModel { get => GetString("device_model"); set => SetString("device_model", value); }

    /// <summary><c>vncviewer</c>: xm leftover; xl ignores it with a warning. Unset: xl leaves it to libxl. xl only warns about it; it fills nothing.</summary>
    public long? VncViewer { get => GetNumber("vncviewer"); set => SetNumber("vncviewer", value); }
}
