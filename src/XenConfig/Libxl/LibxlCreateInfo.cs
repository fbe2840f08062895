namespace XenConfig.Libxl;

/// <summary>libxl's <c>domain_create_info</c> (<c>c_info</c>): what the domain is. Null means libxl's default.</summary>
public sealed class LibxlCreateInfo
{
    /// <summary><c>type</c>, from <c>type</c> or <c>builder</c>; PV when neither is set.</summary>
    public LibxlDomainType Type { get; set; } = LibxlDomainType.Pv;

    /// <summary><c>hap</c>, from <c>hap</c>.</summary>
    public bool? Hap { get; set; }

    /// <summary><c>oos</c>, from <c>oos</c>.</summary>
    public bool? Oos { get; set; }

    /// <summary><c>ssid_label</c>, from <c>init_seclabel</c>, else <c>seclabel</c>.</summary>
    public string? SsidLabel { get; set; }

    /// <summary><c>name</c>, from <c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>uuid</c>, from <c>uuid</c> (a fresh one when unset).</summary>
    public Guid Uuid { get; set; }

    /// <summary><c>pool_name</c>, from <c>pool</c>.</summary>
    public string? PoolName { get; set; }

    /// <summary><c>run_hotplug_scripts</c>: from xl's global config (<c>run_hotplug_scripts</c>, true by default).</summary>
    public bool? RunHotplugScripts { get; set; } = true;

    /// <summary><c>driver_domain</c>, from <c>driver_domain</c>.</summary>
    public bool? DriverDomain { get; set; }

    /// <summary><c>passthrough</c> (libxl's name: <c>disabled</c>, <c>enabled</c>, <c>sync_pt</c>, <c>share_pt</c>), from <c>passthrough</c>.</summary>
    public string? Passthrough { get; set; }

    /// <summary><c>xend_suspend_evtchn_compat</c>.</summary>
    public bool? XendSuspendEvtchnCompat { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.Enum("type", Type.ToString().ToLowerInvariant());
        json.DefBool("hap", Hap);
        json.DefBool("oos", Oos);
        json.String("ssid_label", SsidLabel);
        json.String("name", Name);
        json.String("uuid", Uuid == Guid.Empty ? null : Uuid.ToString("D"));
        json.String("pool_name", PoolName);
        json.DefBool("run_hotplug_scripts", RunHotplugScripts);
        json.DefBool("driver_domain", DriverDomain);
        json.Enum("passthrough", Passthrough);
        json.DefBool("xend_suspend_evtchn_compat", XendSuspendEvtchnCompat);
    }
}
