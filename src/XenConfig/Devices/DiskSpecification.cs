namespace XenConfig.Devices;

/// <summary>The device protocol of a disk (<c>specification=</c>, Xen 4.17+).</summary>
public enum DiskSpecification
{
    /// <summary><c>xen</c>: the Xen PV block protocol (libxl's default).</summary>
    Xen,

    /// <summary><c>virtio</c>: virtio-blk.</summary>
    Virtio,
}
