namespace XenConfig.Fstab.Syntax;

/// <summary>The six fields of an fstab entry, in order.</summary>
public enum FstabFieldKind
{
    /// <summary>Field 1, <c>fs_spec</c>: the device, tag, network share or pseudo source.</summary>
    Source,

    /// <summary>Field 2, <c>fs_file</c>: the mount point.</summary>
    Target,

    /// <summary>Field 3, <c>fs_vfstype</c>: the filesystem type.</summary>
    FileSystemType,

    /// <summary>Field 4, <c>fs_mntops</c>: the mount options (optional).</summary>
    Options,

    /// <summary>Field 5, <c>fs_freq</c>: the dump frequency (optional, default 0).</summary>
    Dump,

    /// <summary>Field 6, <c>fs_passno</c>: the fsck pass number (optional, default 0).</summary>
    Pass,
}
