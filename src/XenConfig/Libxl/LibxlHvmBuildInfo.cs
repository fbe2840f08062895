namespace XenConfig.Libxl;

/// <summary>libxl's <c>type.hvm</c> part of the build info: firmware, emulated devices and consoles of an HVM guest.</summary>
public sealed class LibxlHvmBuildInfo
{
    /// <summary><c>firmware</c>, from <c>firmware_override</c> or a <c>firmware</c> path.</summary>
    public string? Firmware { get; set; }

    /// <summary><c>bios</c> (<c>rombios</c>, <c>seabios</c>, <c>ovmf</c>), from <c>bios</c> or <c>firmware</c>.</summary>
    public string? Bios { get; set; }

    /// <summary><c>pae</c>.</summary>
    public bool? Pae { get; set; }

    /// <summary><c>acpi_s3</c>.</summary>
    public bool? AcpiS3 { get; set; }

    /// <summary><c>acpi_s4</c>.</summary>
    public bool? AcpiS4 { get; set; }

    /// <summary><c>acpi_laptop_slate</c>.</summary>
    public bool? AcpiLaptopSlate { get; set; }

    /// <summary><c>nx</c>.</summary>
    public bool? Nx { get; set; }

    /// <summary><c>viridian</c> (a number, or <c>"defaults"</c> in the list form).</summary>
    public bool? Viridian { get; set; }

    /// <summary><c>viridian_enable</c>: enlightenment numbers switched on by the list form of <c>viridian</c>.</summary>
    public IReadOnlyList<int> ViridianEnable { get; set; } = [];

    /// <summary><c>viridian_disable</c>: enlightenment numbers switched off (<c>"!name"</c>).</summary>
    public IReadOnlyList<int> ViridianDisable { get; set; } = [];

    /// <summary><c>hpet</c>.</summary>
    public bool? Hpet { get; set; }

    /// <summary><c>vpt_align</c>.</summary>
    public bool? VptAlign { get; set; }

    /// <summary><c>mmio_hole_memkb</c>, from <c>mmio_hole</c>.</summary>
    public ulong MmioHoleKiB { get; set; } = LibxlBuildInfo.MemoryDefault;

    /// <summary><c>altp2m</c>, from the deprecated <c>altp2mhvm</c>.</summary>
    public bool? Altp2m { get; set; }

    /// <summary><c>system_firmware</c>, from <c>bios_path_override</c>.</summary>
    public string? SystemFirmware { get; set; }

    /// <summary><c>smbios_firmware</c>.</summary>
    public string? SmbiosFirmware { get; set; }

    /// <summary><c>acpi_firmware</c>.</summary>
    public string? AcpiFirmware { get; set; }

    /// <summary><c>hdtype</c> (<c>ahci</c>; <c>ide</c> is the default).</summary>
    public string? HdType { get; set; }

    /// <summary><c>nographic</c>.</summary>
    public bool? NoGraphic { get; set; }

    /// <summary><c>vga.kind</c> (<c>cirrus</c>, <c>std</c>, <c>none</c>, <c>qxl</c>), from <c>vga</c> or <c>stdvga</c>.</summary>
    public string? VgaKind { get; set; }

    /// <summary><c>vnc</c>, from the top-level <c>vnc*</c> keys.</summary>
    public LibxlVncInfo Vnc { get; } = new();

    /// <summary><c>keymap</c>.</summary>
    public string? Keymap { get; set; }

    /// <summary><c>sdl</c>, from the top-level <c>sdl</c>, <c>opengl</c>, <c>display</c>, <c>xauthority</c>.</summary>
    public LibxlSdlInfo Sdl { get; } = new();

    /// <summary><c>spice</c>, from the <c>spice*</c> keys.</summary>
    public LibxlSpiceInfo Spice { get; } = new();

    /// <summary><c>gfx_passthru</c>.</summary>
    public bool? GfxPassthru { get; set; }

    /// <summary><c>gfx_passthru_kind</c> (<c>igd</c>).</summary>
    public string? GfxPassthruKind { get; set; }

    /// <summary><c>serial</c>, when <c>serial</c> is a string.</summary>
    public string? Serial { get; set; }

    /// <summary><c>boot</c>.</summary>
    public string? Boot { get; set; }

    /// <summary><c>usb</c>.</summary>
    public bool? Usb { get; set; }

    /// <summary><c>usbversion</c>.</summary>
    public int UsbVersion { get; set; }

    /// <summary><c>usbdevice</c>, when <c>usbdevice</c> is a string.</summary>
    public string? UsbDevice { get; set; }

    /// <summary><c>vkb_device</c>.</summary>
    public bool? VkbDevice { get; set; }

    /// <summary><c>soundhw</c>.</summary>
    public string? SoundHardware { get; set; }

    /// <summary><c>xen_platform_pci</c>.</summary>
    public bool? XenPlatformPci { get; set; }

    /// <summary><c>usbdevice_list</c>, when <c>usbdevice</c> is a list.</summary>
    public IReadOnlyList<string>? UsbDeviceList { get; set; }

    /// <summary><c>vendor_device</c> (<c>xenserver</c>).</summary>
    public string? VendorDevice { get; set; }

    /// <summary><c>serial_list</c>, when <c>serial</c> is a list.</summary>
    public IReadOnlyList<string>? SerialList { get; set; }

    /// <summary><c>rdm.strategy</c> (<c>host</c>), from <c>rdm</c>.</summary>
    public string? RdmStrategy { get; set; }

    /// <summary>
    /// True when xl copied an <c>rdm</c> strategy it never set: xl 4.17 reads <c>rdm</c> into an uninitialised local,
    /// and Debian's build prints that garbage as <c>null</c>.
    /// </summary>
    internal bool RdmStrategyUninitialised { get; set; }

    /// <summary><c>rdm.policy</c> (<c>strict</c>, <c>relaxed</c>), from <c>rdm</c>.</summary>
    public string? RdmPolicy { get; set; }

    /// <summary><c>rdm_mem_boundary_memkb</c>, from <c>rdm_mem_boundary</c>.</summary>
    public ulong RdmMemoryBoundaryKiB { get; set; } = LibxlBuildInfo.MemoryDefault;

    /// <summary><c>mca_caps</c> (1 = LMCE), from <c>mca_caps</c>.</summary>
    public ulong McaCaps { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("firmware", Firmware);
        json.Enum("bios", Bios);
        json.DefBool("pae", Pae);
        json.DefBool("acpi_s3", AcpiS3);
        json.DefBool("acpi_s4", AcpiS4);
        json.DefBool("acpi_laptop_slate", AcpiLaptopSlate);
        json.DefBool("nx", Nx);
        json.DefBool("viridian", Viridian);
        json.Bitmap("viridian_enable", ViridianEnable);
        json.Bitmap("viridian_disable", ViridianDisable);
        json.DefBool("hpet", Hpet);
        json.DefBool("vpt_align", VptAlign);
        if (MmioHoleKiB != LibxlBuildInfo.MemoryDefault)
        {
            json.Inner.WriteNumber("mmio_hole_memkb", MmioHoleKiB);
        }

        json.DefBool("altp2m", Altp2m);
        json.String("system_firmware", SystemFirmware);
        json.String("smbios_firmware", SmbiosFirmware);
        json.String("acpi_firmware", AcpiFirmware);
        json.Enum("hdtype", HdType);
        json.DefBool("nographic", NoGraphic);
        json.Struct("vga", v => v.Enum("kind", VgaKind));
        json.Struct("vnc", Vnc.Write);
        json.String("keymap", Keymap);
        json.Struct("sdl", Sdl.Write);
        json.Struct("spice", Spice.Write);
        json.DefBool("gfx_passthru", GfxPassthru);
        json.Enum("gfx_passthru_kind", GfxPassthruKind);
        json.String("serial", Serial);
        json.String("boot", Boot);
        json.DefBool("usb", Usb);
        json.Number("usbversion", UsbVersion);
        json.String("usbdevice", UsbDevice);
        json.DefBool("vkb_device", VkbDevice);
        json.String("soundhw", SoundHardware);
        json.DefBool("xen_platform_pci", XenPlatformPci);
        json.StringList("usbdevice_list", UsbDeviceList);
        json.Enum("vendor_device", VendorDevice);
        json.StringList("serial_list", SerialList);
        json.Struct("rdm", r =>
        {
            if (RdmStrategyUninitialised && RdmStrategy is null)
            {
                r.Inner.WriteNull("strategy");
            }

            r.Enum("strategy", RdmStrategy);
            r.Enum("policy", RdmPolicy);
        });
        if (RdmMemoryBoundaryKiB != LibxlBuildInfo.MemoryDefault)
        {
            json.Inner.WriteNumber("rdm_mem_boundary_memkb", RdmMemoryBoundaryKiB);
        }

        json.Unsigned("mca_caps", McaCaps);
    }
}
