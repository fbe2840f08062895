using XenConfig.Libxl;

namespace XenConfig.Domain.Model;

/// <summary>HVM keys of xl.cfg(5): firmware, platform features, timers, emulated devices.</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>hdtype</c>: ide or ahci. Unset: xl's default, <c>ide</c>. Fills <c>b_info.type.hvm.hdtype</c>. As written; <see cref="ToLibxl"/> holds xl's reading (case-insensitive names, numbers, refusals).</summary>
    public string? HdType { get => GetString("hdtype"); set => SetString("hdtype", value); }

    /// <summary><c>bios</c>: rombios, seabios or ovmf. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.bios</c>. As written; <see cref="ToLibxl"/> holds xl's reading (case-insensitive names, numbers, refusals).</summary>
    public string? Bios { get => GetString("bios"); set => SetString("bios", value); }

    /// <summary><c>bios_path_override</c>: BIOS image path. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.system_firmware</c>.</summary>
    public string? BiosPathOverride { get => GetString("bios_path_override"); set => SetString("bios_path_override", value); }

    /// <summary><c>firmware_override</c>: firmware image path. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.firmware</c>.</summary>
    public string? FirmwareOverride { get => GetString("firmware_override"); set => SetString("firmware_override", value); }

    /// <summary><c>acpi_firmware</c>: extra ACPI tables. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.acpi_firmware</c>.</summary>
    public string? AcpiFirmware { get => GetString("acpi_firmware"); set => SetString("acpi_firmware", value); }

    /// <summary><c>smbios_firmware</c>: extra SMBIOS tables. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.smbios_firmware</c>.</summary>
    public string? SmbiosFirmware { get => GetString("smbios_firmware"); set => SetString("smbios_firmware", value); }

    /// <summary><c>smbios</c>: SMBIOS strings. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public IReadOnlyList<string>? Smbios { get => GetStringList("smbios"); set => SetStringList("smbios", value); }

    /// <summary><c>acpi_s3</c>: ACPI S3. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.acpi_s3</c>.</summary>
    public bool? AcpiS3 { get => GetBoolean("acpi_s3"); set => SetBoolean("acpi_s3", value); }

    /// <summary><c>acpi_s4</c>: ACPI S4. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.acpi_s4</c>.</summary>
    public bool? AcpiS4 { get => GetBoolean("acpi_s4"); set => SetBoolean("acpi_s4", value); }

    /// <summary><c>acpi_laptop_slate</c>: laptop/slate switch. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.acpi_laptop_slate</c>.</summary>
    public bool? AcpiLaptopSlate { get => GetBoolean("acpi_laptop_slate"); set => SetBoolean("acpi_laptop_slate", value); }

    /// <summary><c>nx</c>: NX bit. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.nx</c>.</summary>
    public bool? Nx { get => GetBoolean("nx"); set => SetBoolean("nx", value); }

    /// <summary><c>hpet</c>: HPET. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.hpet</c>.</summary>
    public bool? Hpet { get => GetBoolean("hpet"); set => SetBoolean("hpet", value); }

    /// <summary><c>vpt_align</c>: align virtual platform timers. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.vpt_align</c>.</summary>
    public bool? VptAlign { get => GetBoolean("vpt_align"); set => SetBoolean("vpt_align", value); }

    /// <summary><c>hap</c>: hardware assisted paging. Unset: xl's default, <c>1</c>. Fills <c>c_info.hap</c>.</summary>
    public bool? Hap { get => GetBoolean("hap"); set => SetBoolean("hap", value); }

    /// <summary><c>oos</c>: out-of-sync shadow page tables. Unset: xl's default, <c>1</c>. Fills <c>c_info.oos</c>.</summary>
    public bool? Oos { get => GetBoolean("oos"); set => SetBoolean("oos", value); }

    /// <summary><c>nestedhvm</c>: nested virtualisation. Unset: xl's default, <c>0</c>. Fills <c>b_info.nested_hvm</c>.</summary>
    public bool? NestedHvm { get => GetBoolean("nestedhvm"); set => SetBoolean("nestedhvm", value); }

    /// <summary><c>cpuid</c>: CPUID policy. Unset: xl leaves it to libxl. Fills <c>b_info.cpuid</c>.</summary>
    public string? Cpuid { get => GetString("cpuid"); set => SetString("cpuid", value); }

    /// <summary><c>altp2m</c>: alternate p2m mode. Unset: xl's default, <c>disabled</c>. Fills <c>b_info.altp2m</c>. As written; <see cref="EffectiveAltp2m"/> is what xl makes of it.</summary>
    public string? Altp2m { get => GetString("altp2m"); set => SetString("altp2m", value); }

    /// <summary><c>altp2mhvm</c>: deprecated altp2m switch. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.altp2m</c>.</summary>
    public bool? Altp2mHvm { get => GetBoolean("altp2mhvm"); set => SetBoolean("altp2mhvm", value); }

    /// <summary><c>altp2m_count</c>: number of alternate p2m views. Unset: xl's default, <c>10</c>. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public long? Altp2mCount { get => GetNumber("altp2m_count"); set => SetNumber("altp2m_count", value); }

    /// <summary><c>mmio_hole</c>: MMIO hole size, MiB. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.mmio_hole_memkb</c>.</summary>
    public long? MmioHole { get => GetNumber("mmio_hole"); set => SetNumber("mmio_hole", value); }

    /// <summary><c>tsc_mode</c>: TSC mode. Unset: xl's default, <c>default</c>. Fills <c>b_info.tsc_mode</c>. As written; <see cref="EffectiveTscMode"/> is what xl makes of it.</summary>
    public string? TscMode { get => GetString("tsc_mode"); set => SetString("tsc_mode", value); }

    /// <summary><c>timer_mode</c>: timer mode (HVM). Unset: xl's default, <c>no_delay_for_missed_ticks</c>. Fills <c>b_info.timer_mode</c>. As written; <see cref="EffectiveTimerMode"/> is what xl makes of it.</summary>
    public string? TimerMode { get => GetString("timer_mode"); set => SetString("timer_mode", value); }

    /// <summary><c>rtc_timeoffset</c>: RTC offset in seconds. Unset: xl's default, <c>0</c>. Fills <c>b_info.rtc_timeoffset</c>.</summary>
    public long? RtcTimeOffset { get => GetNumber("rtc_timeoffset"); set => SetNumber("rtc_timeoffset", value); }

    /// <summary><c>xen_platform_pci</c>: Xen platform PCI device. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.xen_platform_pci</c>.</summary>
    public bool? XenPlatformPci { get => GetBoolean("xen_platform_pci"); set => SetBoolean("xen_platform_pci", value); }

    /// <summary><c>xen_platform_pci_bar_uc</c>: uncached platform PCI BAR. Unset: xl's default, <c>1</c>. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public bool? XenPlatformPciBarUc { get => GetBoolean("xen_platform_pci_bar_uc"); set => SetBoolean("xen_platform_pci_bar_uc", value); }

    /// <summary><c>hvm_pirq</c>: PIRQs for HVM. Unset: xl's default, <c>0</c>. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public bool? HvmPirq { get => GetBoolean("hvm_pirq"); set => SetBoolean("hvm_pirq", value); }

    /// <summary><c>ms_vm_genid</c>: VM generation id: generate or none. Unset: xl's default, <c>none</c>. Fills <c>b_info.type.hvm.ms_vm_genid</c>. As written; <see cref="ToLibxl"/> holds xl's reading (case-insensitive names, numbers, refusals).</summary>
    public string? MsVmGenId { get => GetString("ms_vm_genid"); set => SetString("ms_vm_genid", value); }

    /// <summary><c>mca_caps</c>: machine check capabilities. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.mca_caps</c>.</summary>
    public IReadOnlyList<string>? McaCaps { get => GetStringList("mca_caps"); set => SetStringList("mca_caps", value); }

    /// <summary><c>msr_relaxed</c>: deprecated relaxed MSR access. Unset: xl's default, <c>0</c>. Fills <c>b_info.arch_x86.msr_relaxed</c>.</summary>
    public bool? MsrRelaxed { get => GetBoolean("msr_relaxed"); set => SetBoolean("msr_relaxed", value); }

    /// <summary><c>soundhw</c>: emulated sound hardware. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.soundhw</c>.</summary>
    public string? SoundHardware { get => GetString("soundhw"); set => SetString("soundhw", value); }

    /// <summary><c>usbversion</c>: emulated USB version. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.usbversion</c>.</summary>
    public long? UsbVersion { get => GetNumber("usbversion"); set => SetNumber("usbversion", value); }

    /// <summary><c>vkb_device</c>: PV keyboard for HVM. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.vkb_device</c>.</summary>
    public bool? VkbDevice { get => GetBoolean("vkb_device"); set => SetBoolean("vkb_device", value); }

    /// <summary><c>vendor_device</c>: none or xenserver. Unset: xl's default, <c>none</c>. Fills <c>b_info.type.hvm.vendor_device</c>. As written; <see cref="ToLibxl"/> holds xl's reading (case-insensitive names, numbers, refusals).</summary>
    public string? VendorDevice { get => GetString("vendor_device"); set => SetString("vendor_device", value); }

    /// <summary><c>gfx_passthru</c>: graphics passthrough. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.gfx_passthru, gfx_passthru_kind</c>. As written; <see cref="ToLibxl"/> holds xl's reading (case-insensitive names, numbers, refusals).</summary>
    public string? GfxPassthru { get => GetString("gfx_passthru"); set => SetString("gfx_passthru", value); }

    /// <summary><c>cpuid</c> in its list form: xend-style leaf policies <c>LEAF[,SUB]:eXx=...</c> (the string form is <see cref="Cpuid"/>).</summary>
    public IReadOnlyList<string>? CpuidLeaves { get => GetStringList("cpuid"); set => SetStringList("cpuid", value); }

    /// <summary>
    /// <c>tsc_mode</c> as libxl's name (<c>default</c>, <c>always_emulate</c>, <c>native</c>, <c>native_paravirt</c>;
    /// the deprecated numbers 0-3 mapped), read by the same step as <see cref="ToLibxl"/>; null when xl refuses it.
    /// </summary>
    public string? EffectiveTscMode => LibxlProjection.ReadTscMode(this);

    /// <summary>
    /// <c>timer_mode</c> as libxl's name (<c>no_delay_for_missed_ticks</c> when unset; numbers 0-3 mapped), read by the
    /// same step as <see cref="ToLibxl"/>; null when xl refuses it (any value on a PV guest).
    /// </summary>
    public string? EffectiveTimerMode => LibxlProjection.ReadTimerMode(this);

    /// <summary>
    /// <c>altp2m</c> as libxl's name (<c>disabled</c>, <c>mixed</c>, <c>external</c>, <c>limited</c>; numbers 0-3
    /// mapped), read by the same step as <see cref="ToLibxl"/>; null when xl refuses it.
    /// </summary>
    public string? EffectiveAltp2m => LibxlProjection.ReadAltp2m(this);
}
