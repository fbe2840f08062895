using XenConfig.Libvirt.Model;

namespace XenConfig.Libvirt.Native;

internal sealed partial class NativeConfigReader
{
    private static readonly string[] StorageFormats =
        ["raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk"];

    private bool ReadXmOs()
    {
        if (_def.IsHvm)
        {
            // xm names the HVM firmware loader "kernel" (usually hvmloader); libvirt requires it.
            var loader = _settings.GetString("kernel");
            if (loader is null)
            {
                _settings.Diagnostics.Add(XenConfig.Diagnostics.DiagnosticIds.LibvirtConversionFailed.Create(
                    _settings.Locate("kernel"), "an xm HVM guest needs kernel (the firmware loader, usually hvmloader); libvirt refuses the config without it"));
                return false;
            }

            _def.Loader = new Loader { Path = loader };
            ReadBootOrder();
            return true;
        }

        _def.Bootloader = _settings.GetString("bootloader");
        _def.BootloaderArgs = _settings.GetString("bootargs");
        _def.Kernel = AbsolutePath("kernel");
        _def.Initrd = AbsolutePath("ramdisk");
        var extra = _settings.GetString("extra");
        var root = _settings.GetString("root");
        _def.Cmdline = (root, extra) switch
        {
            ({ } r, { } e) => $"root={r} {e}",
            ({ } r, null) => $"root={r}",
            (null, { } e) => e,
            _ => null,
        };
        return true;
    }

    private void ReadXmDisks()
    {
        foreach (var entry in _settings.GetStringList("disk") ?? [])
        {
            if (ParseXmDisk(entry) is { } disk)
            {
                _def.Disks.Add(disk);
            }
            else
            {
                _settings.Warn("disk", $"disk \"{entry}\" is not an xm disk (SOURCE,DEVICE,MODE) libvirt reads; it was not converted");
            }
        }
    }

    // xen_xm.c xenParseXMDisk: "[driver:[subtype:]]source,device[:cdrom],mode".
    private Disk? ParseXmDisk(string entry)
    {
        var disk = new Disk();
        var comma = entry.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return null;
        }

        string? source = comma == 0 ? null : entry[..comma];
        var head = entry[(comma + 1)..];
        if (head.StartsWith("ioemu:", StringComparison.Ordinal))
        {
            head = head[6..];
        }

        comma = head.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return null;
        }

        var target = head[..comma];
        var mode = head[(comma + 1)..];
        string? driver = null;
        if (source is not null)
        {
            var colon = source.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                driver = source[..colon];
                source = source[(colon + 1)..];
            }

            if (driver is "tap" or "tap2")
            {
                colon = source.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    return null;
                }

                var subtype = source[..colon];
                disk.Format = subtype == "aio" ? "raw" : subtype;
                if (!StorageFormats.Contains(disk.Format, StringComparer.Ordinal))
                {
                    return null;
                }

                source = source[(colon + 1)..];
            }
        }

        disk.SourcePath = source;
        disk.DriverName = driver ?? "phy";
        disk.Type = disk.DriverName == "phy" ? "block" : "file";
        var cdrom = target.IndexOf(':', StringComparison.Ordinal);
        if (cdrom >= 0)
        {
            if (target[cdrom..] == ":cdrom")
            {
                disk.Device = "cdrom";
            }

            target = target[..cdrom];
        }

        disk.Target = target;
        disk.Bus = target.StartsWith("xvd", StringComparison.Ordinal) || !_def.IsHvm ? "xen"
            : target.StartsWith("sd", StringComparison.Ordinal) ? "scsi"
            : "ide";
        if (mode is "r" or "ro")
        {
            disk.ReadOnly = true;
        }
        else if (mode is "w!" or "!")
        {
            disk.Shareable = true;
        }

        return disk;
    }

    private void ReadXmInputs()
    {
        if (!_def.IsHvm)
        {
            return;
        }

        _settings.Get("usb");
        var device = _settings.GetString("usbdevice");
        if (device is not null)
        {
            AddUsbInput(device);
        }
    }
}
