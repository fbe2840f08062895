namespace XenConfig.Libxl;

/// <summary>libxl's <c>device_disk</c>, from one <c>disk</c> item as <c>xlu_disk_parse</c> reads it.</summary>
public sealed class LibxlDisk
{
    /// <summary><c>backend_domname</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>pdev_path</c>: the target.</summary>
    public string? PdevPath { get; set; }

    /// <summary><c>vdev</c>.</summary>
    public string? Vdev { get; set; }

    /// <summary><c>backend</c> (<c>phy</c>, <c>tap</c>, <c>qdisk</c>, <c>standalone</c>).</summary>
    public string? Backend { get; set; }

    /// <summary><c>format</c> (<c>raw</c>, <c>qcow</c>, <c>qcow2</c>, <c>vhd</c>, <c>qed</c>, <c>empty</c>).</summary>
    public string? Format { get; set; }

    /// <summary><c>script</c>.</summary>
    public string? Script { get; set; }

    /// <summary><c>removable</c> (cdroms).</summary>
    public int Removable { get; set; }

    /// <summary><c>readwrite</c>.</summary>
    public int ReadWrite { get; set; }

    /// <summary><c>is_cdrom</c>.</summary>
    public int IsCdrom { get; set; }

    /// <summary><c>direct_io_safe</c>.</summary>
    public bool DirectIoSafe { get; set; }

    /// <summary><c>discard_enable</c>.</summary>
    public bool? DiscardEnable { get; set; }

    /// <summary><c>specification</c> (<c>xen</c>, <c>virtio</c>).</summary>
    public string? Specification { get; set; }

    /// <summary><c>colo_enable</c>.</summary>
    public bool? ColoEnable { get; set; }

    /// <summary><c>colo_host</c>.</summary>
    public string? ColoHost { get; set; }

    /// <summary><c>colo_port</c>.</summary>
    public int ColoPort { get; set; }

    /// <summary><c>colo_export</c>.</summary>
    public string? ColoExport { get; set; }

    /// <summary><c>active_disk</c>.</summary>
    public string? ActiveDisk { get; set; }

    /// <summary><c>hidden_disk</c>.</summary>
    public string? HiddenDisk { get; set; }

    /// <summary><c>trusted</c>.</summary>
    public bool? Trusted { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.String("pdev_path", PdevPath);
        json.String("vdev", Vdev);
        json.Enum("backend", Backend);
        json.Enum("format", Format);
        json.String("script", Script);
        json.Number("removable", Removable);
        json.Number("readwrite", ReadWrite);
        json.Number("is_cdrom", IsCdrom);
        json.Boolean("direct_io_safe", DirectIoSafe);
        json.DefBool("discard_enable", DiscardEnable);
        json.Enum("specification", Specification);
        json.DefBool("colo_enable", ColoEnable);
        json.String("colo_host", ColoHost);
        json.Number("colo_port", ColoPort);
        json.String("colo_export", ColoExport);
        json.String("active_disk", ActiveDisk);
        json.String("hidden_disk", HiddenDisk);
        json.DefBool("trusted", Trusted);
    }
}

/// <summary>libxl's <c>device_nic</c>, from one <c>vif</c> item as xl's <c>parse_nic_config</c> reads it.</summary>
public sealed class LibxlNic
{
    /// <summary><c>backend_domname</c>, from <c>backend=</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>devid</c>: the item's index unless <c>devid=</c> says otherwise.</summary>
    public int DevId { get; set; }

    /// <summary><c>mtu</c>.</summary>
    public int Mtu { get; set; }

    /// <summary><c>model</c>.</summary>
    public string? Model { get; set; }

    /// <summary><c>mac</c> (lower-case, colon-separated); null when not given (libxl picks one).</summary>
    public string? Mac { get; set; }

    /// <summary><c>ip</c>.</summary>
    public string? Ip { get; set; }

    /// <summary><c>bridge</c>.</summary>
    public string? Bridge { get; set; }

    /// <summary><c>ifname</c>, from <c>vifname=</c>.</summary>
    public string? IfName { get; set; }

    /// <summary><c>script</c>.</summary>
    public string? Script { get; set; }

    /// <summary><c>nictype</c> (<c>vif</c>, <c>vif_ioemu</c>), from <c>type=</c>.</summary>
    public string? NicType { get; set; }

    /// <summary><c>rate_bytes_per_interval</c>, from <c>rate=</c>.</summary>
    public ulong RateBytesPerInterval { get; set; }

    /// <summary><c>rate_interval_usecs</c>, from <c>rate=</c>.</summary>
    public uint RateIntervalMicroseconds { get; set; }

    /// <summary><c>gatewaydev</c>, from <c>gatewaydev=</c> or <c>netdev=</c>.</summary>
    public string? GatewayDevice { get; set; }

    /// <summary>The COLO fault-tolerance settings (<c>forwarddev</c> and <c>colo_*</c>), by libxl field name.</summary>
    public IDictionary<string, string> Colo { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>trusted</c>, from <c>trusted</c> / <c>untrusted</c>.</summary>
    public bool? Trusted { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.Inner.WriteNumber("devid", DevId);
        json.Number("mtu", Mtu);
        json.String("model", Model);
        json.String("mac", Mac);
        json.String("ip", Ip);
        json.String("bridge", Bridge);
        json.String("ifname", IfName);
        json.String("script", Script);
        json.Enum("nictype", NicType);
        json.Unsigned("rate_bytes_per_interval", RateBytesPerInterval);
        json.Number("rate_interval_usecs", RateIntervalMicroseconds);
        json.String("gatewaydev", GatewayDevice);
        foreach (var (name, value) in Colo)
        {
            json.String(name, value);
        }

        json.DefBool("trusted", Trusted);
    }
}

/// <summary>libxl's <c>device_pci</c>, from one <c>pci</c> item as <c>xlu_pci_parse_spec_string</c> reads it.</summary>
public sealed class LibxlPci
{
    /// <summary><c>func</c>.</summary>
    public int Function { get; set; }

    /// <summary><c>dev</c>.</summary>
    public int Device { get; set; }

    /// <summary><c>bus</c>.</summary>
    public int Bus { get; set; }

    /// <summary><c>domain</c>.</summary>
    public int Domain { get; set; }

    /// <summary><c>vdevfn</c>: the guest slot (<c>@N</c> or <c>vslot=</c>) shifted into devfn form.</summary>
    public uint VirtualDevFn { get; set; }

    /// <summary><c>vfunc_mask</c>: which functions pass through (<c>.*</c> is every one).</summary>
    public uint FunctionMask { get; set; }

    /// <summary><c>msitranslate</c>.</summary>
    public bool MsiTranslate { get; set; }

    /// <summary><c>power_mgmt</c>.</summary>
    public bool PowerManagement { get; set; }

    /// <summary><c>permissive</c>.</summary>
    public bool Permissive { get; set; }

    /// <summary><c>seize</c>.</summary>
    public bool Seize { get; set; }

    /// <summary><c>rdm_policy</c> (<c>strict</c>, <c>relaxed</c>).</summary>
    public string? RdmPolicy { get; set; }

    /// <summary><c>name</c>: an assignable device by name instead of BDF.</summary>
    public string? Name { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.Number("func", Function);
        json.Number("dev", Device);
        json.Number("bus", Bus);
        json.Number("domain", Domain);
        json.Number("vdevfn", VirtualDevFn);
        json.Number("vfunc_mask", FunctionMask);
        json.Boolean("msitranslate", MsiTranslate);
        json.Boolean("power_mgmt", PowerManagement);
        json.Boolean("permissive", Permissive);
        json.Boolean("seize", Seize);
        json.Enum("rdm_policy", RdmPolicy);
        json.String("name", Name);
    }
}

/// <summary>libxl's <c>device_vfb</c>: a PV framebuffer, from one <c>vfb</c> item or the top-level <c>vnc</c> keys of a PV guest.</summary>
public sealed class LibxlVfb
{
    /// <summary><c>devid</c>: the item's index.</summary>
    public int DevId { get; set; }

    /// <summary><c>vnc</c>.</summary>
    public LibxlVncInfo Vnc { get; } = new();

    /// <summary><c>sdl</c>.</summary>
    public LibxlSdlInfo Sdl { get; } = new();

    /// <summary><c>keymap</c>.</summary>
    public string? Keymap { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.Inner.WriteNumber("devid", DevId);
        json.Struct("vnc", Vnc.Write);
        json.Struct("sdl", Sdl.Write);
        json.String("keymap", Keymap);
    }
}

/// <summary>libxl's <c>device_vkb</c>: a virtual keyboard/pointer (one comes with every <c>vfb</c>; more from <c>vkb</c>).</summary>
public sealed class LibxlVkb
{
    /// <summary><c>backend_domname</c>, from <c>backend=</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>devid</c>: the index among all vkbs.</summary>
    public int DevId { get; set; }

    /// <summary><c>backend_type</c> (<c>qemu</c>, <c>linux</c>), from <c>backend-type=</c>.</summary>
    public string? BackendType { get; set; }

    /// <summary><c>unique_id</c>, from <c>unique-id=</c>.</summary>
    public string? UniqueId { get; set; }

    /// <summary><c>feature_disable_keyboard</c>.</summary>
    public bool FeatureDisableKeyboard { get; set; }

    /// <summary><c>feature_disable_pointer</c>.</summary>
    public bool FeatureDisablePointer { get; set; }

    /// <summary><c>feature_abs_pointer</c>.</summary>
    public bool FeatureAbsolutePointer { get; set; }

    /// <summary><c>feature_raw_pointer</c>.</summary>
    public bool FeatureRawPointer { get; set; }

    /// <summary><c>feature_multi_touch</c> (implied by any multi-touch size).</summary>
    public bool FeatureMultiTouch { get; set; }

    /// <summary><c>width</c>.</summary>
    public uint Width { get; set; }

    /// <summary><c>height</c>.</summary>
    public uint Height { get; set; }

    /// <summary><c>multi_touch_width</c>.</summary>
    public uint MultiTouchWidth { get; set; }

    /// <summary><c>multi_touch_height</c>.</summary>
    public uint MultiTouchHeight { get; set; }

    /// <summary><c>multi_touch_num_contacts</c>.</summary>
    public uint MultiTouchContacts { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.Inner.WriteNumber("devid", DevId);
        json.Enum("backend_type", BackendType);
        json.String("unique_id", UniqueId);
        json.Boolean("feature_disable_keyboard", FeatureDisableKeyboard);
        json.Boolean("feature_disable_pointer", FeatureDisablePointer);
        json.Boolean("feature_abs_pointer", FeatureAbsolutePointer);
        json.Boolean("feature_raw_pointer", FeatureRawPointer);
        json.Boolean("feature_multi_touch", FeatureMultiTouch);
        json.Number("width", Width);
        json.Number("height", Height);
        json.Number("multi_touch_width", MultiTouchWidth);
        json.Number("multi_touch_height", MultiTouchHeight);
        json.Number("multi_touch_num_contacts", MultiTouchContacts);
    }
}
