using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;

namespace XenConfig.Libvirt;

/// <summary>Domain XML converted to a Xen config: the settings libvirt would write, in its order, and what did not convert.</summary>
public sealed class NativeConfigConversion
{
    // Every key libvirt's xenFormatXL / xenFormatXM can write, plus the ones its readers take that it never writes
    // (root, extra). Applying a conversion to an existing config removes those of them the conversion does not set.
    private static readonly HashSet<string> ConvertedKeys = new(StringComparer.Ordinal)
    {
        "name", "uuid", "maxmem", "memory", "maxvcpus", "vcpus", "cpus", "pae", "acpi", "apic", "hap", "viridian",
        "e820_host", "passthrough", "tsc_mode", "hpet", "rtc_timeoffset", "localtime", "on_poweroff", "on_reboot",
        "on_crash", "device_model_override", "sdl", "vnc", "vncunused", "vncdisplay", "vnclisten", "vncpasswd", "keymap",
        "display", "xauthority", "vfb", "vif", "pci", "parallel", "serial", "soundhw", "builder", "type", "bios",
        "acpi_firmware", "kernel", "ramdisk", "cmdline", "root", "extra", "boot", "nestedhvm", "bootloader", "bootargs",
        "cpuid", "vnuma", "max_event_channels", "max_grant_frames", "disk", "spice", "spicehost", "spiceport",
        "spicetls_port", "spicedisable_ticketing", "spicepasswd", "spiceagent_mouse", "spicevdagent",
        "spice_clipboard_sharing", "usb", "usbdevice", "usbdev", "usbctrl", "channel", "device_model_args",
    };

    internal NativeConfigConversion(IReadOnlyList<KeyValuePair<string, SettingValue>>? settings, LibvirtNativeFormat format, IReadOnlyList<Diagnostic> diagnostics)
    {
        Settings = settings ?? [];
        Format = format;
        Diagnostics = diagnostics;
        Succeeded = settings is not null;
    }

    /// <summary>The settings in the order libvirt writes them; empty when the XML could not be converted.</summary>
    public IReadOnlyList<KeyValuePair<string, SettingValue>> Settings { get; }

    /// <summary>The dialect the settings are for.</summary>
    public LibvirtNativeFormat Format { get; }

    /// <summary>What did not convert (warnings), values the converter supplied (info), and errors.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the XML could not be converted.</summary>
    public bool HasErrors => !Succeeded || Diagnostics.Any(d => d.IsError);

    private bool Succeeded { get; }

    // libvirt spells the guest type "builder" and the kernel command line "cmdline"; a config that says the same with
    // "type" or with "root" and "extra" keeps its own spelling.
    private static void KeepEquivalentSpelling(List<KeyValuePair<string, SettingValue>> settings, Dictionary<string, SettingValue> current, HashSet<string> keep)
    {
        var builder = settings.FindIndex(s => s.Key == "builder");
        var guestType = settings.Find(s => s.Key == "type").Value?.Text ?? (builder >= 0 ? settings[builder].Value.Text : "pv");
        var currentType = current.GetValueOrDefault("type")?.Text ?? (current.GetValueOrDefault("builder")?.Text is "hvm" ? "hvm" : "pv");
        if (guestType == currentType)
        {
            settings.RemoveAll(s => s.Key is "builder" or "type");
            keep.UnionWith(["builder", "type"]);
        }

        var cmdline = settings.FindIndex(s => s.Key == "cmdline");
        if (cmdline >= 0 && !current.ContainsKey("cmdline"))
        {
            var root = current.GetValueOrDefault("root")?.Text;
            var extra = current.GetValueOrDefault("extra")?.Text;
            var combined = (root, extra) switch
            {
                ({ } r, { } e) => $"root={r} {e}",
                ({ } r, null) => $"root={r}",
                (null, { } e) => e,
                _ => null,
            };
            if (combined == settings[cmdline].Value.Text)
            {
                settings.RemoveAt(cmdline);
                keep.UnionWith(["root", "extra"]);
            }
        }
    }

    /// <summary>The settings as a new config file, one <c>key = value</c> line each.</summary>
    public string ToConfigText()
    {
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse(""));
        foreach (var (key, value) in Settings)
        {
            config.Set(key, value);
        }

        var text = config.ToString();
        return text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
    }

    /// <summary>
    /// Applies the settings to an existing config with the lossless editor: a changed value rewrites only its own bytes,
    /// a new key is appended, and a key the converter owns but did not set is removed. Comments, layout and keys the
    /// converter does not know stay as they were.
    /// </summary>
    /// <param name="config">The config to change in place (save it afterwards).</param>
    /// <returns>The keys that were set, added or removed, in that order.</returns>
    public IReadOnlyList<string> ApplyTo(DomainConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var document = config.Document;
        if (!Succeeded)
        {
            throw new InvalidOperationException("The domain XML was not converted; there is nothing to apply.");
        }

        // Keys whose value did not convert to XML (cpus = "all", superpages) are not the XML's to remove.
        var current = document.Settings.ToDictionary(s => s.Key, s => s.Value.Value, StringComparer.Ordinal);
        var native = new Native.NativeSettings(current, document.Path, null);
        Native.NativeConfigReader.Read(native, Format, LibvirtConversionOptions.Default);
        var keep = new HashSet<string>(native.WarnedKeys, StringComparer.Ordinal);

        var settings = Settings.ToList();
        KeepEquivalentSpelling(settings, current, keep);

        var changed = new List<string>();
        foreach (var (key, value) in settings)
        {
            if (document.GetValue(key) != value)
            {
                config.Set(key, value);
                changed.Add(key);
            }
        }

        var written = settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in document.Settings.Keys.Where(k => ConvertedKeys.Contains(k) && !written.Contains(k) && !keep.Contains(k)).ToList())
        {
            config.Remove(key);
            changed.Add(key);
        }

        return changed;
    }
}
