using System.Globalization;
using XenConfig.Boot;
using XenConfig.Devices;
using XenConfig.Domain.Model;
using XenConfig.Grub.Model;
using XenConfig.Grub;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>One parsed item of <c>disk = [...]</c> with where it is written.</summary>
internal sealed record DiskItem(int Index, DiskSpec Spec, SourceLocation Location)
{
    public bool IsWritable => !Spec.IsReadOnly && !Spec.IsCdrom;
}

/// <summary>One parsed item of <c>vif = [...]</c> with where it is written.</summary>
internal sealed record VifItem(VifSpec Spec, SourceLocation Location);

/// <summary>A <c>root=</c> device and where it comes from.</summary>
internal sealed record RootDevice(string Device, SourceLocation Location, string Origin);

/// <summary>The disks and vifs of a domain config with their positions, and the device matching rules of docs/diagnostics.md.</summary>
internal static class DomainDevices
{
    // The model parses each device list once per document text and knows each item's token; reuse it.
    // Loops rather than Where(...).Select(...): Select on Where's iterator is a generic virtual call, which the native
    // binary resolves through its type loader on first use (a measurable part of a one-guest validate).
    public static IReadOnlyList<DiskItem> Disks(DomainConfig config)
    {
        var disks = new List<DiskItem>();
        foreach (var item in config.DiskItems)
        {
            if (item.Value is { } spec)
            {
                disks.Add(new DiskItem(item.Index, spec, config.Document.SourceText.GetLocation(item.TokenSpan)));
            }
        }

        return disks;
    }

    public static IReadOnlyList<VifItem> Vifs(DomainConfig config)
    {
        var vifs = new List<VifItem>();
        foreach (var item in config.VifItems)
        {
            if (item.Value is { } spec)
            {
                vifs.Add(new VifItem(spec, config.Document.SourceText.GetLocation(item.TokenSpan)));
            }
        }

        return vifs;
    }

    /// <summary>
    /// True for a guest path this check can reason about: <c>/dev/</c> followed by an <c>xvd</c>, <c>hd</c> or <c>sd</c>
    /// name. LVM, md and by-id paths inside the guest are not disks of the domain and cannot be checked offline.
    /// </summary>
    public static bool IsDiskDevicePath(string path)
    {
        if (!path.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return false;
        }

        var name = path.AsSpan(5);
        var letters = name.StartsWith("xvd") ? 3 : name.StartsWith("hd") || name.StartsWith("sd") ? 2 : -1;
        return letters > 0 && name.Length > letters && name[letters] is >= 'a' and <= 'z';
    }

    /// <summary>The disk that provides <paramref name="devicePath"/>, preferring a match that needs no kernel renaming.</summary>
    public static (DiskItem Disk, VirtualDeviceMatch Match)? FindDisk(IReadOnlyList<DiskItem> disks, string devicePath)
    {
        (DiskItem Disk, VirtualDeviceMatch Match)? best = null;
        foreach (var disk in disks)
        {
            if (disk.Spec.VirtualDevice is not { } device)
            {
                continue;
            }

            var match = device.Match(devicePath);
            if (match is VirtualDeviceMatch.Exact or VirtualDeviceMatch.Partition)
            {
                return (disk, match);
            }

            if (match != VirtualDeviceMatch.None && best is null)
            {
                best = (disk, match);
            }
        }

        return best;
    }

    public static bool IsModernKernelMatch(VirtualDeviceMatch match) =>
        match is VirtualDeviceMatch.ModernKernelName or VirtualDeviceMatch.ModernKernelPartition;

    /// <summary>
    /// The root device the guest kernel gets: <c>root=</c> of the kernel command line xl composes (<c>cmdline</c>, or
    /// <c>root</c> + <c>extra</c>), else, for a guest booted by a bootloader without a kernel, <c>root=</c> of the
    /// default entry of the guest's menu.
    /// </summary>
    public static RootDevice? KernelRoot(Guest guest)
    {
        var config = guest.Config;
        if (config.KernelRoot is { Device: var root, Key: var key })
        {
            var location = DomainConfigValidator.ValueLocation(config, config.Document.Settings[key]);
            return new RootDevice(root, location, $"root={root} ({key} in {Describe(location)})");
        }

        if (config.Kernel is null && config.Bootloader is not null && guest.Menu is { } menu
            && GrubMenu.FromDocument(menu).DefaultEntry is { Kernel: not null } entry
            && MenuRoot(menu, entry) is { } menuRoot)
        {
            return menuRoot with { Origin = $"root={menuRoot.Device} (default entry '{entry.Title}' of {Describe(menuRoot.Location)})" };
        }

        return null;
    }

    /// <summary>The <c>root=</c> argument of an entry's kernel line, located at the argument.</summary>
    public static RootDevice? MenuRoot(GrubMenuDocument menu, GrubEntry entry)
    {
        if (entry.Kernel is not { } kernel || kernel.Arguments.Arguments.LastOrDefault(a => a.IsNamed("root")) is not { Value: { Length: > 0 } value } argument)
        {
            return null;
        }

        var line = entry.Commands.Last(c => c.Name == "kernel");
        var span = line.ArgumentSpan;
        var start = span.Start;
        if (kernel.ArgumentsText is { } arguments && span.Length == line.Argument.Length)
        {
            // A kernel line without continuation maps one to one onto the source.
            start += line.Argument.Length - arguments.Length + argument.Span.Start;
        }

        var location = menu.SourceText.GetLocation(new TextSpan(start, Math.Min(argument.Text.Length, Math.Max(0, span.End - start))));
        return new RootDevice(value, location, $"root={value} ({Describe(location)})");
    }

    /// <summary><c>path line N</c>, for messages that point at another place.</summary>
    /// <remarks>Concatenated: callers interpolate it into their messages (see <see cref="XenConfig.Diagnostics.Diagnostic.ToString"/>).</remarks>
    public static string Describe(SourceLocation location) =>
        string.Concat(location.Path ?? "<text>", " line ", location.Start.DisplayLine.ToString(CultureInfo.InvariantCulture));
}
