namespace XenConfig.Files;

/// <summary>What a path names on disk, as <c>stat</c> tells it.</summary>
internal enum FileNodeKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind that is ever opened.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe: opening it for reading waits for a writer, forever.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c>: reading it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device: a whole disk is no configuration file.</summary>
    BlockDevice,

    /// <summary>A Unix socket: it cannot be opened like a file.</summary>
    Socket,
}

/// <summary>
/// Which file a path reaches: device and inode where the system tells them, else the resolved full path. Two paths
/// with the same identity are one file or folder (a symbolic link, a bind mount or a hard link made them two).
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string? ResolvedPath);

/// <summary>The kind, identity and length of the file a path names.</summary>
internal readonly record struct FileNode(FileNodeKind Kind, FileIdentity Identity, long Length)
{
    public static FileNode Missing { get; } = new(FileNodeKind.Missing, default, 0);

    /// <summary>True for FIFOs, devices and sockets: files that are never opened.</summary>
    public bool IsSpecial => Kind is FileNodeKind.Fifo or FileNodeKind.CharacterDevice or FileNodeKind.BlockDevice or FileNodeKind.Socket;

    /// <summary>How a message names the kind: "a FIFO (named pipe)", "a character device"...</summary>
    public string Describe() => Kind switch
    {
        FileNodeKind.Fifo => "a FIFO (named pipe)",
        FileNodeKind.CharacterDevice => "a character device",
        FileNodeKind.BlockDevice => "a block device",
        FileNodeKind.Socket => "a socket",
        FileNodeKind.Directory => "a folder",
        FileNodeKind.SymbolicLink => "a symbolic link",
        FileNodeKind.Missing => "missing",
        _ => "a file",
    };
}
