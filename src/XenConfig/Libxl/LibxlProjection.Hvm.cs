using XenConfig.Diagnostics;

namespace XenConfig.Libxl;

/// <summary>The HVM firmware and device keys, the device model and the top-level console keys.</summary>
internal sealed partial class LibxlProjection
{
    private static readonly string[] BiosTypes = ["unknown", "rombios", "seabios", "ovmf"];

    private LibxlHvmBuildInfo Hvm => BInfo.Hvm!;

    private void ParseHvm()
    {
        if (BInfo.Kernel is { } kernel && Basename(kernel) == "hvmloader")
        {
            Warn("kernel", "WARNING: you seem to be using \"kernel\" directive to override HVM guest firmware. Ignore that. Use \"firmware_override\" instead if you really want a non-default firmware");
            BInfo.Kernel = null;
        }

        Hvm.Firmware = String("firmware_override");
        Hvm.SystemFirmware = String("bios_path_override");
        if (String("bios") is { } bios)
        {
            Hvm.Bios = EnumName(bios, "bios", BiosTypes, $"ERROR: invalid value \"{bios}\" for \"bios\"");
        }
        else if (Hvm.SystemFirmware is not null)
        {
            Warn("bios_path_override", "WARNING: bios_path_override given without specific bios name");
        }

        Hvm.Pae = DefBool("pae");
        Hvm.AcpiS3 = DefBool("acpi_s3");
        Hvm.AcpiS4 = DefBool("acpi_s4");
        Hvm.AcpiLaptopSlate = DefBool("acpi_laptop_slate");
        Hvm.Nx = DefBool("nx");
        Hvm.Hpet = DefBool("hpet");
        Hvm.VptAlign = DefBool("vpt_align");
        BInfo.Apic = DefBool("apic");
        ParseViridian();

        if (Long("mmio_hole") is { } hole)
        {
            var kib = unchecked((ulong)(hole * 1024));
            Hvm.MmioHoleKiB = kib;
            var bytes = unchecked(kib * 1024);
            if (bytes < 0x1000_0000UL || bytes > 0xF000_0000UL)
            {
                throw Reject("mmio_hole", $"ERROR: invalid value {hole} for \"mmio_hole\"");
            }
        }

        if (DefBool("altp2mhvm") is { } altp2m)
        {
            Hvm.Altp2m = altp2m;
            Warn("altp2mhvm", "WARNING: Specifying \"altp2mhvm\" is deprecated. Please use \"altp2m\" instead.");
        }

        Hvm.SmbiosFirmware = String("smbios_firmware");
        Hvm.AcpiFirmware = String("acpi_firmware");
        if (String("ms_vm_genid") is { } genid)
        {
            if (genid is not ("generate" or "none"))
            {
                throw Reject("ms_vm_genid", "ERROR: \"ms_vm_genid\" option must be \"generate\" or \"none\"");
            }

            if (genid == "generate" && TryGetSetting("ms_vm_genid", out var setting))
            {
                _diagnostics.Add(DiagnosticIds.XlKeyNotModelled.Create(KeyLocation(setting),
                    "ms_vm_genid = \"generate\": xl makes up a random generation id, so the libxl projection leaves it out"));
            }
        }

        if (Long("rdm_mem_boundary") is { } boundary)
        {
            Hvm.RdmMemoryBoundaryKiB = unchecked((ulong)(boundary * 1024));
        }

        ParseMcaCaps();

        if (String("firmware") is { } firmware && !BiosTypes.Contains(firmware, StringComparer.OrdinalIgnoreCase))
        {
            if ("uefi".StartsWith(firmware, StringComparison.Ordinal))
            {
                Hvm.Bios = "ovmf";
            }
            else if (!"bios".StartsWith(firmware, StringComparison.Ordinal))
            {
                Hvm.Firmware = firmware;
            }
        }
        else if (String("firmware", dontWarn: true) is { } biosName)
        {
            Hvm.Bios = EnumName(biosName, "firmware", BiosTypes, "");
        }
    }

    private void ParseViridian()
    {
        if (!TryGetSetting("viridian", out var setting))
        {
            return;
        }

        if (!setting.Value.IsList)
        {
            Hvm.Viridian = DefBool("viridian", dontWarn: true);
            return;
        }

        var enable = new SortedSet<int>();
        var disable = new SortedSet<int>();
        var allocated = false;
        foreach (var item in Strings(setting.Value))
        {
            allocated = true;
            if (item == "all")
            {
                // libxl_bitmap_set_any over a bitmap of LIBXL_BUILDINFO_HVM_VIRIDIAN_ENABLE_DISABLE_WIDTH (64) bits.
                for (var bit = 0; bit < 64; bit++)
                {
                    enable.Add(bit);
                }
            }
            else if (item == "defaults")
            {
                Hvm.Viridian = true;
            }
            else
            {
                var negate = item.StartsWith('!');
                var name = negate ? item[1..] : item;
                var index = Array.FindIndex(ViridianEnlightenments, e => string.Equals(e, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw Reject("viridian", $"xl: unknown viridian enlightenment '{name}'");
                }

                (negate ? disable : enable).Add(index);
                (negate ? enable : disable).Remove(index);
            }
        }

        if (allocated || setting.Value.Items.Count > 0)
        {
            Hvm.ViridianEnable = enable.ToList();
            Hvm.ViridianDisable = disable.ToList();
        }
    }

    private static readonly string[] ViridianEnlightenments =
    [
        "base", "freq", "time_ref_count", "reference_tsc", "hcall_remote_tlb_flush", "apic_assist", "crash_ctl", "synic",
        "stimer", "hcall_ipi", "ex_processor_masks", "no_vp_limit", "cpu_hotplug",
    ];

    private void ParseMcaCaps()
    {
        if (!TryGetSetting("mca_caps", out var setting))
        {
            return;
        }

        if (!setting.Value.IsList)
        {
            throw Reject("mca_caps", "ERROR: unable to parse mca_caps.");
        }

        foreach (var item in Strings(setting.Value))
        {
            if (item != "lmce")
            {
                throw Reject("mca_caps", $"ERROR: unrecognized MCA capability '{item}'.");
            }

            Hvm.McaCaps |= 1;
        }
    }

    private void ParseDeviceModel()
    {
        if (String("device_model") is { } deviceModel)
        {
            Warn("device_model", "WARNING: ignoring device_model directive. Use \"device_model_override\" instead if you really want a non-default device_model");
            _ = deviceModel;
        }

        BInfo.DeviceModel = String("device_model_override");
        if (String("device_model_version") is { } version)
        {
            BInfo.DeviceModelVersion = version switch
            {
                "qemu-xen-traditional" => "qemu_xen_traditional",
                "qemu-xen" => "qemu_xen",
                _ => throw Reject("device_model_version", $"Unknown device_model_version \"{version}\" specified"),
            };
        }
        else if (BInfo.DeviceModel is not null)
        {
            Warn("device_model_override", "WARNING: device model override given without specific DM version");
        }

        BInfo.DeviceModelStubdomain = DefBool("device_model_stubdomain_override");
        BInfo.DeviceModelSsidLabel = String("device_model_stubdomain_seclabel");
        BInfo.DeviceModelUser = String("device_model_user");
        BInfo.StubdomainKernel = String("stubdomain_kernel");
        BInfo.StubdomainCmdline = String("stubdomain_cmdline");
        BInfo.StubdomainRamdisk = String("stubdomain_ramdisk");
        if (Long("stubdomain_memory") is { } stubMemory)
        {
            BInfo.StubdomainMemoryKiB = unchecked((ulong)(stubMemory * 1024));
        }

        BInfo.DeviceModelArgs = DeviceModelArgs("device_model_args");
        BInfo.DeviceModelArgsPv = DeviceModelArgs("device_model_args_pv");
        BInfo.DeviceModelArgsHvm = DeviceModelArgs("device_model_args_hvm");
    }

    private List<string>? DeviceModelArgs(string key)
    {
        if (!TryGetSetting(key, out var setting))
        {
            return null;
        }

        if (!setting.Value.IsList)
        {
            throw Reject(key, $"xl: Unable to parse {key}.");
        }

        return StringList(setting.Value);
    }

    private void ParseConsoles()
    {
        if (CInfo.Type == LibxlDomainType.Pv && _result.Vfbs.Count == 0)
        {
            if (Long("vnc") is { } vnc && vnc != 0)
            {
                var vfb = new LibxlVfb { DevId = 0 };
                _result.Vfbs.Add(vfb);
                _result.Vkbs.Add(new LibxlVkb { DevId = 0 });
                ParseTopLevelVnc(vfb.Vnc);
                ParseTopLevelSdl(vfb.Sdl);
                vfb.Keymap = String("keymap");
            }
        }
        else if (CInfo.Type == LibxlDomainType.Hvm)
        {
            ParseTopLevelVnc(Hvm.Vnc);
            ParseTopLevelSdl(Hvm.Sdl);
        }
        else
        {
            // xl writes these into the HVM member of a union a PV/PVH guest does not use: read (and warned about), no effect.
            ParseTopLevelVnc(new LibxlVncInfo());
            ParseTopLevelSdl(new LibxlSdlInfo());
        }
    }

    private void ParseTopLevelVnc(LibxlVncInfo vnc)
    {
        vnc.Enable = DefBool("vnc");
        vnc.Listen = String("vnclisten");
        vnc.Password = String("vncpasswd");
        if (Long("vncdisplay") is { } display)
        {
            vnc.Display = unchecked((int)display);
        }

        vnc.FindUnused = DefBool("vncunused");
    }

    private void ParseTopLevelSdl(LibxlSdlInfo sdl)
    {
        sdl.Enable = DefBool("sdl");
        sdl.OpenGl = DefBool("opengl");
        sdl.Display = String("display");
        sdl.XAuthority = String("xauthority");
    }

    private void ParseHvmDevices()
    {
        if (String("vga") is { } vga)
        {
            Hvm.VgaKind = vga switch
            {
                "stdvga" => "std",
                "cirrus" => "cirrus",
                "none" => "none",
                "qxl" => "qxl",
                _ => throw Reject("vga", $"Unknown vga \"{vga}\" specified"),
            };
        }
        else if (Long("stdvga") is { } stdvga)
        {
            Hvm.VgaKind = stdvga != 0 ? "std" : "cirrus";
        }

        if (String("hdtype") is { } hdtype)
        {
            Hvm.HdType = EnumName(hdtype, "hdtype", ["ide", "ahci"], $"ERROR: invalid value \"{hdtype}\" for \"hdtype\"");
        }

        Hvm.Keymap = String("keymap");
        var spice = Hvm.Spice;
        spice.Enable = DefBool("spice");
        spice.Port = Int("spiceport") ?? 0;
        spice.TlsPort = Int("spicetls_port") ?? 0;
        spice.Host = String("spicehost");
        spice.DisableTicketing = DefBool("spicedisable_ticketing");
        spice.Password = String("spicepasswd");
        spice.AgentMouse = DefBool("spiceagent_mouse");
        spice.VdAgent = DefBool("spicevdagent");
        spice.ClipboardSharing = DefBool("spice_clipboard_sharing");
        spice.UsbRedirection = Int("spiceusbredirection") ?? 0;
        spice.ImageCompression = String("spice_image_compression");
        spice.StreamingVideo = String("spice_streaming_video");
        Hvm.NoGraphic = DefBool("nographic");

        if (Long("gfx_passthru", dontWarn: true) is { } passthru)
        {
            Hvm.GfxPassthru = passthru != 0;
        }
        else if (String("gfx_passthru") is { } kind)
        {
            Hvm.GfxPassthruKind = EnumName(kind, "gfx_passthru", ["default", "igd"], $"ERROR: invalid value \"{kind}\" for \"gfx_passthru\"");
            Hvm.GfxPassthru = true;
        }

        (Hvm.Serial, Hvm.SerialList) = StringOrList("serial");

        Hvm.Boot = String("boot");
        Hvm.Usb = DefBool("usb");
        Hvm.UsbVersion = Int("usbversion") ?? 0;
        (Hvm.UsbDevice, Hvm.UsbDeviceList) = StringOrList("usbdevice");

        Hvm.VkbDevice = DefBool("vkb_device");
        Hvm.SoundHardware = String("soundhw");
        Hvm.XenPlatformPci = DefBool("xen_platform_pci");

        if (Hvm.Vnc.Listen is { } listen && Hvm.Vnc.Display != 0 && listen.Contains(':', StringComparison.Ordinal))
        {
            throw Reject("vncdisplay", "ERROR: Display specified both in vnclisten and vncdisplay!");
        }

        if (String("vendor_device") is { } vendor)
        {
            Hvm.VendorDevice = EnumName(vendor, "vendor_device", ["none", "xenserver"], $"xl: unknown vendor_device '{vendor}'");
        }
    }

    /// <summary>libxl_basename: the part after the last '/'.</summary>
    private static string Basename(string path) => path[(path.LastIndexOf('/') + 1)..];
}
