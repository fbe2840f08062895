namespace XenConfig.Text;

/// <summary>What <see cref="AtomicFile"/> checks before it replaces a file, and whether to override its refusals.</summary>
public sealed record AtomicFileOptions
{
    /// <summary>The defaults: every check on, no expected content, a 5 second wait for another save's lock.</summary>
    public static AtomicFileOptions Default { get; } = new();

    /// <summary>
    /// What the caller read from the file. When set, the save is refused (<see cref="SaveRefusal.ChangedSinceRead"/>)
    /// if the file now holds anything else, or is gone. Documents set it to what they loaded.
    /// </summary>
    public FileFingerprint? ExpectedContent { get; init; }

    /// <summary>
    /// Overrides the refusals that protect data (changed since read, read-only, hard links). A forced save of a file
    /// with more than one hard link writes in place (truncate and write the same inode, so every link sees the new
    /// content), which is not atomic: a crash in the middle leaves a partial file. A forced save never overrides the
    /// lock: it still waits for a concurrent save to finish.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>How long to wait for another save of the same file to finish before refusing (<see cref="SaveRefusal.Locked"/>).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
