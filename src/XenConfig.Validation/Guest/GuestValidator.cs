using FluentValidation;
using XenConfig.Devices;
using XenConfig.Diagnostics;
using XenConfig.Fstab.Model;
using XenConfig.Fstab.Syntax;
using XenConfig.Fstab;
using XenConfig.Grub.Model;
using XenConfig.Grub;

namespace XenConfig.Validation;

/// <summary>
/// Cross-checks the files of one guest (rule set <see cref="ValidationRuleSets.CrossCheck"/>, XC5001-XC5007): every
/// fstab device is a disk of the domain, fstab's <c>/</c> is the kernel's <c>root=</c>, read-only disks are mounted
/// read-only, writable disks are used, and every entry of the guest's menu passes a <c>root=</c> some disk provides.
/// </summary>
/// <remarks>
/// <para><c>new GuestValidator().Validate(guest)</c>, with no rule set chosen, runs every check. A caller that chooses
/// rule sets (<c>options.IncludeRuleSets(...)</c>) gets exactly those: the checks belong to
/// <see cref="ValidationRuleSets.CrossCheck"/>, so <c>IncludeRuleSets("default")</c> alone runs none of them. Each file
/// on its own is checked by <see cref="DomainConfigValidator"/>, <see cref="FstabValidator"/> and
/// <see cref="GrubMenuValidator"/>.</para>
/// Device matching follows docs/diagnostics.md: the vdev itself, a partition of a whole-disk vdev, or (with an XC5007 info)
/// the <c>xvd</c> name a modern kernel gives an <c>hd</c>/<c>sd</c> vdev. Only <c>/dev/xvd*</c>, <c>/dev/hd*</c> and
/// <c>/dev/sd*</c> paths are checked: pseudo and network file systems, LVM and md devices inside the guest, files and
/// bind mounts are not disks of the domain. XC5005 checks every entry of the menu, not only the default: pygrub offers
/// all of them, and a fallback or a hand-picked entry with a stale <c>root=</c> does not boot either.
/// </remarks>
public sealed class GuestValidator : AbstractValidator<Guest>
{
    /// <summary>Creates the validator with all its rules.</summary>
    public GuestValidator()
    {
        WholeDocumentChecks.Add(this, ValidationRuleSets.CrossCheck, CheckFstabDevices, CheckRootConsistency, CheckUnusedDisks, CheckMenuRoots);
    }

    /// <summary>
    /// Validates with the rule sets the context selects; when it selects none (<c>Validate(guest)</c>), with every rule
    /// set, so the default validator checks everything.
    /// </summary>
    public override FluentValidation.Results.ValidationResult Validate(ValidationContext<Guest> context) =>
        base.Validate(EveryRuleWhenNoneChosen(context));

    /// <summary>The asynchronous <see cref="Validate(ValidationContext{Guest})"/>, with the same default.</summary>
    public override Task<FluentValidation.Results.ValidationResult> ValidateAsync(ValidationContext<Guest> context, CancellationToken cancellation = default) =>
        base.ValidateAsync(EveryRuleWhenNoneChosen(context), cancellation);

    private static ValidationContext<Guest> EveryRuleWhenNoneChosen(ValidationContext<Guest> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Selector is not FluentValidation.Internal.DefaultValidatorSelector)
        {
            return context;
        }

        var throwOnFailures = context.ThrowOnFailures;
        return ValidationContext<Guest>.CreateWithOptions(context.InstanceToValidate, options =>
        {
            options.IncludeRuleSets([.. ValidationRuleSets.All]);
            if (throwOnFailures)
            {
                options.ThrowOnFailures();
            }
        });
    }

    private static void CheckFstabDevices(Guest guest, ValidationContext<Guest> context)
    {
        if (guest.Fstab is not { } fstab)
        {
            return;
        }

        var disks = DomainDevices.Disks(guest.Config);
        foreach (var entry in fstab.EntryLines)
        {
            var source = FstabSource.Parse(entry.Source.Value);
            var sourceLocation = fstab.GetLocation(entry, FstabFieldKind.Source);
            if (source.Kind == FstabSourceKind.Tag)
            {
                context.Report(DiagnosticIds.FstabTagUncheckable, sourceLocation,
                    $"'{source.Text}' names a file system by {source.TagName}; which disk holds it cannot be checked without the disk image");
                continue;
            }

            if (!DomainDevices.IsDiskDevicePath(source.Text))
            {
                continue;
            }

            if (DomainDevices.FindDisk(disks, source.Text) is not var (disk, match))
            {
                var options = entry.Options is null ? MountOptions.Empty : MountOptions.Parse(entry.Options.Value);
                var optional = options.Contains("noauto") || options.Contains("nofail");
                context.Report(DiagnosticIds.FstabDeviceNotProvided, sourceLocation,
                    $"'{source.Text}' ({entry.Target.Value}) is not provided by any disk of domain '{guest.Name}'"
                    + (optional ? "; the entry is noauto/nofail, so the guest still boots" : "; the guest will not boot"),
                    optional ? DiagnosticSeverity.Warning : null);
                continue;
            }

            if (DomainDevices.IsModernKernelMatch(match))
            {
                context.Report(DiagnosticIds.DeviceMatchNeedsModernKernel, sourceLocation,
                    $"'{source.Text}' is disk '{disk.Spec.Vdev}' only under a modern kernel, which names {disk.Spec.Vdev} xvd*; an old xenlinux kernel calls it /dev/{disk.Spec.Vdev}");
            }

            if (disk.Spec.IsReadOnly && !MountsReadOnly(entry))
            {
                var what = entry.FileSystemType.Value == "swap" ? "uses it as swap" : "mounts it read-write";
                context.Report(DiagnosticIds.FstabWritesReadOnlyDisk,
                    entry.Options is null ? sourceLocation : fstab.GetLocation(entry, FstabFieldKind.Options),
                    $"disk '{disk.Spec.Vdev}' is exported read-only ({DomainDevices.Describe(disk.Location)}) but fstab {what}; add 'ro' to the options or export the disk writable");
            }
        }
    }

    private static void CheckRootConsistency(Guest guest, ValidationContext<Guest> context)
    {
        if (guest.Fstab is not { } fstab || DomainDevices.KernelRoot(guest) is not { } kernelRoot
            || fstab.EntryLines.LastOrDefault(e => NormalizeTarget(e.Target.Value) == "/") is not { } rootEntry)
        {
            return;
        }

        var fstabRoot = FstabSource.Parse(rootEntry.Source.Value);
        var bootRoot = FstabSource.Parse(kernelRoot.Device);
        var comparable = (fstabRoot.IsDevicePath && bootRoot.IsDevicePath && fstabRoot.Text != "/dev/root")
            || (fstabRoot.Kind == FstabSourceKind.Tag && bootRoot.Kind == FstabSourceKind.Tag && fstabRoot.TagName == bootRoot.TagName);
        if (comparable && !string.Equals(fstabRoot.Text, bootRoot.Text, StringComparison.Ordinal))
        {
            context.Report(DiagnosticIds.FstabRootDiffersFromKernelRoot, fstab.GetLocation(rootEntry, FstabFieldKind.Source),
                $"fstab mounts / from '{fstabRoot.Text}' but the kernel gets {kernelRoot.Origin}");
        }
    }

    private static void CheckUnusedDisks(Guest guest, ValidationContext<Guest> context)
    {
        // Without an fstab, or with sources that cannot be mapped to a disk (UUID=, LVM, md), usage is unknown.
        if (guest.Fstab is not { } fstab)
        {
            return;
        }

        // A loop, not EntryLines.Select(...): Select on OfType's iterator is a generic virtual call, which the native
        // binary resolves through its type loader on first use.
        var sources = new List<FstabSource>();
        foreach (var line in fstab.EntryLines)
        {
            sources.Add(FstabSource.Parse(line.Source.Value));
        }

        if (sources.Any(s => s.Kind is FstabSourceKind.Tag or FstabSourceKind.UnsupportedTag
                || (s.IsDevicePath && !DomainDevices.IsDiskDevicePath(s.Text))))
        {
            return;
        }

        var disks = DomainDevices.Disks(guest.Config);
        var used = new HashSet<int>();
        var devices = sources.Select(s => s.Text).ToList();
        if (DomainDevices.KernelRoot(guest) is { } root)
        {
            devices.Add(root.Device);
        }

        foreach (var device in devices.Where(DomainDevices.IsDiskDevicePath))
        {
            if (DomainDevices.FindDisk(disks, device) is var (disk, _))
            {
                used.Add(disk.Index);
            }
        }

        foreach (var disk in disks.Where(d => d.IsWritable && !used.Contains(d.Index) && d.Spec.VirtualDevice is not null))
        {
            context.Report(DiagnosticIds.WritableDiskUnused, disk.Location,
                $"writable disk '{disk.Spec.Vdev}' is used by neither root= nor fstab; export it read-only or remove it if the guest does not need it");
        }
    }

    private static void CheckMenuRoots(Guest guest, ValidationContext<Guest> context)
    {
        if (guest.Menu is not { } menu)
        {
            return;
        }

        var disks = DomainDevices.Disks(guest.Config);
        foreach (var entry in GrubMenu.FromDocument(menu).Entries)
        {
            if (DomainDevices.MenuRoot(menu, entry) is not { } root || !DomainDevices.IsDiskDevicePath(root.Device))
            {
                continue;
            }

            if (DomainDevices.FindDisk(disks, root.Device) is not var (disk, match))
            {
                context.Report(DiagnosticIds.GuestMenuRootNotProvided, root.Location,
                    $"entry '{entry.Title}' passes root={root.Device}, which no disk of domain '{guest.Name}' provides; the kernel panics when it cannot mount root");
            }
            else if (DomainDevices.IsModernKernelMatch(match))
            {
                context.Report(DiagnosticIds.DeviceMatchNeedsModernKernel, root.Location,
                    $"root={root.Device} is disk '{disk.Spec.Vdev}' only under a modern kernel, which names {disk.Spec.Vdev} xvd*");
            }
        }
    }

    /// <summary>True when the options make the mount read-only: the last of <c>ro</c> and <c>rw</c> is <c>ro</c>.</summary>
    private static bool MountsReadOnly(FstabEntryLine entry)
    {
        if (entry.Options is null || entry.FileSystemType.Value == "swap")
        {
            return false;
        }

        return MountOptions.Parse(entry.Options.Value).LastOrDefault(o => o.Name is "ro" or "rw" && o.Value is null)?.Name == "ro";
    }

    private static string NormalizeTarget(string target) => target.Length > 1 ? target.TrimEnd('/') : target;
}
