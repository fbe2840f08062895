namespace XenConfig.Devices;

/// <summary>The kind of device a disk appears as in the guest (<c>devtype=</c>).</summary>
public enum DiskDeviceType
{
    /// <summary><c>disk</c>: an ordinary disk.</summary>
    Disk,

    /// <summary><c>cdrom</c>: a removable, read-only CD-ROM.</summary>
    Cdrom,
}
