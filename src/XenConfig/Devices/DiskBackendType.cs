namespace XenConfig.Devices;

/// <summary>The disk backend implementation (<c>backendtype=</c>; libxl's <c>libxl_disk_backend</c>).</summary>
public enum DiskBackendType
{
    /// <summary><c>phy</c>: the kernel block backend (blkback).</summary>
    Phy,

    /// <summary><c>tap</c>: blktap.</summary>
    Tap,

    /// <summary><c>qdisk</c>: QEMU's disk backend.</summary>
    Qdisk,

    /// <summary><c>standalone</c>: a standalone (e.g. virtio) backend.</summary>
    Standalone,
}
