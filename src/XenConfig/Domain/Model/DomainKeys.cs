using System.Collections.Frozen;

namespace XenConfig.Domain.Model;

/// <summary>The keys xl reads from a domain config (xen-domain spec §3), with their types and defaults.</summary>
public static class DomainKeys
{
    private static readonly DomainKey[] Table =
    [
        // General
        new("name", DomainKeyType.String, null, "domain name; required and unique on the host", true),
        new("type", DomainKeyType.String, "pv", "guest type: pv, pvh or hvm", true),
        new("builder", DomainKeyType.String, null, "deprecated guest type: generic (pv) or hvm", true),
        new("uuid", DomainKeyType.String, null, "domain UUID; random per boot when unset", true),
        new("pool", DomainKeyType.String, "Pool-0", "cpupool name"),
        new("seclabel", DomainKeyType.String, null, "XSM label"),
        new("init_seclabel", DomainKeyType.String, null, "XSM label while building"),
        new("nomigrate", DomainKeyType.Boolean, "0", "forbid migration"),
        new("driver_domain", DomainKeyType.Boolean, "0", "the domain is a driver domain"),
        new("max_grant_frames", DomainKeyType.Number, null, "grant table frames"),
        new("max_maptrack_frames", DomainKeyType.Number, null, "maptrack frames"),
        new("max_grant_version", DomainKeyType.Number, null, "highest grant table version"),
        new("max_event_channels", DomainKeyType.Number, "1023", "event channel limit"),
        new("xenstore_feature_mask", DomainKeyType.Number, "0xffffffff", "xenstore features offered"),
        new("xenstore_quota", DomainKeyType.List, null, "xenstore quota overrides, name=value"),
        new("passthrough", DomainKeyType.String, null, "IOMMU mode: disabled, enabled, sync_pt, share_pt, default"),
        new("device_tree", DomainKeyType.String, null, "Arm partial device tree"),
        new("xend_suspend_evtchn_compat", DomainKeyType.Boolean, "0", "xend suspend event channel compatibility"),
        new("vmtrace_buf_kb", DomainKeyType.Number, "0", "processor trace buffer size"),
        new("vpmu", DomainKeyType.Boolean, "0", "Arm virtual PMU"),

        // Memory and CPU
        new("memory", DomainKeyType.Number, "32", "memory at start, MiB", true),
        new("maxmem", DomainKeyType.Number, null, "maximum memory, MiB (defaults to memory)", true),
        new("vcpus", DomainKeyType.Number, "1", "vCPUs online at start", true),
        new("maxvcpus", DomainKeyType.Number, null, "maximum vCPUs (defaults to vcpus)", true),
        new("cpus", DomainKeyType.ListOrString, null, "hard CPU affinity", true),
        new("cpus_soft", DomainKeyType.ListOrString, null, "soft CPU affinity"),
        new("cpu_weight", DomainKeyType.Number, "256", "scheduler weight", true),
        new("cap", DomainKeyType.Number, "0", "CPU cap in percent of one pCPU"),
        new("period", DomainKeyType.Number, null, "scheduler period"),
        new("slice", DomainKeyType.Number, null, "scheduler slice"),
        new("latency", DomainKeyType.Number, null, "scheduler latency"),
        new("extratime", DomainKeyType.Number, null, "scheduler extra time"),
        new("vnuma", DomainKeyType.NestedList, null, "virtual NUMA nodes"),
        new("llc_colors", DomainKeyType.List, null, "Arm last-level cache colours"),
        new("shadow_memory", DomainKeyType.Number, null, "shadow memory, MiB"),

        // Boot
        new("kernel", DomainKeyType.String, null, "kernel image (PV/PVH) or, for HVM, an ignored hvmloader", true),
        new("ramdisk", DomainKeyType.String, null, "initial ramdisk", true),
        new("root", DomainKeyType.String, null, "root device, passed as root=<value>", true),
        new("extra", DomainKeyType.String, null, "extra kernel command line", true),
        new("cmdline", DomainKeyType.String, null, "whole kernel command line; overrides root and extra", true),
        new("bootloader", DomainKeyType.String, null, "bootloader run in dom0, usually pygrub", true),
        new("bootloader_args", DomainKeyType.List, null, "bootloader arguments", true),
        new("bootloader_restrict", DomainKeyType.Boolean, null, "run the bootloader restricted"),
        new("bootloader_user", DomainKeyType.String, null, "user to run the bootloader as"),
        new("firmware", DomainKeyType.String, null, "firmware: pvgrub32/pvgrub64, or bios/uefi/seabios/rombios/ovmf or a path"),
        new("pvshim", DomainKeyType.Boolean, "0", "run a PV guest inside a PVH shim"),
        new("pvshim_path", DomainKeyType.String, null, "PV shim image"),
        new("pvshim_cmdline", DomainKeyType.String, "pv-shim console=xen,pv", "PV shim command line"),
        new("pvshim_extra", DomainKeyType.String, null, "extra PV shim command line"),
        new("device_model_args", DomainKeyType.List, null, "extra device model arguments"),
        new("device_model_args_pv", DomainKeyType.List, null, "extra device model arguments for PV"),
        new("device_model_args_hvm", DomainKeyType.List, null, "extra device model arguments for HVM"),

        // Event actions
        new("on_poweroff", DomainKeyType.String, "destroy", "action when the guest powers off", true),
        new("on_reboot", DomainKeyType.String, "restart", "action when the guest reboots", true),
        new("on_crash", DomainKeyType.String, "destroy", "action when the guest crashes", true),
        new("on_watchdog", DomainKeyType.String, "destroy", "action when the watchdog fires"),
        new("on_soft_reset", DomainKeyType.String, "soft-reset", "action on soft reset"),

        // Devices
        new("disk", DomainKeyType.List, null, "virtual disks (DISKSPEC strings)", true),
        new("vif", DomainKeyType.List, null, "virtual network interfaces", true),
        new("vfb", DomainKeyType.List, null, "virtual frame buffers", true),
        new("vkb", DomainKeyType.List, null, "virtual keyboards"),
        new("pci", DomainKeyType.List, null, "PCI passthrough devices", true),
        new("channel", DomainKeyType.List, null, "virtual channels"),
        new("vtpm", DomainKeyType.List, null, "virtual TPMs"),
        new("usbctrl", DomainKeyType.List, null, "USB controllers"),
        new("usbdev", DomainKeyType.List, null, "USB devices"),
        new("p9", DomainKeyType.List, null, "9pfs shares"),
        new("pvcalls", DomainKeyType.List, null, "PV calls backends"),
        new("vdispl", DomainKeyType.List, null, "virtual displays"),
        new("vsnd", DomainKeyType.NestedList, null, "virtual sound cards"),
        new("virtio", DomainKeyType.List, null, "virtio devices"),
        new("dtdev", DomainKeyType.List, null, "Arm device tree devices"),
        new("ioports", DomainKeyType.List, null, "I/O port ranges (hex)"),
        new("iomem", DomainKeyType.List, null, "I/O memory ranges (hex)"),
        new("irqs", DomainKeyType.List, null, "IRQs passed through"),
        new("vif2", DomainKeyType.List, null, "obsolete; xl only warns"),
        new("pci_permissive", DomainKeyType.Boolean, "0", "default for every pci item"),
        new("pci_msitranslate", DomainKeyType.Boolean, "1", "default for every pci item"),
        new("pci_seize", DomainKeyType.Boolean, "0", "default for every pci item"),
        new("pci_power_mgmt", DomainKeyType.Boolean, "0", "default for every pci item"),
        new("rdm", DomainKeyType.String, null, "reserved device memory policy"),
        new("rdm_mem_boundary", DomainKeyType.Number, null, "reserved device memory boundary, MiB"),
        new("e820_host", DomainKeyType.Boolean, "0", "use the host e820 map (PV)"),

        // HVM
        new("boot", DomainKeyType.String, "cd", "boot order: c disk, d cdrom, n network", true),
        new("hdtype", DomainKeyType.String, "ide", "ide or ahci"),
        new("bios", DomainKeyType.String, null, "rombios, seabios or ovmf"),
        new("bios_path_override", DomainKeyType.String, null, "BIOS image path"),
        new("firmware_override", DomainKeyType.String, null, "firmware image path"),
        new("acpi_firmware", DomainKeyType.String, null, "extra ACPI tables"),
        new("smbios_firmware", DomainKeyType.String, null, "extra SMBIOS tables"),
        new("smbios", DomainKeyType.List, null, "SMBIOS strings"),
        new("acpi", DomainKeyType.Boolean, "1", "expose ACPI", true),
        new("acpi_s3", DomainKeyType.Boolean, "1", "ACPI S3"),
        new("acpi_s4", DomainKeyType.Boolean, "1", "ACPI S4"),
        new("acpi_laptop_slate", DomainKeyType.Boolean, "0", "laptop/slate switch"),
        new("apic", DomainKeyType.Boolean, "1", "expose an APIC", true),
        new("pae", DomainKeyType.Boolean, "1", "PAE", true),
        new("nx", DomainKeyType.Boolean, "1", "NX bit"),
        new("hpet", DomainKeyType.Boolean, "1", "HPET"),
        new("vpt_align", DomainKeyType.Boolean, "1", "align virtual platform timers"),
        new("hap", DomainKeyType.Boolean, "1", "hardware assisted paging"),
        new("oos", DomainKeyType.Boolean, "1", "out-of-sync shadow page tables"),
        new("nestedhvm", DomainKeyType.Boolean, "0", "nested virtualisation"),
        new("viridian", DomainKeyType.ListOrBoolean, "0", "Hyper-V enlightenments", true),
        new("cpuid", DomainKeyType.ListOrString, null, "CPUID policy"),
        new("altp2m", DomainKeyType.StringOrNumber, "disabled", "alternate p2m mode"),
        new("altp2mhvm", DomainKeyType.Boolean, "0", "deprecated altp2m switch"),
        new("altp2m_count", DomainKeyType.Number, "10", "number of alternate p2m views"),
        new("mmio_hole", DomainKeyType.Number, null, "MMIO hole size, MiB"),
        new("tsc_mode", DomainKeyType.StringOrNumber, "default", "TSC mode"),
        new("timer_mode", DomainKeyType.StringOrNumber, "no_delay_for_missed_ticks", "timer mode (HVM)"),
        new("localtime", DomainKeyType.Boolean, "0", "RTC in local time", true),
        new("rtc_timeoffset", DomainKeyType.Number, "0", "RTC offset in seconds"),
        new("xen_platform_pci", DomainKeyType.Boolean, "1", "Xen platform PCI device"),
        new("xen_platform_pci_bar_uc", DomainKeyType.Boolean, "1", "uncached platform PCI BAR"),
        new("hvm_pirq", DomainKeyType.Boolean, "0", "PIRQs for HVM"),
        new("ms_vm_genid", DomainKeyType.String, "none", "VM generation id: generate or none"),
        new("mca_caps", DomainKeyType.List, null, "machine check capabilities"),
        new("msr_relaxed", DomainKeyType.Boolean, "0", "deprecated relaxed MSR access"),
        new("vga", DomainKeyType.String, "cirrus", "stdvga, cirrus, qxl or none", true),
        new("stdvga", DomainKeyType.Boolean, "0", "deprecated: 1 for stdvga", true),
        new("videoram", DomainKeyType.Number, null, "video memory, MiB", true),
        new("vnc", DomainKeyType.Boolean, "1", "VNC console", true),
        new("vnclisten", DomainKeyType.String, null, "VNC listen address[:display]", true),
        new("vncdisplay", DomainKeyType.Number, null, "VNC display number", true),
        new("vncunused", DomainKeyType.Boolean, "1", "pick an unused VNC display", true),
        new("vncpasswd", DomainKeyType.String, null, "VNC password", true),
        new("keymap", DomainKeyType.String, "en-us", "keyboard layout", true),
        new("sdl", DomainKeyType.Boolean, "0", "SDL console", true),
        new("opengl", DomainKeyType.Boolean, "0", "OpenGL for SDL", true),
        new("display", DomainKeyType.String, null, "X display for SDL", true),
        new("xauthority", DomainKeyType.String, null, "X authority file", true),
        new("nographic", DomainKeyType.Boolean, "0", "no graphics"),
        new("spice", DomainKeyType.Boolean, "0", "SPICE console"),
        new("spicehost", DomainKeyType.String, null, "SPICE address"),
        new("spiceport", DomainKeyType.Number, null, "SPICE port"),
        new("spicetls_port", DomainKeyType.Number, null, "SPICE TLS port"),
        new("spicedisable_ticketing", DomainKeyType.Boolean, "0", "SPICE without password"),
        new("spicepasswd", DomainKeyType.String, null, "SPICE password"),
        new("spiceagent_mouse", DomainKeyType.Boolean, "1", "SPICE agent mouse"),
        new("spicevdagent", DomainKeyType.Boolean, "0", "SPICE vdagent"),
        new("spice_clipboard_sharing", DomainKeyType.Boolean, "0", "SPICE clipboard"),
        new("spiceusbredirection", DomainKeyType.Number, "0", "SPICE USB redirection channels"),
        new("spice_image_compression", DomainKeyType.String, null, "SPICE image compression"),
        new("spice_streaming_video", DomainKeyType.String, null, "SPICE video streaming"),
        new("serial", DomainKeyType.ListOrString, "vc", "serial ports (qemu -serial)", true),
        new("soundhw", DomainKeyType.String, null, "emulated sound hardware"),
        new("usb", DomainKeyType.Boolean, "0", "emulated USB", true),
        new("usbversion", DomainKeyType.Number, "0", "emulated USB version"),
        new("usbdevice", DomainKeyType.ListOrString, null, "emulated USB devices", true),
        new("vkb_device", DomainKeyType.Boolean, "1", "PV keyboard for HVM"),
        new("vendor_device", DomainKeyType.String, "none", "none or xenserver"),
        new("gfx_passthru", DomainKeyType.BooleanOrString, "0", "graphics passthrough"),
        new("device_model_version", DomainKeyType.String, "qemu-xen", "qemu-xen or qemu-xen-traditional"),
        new("device_model_override", DomainKeyType.String, null, "device model binary"),
        new("device_model_stubdomain_override", DomainKeyType.Boolean, "0", "run the device model in a stub domain"),
        new("device_model_stubdomain_seclabel", DomainKeyType.String, null, "stub domain XSM label"),
        new("device_model_user", DomainKeyType.String, null, "user to run the device model as"),
        new("dm_restrict", DomainKeyType.Boolean, "0", "restrict the device model"),
        new("stubdomain_kernel", DomainKeyType.String, null, "stub domain kernel"),
        new("stubdomain_cmdline", DomainKeyType.String, null, "stub domain command line"),
        new("stubdomain_ramdisk", DomainKeyType.String, null, "stub domain ramdisk"),
        new("stubdomain_memory", DomainKeyType.Number, null, "stub domain memory, MiB"),
        new("device_model", DomainKeyType.String, null, "xm leftover; xl ignores it with a warning"),
        new("vncviewer", DomainKeyType.Number, null, "xm leftover; xl ignores it with a warning"),

        // Arm and others
        new("gic_version", DomainKeyType.String, "default", "Arm GIC version: v2, v3 or default"),
        new("vuart", DomainKeyType.String, null, "Arm virtual UART: sbsa_uart"),
        new("sve", DomainKeyType.String, null, "Arm SVE vector length"),
        new("nr_spis", DomainKeyType.Number, null, "Arm shared peripheral interrupts"),
        new("tee", DomainKeyType.String, "none", "Arm TEE: none, optee, ffa"),
        new("trap_unmapped_accesses", DomainKeyType.Boolean, null, "Arm: trap unmapped accesses"),
        new("arm_sci", DomainKeyType.String, null, "Arm SCI: type=none|scmi_smc"),
    ];

    private static readonly FrozenDictionary<string, DomainKey> ByName = Table.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Every key xl reads.</summary>
    public static IReadOnlyList<DomainKey> All => Table;

    /// <summary>The key named <paramref name="name"/>, or null when xl does not read it.</summary>
    public static DomainKey? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.GetValueOrDefault(name);
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
