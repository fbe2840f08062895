namespace XenConfig.Devices;

/// <summary>How a vdev name was written, which decides how libxl numbers it.</summary>
public enum VirtualDeviceKind
{
    /// <summary><c>xvdX[N]</c>: a Xen virtual disk.</summary>
    Xvd,

    /// <summary><c>dDpP</c>: disk D, partition P, numbered like <c>xvd</c>.</summary>
    DiskPartition,

    /// <summary><c>hdX[N]</c>: an IDE disk (a..d).</summary>
    Ide,

    /// <summary><c>sdX[N]</c>: a SCSI disk (a..p).</summary>
    Scsi,

    /// <summary>A plain device number (decimal, <c>0x</c> hex or <c>0</c> octal), used verbatim.</summary>
    Number,
}
