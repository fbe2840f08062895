namespace XenConfig.Devices;

/// <summary>The image format of a disk (libxl's <c>libxl_disk_format</c>).</summary>
public enum DiskFormat
{
    /// <summary><c>raw</c>: a plain image or block device (the default).</summary>
    Raw,

    /// <summary><c>qcow</c>.</summary>
    Qcow,

    /// <summary><c>qcow2</c>.</summary>
    Qcow2,

    /// <summary><c>vhd</c>.</summary>
    Vhd,

    /// <summary><c>qed</c>.</summary>
    Qed,

    /// <summary><c>empty</c>: a CD-ROM drive with no medium.</summary>
    Empty,
}
