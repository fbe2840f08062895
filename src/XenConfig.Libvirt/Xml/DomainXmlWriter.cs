using System.Globalization;
using System.Xml.Linq;
using XenConfig.Libvirt.Model;

namespace XenConfig.Libvirt.Xml;

/// <summary>
/// Writes a definition as libvirt formats an inactive domain (<c>virDomainDefFormat</c>): the same elements, in the same
/// order, with the same attributes.
/// </summary>
internal static class DomainXmlWriter
{
    public static readonly XNamespace XenNamespace = "http://libvirt.org/schemas/domain/xen/1.0";

    public static XDocument Write(DomainDefinition def)
    {
        var domain = new XElement("domain", new XAttribute("type", def.VirtType));
        if (def.DeviceModelArguments.Count > 0)
        {
            domain.Add(new XAttribute(XNamespace.Xmlns + "xen", XenNamespace.NamespaceName));
        }

        domain.Add(
            new XElement("name", def.Name),
            new XElement("uuid", def.Uuid),
            new XElement("memory", new XAttribute("unit", "KiB"), Number(def.MemoryKiB)),
            new XElement("currentMemory", new XAttribute("unit", "KiB"), Number(def.CurrentMemoryKiB)),
            new XElement("vcpu",
                new XAttribute("placement", "static"),
                def.CpuSet is null ? null : new XAttribute("cpuset", def.CpuSet),
                def.Vcpus < def.MaxVcpus ? new XAttribute("current", Number(def.Vcpus)) : null,
                Number(def.MaxVcpus)));
        if (def.Bootloader is not null)
        {
            domain.Add(new XElement("bootloader", def.Bootloader));
        }

        if (def.BootloaderArgs is not null)
        {
            domain.Add(new XElement("bootloader_args", def.BootloaderArgs));
        }

        domain.Add(Os(def), Features(def), Cpu(def), Clock(def.Clock));
        domain.Add(
            new XElement("on_poweroff", def.OnPoweroff),
            new XElement("on_reboot", def.OnReboot),
            new XElement("on_crash", def.OnCrash),
            Devices(def));
        if (def.DeviceModelArguments.Count > 0)
        {
            domain.Add(new XElement(XenNamespace + "commandline",
                def.DeviceModelArguments.Select(a => new XElement(XenNamespace + "arg", new XAttribute("value", a)))));
        }

        return new XDocument(domain);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static XElement Os(DomainDefinition def)
    {
        var osType = def.OsType switch
        {
            GuestOsType.Hvm => "hvm",
            GuestOsType.Pvh => "xenpvh",
            _ => "linux",
        };
        var os = new XElement("os", new XElement("type", new XAttribute("arch", def.Arch), new XAttribute("machine", def.Machine), osType));
        if (def.Loader is { } loader)
        {
            os.Add(new XElement("loader",
                loader.ReadOnly ? new XAttribute("readonly", "yes") : null,
                loader.Type is null ? null : new XAttribute("type", loader.Type),
                loader.Path));
        }

        AddText(os, "kernel", def.Kernel);
        AddText(os, "initrd", def.Initrd);
        AddText(os, "cmdline", def.Cmdline);
        if (def.SlicTable is not null)
        {
            os.Add(new XElement("acpi", new XElement("table", new XAttribute("type", "slic"), def.SlicTable)));
        }

        foreach (var device in def.BootDevices)
        {
            os.Add(new XElement("boot", new XAttribute("dev", device)));
        }

        return os;
    }

    private static void AddText(XElement parent, string name, string? text)
    {
        if (text is not null)
        {
            parent.Add(new XElement(name, text));
        }
    }

    private static XElement? Features(DomainDefinition def)
    {
        var features = new XElement("features");
        if (def.Acpi)
        {
            features.Add(new XElement("acpi"));
        }

        if (def.Apic)
        {
            features.Add(new XElement("apic"));
        }

        if (def.Pae)
        {
            features.Add(new XElement("pae"));
        }

        if (def.HapOff)
        {
            features.Add(new XElement("hap", new XAttribute("state", "off")));
        }

        if (def.Viridian)
        {
            features.Add(new XElement("viridian"));
        }

        if (def.XenFeatures == true)
        {
            var xen = new XElement("xen");
            if (def.E820Host)
            {
                xen.Add(new XElement("e820_host", new XAttribute("state", "on")));
            }

            if (def.Passthrough is { } passthrough)
            {
                xen.Add(new XElement("passthrough",
                    new XAttribute("state", passthrough ? "on" : "off"),
                    passthrough && def.PassthroughMode is not null ? new XAttribute("mode", def.PassthroughMode) : null));
            }

            features.Add(xen);
        }

        return features.HasElements ? features : null;
    }

    private static XElement? Cpu(DomainDefinition def)
    {
        if (def.Cpu is not { } cpu)
        {
            return null;
        }

        var element = new XElement("cpu", cpu.Mode is null ? null : new XAttribute("mode", cpu.Mode));
        foreach (var feature in cpu.Features)
        {
            element.Add(new XElement("feature", new XAttribute("policy", feature.Policy), new XAttribute("name", feature.Name)));
        }

        if (cpu.NumaCells.Count > 0)
        {
            var numa = new XElement("numa");
            for (var id = 0; id < cpu.NumaCells.Count; id++)
            {
                var cell = cpu.NumaCells[id];
                var cellElement = new XElement("cell",
                    new XAttribute("id", Number(id)),
                    new XAttribute("cpus", cell.Cpus),
                    new XAttribute("memory", Number(cell.MemoryKiB)),
                    new XAttribute("unit", "KiB"));
                if (cell.Distances.Count > 0)
                {
                    cellElement.Add(new XElement("distances", cell.Distances.Select((value, sibling) =>
                        new XElement("sibling", new XAttribute("id", Number(sibling)), new XAttribute("value", Number(value))))));
                }

                numa.Add(cellElement);
            }

            element.Add(numa);
        }

        return element;
    }

    private static XElement Clock(Clock clock)
    {
        var element = new XElement("clock", new XAttribute("offset", clock.Offset));
        if (clock.Offset == "variable")
        {
            element.Add(new XAttribute("adjustment", Number(clock.Adjustment)), new XAttribute("basis", clock.Basis));
        }
        else if (clock.AdjustmentReset)
        {
            element.Add(new XAttribute("adjustment", "reset"));
        }

        foreach (var timer in clock.Timers)
        {
            element.Add(new XElement("timer",
                new XAttribute("name", timer.Name),
                timer.Present is { } present ? new XAttribute("present", present ? "yes" : "no") : null,
                timer.Mode is null ? null : new XAttribute("mode", timer.Mode)));
        }

        return element;
    }

    private static XElement Devices(DomainDefinition def)
    {
        var devices = new XElement("devices");
        AddText(devices, "emulator", def.Emulator);
        devices.Add(def.Disks.Select(DiskElement));
        devices.Add(def.Controllers.Select(ControllerElement));
        devices.Add(def.Interfaces.Select(InterfaceElement));
        devices.Add(def.Serials.Select(s => CharElement("serial", s, null)));
        devices.Add(def.Parallels.Select(p => CharElement("parallel", p, null)));
        for (var i = 0; i < def.Consoles.Count; i++)
        {
            var console = def.Consoles[i];
            var source = i == 0 && console.TargetType == "serial" && def.Serials.Count > 0 ? def.Serials[0] : console;
            devices.Add(CharElement("console", source, console));
        }

        devices.Add(def.Channels.Select(c => CharElement("channel", c, c)));
        devices.Add(def.Inputs.Select(i => new XElement("input",
            new XAttribute("type", i.Type),
            i.Bus is null ? null : new XAttribute("bus", i.Bus))));
        devices.Add(def.Graphics.Select(GraphicsElement));
        devices.Add(def.Sounds.Select(model => new XElement("sound", new XAttribute("model", model))));
        devices.Add(def.Videos.Select(video => new XElement("video", new XElement("model",
            new XAttribute("type", video.Type),
            new XAttribute("vram", Number(video.VideoRamKiB)),
            new XAttribute("heads", Number(video.Heads)),
            video.Primary ? new XAttribute("primary", "yes") : null))));
        devices.Add(def.HostDevices.Select(HostDeviceElement));
        if (def.MemballoonModel is not null)
        {
            devices.Add(new XElement("memballoon", new XAttribute("model", def.MemballoonModel)));
        }

        return devices;
    }

    private static XElement DiskElement(Disk disk)
    {
        var element = new XElement("disk", new XAttribute("type", disk.Type), new XAttribute("device", disk.Device));
        if (disk.DriverName is not null || disk.Format is not null)
        {
            element.Add(new XElement("driver",
                disk.DriverName is null ? null : new XAttribute("name", disk.DriverName),
                disk.Format is null ? null : new XAttribute("type", disk.Format)));
        }

        if (disk.Type == "network")
        {
            element.Add(new XElement("source",
                new XAttribute("protocol", disk.Protocol ?? "rbd"),
                new XAttribute("name", disk.SourceName ?? ""),
                disk.Hosts.Select(h => new XElement("host",
                    new XAttribute("name", h.Name),
                    h.Port is null ? null : new XAttribute("port", h.Port)))));
        }
        else if (!string.IsNullOrEmpty(disk.SourcePath))
        {
            element.Add(new XElement("source", new XAttribute(disk.Type == "block" ? "dev" : "file", disk.SourcePath)));
        }

        element.Add(new XElement("target", new XAttribute("dev", disk.Target), new XAttribute("bus", disk.Bus)));
        if (disk.ReadOnly)
        {
            element.Add(new XElement("readonly"));
        }

        if (disk.Shareable)
        {
            element.Add(new XElement("shareable"));
        }

        if (disk.Address is { } address)
        {
            element.Add(new XElement("address",
                new XAttribute("type", "drive"),
                new XAttribute("controller", Number(address.Controller)),
                new XAttribute("bus", Number(address.Bus)),
                new XAttribute("target", Number(address.Target)),
                new XAttribute("unit", Number(address.Unit))));
        }

        return element;
    }

    private static XElement ControllerElement(Controller controller) =>
        new("controller",
            new XAttribute("type", controller.Type),
            new XAttribute("index", Number(controller.Index)),
            controller.Model is null ? null : new XAttribute("model", controller.Model),
            controller.Ports is null ? null : new XAttribute("ports", Number(controller.Ports.Value)),
            controller.MaxGrantFrames is null ? null : new XAttribute("maxGrantFrames", Number(controller.MaxGrantFrames.Value)),
            controller.MaxEventChannels is null ? null : new XAttribute("maxEventChannels", Number(controller.MaxEventChannels.Value)));

    private static XElement InterfaceElement(NetworkInterface net)
    {
        var element = new XElement("interface", new XAttribute("type", net.Type));
        if (net.Mac is not null)
        {
            element.Add(new XElement("mac", new XAttribute("address", net.Mac)));
        }

        if (net.Type == "bridge" && net.Bridge is not null)
        {
            element.Add(new XElement("source", new XAttribute("bridge", net.Bridge)));
        }
        else if (net.Type == "network" && net.Network is not null)
        {
            element.Add(new XElement("source", new XAttribute("network", net.Network)));
        }

        if (net.VlanTags.Count > 0)
        {
            element.Add(new XElement("vlan",
                net.VlanTrunk ? new XAttribute("trunk", "yes") : null,
                net.VlanTags.Select(tag => new XElement("tag", new XAttribute("id", Number(tag))))));
        }

        if (net.OpenVSwitch)
        {
            element.Add(new XElement("virtualport", new XAttribute("type", "openvswitch")));
        }

        if (net.OutboundAverage is { } average)
        {
            element.Add(new XElement("bandwidth", new XElement("outbound", new XAttribute("average", Number(average)))));
        }

        foreach (var address in net.IpAddresses)
        {
            element.Add(new XElement("ip",
                new XAttribute("address", address),
                new XAttribute("family", address.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ipv4")));
        }

        if (net.Script is not null)
        {
            element.Add(new XElement("script", new XAttribute("path", net.Script)));
        }

        if (net.IfName is not null)
        {
            element.Add(new XElement("target", new XAttribute("dev", net.IfName)));
        }

        if (net.Model is not null)
        {
            element.Add(new XElement("model", new XAttribute("type", net.Model)));
        }

        return element;
    }

    private static XElement CharElement(string name, CharDevice source, CharDevice? target)
    {
        var element = new XElement(name, new XAttribute("type", source.Type));
        switch (source.Type)
        {
            case "dev" or "file" or "pipe":
                element.Add(new XElement("source", new XAttribute("path", source.Path ?? "")));
                break;
            case "tcp":
                element.Add(
                    new XElement("source",
                        new XAttribute("mode", source.Listen ? "bind" : "connect"),
                        source.Host is null ? null : new XAttribute("host", source.Host),
                        source.Service is null ? null : new XAttribute("service", source.Service)),
                    new XElement("protocol", new XAttribute("type", source.Telnet ? "telnet" : "raw")));
                break;
            case "udp":
                if (source.BindHost is not null || source.BindService is not null)
                {
                    element.Add(new XElement("source",
                        new XAttribute("mode", "bind"),
                        source.BindHost is null ? null : new XAttribute("host", source.BindHost),
                        source.BindService is null ? null : new XAttribute("service", source.BindService)));
                }

                element.Add(new XElement("source",
                    new XAttribute("mode", "connect"),
                    source.Host is null ? null : new XAttribute("host", source.Host),
                    source.Service is null ? null : new XAttribute("service", source.Service)));
                break;
            case "unix":
                element.Add(new XElement("source",
                    new XAttribute("mode", source.Listen ? "bind" : "connect"),
                    source.Path is null ? null : new XAttribute("path", source.Path)));
                break;
        }

        var targetDevice = target ?? source;
        element.Add(name == "channel"
            ? new XElement("target",
                new XAttribute("type", targetDevice.TargetType ?? "xen"),
                targetDevice.TargetName is null ? null : new XAttribute("name", targetDevice.TargetName))
            : new XElement("target",
                targetDevice.TargetType is null || name != "console" ? null : new XAttribute("type", targetDevice.TargetType),
                new XAttribute("port", Number(targetDevice.Port))));
        return element;
    }

    private static XElement GraphicsElement(Graphics graphics)
    {
        var element = new XElement("graphics", new XAttribute("type", graphics.Type));
        switch (graphics.Type)
        {
            case "vnc":
                element.Add(
                    new XAttribute("port", Number(graphics.AutoPort ? -1 : graphics.Port)),
                    new XAttribute("autoport", graphics.AutoPort ? "yes" : "no"));
                break;
            case "spice":
                element.Add(
                    new XAttribute("port", Number(graphics.AutoPort ? -1 : graphics.Port)),
                    graphics.TlsPort > 0 || graphics.AutoPort ? new XAttribute("tlsPort", Number(graphics.AutoPort ? -1 : graphics.TlsPort)) : null,
                    new XAttribute("autoport", graphics.AutoPort ? "yes" : "no"));
                break;
            case "sdl":
                if (graphics.Display is not null)
                {
                    element.Add(new XAttribute("display", graphics.Display));
                }

                if (graphics.XAuthority is not null)
                {
                    element.Add(new XAttribute("xauth", graphics.XAuthority));
                }

                return element;
        }

        if (graphics.ListenAddress is not null)
        {
            element.Add(new XAttribute("listen", graphics.ListenAddress));
        }

        if (graphics.Keymap is not null)
        {
            element.Add(new XAttribute("keymap", graphics.Keymap));
        }

        if (graphics.Password is not null)
        {
            element.Add(new XAttribute("passwd", graphics.Password));
        }

        if (graphics.HasListen)
        {
            element.Add(new XElement("listen",
                new XAttribute("type", "address"),
                graphics.ListenAddress is null ? null : new XAttribute("address", graphics.ListenAddress)));
        }

        if (graphics.MouseMode is not null)
        {
            element.Add(new XElement("mouse", new XAttribute("mode", graphics.MouseMode)));
        }

        if (graphics.CopyPaste is { } copyPaste)
        {
            element.Add(new XElement("clipboard", new XAttribute("copypaste", copyPaste ? "yes" : "no")));
        }

        return element;
    }

    private static XElement HostDeviceElement(HostDevice device)
    {
        var element = new XElement("hostdev",
            new XAttribute("mode", "subsystem"),
            new XAttribute("type", device.Type),
            new XAttribute("managed", device.Managed ? "yes" : "no"));
        if (device.Type == "pci")
        {
            element.Add(
                new XElement("driver", new XAttribute("name", "xen")),
                new XElement("source",
                    device.WriteFiltering is { } filtering ? new XAttribute("writeFiltering", filtering ? "yes" : "no") : null,
                    new XElement("address",
                        new XAttribute("domain", Hex(device.Domain, 4)),
                        new XAttribute("bus", Hex(device.Bus, 2)),
                        new XAttribute("slot", Hex(device.Slot, 2)),
                        new XAttribute("function", "0x" + device.Function.ToString("x", CultureInfo.InvariantCulture)))));
        }
        else
        {
            element.Add(new XElement("source", new XElement("address",
                new XAttribute("bus", Number(device.Bus)),
                new XAttribute("device", Number(device.UsbDevice)))));
        }

        return element;
    }

    private static string Hex(int value, int digits) => "0x" + value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
