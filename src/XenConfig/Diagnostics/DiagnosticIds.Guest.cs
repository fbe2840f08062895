namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC5001: an fstab device is not provided by any disk of the domain.</summary>
    public static readonly DiagnosticDescriptor FstabDeviceNotProvided =
        new("XC5001", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "an fstab device is not provided by any disk of the domain (the guest will not boot)");

    /// <summary>XC5002: the fstab <c>/</c> device differs from the <c>root=</c> device.</summary>
    public static readonly DiagnosticDescriptor FstabRootDiffersFromKernelRoot =
        new("XC5002", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "the fstab / device differs from the root= device");

    /// <summary>XC5003: fstab mounts read-write a disk the domain exports read-only.</summary>
    public static readonly DiagnosticDescriptor FstabWritesReadOnlyDisk =
        new("XC5003", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "fstab mounts read-write a disk that the domain exports read-only");

    /// <summary>XC5004: a writable disk is used by neither <c>root=</c> nor fstab.</summary>
    public static readonly DiagnosticDescriptor WritableDiskUnused =
        new("XC5004", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "a writable disk is used by neither root= nor fstab");

    /// <summary>XC5005: the guest menu.lst passes a <c>root=</c> device that no disk provides.</summary>
    public static readonly DiagnosticDescriptor GuestMenuRootNotProvided =
        new("XC5005", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "the guest menu.lst (pygrub) passes a root= device that no disk provides");

    /// <summary>XC5006: an fstab source given by <c>UUID=</c> / <c>LABEL=</c> cannot be checked offline.</summary>
    public static readonly DiagnosticDescriptor FstabTagUncheckable =
        new("XC5006", DiagnosticSeverity.Info, DiagnosticCategory.Boot, "an fstab source given by UUID= / LABEL= cannot be checked without the disk image");

    /// <summary>
    /// XC5007: a guest device path matches a disk only through the <c>xvd</c> name a modern (pvops) kernel gives an
    /// <c>hd</c>/<c>sd</c> vdev, so it depends on the guest kernel.
    /// </summary>
    public static readonly DiagnosticDescriptor DeviceMatchNeedsModernKernel =
        new("XC5007", DiagnosticSeverity.Info, DiagnosticCategory.Boot, "a guest device matches a disk only through the xvd name a modern kernel gives hd/sd vdevs");

    private static IEnumerable<DiagnosticDescriptor> GuestDescriptors() =>
    [
        FstabDeviceNotProvided, FstabRootDiffersFromKernelRoot, FstabWritesReadOnlyDisk, WritableDiskUnused,
        GuestMenuRootNotProvided, FstabTagUncheckable, DeviceMatchNeedsModernKernel,
    ];
}
