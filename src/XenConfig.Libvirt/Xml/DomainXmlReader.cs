using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using XenConfig.Diagnostics;
using XenConfig.Libvirt.Model;
using XenConfig.Text;

namespace XenConfig.Libvirt.Xml;

/// <summary>
/// Reads libvirt domain XML into a <see cref="DomainDefinition"/>, the elements the Xen converters use. Every element it
/// does not read is reported (XC7002) with its line, so nothing disappears silently on the way to an xl config.
/// </summary>
internal sealed class DomainXmlReader
{
    private readonly string? _path;
    private readonly HashSet<XElement> _read = [];
    private readonly DomainDefinition _def = new();

    private DomainXmlReader(string? path) => _path = path;

    public List<Diagnostic> Diagnostics { get; } = [];

    public static DomainDefinition? Read(string xml, string? path, List<Diagnostic> diagnostics)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            var position = new LinePosition(Math.Max(0, exception.LineNumber - 1), Math.Max(0, exception.LinePosition - 1));
            diagnostics.Add(DiagnosticIds.LibvirtXmlInvalid.Create(new SourceLocation(path, default, position), exception.Message));
            return null;
        }

        return Read(document, path, diagnostics);
    }

    public static DomainDefinition? Read(XDocument document, string? path, List<Diagnostic> diagnostics)
    {
        var reader = new DomainXmlReader(path);
        var definition = reader.ReadDomain(document.Root);
        diagnostics.AddRange(reader.Diagnostics);
        return definition;
    }

    private SourceLocation Locate(XObject node)
    {
        var info = (IXmlLineInfo)node;
        return info.HasLineInfo()
            ? new SourceLocation(_path, default, new LinePosition(info.LineNumber - 1, info.LinePosition - 1))
            : SourceLocation.None(_path);
    }

    private void Warn(XObject node, string message) => Diagnostics.Add(DiagnosticIds.LibvirtXmlNotConverted.Create(Locate(node), message));

    private XElement? Child(XElement parent, string name)
    {
        var child = parent.Element(name);
        if (child is not null)
        {
            _read.Add(child);
        }

        return child;
    }

    private IEnumerable<XElement> Children(XElement parent, XName name)
    {
        foreach (var child in parent.Elements(name))
        {
            _read.Add(child);
            yield return child;
        }
    }

    private string? Text(XElement parent, string name) => Child(parent, name)?.Value;

    private static string? Attribute(XElement? element, string name) => element?.Attribute(name)?.Value;

    private DomainDefinition? ReadDomain(XElement? domain)
    {
        if (domain is null || domain.Name != "domain")
        {
            Diagnostics.Add(DiagnosticIds.LibvirtXmlInvalid.Create(domain is null ? SourceLocation.None(_path) : Locate(domain),
                "the root element is not <domain>"));
            return null;
        }

        _read.Add(domain);
        _def.VirtType = Attribute(domain, "type") ?? "xen";
        if (_def.VirtType != "xen")
        {
            Warn(domain, $"domain type '{_def.VirtType}' is not xen; the guest was converted as a Xen guest");
        }

        var name = Text(domain, "name");
        if (string.IsNullOrEmpty(name))
        {
            Diagnostics.Add(DiagnosticIds.LibvirtConversionFailed.Create(Locate(domain), "the domain has no <name>"));
            return null;
        }

        _def.Name = name;
        var uuid = Text(domain, "uuid");
        if (uuid is not null && Uuids.TryNormalize(uuid, out var normalized))
        {
            _def.Uuid = normalized;
        }
        else
        {
            _def.Uuid = Guid.NewGuid().ToString("D");
            Diagnostics.Add(DiagnosticIds.LibvirtDefaultSupplied.Create(Locate(domain),
                uuid is null ? $"the domain has no <uuid>; libvirt generates one ({_def.Uuid})" : $"<uuid> '{uuid}' is not a UUID; a new one was generated ({_def.Uuid})"));
        }

        _def.MemoryKiB = Memory(Child(domain, "memory"));
        _def.CurrentMemoryKiB = Memory(Child(domain, "currentMemory"));
        if (Child(domain, "vcpu") is { } vcpu)
        {
            _def.MaxVcpus = ParseInt(vcpu, vcpu.Value, 1);
            _def.Vcpus = Attribute(vcpu, "current") is { } current ? ParseInt(vcpu, current, _def.MaxVcpus) : _def.MaxVcpus;
            if (Attribute(vcpu, "cpuset") is { } cpuset)
            {
                _def.CpuSet = CpuSet.Normalize(cpuset);
            }
        }
        else
        {
            _def.MaxVcpus = _def.Vcpus = 1;
        }

        _def.Bootloader = Text(domain, "bootloader");
        _def.BootloaderArgs = Text(domain, "bootloader_args");
        ReadOs(Child(domain, "os"));
        ReadFeatures(Child(domain, "features"));
        ReadCpu(Child(domain, "cpu"));
        ReadClock(Child(domain, "clock"));
        _def.OnPoweroff = Text(domain, "on_poweroff") ?? "destroy";
        _def.OnReboot = Text(domain, "on_reboot") ?? "restart";
        _def.OnCrash = Text(domain, "on_crash") ?? "restart";
        if (Child(domain, "devices") is { } devices)
        {
            ReadDevices(devices);
        }

        if (domain.Element(DomainXmlWriter.XenNamespace + "commandline") is { } commandline)
        {
            _read.Add(commandline);
            _def.DeviceModelArguments.AddRange(Children(commandline, DomainXmlWriter.XenNamespace + "arg")
                .Select(arg => Attribute(arg, "value") ?? ""));
        }

        foreach (var element in domain.Descendants().Where(e => !_read.Contains(e) && _read.Contains(e.Parent!)))
        {
            Warn(element, $"<{ElementPath(element)}> has no xl equivalent; it was not converted");
        }

        DefinitionDefaults.Apply(_def, fromNativeConfig: false);
        return _def;
    }

    private static string ElementPath(XElement element) =>
        string.Join("/", element.AncestorsAndSelf().Reverse().Skip(1).Select(e => e.Name.LocalName));

    private int ParseInt(XElement element, string text, int fallback)
    {
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Warn(element, $"<{element.Name.LocalName}> '{text}' is not a number; {fallback} was used");
        return fallback;
    }

    private ulong Memory(XElement? element)
    {
        if (element is null)
        {
            return 0;
        }

        if (!ulong.TryParse(element.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Warn(element, $"<{element.Name.LocalName}> '{element.Value}' is not a number; it was not converted");
            return 0;
        }

        return ScaleToKiB(element, value, Attribute(element, "unit"));
    }

    private ulong ScaleToKiB(XElement element, ulong value, string? unit)
    {
        const ulong kilo = 1000, kibi = 1024;
        var bytes = (unit ?? "KiB") switch
        {
            "b" or "bytes" => value,
            "KB" => value * kilo,
            "k" or "KiB" => value * kibi,
            "MB" => value * kilo * kilo,
            "M" or "MiB" => value * kibi * kibi,
            "GB" => value * kilo * kilo * kilo,
            "G" or "GiB" => value * kibi * kibi * kibi,
            "TB" => value * kilo * kilo * kilo * kilo,
            "T" or "TiB" => value * kibi * kibi * kibi * kibi,
            _ => ulong.MaxValue,
        };
        if (bytes == ulong.MaxValue)
        {
            Warn(element, $"unit '{unit}' is not one libvirt knows; the value was read as KiB");
            return value;
        }

        return (bytes + kibi - 1) / kibi;
    }

    private void ReadOs(XElement? os)
    {
        if (os is null)
        {
            return;
        }

        var type = Child(os, "type");
        _def.OsType = type?.Value.Trim() switch
        {
            "hvm" => GuestOsType.Hvm,
            "xenpvh" => GuestOsType.Pvh,
            _ => GuestOsType.Pv,
        };
        if (type is not null && type.Value.Trim() is not ("hvm" or "xenpvh" or "linux" or "xen"))
        {
            Warn(type, $"os type '{type.Value}' is not one the Xen driver runs; the guest was converted as PV");
        }

        _def.Arch = Attribute(type, "arch") ?? "x86_64";
        _def.Machine = Attribute(type, "machine") ?? (_def.IsHvm ? "xenfv" : _def.OsType == GuestOsType.Pvh ? "xenpvh" : "xenpv");
        if (Child(os, "loader") is { } loader)
        {
            _def.Loader = new Loader
            {
                Path = loader.Value.Trim() is { Length: > 0 } path ? path : null,
                Type = Attribute(loader, "type"),
                ReadOnly = Attribute(loader, "readonly") == "yes",
            };
        }

        _def.Kernel = Text(os, "kernel");
        _def.Initrd = Text(os, "initrd");
        _def.Cmdline = Text(os, "cmdline");
        if (Child(os, "acpi") is { } acpi)
        {
            foreach (var table in Children(acpi, "table"))
            {
                if (Attribute(table, "type") == "slic")
                {
                    _def.SlicTable = table.Value;
                }
                else
                {
                    Warn(table, $"ACPI table type '{Attribute(table, "type")}' has no xl equivalent; it was not converted");
                }
            }
        }

        _def.BootDevices.AddRange(Children(os, "boot").Select(b => Attribute(b, "dev") ?? "hd"));
    }

    private void ReadFeatures(XElement? features)
    {
        if (features is null)
        {
            return;
        }

        _def.Acpi = Switch(Child(features, "acpi"));
        _def.Apic = Switch(Child(features, "apic"));
        _def.Pae = Switch(Child(features, "pae"));
        _def.HapOff = Child(features, "hap") is { } hap && !Switch(hap);
        _def.Viridian = Switch(Child(features, "viridian"));
        if (Child(features, "xen") is { } xen)
        {
            _def.XenFeatures = true;
            _def.E820Host = Switch(Child(xen, "e820_host"));
            if (Child(xen, "passthrough") is { } passthrough)
            {
                _def.Passthrough = Switch(passthrough);
                _def.PassthroughMode = Attribute(passthrough, "mode");
            }
        }
    }

    private static bool Switch(XElement? feature) => feature is not null && Attribute(feature, "state") is null or "on";

    private void ReadCpu(XElement? cpu)
    {
        if (cpu is null)
        {
            return;
        }

        _def.Cpu = new CpuDefinition { Mode = Attribute(cpu, "mode") };
        foreach (var feature in Children(cpu, "feature"))
        {
            _def.Cpu.Features.Add(new CpuFeature(Attribute(feature, "name") ?? "", Attribute(feature, "policy") ?? "require"));
        }

        if (Child(cpu, "numa") is { } numa)
        {
            foreach (var cell in Children(numa, "cell"))
            {
                var memory = ulong.TryParse(Attribute(cell, "memory"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;
                var numaCell = new NumaCell
                {
                    Cpus = CpuSet.Normalize(Attribute(cell, "cpus") ?? "") ?? "",
                    MemoryKiB = ScaleToKiB(cell, memory, Attribute(cell, "unit")),
                };
                if (Child(cell, "distances") is { } distances)
                {
                    foreach (var sibling in Children(distances, "sibling"))
                    {
                        var id = int.TryParse(Attribute(sibling, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Math.Min(parsed, 4096) : 0;
                        while (numaCell.Distances.Count <= id)
                        {
                            numaCell.Distances.Add(0);
                        }

                        numaCell.Distances[id] = uint.TryParse(Attribute(sibling, "value"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
                    }
                }

                _def.Cpu.NumaCells.Add(numaCell);
            }
        }
    }

    private void ReadClock(XElement? clock)
    {
        if (clock is null)
        {
            return;
        }

        _def.Clock.Offset = Attribute(clock, "offset") ?? "utc";
        var adjustment = Attribute(clock, "adjustment");
        _def.Clock.AdjustmentReset = adjustment == "reset";
        if (adjustment is not null && adjustment != "reset")
        {
            _def.Clock.Adjustment = ParseInt(clock, adjustment, 0);
        }

        _def.Clock.Basis = Attribute(clock, "basis") ?? "utc";
        foreach (var timer in Children(clock, "timer"))
        {
            bool? present = Attribute(timer, "present") switch
            {
                "yes" => true,
                "no" => false,
                _ => null,
            };
            _def.Clock.Timers.Add(new ClockTimer(Attribute(timer, "name") ?? "", present, Attribute(timer, "mode")));
        }
    }

    private void ReadDevices(XElement devices)
    {
        _def.Emulator = Text(devices, "emulator");
        foreach (var disk in Children(devices, "disk"))
        {
            ReadDisk(disk);
        }

        foreach (var controller in Children(devices, "controller"))
        {
            _def.Controllers.Add(new Controller
            {
                Type = Attribute(controller, "type") ?? "",
                Index = int.TryParse(Attribute(controller, "index"), CultureInfo.InvariantCulture, out var index) ? index : 0,
                Model = Attribute(controller, "model"),
                Ports = int.TryParse(Attribute(controller, "ports"), CultureInfo.InvariantCulture, out var ports) ? ports : null,
                MaxEventChannels = ulong.TryParse(Attribute(controller, "maxEventChannels"), CultureInfo.InvariantCulture, out var events) ? events : null,
                MaxGrantFrames = ulong.TryParse(Attribute(controller, "maxGrantFrames"), CultureInfo.InvariantCulture, out var frames) ? frames : null,
            });
        }

        foreach (var element in Children(devices, "interface"))
        {
            ReadInterface(element);
        }

        _def.Serials.AddRange(Children(devices, "serial").Select(ReadChar));
        _def.Parallels.AddRange(Children(devices, "parallel").Select(ReadChar));
        _def.Consoles.AddRange(Children(devices, "console").Select(ReadChar));
        _def.Channels.AddRange(Children(devices, "channel").Select(ReadChar));
        foreach (var input in Children(devices, "input"))
        {
            _def.Inputs.Add(new InputDevice(Attribute(input, "type") ?? "mouse", Attribute(input, "bus") ?? (_def.IsHvm ? "ps2" : "xen")));
        }

        foreach (var graphics in Children(devices, "graphics"))
        {
            ReadGraphics(graphics);
        }

        _def.Sounds.AddRange(Children(devices, "sound").Select(s => Attribute(s, "model") ?? ""));
        foreach (var video in Children(devices, "video"))
        {
            var model = Child(video, "model");
            _def.Videos.Add(new Video(Attribute(model, "type") ?? "cirrus", 0, 1, true));
        }

        foreach (var hostdev in Children(devices, "hostdev"))
        {
            ReadHostDevice(hostdev);
        }

        _def.MemballoonModel = Attribute(Child(devices, "memballoon"), "model");
    }

    private void ReadDisk(XElement element)
    {
        var disk = new Disk
        {
            Type = Attribute(element, "type") ?? "file",
            Device = Attribute(element, "device") ?? "disk",
        };
        var driver = Child(element, "driver");
        disk.DriverName = Attribute(driver, "name");
        disk.Format = Attribute(driver, "type");
        if (Child(element, "source") is { } source)
        {
            disk.SourcePath = Attribute(source, "file") ?? Attribute(source, "dev") ?? Attribute(source, "dir");
            disk.Protocol = Attribute(source, "protocol");
            disk.SourceName = Attribute(source, "name");
            foreach (var host in Children(source, "host"))
            {
                disk.Hosts.Add((Attribute(host, "name") ?? "", Attribute(host, "port")));
            }
        }

        var target = Child(element, "target");
        disk.Target = Attribute(target, "dev") ?? "";
        disk.Bus = Attribute(target, "bus") ?? (disk.Target.StartsWith("xvd", StringComparison.Ordinal) ? "xen" : "ide");
        disk.ReadOnly = Child(element, "readonly") is not null;
        disk.Shareable = Child(element, "shareable") is not null;
        if (Child(element, "transient") is { } transient)
        {
            Warn(transient, "transient disks are not supported by xl; the disk was converted as persistent");
        }

        if (Child(element, "address") is { } address && Attribute(address, "type") == "drive")
        {
            disk.Address = new DriveAddress(
                ParseInt(address, Attribute(address, "controller") ?? "0", 0),
                ParseInt(address, Attribute(address, "bus") ?? "0", 0),
                ParseInt(address, Attribute(address, "target") ?? "0", 0),
                ParseInt(address, Attribute(address, "unit") ?? "0", 0));
        }

        _def.Disks.Add(disk);
    }

    private void ReadInterface(XElement element)
    {
        var net = new NetworkInterface { Type = Attribute(element, "type") ?? "ethernet" };
        net.Mac = Attribute(Child(element, "mac"), "address");
        if (Child(element, "source") is { } source)
        {
            net.Bridge = Attribute(source, "bridge");
            net.Network = Attribute(source, "network");
        }

        if (Child(element, "vlan") is { } vlan)
        {
            net.VlanTrunk = Attribute(vlan, "trunk") == "yes";
            foreach (var tag in Children(vlan, "tag"))
            {
                net.VlanTags.Add(uint.TryParse(Attribute(tag, "id"), CultureInfo.InvariantCulture, out var id) ? id : 0);
            }
        }

        net.OpenVSwitch = Attribute(Child(element, "virtualport"), "type") == "openvswitch";
        net.IpAddresses.AddRange(Children(element, "ip").Select(ip => Attribute(ip, "address") ?? ""));
        net.Script = Attribute(Child(element, "script"), "path");
        net.IfName = Attribute(Child(element, "target"), "dev");
        net.Model = Attribute(Child(element, "model"), "type");
        if (Child(element, "bandwidth") is { } bandwidth && Child(bandwidth, "outbound") is { } outbound)
        {
            net.OutboundAverage = ulong.TryParse(Attribute(outbound, "average"), CultureInfo.InvariantCulture, out var average) ? average : null;
        }

        if (net.Mac is null)
        {
            var random = new byte[3];
            System.Security.Cryptography.RandomNumberGenerator.Fill(random);
            net.Mac = string.Create(CultureInfo.InvariantCulture, $"00:16:3e:{random[0]:x2}:{random[1]:x2}:{random[2]:x2}");
            Diagnostics.Add(DiagnosticIds.LibvirtDefaultSupplied.Create(Locate(element), $"the interface has no <mac>; libvirt generates one ({net.Mac})"));
        }

        _def.Interfaces.Add(net);
    }

    private CharDevice ReadChar(XElement element)
    {
        var device = new CharDevice { Type = Attribute(element, "type") ?? "pty" };
        foreach (var source in Children(element, "source"))
        {
            var mode = Attribute(source, "mode");
            if (device.Type == "udp" && mode == "bind")
            {
                device.BindHost = Attribute(source, "host");
                device.BindService = Attribute(source, "service");
                continue;
            }

            device.Path = Attribute(source, "path");
            device.Host = Attribute(source, "host");
            device.Service = Attribute(source, "service");
            device.Listen = mode == "bind";
        }

        device.Telnet = Attribute(Child(element, "protocol"), "type") == "telnet";
        if (Child(element, "target") is { } target)
        {
            device.TargetType = Attribute(target, "type");
            device.TargetName = Attribute(target, "name");
            device.Port = int.TryParse(Attribute(target, "port"), CultureInfo.InvariantCulture, out var port) ? port : 0;
        }

        return device;
    }

    private void ReadGraphics(XElement element)
    {
        var graphics = new Graphics { Type = Attribute(element, "type") ?? "vnc" };
        graphics.AutoPort = Attribute(element, "autoport") == "yes";
        graphics.Port = int.TryParse(Attribute(element, "port"), CultureInfo.InvariantCulture, out var port) ? port : 0;
        if (graphics.Port == -1)
        {
            graphics.AutoPort = true;
        }

        graphics.TlsPort = int.TryParse(Attribute(element, "tlsPort"), CultureInfo.InvariantCulture, out var tlsPort) ? Math.Max(tlsPort, 0) : 0;
        graphics.ListenAddress = Attribute(element, "listen");
        foreach (var listen in Children(element, "listen"))
        {
            graphics.HasListen = true;
            graphics.ListenAddress ??= Attribute(listen, "address");
        }

        graphics.Password = Attribute(element, "passwd");
        graphics.Keymap = Attribute(element, "keymap");
        graphics.Display = Attribute(element, "display");
        graphics.XAuthority = Attribute(element, "xauth");
        graphics.MouseMode = Attribute(Child(element, "mouse"), "mode");
        if (Attribute(Child(element, "clipboard"), "copypaste") is { } copyPaste)
        {
            graphics.CopyPaste = copyPaste == "yes";
        }

        _def.Graphics.Add(graphics);
    }

    private void ReadHostDevice(XElement element)
    {
        var type = Attribute(element, "type") ?? "";
        var source = Child(element, "source");
        var address = source is null ? null : Child(source, "address");
        Child(element, "driver");
        if (address is null || type is not ("pci" or "usb"))
        {
            Warn(element, $"a {type} host device has no xl equivalent; it was not converted");
            return;
        }

        var device = new HostDevice { Type = type, Managed = Attribute(element, "managed") == "yes" };
        if (type == "pci")
        {
            device.Domain = Hex(Attribute(address, "domain"));
            device.Bus = Hex(Attribute(address, "bus"));
            device.Slot = Hex(Attribute(address, "slot"));
            device.Function = Hex(Attribute(address, "function"));
            device.WriteFiltering = Attribute(source, "writeFiltering") switch
            {
                "yes" => true,
                "no" => false,
                _ => null,
            };
        }
        else
        {
            device.Bus = int.TryParse(Attribute(address, "bus"), CultureInfo.InvariantCulture, out var bus) ? bus : 0;
            device.UsbDevice = int.TryParse(Attribute(address, "device"), CultureInfo.InvariantCulture, out var number) ? number : 0;
        }

        _def.HostDevices.Add(device);
    }

    private static int Hex(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : 0
            : int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
