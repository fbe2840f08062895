using System.Globalization;
using XenConfig.Boot;
using XenConfig.Devices;
using XenConfig.Libvirt.Model;

namespace XenConfig.Libvirt.Native;

internal sealed partial class NativeConfigReader
{
    // libxl's cpuid names that differ from libvirt's (xen_xl.c, xenTranslateCPUFeature): libvirt name, libxl name.
    internal static readonly (string Libvirt, string Libxl)[] CpuFeatureNames =
    [
        ("cx16", "cmpxchg16"), ("cid", "cntxid"), ("ds_cpl", "dscpl"), ("pclmuldq", "pclmulqdq"), ("pni", "sse3"),
        ("ht", "htt"), ("pn", "psn"), ("clflush", "clfsh"), ("sep", "sysenter"), ("cx8", "cmpxchg8"),
        ("nodeid_msr", "nodeid"), ("cr8legacy", "altmovcr8"), ("lahf_lm", "lahfsahf"), ("cmp_legacy", "cmplegacy"),
        ("fxsr_opt", "ffxsr"), ("pdpe1gb", "page1gb"), ("spec-ctrl", "ibrsb"),
    ];

    private void ReadXlOs()
    {
        if (_def.IsHvm)
        {
            var bios = _settings.GetString("bios");
            _def.Loader = bios == "ovmf"
                ? new Loader { Path = _options.FirmwareDirectory.TrimEnd('/') + "/ovmf.bin", Type = "pflash", ReadOnly = true }
                : new Loader { Path = _options.HvmLoaderPath };
            if (bios is not null && bios != "ovmf")
            {
                _settings.Warn("bios", $"bios \"{bios}\" has no libvirt equivalent (only ovmf does); the default firmware was used");
            }

            _def.SlicTable = _settings.GetString("acpi_firmware");
            _def.Kernel = AbsolutePath("kernel");
            _def.Initrd = AbsolutePath("ramdisk");
            _def.Cmdline = ReadCommandLine();
            ReadBootOrder();

            if (_settings.GetTristate("nestedhvm") is { } nested)
            {
                _def.Cpu ??= new CpuDefinition { Mode = "host-passthrough" };
                if (!nested)
                {
                    _def.Cpu.Features.Add(new CpuFeature("vmx", "disable"));
                }
            }
        }
        else
        {
            _def.Bootloader = _settings.GetString("bootloader");
            _def.BootloaderArgs = _settings.GetString("bootargs");
            _def.Kernel = AbsolutePath("kernel");
            _def.Initrd = AbsolutePath("ramdisk");
            _def.Cmdline = ReadCommandLine();
        }
    }

    // libvirt's schema requires absolute paths for <kernel>, <initrd> and <emulator>; a relative one (or a template
    // placeholder) would make XML that libvirt refuses to define.
    private string? AbsolutePath(string key)
    {
        var path = _settings.GetString(key);
        if (path is null || path.StartsWith('/'))
        {
            return path;
        }

        _settings.Warn(key, $"{key} \"{path}\" is not an absolute path, which libvirt's domain schema requires; it was not converted");
        return null;
    }

    private string? ReadCommandLine()
    {
        var cmdline = _settings.GetString("cmdline");
        var root = _settings.GetString("root");
        var extra = _settings.GetString("extra");
        if (cmdline is not null && (root is not null || extra is not null))
        {
            _settings.Warn(root is not null ? "root" : "extra", "root and extra are ignored when cmdline is set (as xl does); they were not converted");
        }

        return KernelCommandLine.Compose(cmdline, root, extra);
    }

    private void ReadBootOrder()
    {
        var boot = _settings.GetString("boot") ?? "c";
        foreach (var device in boot.Take(4))
        {
            _def.BootDevices.Add(device switch
            {
                'a' => "fd",
                'd' => "cdrom",
                'n' => "network",
                _ => "hd",
            });
        }
    }

    private bool ReadVnuma()
    {
        var value = _settings.Get("vnuma");
        if (value is null || !value.IsList)
        {
            return false;
        }

        var nodes = value.Items.TakeWhile(item => item.IsList).ToList();
        var cpu = new CpuDefinition();
        var vcpus = 0;
        for (var index = 0; index < nodes.Count; index++)
        {
            int? pnode = null;
            SortedSet<int>? cpus = null;
            ulong size = 0;
            List<uint>? distances = null;
            foreach (var item in nodes[index].Items.TakeWhile(item => !item.IsList))
            {
                var text = item.Text!;
                var equals = text.LastIndexOf('=');
                if (equals < 0)
                {
                    return VnumaInvalid($"vnode {index} has \"{text}\", which is not key=value");
                }

                var data = text[(equals + 1)..];
                if (data.Length == 0)
                {
                    continue;
                }

                if (text.StartsWith("pnode", StringComparison.Ordinal))
                {
                    if (!uint.TryParse(data, NumberStyles.None, CultureInfo.InvariantCulture, out var cell) || cell >= nodes.Count)
                    {
                        return VnumaInvalid($"vnode {index} has an invalid pnode \"{data}\"");
                    }

                    pnode = (int)cell;
                }
                else if (text.StartsWith("size", StringComparison.Ordinal))
                {
                    if (!ulong.TryParse(data, NumberStyles.None, CultureInfo.InvariantCulture, out size))
                    {
                        return VnumaInvalid($"vnode {index} has an invalid size \"{data}\"");
                    }
                }
                else if (text.StartsWith("vcpus", StringComparison.Ordinal))
                {
                    if (!CpuSet.TryParse(data, out var parsed))
                    {
                        return VnumaInvalid($"vnode {index} has an invalid vcpus \"{data}\"");
                    }

                    cpus = parsed;
                    vcpus += parsed.Count;
                }
                else if (text.StartsWith("vdistances", StringComparison.Ordinal))
                {
                    var tokens = data.Split(',');
                    if (tokens.Length != nodes.Count)
                    {
                        return VnumaInvalid($"vnode {index} gives {tokens.Length} distances for {nodes.Count} vnodes");
                    }

                    distances = [];
                    foreach (var token in tokens)
                    {
                        if (!uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var distance))
                        {
                            return VnumaInvalid($"vnode {index} has an invalid distance \"{token}\"");
                        }

                        distances.Add(distance);
                    }
                }
                else
                {
                    return VnumaInvalid($"vnode {index} has \"{text}\", which libvirt does not know");
                }
            }

            if (pnode is null || cpus is null || size == 0)
            {
                return VnumaInvalid($"vnode {index} lacks pnode, size or vcpus");
            }

            var numaCell = new NumaCell { Cpus = CpuSet.Format(cpus), MemoryKiB = size * 1024 };
            if (distances is not null)
            {
                numaCell.Distances.AddRange(distances);
            }

            cpu.NumaCells.Add(numaCell);
        }

        if (_def.MaxVcpus < vcpus)
        {
            return VnumaInvalid($"its vnodes hold {vcpus} vcpus, more than maxvcpus {_def.MaxVcpus}");
        }

        _def.Cpu = cpu;
        return true;

        bool VnumaInvalid(string reason)
        {
            _settings.Warn("vnuma", $"vnuma is not a configuration libvirt reads ({reason}); it was not converted");
            return false;
        }
    }

    private void ReadXenbusLimits()
    {
        var xenbus = new Controller { Type = "xenbus", Index = 0 };
        var eventChannels = _settings.GetNumber("max_event_channels", 0);
        if (eventChannels > 0)
        {
            xenbus.MaxEventChannels = (ulong)eventChannels;
        }

        var grantFrames = _settings.GetNumber("max_grant_frames", 0);
        if (grantFrames > 0)
        {
            xenbus.MaxGrantFrames = (ulong)grantFrames;
        }

        _def.Controllers.Add(xenbus);
    }

    private void ReadCpuid()
    {
        var cpuid = _settings.GetString("cpuid");
        if (cpuid is null)
        {
            return;
        }

        var pairs = cpuid.Split(',');
        if (pairs[0] != "host")
        {
            _settings.Warn("cpuid", $"cpuid \"{cpuid}\" is not in libxl's \"host,feature=value\" form, the only one libvirt reads; it was not converted");
            return;
        }

        var features = new List<CpuFeature>();
        foreach (var pair in pairs.Skip(1))
        {
            var parts = pair.Split('=', 2);
            var policy = parts.Length < 2 ? null : parts[1] switch
            {
                "1" => "force",
                "0" => "disable",
                "x" or "k" or "s" => "optional",
                _ => null,
            };
            if (policy is null || parts[0].Length == 0)
            {
                _settings.Warn("cpuid", $"cpuid \"{cpuid}\": \"{pair}\" is not a feature=value libvirt reads; it was not converted");
                return;
            }

            var name = CpuFeatureNames.FirstOrDefault(n => n.Libxl == parts[0]).Libvirt ?? parts[0];
            features.Add(new CpuFeature(name, policy));
        }

        _def.Cpu ??= new CpuDefinition { Mode = "host-passthrough" };
        _def.Cpu.Features.AddRange(features);
    }

    private void ReadXlDisks()
    {
        var value = _settings.Get("disk");
        if (value is null || !value.IsList)
        {
            return;
        }

        foreach (var item in value.Items)
        {
            if (item.IsList)
            {
                continue;
            }

            if (!DiskSpec.TryParse(item.Text!, out var spec, out var error))
            {
                _settings.Warn("disk", $"disk \"{item.Text}\" is not a disk spec xl reads ({error.Message}); it was not converted");
                continue;
            }

            if (ConvertXlDisk(spec) is { } disk)
            {
                _def.Disks.Add(disk);
            }
        }
    }

    private Disk? ConvertXlDisk(DiskSpec spec)
    {
        var disk = new Disk { Target = spec.Vdev, ReadOnly = spec.IsReadOnly };
        if (spec.Target is { } target)
        {
            if (target.StartsWith("rbd:", StringComparison.Ordinal))
            {
                if (!RbdSource.TryParse(target.Replace(@"\\", @"\", StringComparison.Ordinal), disk))
                {
                    _settings.Warn("disk", $"disk \"{spec.Text}\": the rbd source is not one libvirt reads; the disk was not converted");
                    return null;
                }
            }
            else
            {
                disk.SourcePath = target;
            }
        }

        if (spec.IsCdrom)
        {
            disk.DriverName = "qemu";
            disk.Type = "file";
            disk.Device = "cdrom";
            disk.Format = string.IsNullOrEmpty(disk.SourcePath) ? null : "raw";
        }
        else
        {
            disk.Format = spec.Format switch
            {
                DiskFormat.Qcow => "qcow",
                DiskFormat.Qcow2 => "qcow2",
                DiskFormat.Vhd => "vhd",
                DiskFormat.Qed => "qed",
                DiskFormat.Empty => null,
                _ => "raw",
            };
            switch (spec.BackendType)
            {
                case null or DiskBackendType.Qdisk:
                    disk.DriverName = "qemu";
                    if (disk.Protocol is null)
                    {
                        disk.Type = "file";
                    }

                    break;
                case DiskBackendType.Tap:
                    disk.DriverName = "tap";
                    disk.Type = "file";
                    break;
                case DiskBackendType.Phy:
                    disk.DriverName = "phy";
                    disk.Type = "block";
                    break;
                default:
                    _settings.Warn("disk", $"disk \"{spec.Text}\": backendtype {spec.BackendType} is not one libvirt supports; the disk was not converted");
                    return null;
            }
        }

        disk.Bus = spec.Vdev.StartsWith("xvd", StringComparison.Ordinal) || !_def.IsHvm ? "xen"
            : spec.Vdev.StartsWith("sd", StringComparison.Ordinal) ? "scsi"
            : "ide";
        if (spec.Script is not null || spec.BackendDomain is not null || spec.Specification is not null || spec.DirectIoSafe)
        {
            _settings.Warn("disk", $"disk \"{spec.Text}\": backend, script, specification and direct-io-safe have no libvirt equivalent; they were not converted");
        }

        return disk;
    }

    private void ReadSpice()
    {
        if (!_def.IsHvm || !_settings.GetBool("spice", false))
        {
            return;
        }

        var spice = new Graphics { Type = "spice", HasListen = true, ListenAddress = _settings.GetString("spicehost") };
        spice.TlsPort = (int)_settings.GetNumber("spicetls_port", 0);
        spice.Port = (int)_settings.GetNumber("spiceport", 0);
        spice.AutoPort = spice.TlsPort == 0 && spice.Port == 0;
        if (!_settings.GetBool("spicedisable_ticketing", false))
        {
            spice.Password = _settings.GetString("spicepasswd");
            if (spice.Password is null)
            {
                _settings.Warn("spicedisable_ticketing", "spice ticketing is on but spicepasswd is missing; libvirt refuses this, so the graphics have no password");
            }
        }

        spice.MouseMode = _settings.GetBool("spiceagent_mouse", false) ? "client" : "server";
        spice.CopyPaste = _settings.GetBool("spice_clipboard_sharing", false);
        _settings.Get("spicevdagent");
        _def.Graphics.Clear();
        _def.Graphics.Add(spice);
    }

    private void ReadXlInputs()
    {
        if (!_def.IsHvm)
        {
            return;
        }

        var value = _settings.Get("usbdevice");
        if (value is null)
        {
            return;
        }

        _settings.Get("usb");
        IReadOnlyList<XenConfig.Domain.SettingValue> items = value.IsList ? value.Items : [value];
        foreach (var item in items)
        {
            if (item.IsList)
            {
                _settings.Warn("usbdevice", "usbdevice holds a nested list; it was not converted");
                return;
            }

            AddUsbInput(item.Text!);
        }
    }

    private void AddUsbInput(string device)
    {
        var type = device switch
        {
            "tablet" => "tablet",
            "mouse" => "mouse",
            "keyboard" => "keyboard",
            _ => null,
        };
        if (type is null)
        {
            _settings.Warn("usbdevice", $"usbdevice \"{device}\" is not a mouse, tablet or keyboard; libvirt does not convert it");
            return;
        }

        _def.Inputs.Add(new InputDevice(type, "usb"));
    }

    private void ReadUsbDevices()
    {
        foreach (var spec in _settings.GetStringList("usbdev") ?? [])
        {
            int? bus = null, device = null;
            var options = SplitKeyValueOptions(spec, out var valid);
            foreach (var (key, data) in options)
            {
                if (key == "hostbus")
                {
                    valid &= TryHex(data, out var parsed);
                    bus = parsed;
                }
                else if (key == "hostaddr")
                {
                    valid &= TryHex(data, out var parsed);
                    device = parsed;
                }
            }

            if (!valid || bus is null || device is null)
            {
                _settings.Warn("usbdev", $"usbdev \"{spec}\" is not hostbus=N,hostaddr=N; libvirt does not convert it");
                continue;
            }

            _def.HostDevices.Add(new HostDevice { Type = "usb", Bus = bus.Value, UsbDevice = device.Value });
        }
    }

    private void ReadUsbControllers()
    {
        foreach (var spec in _settings.GetStringList("usbctrl") ?? [])
        {
            var version = 2;
            var ports = 8;
            var options = SplitKeyValueOptions(spec, out var valid);
            foreach (var (key, data) in options)
            {
                if (key == "type")
                {
                    valid &= data.StartsWith("qusb", StringComparison.Ordinal);
                }
                else if (key == "version")
                {
                    valid &= TryHex(data, out version);
                }
                else if (key == "ports")
                {
                    valid &= TryHex(data, out ports);
                }
            }

            if (!valid)
            {
                _settings.Warn("usbctrl", $"usbctrl \"{spec}\" is not a qusb controller libvirt reads; it was not converted");
                continue;
            }

            var index = _def.Controllers.Count(c => c.Type == "usb");
            _def.Controllers.Add(new Controller { Type = "usb", Index = index, Model = version == 1 ? "qusb1" : "qusb2", Ports = ports });
        }
    }

    private void ReadChannels()
    {
        foreach (var spec in _settings.GetStringList("channel") ?? [])
        {
            string? connection = null, name = null, path = null;
            var options = SplitKeyValueOptions(spec, out var valid);
            foreach (var (key, data) in options)
            {
                if (key == "connection")
                {
                    connection = data;
                }
                else if (name is null && key == "name")
                {
                    name = data;
                }
                else if (path is null && key == "path")
                {
                    path = data;
                }
            }

            CharDevice channel;
            if (valid && connection?.StartsWith("socket", StringComparison.Ordinal) == true)
            {
                channel = new CharDevice { Type = "unix", Listen = true, Path = path };
            }
            else if (valid && connection?.StartsWith("pty", StringComparison.Ordinal) == true)
            {
                channel = new CharDevice { Type = "pty" };
            }
            else
            {
                _settings.Warn("channel", $"channel \"{spec}\" is not a socket or pty channel libvirt reads; it was not converted");
                continue;
            }

            channel.TargetType = "xen";
            channel.TargetName = name;
            _def.Channels.Add(channel);
        }
    }

    private void ReadDeviceModelArguments()
    {
        var value = _settings.Get("device_model_args");
        if (value is { IsList: true })
        {
            _def.DeviceModelArguments.AddRange(value.Items.Where(i => !i.IsList).Select(i => i.Text!));
        }
    }
}
