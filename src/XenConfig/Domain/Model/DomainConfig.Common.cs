using XenConfig.Devices;

namespace XenConfig.Domain.Model;

/// <summary>The commonly used keys of spec §3 (★) as typed properties; null means "not set" (see <see cref="DomainKeys"/> for defaults).</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>cpus</c> as text (string form; the list form is read with <see cref="GetStringList"/>).</summary>
    public string? Cpus { get => GetString("cpus"); set => SetString("cpus", value); }

    /// <summary><c>cpus</c> parsed (string form), or null when unset, a list, or not valid.</summary>
    public CpuList? CpuAffinity => Cpus is { } text && CpuList.TryParse(text, out var list, out _) ? list : null;

    /// <summary><c>cpu_weight</c> (default 256).</summary>
    public long? CpuWeight { get => GetNumber("cpu_weight"); set => SetNumber("cpu_weight", value); }

    /// <summary><c>bootloader_args</c> (list form).</summary>
    public IReadOnlyList<string>? BootloaderArgs { get => GetStringList("bootloader_args"); set => SetStringList("bootloader_args", value); }

    /// <summary>The items of <c>pci</c>, parsed as <c>xlu_pci_parse_spec_string</c> does.</summary>
    public IReadOnlyList<DeviceItem<PciSpec>> PciItems => Items<PciSpec>("pci", spec => PciSpec.TryParse(spec, out var pci, out var error) ? (pci, null) : (null, error));

    /// <summary>The items of <c>vfb</c>, parsed as xl does.</summary>
    public IReadOnlyList<DeviceItem<VfbSpec>> VfbItems => Items<VfbSpec>("vfb", spec => VfbSpec.TryParse(spec, out var vfb, out var error) ? (vfb, null) : (null, error));

    /// <summary><c>boot</c>: HVM boot order (default <c>cd</c>).</summary>
    public string? Boot { get => GetString("boot"); set => SetString("boot", value); }

    /// <summary><c>acpi</c> (default on).</summary>
    public bool? Acpi { get => GetBoolean("acpi"); set => SetBoolean("acpi", value); }

    /// <summary><c>apic</c> (default on).</summary>
    public bool? Apic { get => GetBoolean("apic"); set => SetBoolean("apic", value); }

    /// <summary><c>pae</c> (default on).</summary>
    public bool? Pae { get => GetBoolean("pae"); set => SetBoolean("pae", value); }

    /// <summary><c>viridian</c> as a list of groups (the boolean form is read with <see cref="GetBoolean"/>).</summary>
    public IReadOnlyList<string>? Viridian { get => GetStringList("viridian"); set => SetStringList("viridian", value); }

    /// <summary><c>vga</c>: <c>stdvga</c>, <c>cirrus</c>, <c>qxl</c> or <c>none</c>.</summary>
    public string? Vga { get => GetString("vga"); set => SetString("vga", value); }

    /// <summary><c>stdvga</c> (deprecated; 1 means stdvga).</summary>
    public bool? StdVga { get => GetBoolean("stdvga"); set => SetBoolean("stdvga", value); }

    /// <summary><c>videoram</c> in MiB.</summary>
    public long? VideoRam { get => GetNumber("videoram"); set => SetNumber("videoram", value); }

    /// <summary><c>vnc</c> (default on).</summary>
    public bool? Vnc { get => GetBoolean("vnc"); set => SetBoolean("vnc", value); }

    /// <summary><c>vnclisten</c>: address[:display].</summary>
    public string? VncListen { get => GetString("vnclisten"); set => SetString("vnclisten", value); }

    /// <summary><c>vncdisplay</c>.</summary>
    public long? VncDisplay { get => GetNumber("vncdisplay"); set => SetNumber("vncdisplay", value); }

    /// <summary><c>vncunused</c> (default on).</summary>
    public bool? VncUnused { get => GetBoolean("vncunused"); set => SetBoolean("vncunused", value); }

    /// <summary><c>vncpasswd</c>; empty means no password.</summary>
    public string? VncPassword { get => GetString("vncpasswd"); set => SetString("vncpasswd", value); }

    /// <summary><c>keymap</c> (default <c>en-us</c>).</summary>
    public string? Keymap { get => GetString("keymap"); set => SetString("keymap", value); }

    /// <summary><c>sdl</c> (default off).</summary>
    public bool? Sdl { get => GetBoolean("sdl"); set => SetBoolean("sdl", value); }

    /// <summary><c>opengl</c> (default off).</summary>
    public bool? OpenGl { get => GetBoolean("opengl"); set => SetBoolean("opengl", value); }

    /// <summary><c>display</c>: the X display for SDL.</summary>
    public string? Display { get => GetString("display"); set => SetString("display", value); }

    /// <summary><c>xauthority</c>.</summary>
    public string? XAuthority { get => GetString("xauthority"); set => SetString("xauthority", value); }

    /// <summary><c>serial</c> in list form; a legacy string is returned as a one-item list.</summary>
    public IReadOnlyList<string>? Serial
    {
        get => GetStringList("serial") ?? (GetString("serial") is { } one ? [one] : null);
        set => SetStringList("serial", value, Serial);
    }

    /// <summary><c>usb</c> (default off).</summary>
    public bool? Usb { get => GetBoolean("usb"); set => SetBoolean("usb", value); }

    /// <summary><c>usbdevice</c> in list form; a legacy string is returned as a one-item list.</summary>
    public IReadOnlyList<string>? UsbDevice
    {
        get => GetStringList("usbdevice") ?? (GetString("usbdevice") is { } one ? [one] : null);
        set => SetStringList("usbdevice", value, UsbDevice);
    }

    /// <summary><c>localtime</c> (default off).</summary>
    public bool? LocalTime { get => GetBoolean("localtime"); set => SetBoolean("localtime", value); }

    /// <summary>The value xl uses when <paramref name="key"/> is not set, as text; null when there is no fixed default.</summary>
    public static string? GetDefault(string key) => DomainKeys.Find(key)?.Default;

    private void SetBoolean(string key, bool? value)
    {
        // Any non-zero number is true for xl: keep "2" when asked for true.
        if (value is not null && GetBoolean(key) == value)
        {
            return;
        }

        SetNumber(key, value is null ? null : value.Value ? 1 : 0);
    }
}
