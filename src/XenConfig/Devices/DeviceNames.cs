namespace XenConfig.Devices;

/// <summary>The words xl and libxl use for the device enums (the words of the <c>show --format json</c> contract).</summary>
public static class DeviceNames
{
    /// <summary><c>raw</c>, <c>qcow</c>, <c>qcow2</c>, <c>vhd</c>, <c>qed</c> or <c>empty</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>libxl's word for it.</returns>
    public static string ToXlName(this DiskFormat format) => format switch
    {
        DiskFormat.Raw => "raw",
        DiskFormat.Qcow => "qcow",
        DiskFormat.Qcow2 => "qcow2",
        DiskFormat.Vhd => "vhd",
        DiskFormat.Qed => "qed",
        DiskFormat.Empty => "empty",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary><c>phy</c>, <c>tap</c>, <c>qdisk</c> or <c>standalone</c>.</summary>
    /// <param name="backendType">The backend type.</param>
    /// <returns>libxl's word for it.</returns>
    public static string ToXlName(this DiskBackendType backendType) => backendType switch
    {
        DiskBackendType.Phy => "phy",
        DiskBackendType.Tap => "tap",
        DiskBackendType.Qdisk => "qdisk",
        DiskBackendType.Standalone => "standalone",
        _ => throw new ArgumentOutOfRangeException(nameof(backendType), backendType, null),
    };

    /// <summary><c>rw</c> or <c>ro</c>.</summary>
    /// <param name="access">The access mode.</param>
    /// <returns>libxl's word for it.</returns>
    public static string ToXlName(this DiskAccess access) => access switch
    {
        DiskAccess.ReadWrite => "rw",
        DiskAccess.ReadOnly => "ro",
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    /// <summary><c>disk</c> or <c>cdrom</c>.</summary>
    /// <param name="deviceType">The device type.</param>
    /// <returns>libxl's word for it.</returns>
    public static string ToXlName(this DiskDeviceType deviceType) => deviceType switch
    {
        DiskDeviceType.Disk => "disk",
        DiskDeviceType.Cdrom => "cdrom",
        _ => throw new ArgumentOutOfRangeException(nameof(deviceType), deviceType, null),
    };

    /// <summary><c>xen</c> or <c>virtio</c>.</summary>
    /// <param name="specification">The protocol.</param>
    /// <returns>libxl's word for it.</returns>
    public static string ToXlName(this DiskSpecification specification) => specification switch
    {
        DiskSpecification.Xen => "xen",
        DiskSpecification.Virtio => "virtio",
        _ => throw new ArgumentOutOfRangeException(nameof(specification), specification, null),
    };

    /// <summary><c>vif</c> or <c>ioemu</c>.</summary>
    /// <param name="type">The vif type.</param>
    /// <returns>xl's word for it.</returns>
    public static string ToXlName(this VifType type) => type switch
    {
        VifType.Vif => "vif",
        VifType.Ioemu => "ioemu",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
