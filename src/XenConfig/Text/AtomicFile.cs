using System.Buffers;

namespace XenConfig.Text;

/// <summary>
/// Writes files so that a reader sees either the old content or the new, never a half-written file, and so that a save
/// never destroys what it should not: a symbolic link, an owner, a hard link, a read-only file or someone else's change.
/// </summary>
/// <remarks>
/// <para>
/// <b>Symbolic links</b> are written through: the path is resolved to its final target (chains of links, relative
/// links), the temporary file is written next to the target and renamed over it, so the link stays a link and the
/// target gets the new content.
/// </para>
/// <para>
/// <b>Mode, owner and group</b> of the replaced file are given to the new one. Only root may give a file to another
/// user: run as another user, the new file keeps the original's group when the user belongs to it and is otherwise
/// owned by the user who saves (as with any editor that writes a new file), and the save still succeeds.
/// </para>
/// <para>
/// <b>Refusals</b> (<see cref="SaveRefusedException"/>, diagnostic XC0013), unless <see cref="AtomicFileOptions.Force"/>:
/// a file with more than one hard link (a rename would split the links); a file that grants no write permission (root
/// included: a 0444 file is refused); a file that changed since it was read, when
/// <see cref="AtomicFileOptions.ExpectedContent"/> is given.
/// </para>
/// <para>
/// <b>Concurrent saves</b> of one file are serialized by an advisory lock (<c>flock</c>) on a sibling
/// <c>.NAME.lock</c>, held from the change check to the rename and removed afterwards; the second save waits up to
/// <see cref="AtomicFileOptions.LockTimeout"/>, then sees the first one's change (refused) or, when the lock is not
/// released in time, is refused with <see cref="SaveRefusal.Locked"/>. Temporary files <c>.NAME.*.tmp</c> that a
/// crashed save left next to the target are removed by the next save, under that lock.
/// </para>
/// <para>Ownership, hard links and the lock are Linux features; elsewhere the save is atomic and checks content and the read-only attribute.</para>
/// </remarks>
internal static class AtomicFile
{
    private const int MaxLinkDepth = 40;

    /// <summary>
    /// Writes <paramref name="bytes"/> to a temporary file next to the (link-resolved) target, flushes it to disk, gives
    /// it the original's mode, owner and group, and renames it over the target. On any failure the original is
    /// untouched and the temporary file is removed.
    /// </summary>
    /// <param name="path">The file to replace or create; a symbolic link is followed to its final target.</param>
    /// <param name="bytes">The new content.</param>
    /// <param name="options">Checks and overrides; null for <see cref="AtomicFileOptions.Default"/>.</param>
    /// <exception cref="SaveRefusedException">The save was refused to protect data (XC0013); nothing was written.</exception>
    /// <exception cref="IOException">The file cannot be written or replaced.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, AtomicFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= AtomicFileOptions.Default;
        var target = ResolveTarget(System.IO.Path.GetFullPath(path));
        var directory = System.IO.Path.GetDirectoryName(target) ?? ".";
        var name = System.IO.Path.GetFileName(target);

        using var fileLock = Lock(directory, name, options.LockTimeout, target);
        RemoveStaleTemporaryFiles(directory, name);

        var status = UnixFile.IsSupported ? UnixFile.Stat(target, followLinks: true) : null;
        var exists = File.Exists(target);
        if (!options.Force)
        {
            Check(target, exists, status, options.ExpectedContent);
        }

        if (exists && status is { LinkCount: > 1 })
        {
            WriteInPlace(target, bytes);
            return;
        }

        var temporary = System.IO.Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                if (status is { } original && !OperatingSystem.IsWindows())
                {
                    // Owner first: chown clears set-user-id bits, which the mode then puts back.
                    UnixFile.TryChangeOwner(stream.SafeFileHandle, original.User, original.Group);
                    File.SetUnixFileMode(stream.SafeFileHandle, (UnixFileMode)(original.Mode & 0xFFF));
                }
                else if (!OperatingSystem.IsWindows() && exists)
                {
                    File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        if (UnixFile.IsSupported)
        {
            UnixFile.FlushFolder(directory);
        }
    }

    /// <summary>
    /// The options a document's save uses: <paramref name="options"/> with <see cref="AtomicFileOptions.ExpectedContent"/>
    /// set to what <paramref name="text"/> was read from, when <paramref name="path"/> is that same file (after links).
    /// </summary>
    internal static AtomicFileOptions ForDocument(SourceText text, string path, AtomicFileOptions? options)
    {
        options ??= AtomicFileOptions.Default;
        if (options.ExpectedContent is not null || text.Path is null || text.ReadFingerprint is not { } read)
        {
            return options;
        }

        try
        {
            return string.Equals(ResolveTarget(text.Path), ResolveTarget(path), StringComparison.Ordinal)
                ? options with { ExpectedContent = read }
                : options;
        }
        catch (IOException)
        {
            return options;
        }
    }

    /// <summary>The file a save of <paramref name="path"/> writes: the final target of its symbolic links, or itself.</summary>
    /// <exception cref="IOException">The links form a loop, or are nested more than 40 deep.</exception>
    public static string ResolveTarget(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var current = System.IO.Path.GetFullPath(path);
        for (var depth = 0; depth <= MaxLinkDepth; depth++)
        {
            var link = new FileInfo(current).LinkTarget;
            if (link is null)
            {
                return current;
            }

            current = System.IO.Path.GetFullPath(link, System.IO.Path.GetDirectoryName(current) ?? ".");
        }

        throw new IOException($"{path}: too many levels of symbolic links (a link loop); nothing was written");
    }

    private static void Check(string target, bool exists, UnixFile.FileStatus? status, FileFingerprint? expected)
    {
        if (expected is not null)
        {
            if (!exists)
            {
                throw new SaveRefusedException(target, SaveRefusal.ChangedSinceRead,
                    $"{target} was removed since it was read; nothing was written (save it again to create it, or force)");
            }

            if (!expected.Matches(ReadCurrent(target)))
            {
                throw new SaveRefusedException(target, SaveRefusal.ChangedSinceRead,
                    $"{target} changed since it was read; nothing was written (read it again and repeat the edit, or force)");
            }
        }

        if (!exists)
        {
            return;
        }

        var readOnly = status is { } unix
            ? (unix.Mode & 0x92) == 0 || !UnixFile.MayWrite(target)
            : (File.GetAttributes(target) & FileAttributes.ReadOnly) != 0;
        if (readOnly)
        {
            throw new SaveRefusedException(target, SaveRefusal.ReadOnly,
                $"{target} is read-only; nothing was written (make it writable, or force)");
        }

        if (status is { LinkCount: > 1 } linked)
        {
            throw new SaveRefusedException(target, SaveRefusal.HardLinked,
                $"{target} has {linked.LinkCount} hard links; replacing it would split them, so nothing was written (force writes it in place, not atomically)");
        }
    }

    private static byte[] ReadCurrent(string target)
    {
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        using var content = new MemoryStream();
        stream.CopyTo(content);
        return content.ToArray();
    }

    // Forced save of a hard-linked file: the same inode gets the new bytes, so every link sees them. Not atomic.
    private static void WriteInPlace(string target, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(target, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private static IDisposable? Lock(string directory, string name, TimeSpan timeout, string target)
    {
        if (!UnixFile.IsSupported)
        {
            return null;
        }

        return UnixFile.TryLock(System.IO.Path.Combine(directory, $".{name}.lock"), timeout)
            ?? throw new SaveRefusedException(target, SaveRefusal.Locked,
                $"{target} is being saved by another process (its lock was held for more than {timeout.TotalSeconds:0.#} s); nothing was written");
    }

    // ".NAME.<32 hex digits>.tmp": the temporary files this class writes; none is in use while the lock is held.
    private static void RemoveStaleTemporaryFiles(string directory, string name)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, $".{name}.*.tmp");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var prefixLength = name.Length + 2;
        foreach (var candidate in candidates)
        {
            var file = System.IO.Path.GetFileName(candidate.AsSpan());
            if (file.Length == prefixLength + 32 + 4 && file[..prefixLength].SequenceEqual($".{name}.")
                && file[prefixLength..^4].ContainsAnyExcept(HexDigits) is false)
            {
                TryDelete(candidate);
            }
        }
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: keep the original exception.
        }
    }
}
