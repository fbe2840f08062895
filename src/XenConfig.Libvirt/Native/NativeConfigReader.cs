using System.Globalization;
using System.Text.RegularExpressions;
using XenConfig.Devices;
using XenConfig.Libvirt.Model;

namespace XenConfig.Libvirt.Native;

/// <summary>
/// Reads a config's effective values into a <see cref="DomainDefinition"/> the way libvirt 9.0's <c>xenParseXL</c> and
/// <c>xenParseXM</c> do (<c>src/libxl/xen_common.c</c>, <c>xen_xl.c</c>, <c>xen_xm.c</c>). Where libvirt would refuse
/// the whole config over one value that xl itself accepts, the value is dropped with a warning instead.
/// </summary>
internal sealed partial class NativeConfigReader
{
    private readonly NativeSettings _settings;
    private readonly LibvirtNativeFormat _format;
    private readonly LibvirtConversionOptions _options;
    private readonly DomainDefinition _def = new();

    private NativeConfigReader(NativeSettings settings, LibvirtNativeFormat format, LibvirtConversionOptions options)
    {
        _settings = settings;
        _format = format;
        _options = options;
    }

    private bool IsXl => _format == LibvirtNativeFormat.XenXl;

    /// <summary>The definition, or null when the config cannot be converted (the reason is in the settings' diagnostics).</summary>
    public static DomainDefinition? Read(NativeSettings settings, LibvirtNativeFormat format, LibvirtConversionOptions options)
    {
        var reader = new NativeConfigReader(settings, format, options);
        if (!reader.ReadCommon())
        {
            return null;
        }

        if (format == LibvirtNativeFormat.XenXl)
        {
            reader.ReadXlOs();
            reader.ReadVnuma();
            reader.ReadXenbusLimits();
            reader.ReadCpuid();
            reader.ReadXlDisks();
            reader.ReadSpice();
            reader.ReadXlInputs();
            reader.ReadUsbDevices();
            reader.ReadUsbControllers();
            reader.ReadChannels();
            reader.ReadDeviceModelArguments();
        }
        else
        {
            if (!reader.ReadXmOs())
            {
                return null;
            }

            reader.ReadXmDisks();
            reader.ReadXmInputs();
        }

        DefinitionDefaults.Apply(reader._def, fromNativeConfig: true);
        foreach (var key in settings.UnreadKeys.Order(StringComparer.Ordinal))
        {
            settings.Warn(key, $"'{key}' has no libvirt domain XML equivalent; it was not converted");
        }

        return reader._def;
    }

    private bool ReadCommon()
    {
        var name = _settings.GetString("name");
        if (string.IsNullOrEmpty(name))
        {
            _settings.Diagnostics.Add(XenConfig.Diagnostics.DiagnosticIds.LibvirtConversionFailed.Create(
                _settings.Locate("name"), "the config has no name; libvirt needs one"));
            return false;
        }

        _def.Name = name;
        ReadUuid();
        ReadGuestType();
        ReadMemory();
        ReadLifecycle();
        ReadVcpus();
        ReadHypervisorFeatures();
        ReadTimeOffset();
        _def.Emulator = AbsolutePath("device_model_override");
        ReadVifs();
        ReadPciDevices();
        ReadSound();
        ReadFramebuffer();
        ReadCharDevices();
        return true;
    }

    private void ReadUuid()
    {
        var text = _settings.GetString("uuid");
        if (text is not null && Uuids.TryNormalize(text, out var uuid))
        {
            _def.Uuid = uuid;
            return;
        }

        _def.Uuid = Guid.NewGuid().ToString("D");
        if (text is null)
        {
            _settings.Info("uuid", $"the config has no uuid; libvirt generates one ({_def.Uuid})");
        }
        else
        {
            _settings.Warn("uuid", $"uuid \"{text}\" is not a UUID libvirt reads; a new one was generated ({_def.Uuid})");
        }
    }

    private void ReadGuestType()
    {
        _def.OsType = GuestOsType.Pv;
        var type = _settings.GetString("type");
        if (type is not null)
        {
            switch (type)
            {
                case "pv":
                    break;
                case "pvh":
                    _def.OsType = GuestOsType.Pvh;
                    break;
                case "hvm":
                    _def.OsType = GuestOsType.Hvm;
                    break;
                default:
                    _settings.Warn("type", $"type \"{type}\" is not a guest type libvirt knows; the guest was converted as PV");
                    break;
            }
        }
        else if (_settings.GetString("builder") == "hvm")
        {
            _def.OsType = GuestOsType.Hvm;
        }

        _def.Machine = _def.OsType switch
        {
            GuestOsType.Hvm => "xenfv",
            GuestOsType.Pvh => "xenpvh",
            _ => "xenpv",
        };
    }

    private void ReadMemory()
    {
        const long minimumGuestMiB = 64;
        var memory = _settings.GetNumber("memory", minimumGuestMiB * 2);
        var maxmem = _settings.GetNumber("maxmem", memory);
        _def.CurrentMemoryKiB = (ulong)Math.Max(0, memory) * 1024;
        _def.MemoryKiB = (ulong)Math.Max(0, maxmem) * 1024;
    }

    private static readonly string[] LifecycleActions =
        ["destroy", "restart", "rename-restart", "preserve", "coredump-destroy", "coredump-restart"];

    private void ReadLifecycle()
    {
        _def.OnPoweroff = Lifecycle("on_poweroff", "destroy");
        _def.OnReboot = Lifecycle("on_reboot", "restart");
        _def.OnCrash = Lifecycle("on_crash", "restart");
    }

    private string Lifecycle(string key, string fallback)
    {
        var value = _settings.GetString(key) ?? fallback;
        if (LifecycleActions.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        _settings.Warn(key, $"{key} \"{value}\" has no libvirt lifecycle action; {fallback} was used");
        return fallback;
    }

    private void ReadVcpus()
    {
        var count = (int)Math.Clamp(_settings.GetNumber("vcpus", 1), 1, 4096);
        _def.MaxVcpus = count;
        _def.Vcpus = count;
        if (_settings.Has("maxvcpus"))
        {
            var max = (int)Math.Clamp(_settings.GetNumber("maxvcpus", 0), 0, 4096);
            if (max > 0)
            {
                _def.MaxVcpus = max;
                _def.Vcpus = Math.Min(_def.Vcpus, max);
            }
        }

        var cpus = _settings.GetString("cpus");
        if (cpus is not null)
        {
            _def.CpuSet = CpuSet.Normalize(cpus);
            if (_def.CpuSet is null)
            {
                _settings.Warn("cpus", $"cpus \"{cpus}\" is not a CPU list libvirt reads (only numbers and ranges); it was not converted");
            }
        }
    }

    private void ReadHypervisorFeatures()
    {
        var tscMode = _settings.GetString("tsc_mode");
        if (tscMode is not null)
        {
            var mode = tscMode switch
            {
                "always_emulate" => "emulate",
                "native" => "native",
                "native_paravirt" => "paravirt",
                _ => "auto",
            };
            _def.Clock.Timers.Add(new ClockTimer("tsc", true, mode));
        }

        var passthrough = _settings.GetString("passthrough");
        switch (passthrough)
        {
            case null:
                break;
            case "disabled":
                _def.XenFeatures = false;
                _def.Passthrough = false;
                break;
            case "enabled":
            case "sync_pt":
            case "share_pt":
                _def.XenFeatures = true;
                _def.Passthrough = true;
                _def.PassthroughMode = passthrough == "enabled" ? null : passthrough;
                break;
            default:
                _settings.Warn("passthrough", $"passthrough \"{passthrough}\" is not a mode libvirt knows; it was not converted");
                break;
        }

        if (_def.IsHvm)
        {
            _def.Pae = _settings.GetBool("pae", true);
            _def.Acpi = _settings.GetBool("acpi", true);
            _def.Apic = _settings.GetBool("apic", true);
            _def.HapOff = !_settings.GetBool("hap", true);
            _def.Viridian = _settings.GetBool("viridian", false);
            if (_settings.GetTristate("hpet") is { } hpet)
            {
                _def.Clock.Timers.Add(new ClockTimer("hpet", hpet, null));
            }
        }
        else if (_settings.GetBool("e820_host", false))
        {
            _def.XenFeatures = true;
            _def.E820Host = true;
        }
    }

    private void ReadTimeOffset()
    {
        var localtime = _settings.GetBool("localtime", false);
        if (_def.IsHvm)
        {
            _def.Clock.Offset = "variable";
            _def.Clock.Adjustment = (int)_settings.GetNumber("rtc_timeoffset", 0);
            _def.Clock.Basis = localtime ? "localtime" : "utc";
        }
        else
        {
            _def.Clock.Offset = localtime ? "localtime" : "utc";
            _def.Clock.AdjustmentReset = true;
        }
    }

    private void ReadPciDevices()
    {
        var pcis = _settings.GetStringList("pci");
        if (pcis is null)
        {
            if (_settings.Get("pci") is { IsList: false })
            {
                _settings.Warn("pci", "pci should be a list; libvirt ignores a single string");
            }

            return;
        }

        foreach (var entry in pcis)
        {
            if (ParsePci(entry) is { } device)
            {
                _def.HostDevices.Add(device);
            }
            else
            {
                _settings.Warn("pci", $"PCI device \"{entry}\" is not in the form libvirt reads ([DDDD:]BB:SS.F[,option=value...]); it was not converted");
            }
        }
    }

    private static HostDevice? ParsePci(string entry)
    {
        var tokens = entry.Split(':', 3);
        var next = 0;
        var domain = 0;
        if (tokens.Length == 3 && !TryHex(tokens[next++], out domain))
        {
            return null;
        }

        if (tokens.Length < 2 || !TryHex(tokens[next++], out var bus))
        {
            return null;
        }

        var rest = tokens[next];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !TryHex(rest[..dot], out var slot))
        {
            return null;
        }

        rest = rest[(dot + 1)..];
        var comma = rest.IndexOf(',', StringComparison.Ordinal);
        var function = comma < 0 ? rest : rest[..comma];
        if (!TryHex(function, out var func))
        {
            return null;
        }

        bool? writeFiltering = null;
        if (comma >= 0)
        {
            foreach (var option in rest[(comma + 1)..].Split(','))
            {
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    return null;
                }

                if (option[..equals] == "permissive")
                {
                    if (!int.TryParse(option[(equals + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var permissive))
                    {
                        return null;
                    }

                    writeFiltering = permissive == 0;
                }
            }
        }

        return new HostDevice { Type = "pci", Domain = domain, Bus = bus, Slot = slot, Function = func, WriteFiltering = writeFiltering };
    }

    private static bool TryHex(string text, out int value)
    {
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        return int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static readonly string[] SoundModels = ["sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7", "virtio"];

    private void ReadSound()
    {
        if (!_def.IsHvm)
        {
            return;
        }

        var soundhw = _settings.GetString("soundhw");
        if (soundhw is null)
        {
            return;
        }

        if (soundhw == "all")
        {
            _def.Sounds.AddRange(["sb16", "es1370"]);
            return;
        }

        foreach (var model in soundhw.Split(','))
        {
            if (SoundModels.Contains(model, StringComparer.Ordinal))
            {
                _def.Sounds.Add(model);
            }
            else
            {
                _settings.Warn("soundhw", $"sound model \"{model}\" is not one libvirt knows; it was not converted");
            }
        }
    }

    private void ReadFramebuffer()
    {
        if (_def.IsHvm)
        {
            if (_settings.GetBool("vnc", false))
            {
                var vnc = new Graphics { Type = "vnc", AutoPort = _settings.GetBool("vncunused", true) };
                if (!vnc.AutoPort)
                {
                    vnc.Port = (int)_settings.GetNumber("vncdisplay", 0) + 5900;
                }

                vnc.HasListen = true;
                vnc.ListenAddress = _settings.GetString("vnclisten");
                vnc.Password = _settings.GetString("vncpasswd");
                vnc.Keymap = _settings.GetString("keymap");
                _def.Graphics.Add(vnc);
            }
            else if (_settings.GetBool("sdl", false))
            {
                _def.Graphics.Add(new Graphics
                {
                    Type = "sdl",
                    Display = _settings.GetString("display"),
                    XAuthority = _settings.GetString("xauthority"),
                });
            }

            return;
        }

        var vfbs = _settings.GetStringList("vfb");
        if (vfbs is null || vfbs.Count == 0)
        {
            return;
        }

        if (vfbs.Count > 1)
        {
            _settings.Warn("vfb", "libvirt reads only the first vfb; the others were not converted");
        }

        var spec = vfbs[0];
        var graphics = new Graphics { Type = spec.Contains("type=sdl", StringComparison.Ordinal) ? "sdl" : "vnc" };
        foreach (var (key, value) in SplitKeyValueOptions(spec, out _))
        {
            if (graphics.Type == "vnc")
            {
                if (key == "vncunused")
                {
                    graphics.AutoPort |= value == "1";
                }
                else if (key == "vnclisten")
                {
                    graphics.ListenAddress = value;
                }
                else if (key == "vncpasswd")
                {
                    graphics.Password = value;
                }
                else if (key == "keymap")
                {
                    graphics.Keymap = value;
                }
                else if (key == "vncdisplay")
                {
                    if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var display))
                    {
                        graphics.Port = display + 5900;
                    }
                    else
                    {
                        _settings.Warn("vfb", $"vncdisplay \"{value}\" is not a number; it was not converted");
                    }
                }
            }
            else if (key == "display")
            {
                graphics.Display = value;
            }
            else if (key == "xauthority")
            {
                graphics.XAuthority = value;
            }
        }

        graphics.HasListen = graphics.Type == "vnc";
        _def.Graphics.Add(graphics);
    }

    // The key=value walk of xen_common.c: split at commas, skipping spaces and tabs that follow a comma, up to the first
    // option without '=' (where libvirt stops reading; allKeyValue tells whether there was one).
    private static List<(string Key, string Value)> SplitKeyValueOptions(string spec, out bool allKeyValue)
    {
        var options = new List<(string Key, string Value)>();
        allKeyValue = false;
        var position = 0;
        while (true)
        {
            var comma = spec.IndexOf(',', position);
            var option = comma < 0 ? spec[position..] : spec[position..comma];
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return options;
            }

            options.Add((option[..equals], option[(equals + 1)..]));
            if (comma < 0)
            {
                allKeyValue = true;
                return options;
            }

            position = comma + 1;
            while (position < spec.Length && spec[position] is ',' or ' ' or '\t')
            {
                position++;
            }

            if (position >= spec.Length)
            {
                allKeyValue = true;
                return options;
            }
        }
    }

    private void ReadCharDevices()
    {
        if (!_def.IsHvm)
        {
            _def.Consoles.Add(new CharDevice { Type = "pty", TargetType = "xen", Port = 0 });
            return;
        }

        var parallel = _settings.GetString("parallel");
        if (parallel is not null && parallel != "none")
        {
            if (CharDeviceSpec.TryParse(parallel, out var device, out var error))
            {
                device.Port = 0;
                _def.Parallels.Add(device);
            }
            else
            {
                _settings.Warn("parallel", $"parallel \"{parallel}\": {error}; it was not converted");
            }
        }

        var serials = _settings.GetStringList("serial");
        if (serials is not null)
        {
            if (!IsXl)
            {
                _settings.Warn("serial", "xen-xm supports only one serial device; the list was not converted");
                return;
            }

            for (var port = 0; port < serials.Count; port++)
            {
                if (serials[port] == "none")
                {
                    continue;
                }

                if (CharDeviceSpec.TryParse(serials[port], out var device, out var error))
                {
                    device.Port = port;
                    _def.Serials.Add(device);
                }
                else
                {
                    _settings.Warn("serial", $"serial \"{serials[port]}\": {error}; it was not converted");
                }
            }

            return;
        }

        var serial = _settings.GetString("serial");
        if (serial is not null && serial != "none")
        {
            if (CharDeviceSpec.TryParse(serial, out var device, out var error))
            {
                device.Port = 0;
                _def.Serials.Add(device);
            }
            else
            {
                _settings.Warn("serial", $"serial \"{serial}\": {error}; it was not converted");
            }
        }
    }

    private void ReadVifs()
    {
        var value = _settings.Get("vif");
        if (value is null || !value.IsList)
        {
            if (value is not null)
            {
                _settings.Warn("vif", "vif should be a list; libvirt ignores a single string");
            }

            return;
        }

        foreach (var item in value.Items)
        {
            if (item.IsList)
            {
                continue;
            }

            if (ParseVif(item.Text!) is { } net)
            {
                _def.Interfaces.Add(net);
            }
        }
    }

    [GeneratedRegex("^[0-9]+[GMK]?[Bb]/s$", RegexOptions.CultureInvariant)]
    private static partial Regex RateRegex();

    private NetworkInterface? ParseVif(string spec)
    {
        string? script = null, model = null, type = null, ip = null, mac = null, bridge = null, vifname = null, rate = null;
        foreach (var rawOption in spec.Split(','))
        {
            var option = rawOption.TrimStart(' ', '\t', '\n', '\r', '\f', '\v');
            var equals = rawOption.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                _settings.Warn("vif", $"vif \"{spec}\": \"{rawOption}\" is not key=value, which libvirt requires; the vif was not converted");
                return null;
            }

            var value = rawOption[(equals + 1)..];
            if (option.StartsWith("mac=", StringComparison.Ordinal)) { mac = value; }
            else if (option.StartsWith("bridge=", StringComparison.Ordinal)) { bridge = value; }
            else if (option.StartsWith("script=", StringComparison.Ordinal)) { script = value; }
            else if (option.StartsWith("model=", StringComparison.Ordinal)) { model = value; }
            else if (option.StartsWith("type=", StringComparison.Ordinal)) { type = value; }
            else if (option.StartsWith("vifname=", StringComparison.Ordinal)) { vifname = value; }
            else if (option.StartsWith("ip=", StringComparison.Ordinal)) { ip = value; }
            else if (option.StartsWith("rate=", StringComparison.Ordinal)) { rate = value; }
            else
            {
                _settings.Warn("vif", $"vif \"{spec}\": \"{option}\" has no libvirt equivalent; it was not converted");
            }
        }

        var net = new NetworkInterface();
        if (mac is not null)
        {
            if (!MacAddress.TryParse(mac, out var parsed))
            {
                _settings.Warn("vif", $"vif \"{spec}\": \"{mac}\" is not a MAC address; the vif was not converted");
                return null;
            }

            net.Mac = parsed.ToString();
        }
        else
        {
            _settings.Info("vif", $"vif \"{spec}\" has no mac; libvirt writes 00:00:00:00:00:00 and xl picks a random one at start");
            net.Mac = "00:00:00:00:00:00";
        }

        net.Type = bridge is not null || script is "vif-bridge" or "vif-vnic" ? "bridge" : "ethernet";
        if (net.Type == "bridge" && bridge is not null)
        {
            ParseBridge(net, bridge, spec);
        }

        if (ip is not null)
        {
            net.IpAddresses.AddRange(ip.Split(' '));
        }

        if (!string.IsNullOrEmpty(script))
        {
            net.Script = script;
        }

        if (model is not null)
        {
            net.Model = model;
        }
        else if (type is not null && type == (IsXl ? "vif" : "netfront"))
        {
            net.Model = "netfront";
        }

        if (!string.IsNullOrEmpty(vifname))
        {
            net.IfName = vifname;
        }

        if (rate is not null)
        {
            if (ParseRate(rate) is { } kilobytesPerSecond)
            {
                net.OutboundAverage = kilobytesPerSecond;
            }
            else
            {
                _settings.Warn("vif", $"vif \"{spec}\": rate \"{rate}\" is not a rate libvirt reads (NUMBER[GMK]B/s or b/s); it was not converted");
            }
        }

        return net;
    }

    private void ParseBridge(NetworkInterface net, string bridge, string spec)
    {
        var dot = bridge.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            net.Bridge = bridge[..dot];
            if (uint.TryParse(bridge[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var tag))
            {
                net.VlanTags.Add(tag);
                net.OpenVSwitch = true;
            }
            else
            {
                _settings.Warn("vif", $"vif \"{spec}\": VLAN tag \"{bridge[(dot + 1)..]}\" is not a number; it was not converted");
            }

            return;
        }

        var parts = bridge.Split(':');
        net.Bridge = parts[0];
        if (parts.Length == 1)
        {
            return;
        }

        foreach (var part in parts.Skip(1))
        {
            if (uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var tag))
            {
                net.VlanTags.Add(tag);
            }
            else
            {
                _settings.Warn("vif", $"vif \"{spec}\": VLAN trunk \"{part}\" is not a number; it was not converted");
            }
        }

        net.VlanTrunk = true;
        net.OpenVSwitch = true;
    }

    private static ulong? ParseRate(string rate)
    {
        var at = rate.IndexOf('@', StringComparison.Ordinal);
        var amount = at < 0 ? rate : rate[..at];
        if (!RateRegex().IsMatch(amount))
        {
            return null;
        }

        var digits = amount.TakeWhile(char.IsAsciiDigit).Count();
        if (!ulong.TryParse(amount[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var suffix = amount[digits..];
        if (suffix[0] == 'G')
        {
            value *= 1024 * 1024;
        }
        else if (suffix[0] == 'M')
        {
            value *= 1024;
        }

        if (suffix[0] == 'b' || (suffix.Length > 1 && suffix[1] == 'b'))
        {
            value /= 8;
        }

        return value;
    }
}
