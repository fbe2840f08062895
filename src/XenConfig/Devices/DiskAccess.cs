namespace XenConfig.Devices;

/// <summary>How the guest may access a disk.</summary>
public enum DiskAccess
{
    /// <summary><c>rw</c>: read-write (the default).</summary>
    ReadWrite,

    /// <summary><c>ro</c>: read-only (always for CD-ROMs).</summary>
    ReadOnly,
}
