using System.Globalization;
using System.Text;
using XenConfig.Domain;
using XenConfig.Libvirt.Model;

namespace XenConfig.Libvirt.Native;

internal sealed partial class NativeConfigWriter
{
    private void WriteXlOs()
    {
        if (_def.IsHvm)
        {
            Set("builder", "hvm");
            if (_def.Loader is { Type: "pflash" })
            {
                Set("bios", "ovmf");
            }

            SetIfNotNull("acpi_firmware", _def.SlicTable);
            SetIfNotNull("kernel", _def.Kernel);
            SetIfNotNull("ramdisk", _def.Initrd);
            SetIfNotNull("cmdline", _def.Cmdline);
            Set("boot", BootOrder());
            if (_def.Cpu is { Mode: "host-passthrough" } cpu)
            {
                var nested = !cpu.Features.Any(f => f.Policy is "disable" or "forbid" && f.Name is "vmx" or "svm");
                Set("nestedhvm", nested ? 1 : 0);
            }

            return;
        }

        if (_def.OsType == GuestOsType.Pvh)
        {
            Set("type", "pvh");
        }

        WritePvBoot("cmdline");
    }

    private void WritePvBoot(string commandLineKey)
    {
        SetIfNotNull("bootloader", _def.Bootloader);
        SetIfNotNull("bootargs", _def.BootloaderArgs);
        SetIfNotNull("kernel", _def.Kernel);
        SetIfNotNull("ramdisk", _def.Initrd);
        SetIfNotNull(commandLineKey, _def.Cmdline);
    }

    private string BootOrder()
    {
        if (_def.BootDevices.Count == 0)
        {
            return "c";
        }

        return string.Concat(_def.BootDevices.Select(device => device switch
        {
            "fd" => 'a',
            "cdrom" => 'd',
            "network" => 'n',
            _ => 'c',
        }));
    }

    private void WriteCpuid()
    {
        if (_def.Cpu is not { } cpu)
        {
            return;
        }

        if (cpu.Mode != "host-passthrough")
        {
            if (cpu.Mode is not null || cpu.Features.Count > 0)
            {
                Warn($"CPU mode '{cpu.Mode ?? "custom"}' has no xl equivalent (only host-passthrough does); it was not converted");
            }

            return;
        }

        var pairs = new List<string> { "host" };
        foreach (var feature in cpu.Features)
        {
            var name = NativeConfigReader.CpuFeatureNames.FirstOrDefault(n => n.Libvirt == feature.Name).Libxl ?? feature.Name;
            if (name is "vmx" or "svm")
            {
                continue;
            }

            var policy = feature.Policy switch
            {
                "force" or "require" => "1",
                "optional" => "x",
                _ => "0",
            };
            pairs.Add($"{name}={policy}");
        }

        if (pairs.Count > 1)
        {
            Set("cpuid", string.Join(',', pairs));
        }
    }

    private void WriteVnuma()
    {
        var cells = _def.Cpu?.NumaCells ?? [];
        if (cells.Count == 0)
        {
            return;
        }

        var nodes = new List<SettingValue>();
        for (var node = 0; node < cells.Count; node++)
        {
            var cell = cells[node];
            var distances = Enumerable.Range(0, cells.Count)
                .Select(i => (i < cell.Distances.Count ? cell.Distances[i] : 0u).ToString(CultureInfo.InvariantCulture));
            nodes.Add(SettingValue.List(
                string.Create(CultureInfo.InvariantCulture, $"pnode={node}"),
                string.Create(CultureInfo.InvariantCulture, $"size={cell.MemoryKiB / 1024}"),
                $"vcpus={cell.Cpus}",
                "vdistances=" + string.Join(',', distances)));
        }

        Set("vnuma", SettingValue.List(nodes));
    }

    private void WriteXenbusLimits()
    {
        foreach (var xenbus in _def.Controllers.Where(c => c.Type == "xenbus"))
        {
            if (xenbus.MaxEventChannels is > 0)
            {
                Set("max_event_channels", (long)xenbus.MaxEventChannels.Value);
            }

            if (xenbus.MaxGrantFrames is > 0)
            {
                Set("max_grant_frames", (long)xenbus.MaxGrantFrames.Value);
            }
        }
    }

    private void WriteXlDisks() =>
        SetList("disk", _def.Disks.Where(d => d.Device != "floppy").Select(FormatXlDisk).OfType<string>());

    private string? FormatXlDisk(Disk disk)
    {
        var text = new StringBuilder("format=").Append(disk.Format switch
        {
            "vhd" => "xvhd",
            "qcow" => "qcow",
            "qcow2" => "qcow2",
            "qed" => "qed",
            _ => "raw",
        });
        text.Append(",vdev=").Append(disk.Target);
        text.Append(",access=").Append(disk.ReadOnly ? "ro" : disk.Shareable ? "!" : "rw");
        if (disk.DriverName is { } driver)
        {
            text.Append(",backendtype=").Append(driver switch
            {
                "qemu" or "file" => "qdisk",
                "tap" => "tap",
                "phy" => "phy",
                _ => "",
            });
        }

        if (disk.Device == "cdrom")
        {
            text.Append(",devtype=cdrom");
        }

        string? target;
        if (disk.Type == "network")
        {
            if (disk.Protocol != "rbd" || disk.SourceName is null)
            {
                Warn($"disk {disk.Target}: network protocol '{disk.Protocol}' has no xl equivalent (only rbd does); it was not converted");
                return null;
            }

            target = RbdSource.Format(disk);
        }
        else if (disk.Type is "file" or "block" or "dir")
        {
            target = string.IsNullOrEmpty(disk.SourcePath) ? null : disk.SourcePath;
        }
        else
        {
            Warn($"disk {disk.Target}: source type '{disk.Type}' has no xl equivalent; it was written without a target");
            target = null;
        }

        if (target is not null)
        {
            text.Append(",target=").Append(target);
        }

        return text.ToString();
    }

    private void WriteSpice()
    {
        if (!_def.IsHvm || _def.Graphics.Count == 0 || _def.Graphics[0] is not { Type: "spice" } spice)
        {
            return;
        }

        Set("sdl", 0);
        Set("vnc", 0);
        Set("spice", 1);
        SetIfNotNull("spicehost", spice.ListenAddress);
        Set("spiceport", spice.AutoPort ? 0 : spice.Port);
        Set("spicetls_port", spice.AutoPort ? 0 : spice.TlsPort);
        if (spice.Password is not null)
        {
            Set("spicedisable_ticketing", 0);
            Set("spicepasswd", spice.Password);
        }
        else
        {
            Set("spicedisable_ticketing", 1);
        }

        switch (spice.MouseMode)
        {
            case "server":
                Set("spiceagent_mouse", 0);
                break;
            case "client":
                Set("spiceagent_mouse", 1);
                Set("spicevdagent", 1);
                break;
        }

        if (spice.CopyPaste == true)
        {
            Set("spice_clipboard_sharing", 1);
            Set("spicevdagent", 1);
        }
    }

    private void WriteXlInputs()
    {
        if (!_def.IsHvm)
        {
            return;
        }

        var devices = new List<string>();
        foreach (var input in _def.Inputs.Where(i => i.Bus == "usb"))
        {
            Set("usb", 1);
            if (input.Type is "mouse" or "tablet" or "keyboard")
            {
                devices.Add(input.Type);
            }
        }

        if (devices.Count == 1)
        {
            Set("usbdevice", devices[0]);
        }
        else if (devices.Count > 1)
        {
            SetList("usbdevice", devices);
        }
    }

    private void WriteUsbDevices() =>
        SetList("usbdev", _def.HostDevices.Where(h => h.Type == "usb")
            .Select(h => string.Create(CultureInfo.InvariantCulture, $"hostbus={h.Bus:x},hostaddr={h.UsbDevice:x}")));

    private void WriteUsbControllers()
    {
        var controllers = new List<string>();
        foreach (var controller in _def.Controllers.Where(c => c.Type == "usb"))
        {
            var text = new StringBuilder();
            switch (controller.Model)
            {
                case null:
                    break;
                case "qusb1":
                    text.Append("type=qusb,version=1,");
                    break;
                case "qusb2":
                    text.Append("type=qusb,version=2,");
                    break;
                default:
                    Warn($"USB controller model '{controller.Model}' has no xl equivalent (only qusb1 and qusb2 do); it was not converted");
                    continue;
            }

            if (controller.Ports is { } ports)
            {
                text.Append(string.Create(CultureInfo.InvariantCulture, $"ports={ports:x}"));
            }

            controllers.Add(text.ToString());
        }

        SetList("usbctrl", controllers);
    }

    private void WriteChannels()
    {
        var channels = new List<string>();
        foreach (var channel in _def.Channels)
        {
            if (channel.TargetType != "xen")
            {
                Warn($"channel target type '{channel.TargetType}' has no xl equivalent (only xen does); it was not converted");
                continue;
            }

            var text = new StringBuilder("connection=");
            if (channel.Type == "pty")
            {
                text.Append("pty,");
            }
            else if (channel.Type == "unix")
            {
                text.Append("socket,");
                if (channel.Path is not null)
                {
                    text.Append("path=").Append(channel.Path).Append(',');
                }
            }
            else
            {
                Warn($"channel type '{channel.Type}' has no xl equivalent (only pty and unix do); it was not converted");
                continue;
            }

            channels.Add(text.Append("name=").Append(channel.TargetName).ToString());
        }

        SetList("channel", channels);
    }

    private void WriteDeviceModelArguments() => SetList("device_model_args", _def.DeviceModelArguments);

    private void WriteXmOs()
    {
        if (_def.IsHvm)
        {
            Set("builder", "hvm");
            if (_def.Loader?.Path is { } loader)
            {
                Set("kernel", loader);
            }

            Set("boot", BootOrder());
            return;
        }

        WritePvBoot("extra");
    }

    private void WriteXmDisks() =>
        SetList("disk", _def.Disks.Where(d => d.Device != "floppy").Select(FormatXmDisk).OfType<string>());

    private string? FormatXmDisk(Disk disk)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(disk.SourcePath))
        {
            if (disk.Format is not null)
            {
                if (disk.DriverName is { } driver)
                {
                    text.Append(driver).Append(':');
                    if (driver is "tap" or "tap2")
                    {
                        text.Append(disk.Format == "raw" ? "aio" : disk.Format).Append(':');
                    }
                }
            }
            else
            {
                text.Append(disk.Type == "block" ? "phy:" : "file:");
            }

            text.Append(disk.SourcePath);
        }

        text.Append(',').Append(disk.Target);
        if (disk.Device == "cdrom")
        {
            text.Append(":cdrom");
        }

        text.Append(disk.ReadOnly ? ",r" : disk.Shareable ? ",!" : ",w");
        return text.ToString();
    }

    private void WriteXmInputs()
    {
        if (!_def.IsHvm)
        {
            return;
        }

        foreach (var input in _def.Inputs.Where(i => i.Bus == "usb"))
        {
            Set("usb", 1);
            if (input.Type is "mouse" or "tablet" or "keyboard")
            {
                Set("usbdevice", input.Type);
                break;
            }
        }
    }
}
