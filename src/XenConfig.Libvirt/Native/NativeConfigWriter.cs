using System.Globalization;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Libvirt.Model;
using XenConfig.Text;

namespace XenConfig.Libvirt.Native;

/// <summary>
/// Writes a definition as the settings libvirt 9.0's <c>xenFormatXL</c> / <c>xenFormatXM</c> produce, in their order.
/// What a config cannot express is reported (XC7002) instead of failing the whole conversion as libvirt would.
/// </summary>
internal sealed partial class NativeConfigWriter
{
    private const string DefaultVifScript = "vif-bridge";

    private readonly DomainDefinition _def;
    private readonly LibvirtNativeFormat _format;
    private readonly SourceLocation _location;
    private readonly List<KeyValuePair<string, SettingValue>> _settings = [];

    private NativeConfigWriter(DomainDefinition def, LibvirtNativeFormat format, string? path)
    {
        _def = def;
        _format = format;
        _location = SourceLocation.None(path);
    }

    public List<Diagnostic> Diagnostics { get; } = [];

    private bool IsXl => _format == LibvirtNativeFormat.XenXl;

    public static IReadOnlyList<KeyValuePair<string, SettingValue>> Write(
        DomainDefinition def, LibvirtNativeFormat format, string? path, List<Diagnostic> diagnostics)
    {
        var writer = new NativeConfigWriter(def, format, path);
        writer.WriteCommon();
        if (format == LibvirtNativeFormat.XenXl)
        {
            writer.WriteXlOs();
            writer.WriteCpuid();
            writer.WriteVnuma();
            writer.WriteXenbusLimits();
            writer.WriteXlDisks();
            writer.WriteSpice();
            writer.WriteXlInputs();
            writer.WriteUsbDevices();
            writer.WriteUsbControllers();
            writer.WriteChannels();
            writer.WriteDeviceModelArguments();
        }
        else
        {
            writer.WriteXmOs();
            writer.WriteXmDisks();
            writer.WriteXmInputs();
        }

        diagnostics.AddRange(writer.Diagnostics);
        return writer._settings;
    }

    private void Warn(string message) => Diagnostics.Add(DiagnosticIds.LibvirtXmlNotConverted.Create(_location, message));

    // virConfSetValue: a key set twice keeps its first place and takes the new value.
    private void Set(string key, SettingValue value)
    {
        var index = _settings.FindIndex(s => s.Key == key);
        if (index >= 0)
        {
            _settings[index] = new(key, value);
        }
        else
        {
            _settings.Add(new(key, value));
        }
    }

    private void Set(string key, string value) => Set(key, SettingValue.String(value));

    private void Set(string key, long value) => Set(key, SettingValue.Number(value));

    private void SetList(string key, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            Set(key, SettingValue.List([.. list]));
        }
    }

    private void WriteCommon()
    {
        Set("name", _def.Name);
        Set("uuid", _def.Uuid);
        Set("maxmem", (long)((_def.MemoryKiB + 1023) / 1024));
        Set("memory", (long)((_def.CurrentMemoryKiB + 1023) / 1024));
        if (_def.Vcpus < _def.MaxVcpus)
        {
            Set("maxvcpus", _def.MaxVcpus);
        }

        Set("vcpus", _def.Vcpus);
        if (_def.CpuSet is not null)
        {
            Set("cpus", _def.CpuSet);
        }

        WriteHypervisorFeatures();
        WriteTimeOffset();
        Set("on_poweroff", _def.OnPoweroff);
        Set("on_reboot", _def.OnReboot);
        Set("on_crash", _def.OnCrash);
        if (_def.Emulator is not null)
        {
            Set("device_model_override", _def.Emulator);
        }

        WriteFramebuffer();
        SetList("vif", _def.Interfaces.Select(FormatVif).OfType<string>());
        SetList("pci", _def.HostDevices.Where(h => h.Type == "pci").Select(FormatPci));
        WriteCharDevices();
        if (_def.IsHvm && _def.Sounds.Count > 0)
        {
            Set("soundhw", string.Join(',', _def.Sounds.Select(CharDeviceSpec.EscapeSexpr)));
        }
    }

    private void WriteHypervisorFeatures()
    {
        if (_def.IsHvm)
        {
            Set("pae", _def.Pae ? 1 : 0);
            Set("acpi", _def.Acpi ? 1 : 0);
            Set("apic", _def.Apic ? 1 : 0);
            if (_def.HapOff)
            {
                Set("hap", 0);
            }

            Set("viridian", _def.Viridian ? 1 : 0);
        }
        else if (_def.XenFeatures == true && _def.E820Host)
        {
            Set("e820_host", 1);
        }

        if (_def.XenFeatures == true && _def.Passthrough == true)
        {
            Set("passthrough", _def.PassthroughMode is "sync_pt" or "share_pt" ? _def.PassthroughMode : "enabled");
        }

        foreach (var timer in _def.Clock.Timers)
        {
            switch (timer.Name)
            {
                case "tsc":
                    Set("tsc_mode", timer.Mode switch
                    {
                        "native" => "native",
                        "paravirt" => "native_paravirt",
                        "emulate" => "always_emulate",
                        _ => "default",
                    });
                    break;
                case "hpet" when _def.IsHvm:
                    Set("hpet", timer.Present == false ? 0 : 1);
                    break;
                default:
                    Warn($"timer '{timer.Name}' has no xl equivalent; it was not converted");
                    break;
            }
        }
    }

    private void WriteTimeOffset()
    {
        bool localtime;
        if (_def.IsHvm)
        {
            long adjustment = 0;
            switch (_def.Clock.Offset)
            {
                case "variable":
                    localtime = _def.Clock.Basis == "localtime";
                    adjustment = _def.Clock.Adjustment;
                    break;
                case "localtime":
                    localtime = true;
                    break;
                case "utc":
                    localtime = false;
                    break;
                default:
                    Warn($"clock offset '{_def.Clock.Offset}' has no xl equivalent; utc was used");
                    localtime = false;
                    break;
            }

            if (_def.Clock.AdjustmentReset)
            {
                Warn("clock adjustment='reset' has no xl equivalent for an HVM guest; it was not converted");
            }

            Set("rtc_timeoffset", adjustment);
        }
        else
        {
            localtime = _def.Clock.Offset == "localtime";
            if (_def.Clock.Offset is not ("utc" or "localtime"))
            {
                Warn($"clock offset '{_def.Clock.Offset}' has no xl equivalent for a PV guest; utc was used");
            }
        }

        Set("localtime", localtime ? 1 : 0);
    }

    private void WriteFramebuffer()
    {
        if (_def.Graphics.Count > 1)
        {
            Warn("xl has one graphics device; only the first <graphics> was converted");
        }

        if (_def.Graphics.Count == 0 || _def.Graphics[0].Type == "spice")
        {
            return;
        }

        var graphics = _def.Graphics[0];
        if (graphics.Type is not ("vnc" or "sdl"))
        {
            Warn($"graphics type '{graphics.Type}' has no xl equivalent; it was not converted");
            return;
        }

        if (_def.IsHvm)
        {
            if (graphics.Type == "sdl")
            {
                Set("sdl", 1);
                Set("vnc", 0);
                SetIfNotNull("display", graphics.Display);
                SetIfNotNull("xauthority", graphics.XAuthority);
                return;
            }

            Set("sdl", 0);
            Set("vnc", 1);
            Set("vncunused", graphics.AutoPort ? 1 : 0);
            if (!graphics.AutoPort)
            {
                Set("vncdisplay", graphics.Port - 5900);
            }

            SetIfNotNull("vnclisten", graphics.ListenAddress);
            SetIfNotNull("vncpasswd", graphics.Password);
            SetIfNotNull("keymap", graphics.Keymap);
            return;
        }

        var vfb = new StringBuilder();
        if (graphics.Type == "sdl")
        {
            vfb.Append("type=sdl");
            AppendOption(vfb, "display", graphics.Display);
            AppendOption(vfb, "xauthority", graphics.XAuthority);
        }
        else
        {
            vfb.Append("type=vnc").Append(",vncunused=").Append(graphics.AutoPort ? 1 : 0);
            if (!graphics.AutoPort)
            {
                vfb.Append(",vncdisplay=").Append((graphics.Port - 5900).ToString(CultureInfo.InvariantCulture));
            }

            AppendOption(vfb, "vnclisten", graphics.ListenAddress);
            AppendOption(vfb, "vncpasswd", graphics.Password);
            AppendOption(vfb, "keymap", graphics.Keymap);
        }

        Set("vfb", SettingValue.List(vfb.ToString()));
    }

    private static void AppendOption(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(',').Append(name).Append('=').Append(value);
        }
    }

    private void SetIfNotNull(string key, string? value)
    {
        if (value is not null)
        {
            Set(key, value);
        }
    }

    private string? FormatVif(NetworkInterface net)
    {
        var text = new StringBuilder("mac=").Append(net.Mac);
        switch (net.Type)
        {
            case "bridge":
            {
                var script = net.Script;
                text.Append(",bridge=").Append(net.Bridge);
                if (net.OpenVSwitch)
                {
                    script ??= "vif-openvswitch";
                    if (net.VlanTags.Count > 0)
                    {
                        if (net.VlanTrunk)
                        {
                            foreach (var tag in net.VlanTags)
                            {
                                text.Append(':').Append(tag.ToString(CultureInfo.InvariantCulture));
                            }
                        }
                        else
                        {
                            text.Append('.').Append(net.VlanTags[0].ToString(CultureInfo.InvariantCulture));
                        }
                    }
                }

                if (net.IpAddresses.Count > 0)
                {
                    text.Append(",ip=").Append(string.Join(' ', net.IpAddresses));
                }

                text.Append(",script=").Append(script ?? DefaultVifScript);
                break;
            }

            case "ethernet":
                if (net.Script is not null)
                {
                    text.Append(",script=").Append(net.Script);
                }

                if (net.IpAddresses.Count > 0)
                {
                    text.Append(",ip=").Append(string.Join(' ', net.IpAddresses));
                }

                break;
            case "network":
                Warn($"interface {net.Mac} uses libvirt network '{net.Network}', whose bridge only a running libvirt knows; it was converted without a bridge");
                text.Append(",script=").Append(DefaultVifScript);
                break;
            default:
                Warn($"interface type '{net.Type}' has no xl equivalent; interface {net.Mac} was not converted");
                return null;
        }

        if (net.Model is not null)
        {
            if (_def.IsHvm && net.Model == "netfront")
            {
                text.Append(",type=").Append(IsXl ? "vif" : "netfront");
            }
            else
            {
                text.Append(",model=").Append(net.Model);
            }
        }

        if (net.IfName is not null)
        {
            text.Append(",vifname=").Append(net.IfName);
        }

        if (net.OutboundAverage is > 0)
        {
            text.Append(",rate=").Append(net.OutboundAverage.Value.ToString(CultureInfo.InvariantCulture)).Append("KB/s");
        }

        return text.ToString();
    }

    private static string FormatPci(HostDevice device)
    {
        var permissive = device.WriteFiltering switch
        {
            true => ",permissive=0",
            false => ",permissive=1",
            null => "",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{device.Domain:x4}:{device.Bus:x2}:{device.Slot:x2}.{device.Function:x}{permissive}");
    }

    private void WriteCharDevices()
    {
        if (!_def.IsHvm)
        {
            return;
        }

        if (_def.Parallels.Count > 0)
        {
            Set("parallel", FormatChar(_def.Parallels[0]) ?? "none");
            if (_def.Parallels.Count > 1)
            {
                Warn("xl has one parallel port; only the first was converted");
            }
        }
        else
        {
            Set("parallel", "none");
        }

        if (_def.Serials.Count == 0)
        {
            Set("serial", "none");
        }
        else if (_def.Serials.Count == 1 && _def.Serials[0].Port == 0)
        {
            Set("serial", FormatChar(_def.Serials[0]) ?? "none");
        }
        else if (!IsXl)
        {
            Warn("xen-xm supports only one serial device; the serial ports were not converted");
        }
        else
        {
            var ports = new List<string>();
            for (var port = 0; port <= _def.Serials.Max(s => s.Port); port++)
            {
                var serial = _def.Serials.FirstOrDefault(s => s.Port == port);
                ports.Add(serial is null ? "none" : FormatChar(serial) ?? "none");
            }

            SetList("serial", ports);
        }
    }

    private string? FormatChar(CharDevice device)
    {
        var text = CharDeviceSpec.Format(device);
        if (text is null)
        {
            Warn($"character device type '{device.Type}' has no xl equivalent; it was not converted");
        }

        return text;
    }
}
