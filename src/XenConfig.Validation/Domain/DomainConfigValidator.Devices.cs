using FluentValidation;
using XenConfig.Boot;
using XenConfig.Devices;
using XenConfig.Diagnostics;
using XenConfig.Domain.Model;

namespace XenConfig.Validation;

public sealed partial class DomainConfigValidator
{
    partial void AddDeviceRules()
    {
        WholeDocumentChecks.Add(this, null, CheckDisks, CheckRootDevice, CheckVifs);
    }

    private static void CheckDisks(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        var text = config.Document.SourceText;
        var byNumber = new Dictionary<int, DeviceItem<DiskSpec>>();
        foreach (var item in config.DiskItems)
        {
            if (item.Value is not { } disk)
            {
                context.Report(DiagnosticIds.InvalidDiskSpec, text.GetLocation(item.ErrorSpan),
                    $"invalid disk spec '{item.Spec}': {item.Error!.Message}; xl refuses to create the domain");
                continue;
            }

            if (disk.VirtualDevice is not { } vdev)
            {
                context.Report(DiagnosticIds.InvalidDiskSpec, text.GetLocation(item.TokenSpan),
                    $"'{disk.Vdev}' is not a virtual device name libxl knows (xvdX, hdX, sdX, dDpP)");
                continue;
            }

            if (byNumber.TryGetValue(vdev.DeviceNumber, out var first))
            {
                context.Report(DiagnosticIds.DuplicateVdev, text.GetLocation(item.TokenSpan),
                    $"'{disk.Vdev}' is the same device ({vdev.DeviceNumber}) as '{first.Value!.Vdev}' of disk {first.Index}; libxl fails with \"device already exists\"");
            }
            else
            {
                byNumber[vdev.DeviceNumber] = item;
            }
        }
    }

    private static void CheckRootDevice(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        // Only a kernel booted from dom0 gets root= from the config; pygrub guests are checked against their menu.lst.
        if (config.Kernel is null || config.KernelRoot is not { } kernelRoot || config.KernelCommandLine is not { } line)
        {
            return;
        }

        var commandLine = KernelCommandLine.Parse(line);
        var root = kernelRoot.Device;
        if (!root.StartsWith("/dev/", StringComparison.Ordinal) || root == "/dev/nfs")
        {
            return; // root=UUID=..., LABEL=..., NFS (/dev/nfs is the kernel's name for an NFS root, not a disk): nothing to check offline
        }

        var location = ValueLocation(config, config.Document.Settings[kernelRoot.Key]);
        var disks = config.Disks;
        var provider = disks.FirstOrDefault(d => d.VirtualDevice?.Match(root) is VirtualDeviceMatch.Exact or VirtualDeviceMatch.Partition)
            ?? disks.FirstOrDefault(d => d.VirtualDevice?.Provides(root) == true);
        if (provider is null)
        {
            context.Report(DiagnosticIds.RootDeviceNotProvided, location,
                $"root device {root} is not provided by any disk (vdevs: {string.Join(", ", disks.Select(d => d.Vdev))}); the guest will not find its root file system");
            return;
        }

        // The kernel mounts root read-only unless told 'rw'; of several flags the last one wins.
        if (provider.VirtualDevice?.Match(root) is VirtualDeviceMatch.ModernKernelName or VirtualDeviceMatch.ModernKernelPartition)
        {
            context.Report(DiagnosticIds.DeviceMatchNeedsModernKernel, location,
                $"root device {root} is disk '{provider.Vdev}' only under a modern kernel, which names {provider.Vdev} xvd*; an old xenlinux kernel calls it /dev/{provider.Vdev}");
        }

        var readWrite = commandLine.Arguments.LastOrDefault(a => !a.HasValue && a.Name is "ro" or "rw")?.Name == "rw";
        if (provider.IsReadOnly && readWrite)
        {
            context.Report(DiagnosticIds.RootDiskReadOnlyMountedReadWrite, location,
                $"the root disk '{provider.Vdev}' is exported read-only but the kernel command line mounts root read-write ('rw')");
        }
    }

    private static void CheckVifs(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        var text = config.Document.SourceText;
        var byMac = new Dictionary<MacAddress, DeviceItem<VifSpec>>();
        foreach (var item in config.VifItems)
        {
            if (item.Value is not { } vif)
            {
                // xl stops on a rate=, devid= or mtu= value it cannot convert.
                var descriptor = item.Error!.Descriptor ?? DiagnosticIds.InvalidVifSpec;
                context.Report(descriptor, text.GetLocation(item.ErrorSpan), $"invalid vif spec '{item.Spec}': {item.Error.Message}", DiagnosticSeverity.Error);
                continue;
            }

            // A bad mac= or type= (netfront) is a piece xl ignores, keeping the nic.
            foreach (var ignored in vif.IgnoredPieces)
            {
                context.Report(ignored.Descriptor ?? DiagnosticIds.InvalidVifSpec, text.GetLocation(item.SpanOf(ignored)),
                    $"vif spec '{item.Spec}': {ignored.Message}; xl ignores this piece and keeps the nic", DiagnosticSeverity.Warning);
            }

            if (vif.Mac is not { } mac)
            {
                continue;
            }

            if (mac.IsMulticast)
            {
                context.Report(DiagnosticIds.MulticastMac, text.GetLocation(item.TokenSpan),
                    $"MAC {mac} is a multicast address (low bit of the first octet set); a vif needs a unicast MAC such as 00:16:3e:xx:xx:xx");
            }

            if (byMac.TryGetValue(mac, out var first))
            {
                context.Report(DiagnosticIds.DuplicateMacInDomain, text.GetLocation(item.TokenSpan),
                    $"MAC {mac} is also used by vif {first.Index}");
            }
            else
            {
                byMac[mac] = item;
            }
        }
    }
}
