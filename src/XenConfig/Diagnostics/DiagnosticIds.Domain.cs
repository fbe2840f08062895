namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC2001: <c>name</c> is missing.</summary>
    public static readonly DiagnosticDescriptor NameMissing =
        new("XC2001", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "name is missing");

    /// <summary>XC2002: a value has the wrong type or format for its key.</summary>
    public static readonly DiagnosticDescriptor ValueWrongType =
        new("XC2002", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "a value has the wrong type or format for its key");

    /// <summary>XC2003: unknown key (xl ignores it silently).</summary>
    public static readonly DiagnosticDescriptor UnknownKey =
        new("XC2003", DiagnosticSeverity.Warning, DiagnosticCategory.Xl, "unknown key; xl ignores it silently");

    /// <summary>XC2004: <c>memory</c> exceeds <c>maxmem</c>.</summary>
    public static readonly DiagnosticDescriptor MemoryExceedsMaxmem =
        new("XC2004", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "memory exceeds maxmem (xl starts the guest with maxmem; the balloon target above it is not reached)");

    /// <summary>XC2005: <c>vcpus</c> exceeds <c>maxvcpus</c>.</summary>
    public static readonly DiagnosticDescriptor VcpusExceedMaxvcpus =
        new("XC2005", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "vcpus exceeds maxvcpus");

    /// <summary>XC2006: PV/PVH guest with neither <c>kernel</c> nor <c>bootloader</c> (nor <c>firmware</c>).</summary>
    public static readonly DiagnosticDescriptor NoKernelNorBootloader =
        new("XC2006", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "PV/PVH guest has neither kernel nor bootloader nor firmware");

    /// <summary>XC2007: invalid <c>on_*</c> event action.</summary>
    public static readonly DiagnosticDescriptor InvalidEventAction =
        new("XC2007", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "invalid on_poweroff / on_reboot / on_crash / on_watchdog / on_soft_reset action");

    /// <summary>XC2008: invalid <c>uuid</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidUuid =
        new("XC2008", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "invalid uuid");

    /// <summary>XC2009: <c>type</c> or <c>builder</c> names no guest type xl knows, or the two disagree.</summary>
    public static readonly DiagnosticDescriptor InvalidGuestType =
        new("XC2009", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "type or builder names no guest type xl knows, or the two disagree");

    /// <summary>XC2010: invalid disk spec.</summary>
    public static readonly DiagnosticDescriptor InvalidDiskSpec =
        new("XC2010", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "invalid disk spec");

    /// <summary>XC2011: two disks use the same vdev.</summary>
    public static readonly DiagnosticDescriptor DuplicateVdev =
        new("XC2011", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "two disks use the same vdev (same device number)");

    /// <summary>XC2012: the <c>root=</c> device is not provided by any disk.</summary>
    public static readonly DiagnosticDescriptor RootDeviceNotProvided =
        new("XC2012", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "the root= device (from root, extra or cmdline) is not provided by any disk");

    /// <summary>XC2013: the root disk is read-only but the kernel mounts root read-write.</summary>
    public static readonly DiagnosticDescriptor RootDiskReadOnlyMountedReadWrite =
        new("XC2013", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "the root disk is exported read-only but the kernel mounts root read-write");

    /// <summary>XC2020: invalid vif spec.</summary>
    public static readonly DiagnosticDescriptor InvalidVifSpec =
        new("XC2020", DiagnosticSeverity.Error, DiagnosticCategory.Xl, "invalid vif spec");

    /// <summary>XC2021: invalid MAC address.</summary>
    public static readonly DiagnosticDescriptor InvalidMac =
        new("XC2021", DiagnosticSeverity.Warning, DiagnosticCategory.Xl, "invalid MAC address (xl ignores the bad part and keeps the vif)");

    /// <summary>XC2022: multicast MAC address.</summary>
    public static readonly DiagnosticDescriptor MulticastMac =
        new("XC2022", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "multicast MAC address (first octet's low bit set)");

    /// <summary>XC2023: two vifs of one domain share a MAC.</summary>
    public static readonly DiagnosticDescriptor DuplicateMacInDomain =
        new("XC2023", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "two vifs of one domain share a MAC");

    private static IEnumerable<DiagnosticDescriptor> DomainDescriptors() =>
    [
        NameMissing, ValueWrongType, UnknownKey, MemoryExceedsMaxmem, VcpusExceedMaxvcpus, NoKernelNorBootloader,
        InvalidEventAction, InvalidUuid, InvalidGuestType, InvalidDiskSpec, DuplicateVdev, RootDeviceNotProvided,
        RootDiskReadOnlyMountedReadWrite, InvalidVifSpec, InvalidMac, MulticastMac, DuplicateMacInDomain,
    ];
}
