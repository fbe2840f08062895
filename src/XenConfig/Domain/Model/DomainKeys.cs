
namespace XenConfig.Domain.Model;

/// <summary>The keys xl reads from a domain config (xen-domain spec §3), with their types and defaults.</summary>
public static class DomainKeys
{
    private static readonly DomainKey[] Table =
    [
        // General
        new("name", DomainKeyType.String, null, "domain name; required and unique on the host", true, Property: "Name"),
        new("type", DomainKeyType.String, "pv", "guest type: pv, pvh or hvm", true, Property: "Type"),
        new("builder", DomainKeyType.String, null, "deprecated guest type: generic (pv) or hvm", true, Property: "Builder"),
        new("uuid", DomainKeyType.String, null, "domain UUID; random per boot when unset", true, Property: "UuidText"),
        new("pool", DomainKeyType.String, "Pool-0", "cpupool name", Property: "Pool"),
        new("seclabel", DomainKeyType.String, null, "XSM label", Property: "SecLabel"),
        new("init_seclabel", DomainKeyType.String, null, "XSM label while building", Property: "InitSecLabel"),
        new("nomigrate", DomainKeyType.Boolean, "0", "forbid migration", Property: "NoMigrate"),
        new("driver_domain", DomainKeyType.Boolean, "0", "the domain is a driver domain", Property: "DriverDomain"),
        new("max_grant_frames", DomainKeyType.Number, null, "grant table frames", Property: "MaxGrantFrames"),
        new("max_maptrack_frames", DomainKeyType.Number, null, "maptrack frames", Property: "MaxMaptrackFrames"),
        new("max_grant_version", DomainKeyType.Number, null, "highest grant table version", Property: "MaxGrantVersion"),
        new("max_event_channels", DomainKeyType.Number, "1023", "event channel limit", Property: "MaxEventChannels"),
        new("xenstore_feature_mask", DomainKeyType.Number, "0xffffffff", "xenstore features offered", Property: "XenstoreFeatureMask"),
        new("xenstore_quota", DomainKeyType.List, null, "xenstore quota overrides, name=value", Property: "XenstoreQuota"),
        new("passthrough", DomainKeyType.String, null, "IOMMU mode: disabled, enabled, sync_pt, share_pt, default", Property: "Passthrough"),
        new("device_tree", DomainKeyType.String, null, "Arm partial device tree", Property: "DeviceTree"),
        new("xend_suspend_evtchn_compat", DomainKeyType.Boolean, "0", "xend suspend event channel compatibility", Property: "XendSuspendEvtchnCompat"),
        new("vmtrace_buf_kb", DomainKeyType.Number, "0", "processor trace buffer size", Property: "VmtraceBufferKiB"),
        new("vpmu", DomainKeyType.Boolean, "0", "Arm virtual PMU", Property: "Vpmu"),

        // Memory and CPU
        new("memory", DomainKeyType.Number, "32", "memory at start, MiB", true, Property: "Memory"),
        new("maxmem", DomainKeyType.Number, null, "maximum memory, MiB (defaults to memory)", true, Property: "MaxMemory"),
        new("vcpus", DomainKeyType.Number, "1", "vCPUs online at start", true, Property: "Vcpus"),
        new("maxvcpus", DomainKeyType.Number, null, "maximum vCPUs (defaults to vcpus)", true, Property: "MaxVcpus"),
        new("cpus", DomainKeyType.ListOrString, null, "hard CPU affinity", true, Property: "Cpus"),
        new("cpus_soft", DomainKeyType.ListOrString, null, "soft CPU affinity", Property: "CpusSoft"),
        new("cpu_weight", DomainKeyType.Number, "256", "scheduler weight", true, Property: "CpuWeight"),
        new("cap", DomainKeyType.Number, "0", "CPU cap in percent of one pCPU", Property: "CpuCap"),
        new("period", DomainKeyType.Number, null, "scheduler period", Property: "SchedPeriod"),
        new("slice", DomainKeyType.Number, null, "scheduler slice", Property: "SchedSlice"),
        new("latency", DomainKeyType.Number, null, "scheduler latency", Property: "SchedLatency"),
        new("extratime", DomainKeyType.Number, null, "scheduler extra time", Property: "SchedExtraTime"),
        new("vnuma", DomainKeyType.NestedList, null, "virtual NUMA nodes", Property: "VnumaNodes"),
        new("llc_colors", DomainKeyType.List, null, "Arm last-level cache colours", Property: "LlcColors"),
        new("shadow_memory", DomainKeyType.Number, null, "shadow memory, MiB", Property: "ShadowMemory"),

        // Boot
        new("kernel", DomainKeyType.String, null, "kernel image (PV/PVH) or, for HVM, an ignored hvmloader", true, Property: "Kernel"),
        new("ramdisk", DomainKeyType.String, null, "initial ramdisk", true, Property: "Ramdisk"),
        new("root", DomainKeyType.String, null, "root device, passed as root=<value>", true, Property: "Root"),
        new("extra", DomainKeyType.String, null, "extra kernel command line", true, Property: "Extra"),
        new("cmdline", DomainKeyType.String, null, "whole kernel command line; overrides root and extra", true, Property: "Cmdline"),
        new("bootloader", DomainKeyType.String, null, "bootloader run in dom0, usually pygrub", true, Property: "Bootloader"),
        new("bootloader_args", DomainKeyType.List, null, "bootloader arguments", true, Property: "BootloaderArgs"),
        new("bootloader_restrict", DomainKeyType.Boolean, null, "run the bootloader restricted", Property: "BootloaderRestrict"),
        new("bootloader_user", DomainKeyType.String, null, "user to run the bootloader as", Property: "BootloaderUser"),
        new("firmware", DomainKeyType.String, null, "firmware: pvgrub32/pvgrub64, or bios/uefi/seabios/rombios/ovmf or a path", Property: "Firmware"),
        new("pvshim", DomainKeyType.Boolean, "0", "run a PV guest inside a PVH shim", Property: "PvShim"),
        new("pvshim_path", DomainKeyType.String, null, "PV shim image", Property: "PvShimPath"),
        new("pvshim_cmdline", DomainKeyType.String, "pv-shim console=xen,pv", "PV shim command line", Property: "PvShimCmdline"),
        new("pvshim_extra", DomainKeyType.String, null, "extra PV shim command line", Property: "PvShimExtra"),
        new("device_model_args", DomainKeyType.List, null, "extra device model arguments", Property: "DeviceModelArgs"),
        new("device_model_args_pv", DomainKeyType.List, null, "extra device model arguments for PV", Property: "DeviceModelArgsPv"),
        new("device_model_args_hvm", DomainKeyType.List, null, "extra device model arguments for HVM", Property: "DeviceModelArgsHvm"),

        // Event actions
        new("on_poweroff", DomainKeyType.String, "destroy", "action when the guest powers off", true, Property: "OnPoweroffAction"),
        new("on_reboot", DomainKeyType.String, "restart", "action when the guest reboots", true, Property: "OnRebootAction"),
        new("on_crash", DomainKeyType.String, "destroy", "action when the guest crashes", true, Property: "OnCrashAction"),
        new("on_watchdog", DomainKeyType.String, "destroy", "action when the watchdog fires", Property: "OnWatchdogAction"),
        new("on_soft_reset", DomainKeyType.String, "soft-reset", "action on soft reset", Property: "OnSoftResetAction"),

        // Devices
        new("disk", DomainKeyType.List, null, "virtual disks (DISKSPEC strings)", true, Property: "DiskItems"),
        new("vif", DomainKeyType.List, null, "virtual network interfaces", true, Property: "VifItems"),
        new("vfb", DomainKeyType.List, null, "virtual frame buffers", true, Property: "VfbItems"),
        new("vkb", DomainKeyType.List, null, "virtual keyboards", Property: "VkbDevices"),
        new("pci", DomainKeyType.List, null, "PCI passthrough devices", true, Property: "PciItems"),
        new("channel", DomainKeyType.List, null, "virtual channels", Property: "ChannelItems"),
        new("vtpm", DomainKeyType.List, null, "virtual TPMs", Property: "VtpmItems"),
        new("usbctrl", DomainKeyType.List, null, "USB controllers", Property: "UsbCtrlItems"),
        new("usbdev", DomainKeyType.List, null, "USB devices", Property: "UsbDevItems"),
        new("p9", DomainKeyType.List, null, "9pfs shares", Property: "P9Devices"),
        new("pvcalls", DomainKeyType.List, null, "PV calls backends", Property: "PvCallsDevices"),
        new("vdispl", DomainKeyType.List, null, "virtual displays", Property: "VdisplDevices"),
        new("vsnd", DomainKeyType.NestedList, null, "virtual sound cards", Property: "VsndDevices"),
        new("virtio", DomainKeyType.List, null, "virtio devices", Property: "VirtioSpecs"),
        new("dtdev", DomainKeyType.List, null, "Arm device tree devices", Property: "DeviceTreeDevices"),
        new("ioports", DomainKeyType.List, null, "I/O port ranges (hex)", Property: "IoPorts"),
        new("iomem", DomainKeyType.List, null, "I/O memory ranges (hex)", Property: "IoMemory"),
        new("irqs", DomainKeyType.List, null, "IRQs passed through", Property: "Irqs"),
        new("vif2", DomainKeyType.List, null, "obsolete; xl only warns", Property: "Vif2Specs"),
        new("pci_permissive", DomainKeyType.Boolean, "0", "default for every pci item", Property: "PciPermissive"),
        new("pci_msitranslate", DomainKeyType.Boolean, "1", "default for every pci item", Property: "PciMsiTranslate"),
        new("pci_seize", DomainKeyType.Boolean, "0", "default for every pci item", Property: "PciSeize"),
        new("pci_power_mgmt", DomainKeyType.Boolean, "0", "default for every pci item", Property: "PciPowerManagement"),
        new("rdm", DomainKeyType.String, null, "reserved device memory policy", Property: "Rdm"),
        new("rdm_mem_boundary", DomainKeyType.Number, null, "reserved device memory boundary, MiB", Property: "RdmMemoryBoundary"),
        new("e820_host", DomainKeyType.Boolean, "0", "use the host e820 map (PV)", Property: "E820Host"),

        // HVM
        new("boot", DomainKeyType.String, "cd", "boot order: c disk, d cdrom, n network", true, Property: "Boot"),
        new("hdtype", DomainKeyType.String, "ide", "ide or ahci", Property: "HdType"),
        new("bios", DomainKeyType.String, null, "rombios, seabios or ovmf", Property: "Bios"),
        new("bios_path_override", DomainKeyType.String, null, "BIOS image path", Property: "BiosPathOverride"),
        new("firmware_override", DomainKeyType.String, null, "firmware image path", Property: "FirmwareOverride"),
        new("acpi_firmware", DomainKeyType.String, null, "extra ACPI tables", Property: "AcpiFirmware"),
        new("smbios_firmware", DomainKeyType.String, null, "extra SMBIOS tables", Property: "SmbiosFirmware"),
        new("smbios", DomainKeyType.List, null, "SMBIOS strings", Property: "Smbios"),
        new("acpi", DomainKeyType.Boolean, "1", "expose ACPI", true, Property: "Acpi"),
        new("acpi_s3", DomainKeyType.Boolean, "1", "ACPI S3", Property: "AcpiS3"),
        new("acpi_s4", DomainKeyType.Boolean, "1", "ACPI S4", Property: "AcpiS4"),
        new("acpi_laptop_slate", DomainKeyType.Boolean, "0", "laptop/slate switch", Property: "AcpiLaptopSlate"),
        new("apic", DomainKeyType.Boolean, "1", "expose an APIC", true, Property: "Apic"),
        new("pae", DomainKeyType.Boolean, "1", "PAE", true, Property: "Pae"),
        new("nx", DomainKeyType.Boolean, "1", "NX bit", Property: "Nx"),
        new("hpet", DomainKeyType.Boolean, "1", "HPET", Property: "Hpet"),
        new("vpt_align", DomainKeyType.Boolean, "1", "align virtual platform timers", Property: "VptAlign"),
        new("hap", DomainKeyType.Boolean, "1", "hardware assisted paging", Property: "Hap"),
        new("oos", DomainKeyType.Boolean, "1", "out-of-sync shadow page tables", Property: "Oos"),
        new("nestedhvm", DomainKeyType.Boolean, "0", "nested virtualisation", Property: "NestedHvm"),
        new("viridian", DomainKeyType.ListOrBoolean, "0", "Hyper-V enlightenments", true, Property: "Viridian"),
        new("cpuid", DomainKeyType.ListOrString, null, "CPUID policy", Property: "Cpuid"),
        new("altp2m", DomainKeyType.StringOrNumber, "disabled", "alternate p2m mode", Property: "Altp2m"),
        new("altp2mhvm", DomainKeyType.Boolean, "0", "deprecated altp2m switch", Property: "Altp2mHvm"),
        new("altp2m_count", DomainKeyType.Number, "10", "number of alternate p2m views", Property: "Altp2mCount"),
        new("mmio_hole", DomainKeyType.Number, null, "MMIO hole size, MiB", Property: "MmioHole"),
        new("tsc_mode", DomainKeyType.StringOrNumber, "default", "TSC mode", Property: "TscMode"),
        new("timer_mode", DomainKeyType.StringOrNumber, "no_delay_for_missed_ticks", "timer mode (HVM)", Property: "TimerMode"),
        new("localtime", DomainKeyType.Boolean, "0", "RTC in local time", true, Property: "LocalTime"),
        new("rtc_timeoffset", DomainKeyType.Number, "0", "RTC offset in seconds", Property: "RtcTimeOffset"),
        new("xen_platform_pci", DomainKeyType.Boolean, "1", "Xen platform PCI device", Property: "XenPlatformPci"),
        new("xen_platform_pci_bar_uc", DomainKeyType.Boolean, "1", "uncached platform PCI BAR", Property: "XenPlatformPciBarUc"),
        new("hvm_pirq", DomainKeyType.Boolean, "0", "PIRQs for HVM", Property: "HvmPirq"),
        new("ms_vm_genid", DomainKeyType.String, "none", "VM generation id: generate or none", Property: "MsVmGenId"),
        new("mca_caps", DomainKeyType.List, null, "machine check capabilities", Property: "McaCaps"),
        new("msr_relaxed", DomainKeyType.Boolean, "0", "deprecated relaxed MSR access", Property: "MsrRelaxed"),
        new("vga", DomainKeyType.String, "cirrus", "stdvga, cirrus, qxl or none", true, Property: "Vga"),
        new("stdvga", DomainKeyType.Boolean, "0", "deprecated: 1 for stdvga", true, Property: "StdVga"),
        new("videoram", DomainKeyType.Number, null, "video memory, MiB", true, Property: "VideoRam"),
        new("vnc", DomainKeyType.Boolean, "1", "VNC console", true, Property: "Vnc"),
        new("vnclisten", DomainKeyType.String, null, "VNC listen address[:display]", true, Property: "VncListen"),
        new("vncdisplay", DomainKeyType.Number, null, "VNC display number", true, Property: "VncDisplay"),
        new("vncunused", DomainKeyType.Boolean, "1", "pick an unused VNC display", true, Property: "VncUnused"),
        new("vncpasswd", DomainKeyType.String, null, "VNC password", true, Property: "VncPassword"),
        new("keymap", DomainKeyType.String, "en-us", "keyboard layout", true, Property: "Keymap"),
        new("sdl", DomainKeyType.Boolean, "0", "SDL console", true, Property: "Sdl"),
        new("opengl", DomainKeyType.Boolean, "0", "OpenGL for SDL", true, Property: "OpenGl"),
        new("display", DomainKeyType.String, null, "X display for SDL", true, Property: "Display"),
        new("xauthority", DomainKeyType.String, null, "X authority file", true, Property: "XAuthority"),
        new("nographic", DomainKeyType.Boolean, "0", "no graphics", Property: "NoGraphic"),
        new("spice", DomainKeyType.Boolean, "0", "SPICE console", Property: "Spice"),
        new("spicehost", DomainKeyType.String, null, "SPICE address", Property: "SpiceHost"),
        new("spiceport", DomainKeyType.Number, null, "SPICE port", Property: "SpicePort"),
        new("spicetls_port", DomainKeyType.Number, null, "SPICE TLS port", Property: "SpiceTlsPort"),
        new("spicedisable_ticketing", DomainKeyType.Boolean, "0", "SPICE without password", Property: "SpiceDisableTicketing"),
        new("spicepasswd", DomainKeyType.String, null, "SPICE password", Property: "SpicePassword"),
        new("spiceagent_mouse", DomainKeyType.Boolean, "1", "SPICE agent mouse", Property: "SpiceAgentMouse"),
        new("spicevdagent", DomainKeyType.Boolean, "0", "SPICE vdagent", Property: "SpiceVdagent"),
        new("spice_clipboard_sharing", DomainKeyType.Boolean, "0", "SPICE clipboard", Property: "SpiceClipboardSharing"),
        new("spiceusbredirection", DomainKeyType.Number, "0", "SPICE USB redirection channels", Property: "SpiceUsbRedirection"),
        new("spice_image_compression", DomainKeyType.String, null, "SPICE image compression", Property: "SpiceImageCompression"),
        new("spice_streaming_video", DomainKeyType.String, null, "SPICE video streaming", Property: "SpiceStreamingVideo"),
        new("serial", DomainKeyType.ListOrString, "vc", "serial ports (qemu -serial)", true, Property: "Serial"),
        new("soundhw", DomainKeyType.String, null, "emulated sound hardware", Property: "SoundHardware"),
        new("usb", DomainKeyType.Boolean, "0", "emulated USB", true, Property: "Usb"),
        new("usbversion", DomainKeyType.Number, "0", "emulated USB version", Property: "UsbVersion"),
        new("usbdevice", DomainKeyType.ListOrString, null, "emulated USB devices", true, Property: "UsbDevice"),
        new("vkb_device", DomainKeyType.Boolean, "1", "PV keyboard for HVM", Property: "VkbDevice"),
        new("vendor_device", DomainKeyType.String, "none", "none or xenserver", Property: "VendorDevice"),
        new("gfx_passthru", DomainKeyType.BooleanOrString, "0", "graphics passthrough", Property: "GfxPassthru"),
        new("device_model_version", DomainKeyType.String, "qemu-xen", "qemu-xen or qemu-xen-traditional", Property: "DeviceModelVersion"),
        new("device_model_override", DomainKeyType.String, null, "device model binary", Property: "DeviceModelOverride"),
        new("device_model_stubdomain_override", DomainKeyType.Boolean, "0", "run the device model in a stub domain", Property: "DeviceModelStubdomain"),
        new("device_model_stubdomain_seclabel", DomainKeyType.String, null, "stub domain XSM label", Property: "DeviceModelStubdomainSecLabel"),
        new("device_model_user", DomainKeyType.String, null, "user to run the device model as", Property: "DeviceModelUser"),
        new("dm_restrict", DomainKeyType.Boolean, "0", "restrict the device model", Property: "DmRestrict"),
        new("stubdomain_kernel", DomainKeyType.String, null, "stub domain kernel", Property: "StubdomainKernel"),
        new("stubdomain_cmdline", DomainKeyType.String, null, "stub domain command line", Property: "StubdomainCmdline"),
        new("stubdomain_ramdisk", DomainKeyType.String, null, "stub domain ramdisk", Property: "StubdomainRamdisk"),
        new("stubdomain_memory", DomainKeyType.Number, null, "stub domain memory, MiB", Property: "StubdomainMemory"),
        new("device_model", DomainKeyType.String, null, "xm leftover; xl ignores it with a warning", Property: "DeviceModel"),
        new("vncviewer", DomainKeyType.Number, null, "xm leftover; xl ignores it with a warning", Property: "VncViewer"),

        // Arm and others
        new("gic_version", DomainKeyType.String, "default", "Arm GIC version: v2, v3 or default", Property: "GicVersion"),
        new("vuart", DomainKeyType.String, null, "Arm virtual UART: sbsa_uart", Property: "Vuart"),
        new("sve", DomainKeyType.String, null, "Arm SVE vector length", Property: "Sve"),
        new("nr_spis", DomainKeyType.Number, null, "Arm shared peripheral interrupts", Property: "NrSpis"),
        new("tee", DomainKeyType.String, "none", "Arm TEE: none, optee, ffa", Property: "Tee"),
        new("trap_unmapped_accesses", DomainKeyType.Boolean, null, "Arm: trap unmapped accesses", Property: "TrapUnmappedAccesses"),
        new("arm_sci", DomainKeyType.String, null, "Arm SCI: type=none|scmi_smc", Property: "ArmSci"),
    ];

    // A Dictionary, not a FrozenDictionary: building the frozen tables (choosing their hashing from the keys) was about 1%
    // of the CPU time of a native one-guest validate; a lookup in either is a hash of the name.
    private static readonly Dictionary<string, DomainKey> ByName = Table.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Every key xl reads.</summary>
    public static IReadOnlyList<DomainKey> All => Table;

    /// <summary>The key named <paramref name="name"/>, or null when xl does not read it.</summary>
    public static DomainKey? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name, out var key) ? key : null;
    }

    /// <summary>True when xl reads <paramref name="name"/>.</summary>
    public static bool IsKnown(string name) => Find(name) is not null;

    /// <summary>The known key closest to <paramref name="name"/> (for "did you mean"), or null when none is close.</summary>
    public static string? Suggest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, name.Length / 3);
        foreach (var key in Table)
        {
            if (Math.Abs(key.Name.Length - name.Length) > limit)
            {
                continue; // the distance is at least the difference in length
            }

            var distance = EditDistance(name, key.Name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (key.Name, distance);
            }
        }

        return bestDistance <= limit ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
