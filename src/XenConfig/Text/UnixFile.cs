using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace XenConfig.Text;

/// <summary>
/// The few libc calls a safe save needs on Linux and .NET does not offer: the owner, group and link count of a file
/// (<c>statx</c>, whose buffer has one layout on every architecture), <c>fchown</c>, <c>flock</c> on a lock file,
/// and the write-permission test of the effective user.
/// </summary>
internal static partial class UnixFile
{
    private const string Libc = "libc";
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const int AtEaccess = 0x200;
    private const uint StatxBasicStats = 0x7ff;
    private const int ORdonly = 0;
    private const int ORdwr = 2;
    private const int OCreat = 0x40;
    private const int OCloexec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int WriteOk = 2;
    private const int EINTR = 4;
    private const int ENOENT = 2;
    private const int EWOULDBLOCK = 11;

    /// <summary>True where these calls are made: Linux (statx is in every glibc and musl the tool runs on).</summary>
    [System.Runtime.Versioning.SupportedOSPlatformGuard("linux")]
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>What a save keeps or checks of a file; null when it does not exist.</summary>
    public static FileStatus? Stat(string path, bool followLinks)
    {
        if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, out var buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == ENOENT ? null : throw new IOException($"{path}: cannot examine it (error {errno})");
        }

        return FileStatus.From(buffer);
    }

    private static FileStatus StatDescriptor(int descriptor)
    {
        if (Statx(descriptor, "", AtEmptyPath, StatxBasicStats, out var buffer) != 0)
        {
            throw new IOException($"cannot examine an open file (error {Marshal.GetLastPInvokeError()})");
        }

        return FileStatus.From(buffer);
    }

    /// <summary>Whether the effective user may write the file, as the kernel decides (root may write a 0444 file).</summary>
    public static bool MayWrite(string path) => FaccessAt(AtFdCwd, path, WriteOk, AtEaccess) == 0;

    /// <summary>The effective user id.</summary>
    public static uint EffectiveUserId => GetEffectiveUserId();

    /// <summary>
    /// Gives an open file an owner and group; when the user may not (not root), keeps the group alone if it may, and
    /// otherwise leaves what the file has. Returns whether both were kept.
    /// </summary>
    public static bool TryChangeOwner(SafeFileHandle handle, uint user, uint group)
    {
        if (FChown(handle, user, group) == 0)
        {
            return true;
        }

        _ = FChown(handle, uint.MaxValue, group);
        return false;
    }

    /// <summary>Flushes a folder's entry table, so a rename in it survives a power loss. Best effort.</summary>
    public static void FlushFolder(string folder)
    {
        var descriptor = Open(folder, ORdonly | OCloexec, 0);
        if (descriptor >= 0)
        {
            _ = FSync(descriptor);
            _ = Close(descriptor);
        }
    }

    /// <summary>
    /// Takes an exclusive advisory lock (<c>flock</c>) on the lock file <paramref name="lockPath"/>, creating it, and
    /// checks after locking that the path still names the locked file (a save that finished removes it); tries again
    /// without blocking until <paramref name="timeout"/> has passed. Disposing the result removes the lock file and
    /// releases the lock. Null when the timeout passed while another process held the lock.
    /// </summary>
    public static IDisposable? TryLock(string lockPath, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var descriptor = Open(lockPath, ORdwr | OCreat | OCloexec, 0x180);
            if (descriptor < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw errno == 13
                    ? new UnauthorizedAccessException($"{lockPath}: cannot create the lock file: permission denied")
                    : new IOException($"{lockPath}: cannot create the lock file (error {errno})");
            }

            var locked = false;
            try
            {
                locked = FLock(descriptor, LockExclusive | LockNonBlocking) == 0;
                var errno = locked ? 0 : Marshal.GetLastPInvokeError();
                if (!locked && errno is not (EWOULDBLOCK or EINTR))
                {
                    throw new IOException($"{lockPath}: cannot lock (error {errno})");
                }

                if (locked)
                {
                    var onPath = Stat(lockPath, followLinks: false);
                    var held = StatDescriptor(descriptor);
                    if (onPath is { } current && current.Device == held.Device && current.Inode == held.Inode)
                    {
                        return new Lock(lockPath, descriptor);
                    }
                }
            }
            catch
            {
                _ = Close(descriptor);
                throw;
            }

            // Locked by another save, or the lock file was removed by the save that held it: start over.
            _ = Close(descriptor);
            if (!locked)
            {
                if (Environment.TickCount64 >= deadline)
                {
                    return null;
                }

                Thread.Sleep(10);
            }
        }
    }

    private sealed class Lock(string path, int descriptor) : IDisposable
    {
        private int _descriptor = descriptor;

        public void Dispose()
        {
            if (_descriptor < 0)
            {
                return;
            }

            // Removed while still locked, so whoever waits on this file sees it gone and takes a fresh one.
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A lock file left behind is harmless: the next save locks it again.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }

            _ = Close(_descriptor);
            _descriptor = -1;
        }
    }

    /// <summary>The fields of a file's status a save uses.</summary>
    public readonly record struct FileStatus(uint Mode, uint User, uint Group, uint LinkCount, ulong Device, ulong Inode)
    {
        public bool IsSymbolicLink => (Mode & 0xF000) == 0xA000;

        public bool IsRegularFile => (Mode & 0xF000) == 0x8000;

        internal static FileStatus From(in StatxBuffer buffer) =>
            new(buffer.Mode, buffer.User, buffer.Group, buffer.LinkCount, ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor, buffer.Inode);
    }

    [LibraryImport(Libc, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport(Libc, EntryPoint = "faccessat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int FaccessAt(int directory, string path, int mode, int flags);

    [LibraryImport(Libc, EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport(Libc, EntryPoint = "fchown", SetLastError = true)]
    private static partial int FChown(SafeFileHandle handle, uint user, uint group);

    // open(2) is variadic; the mode is its one optional argument, passed in the integer register it is read from.
    [LibraryImport(Libc, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport(Libc, EntryPoint = "flock", SetLastError = true)]
    private static partial int FLock(int descriptor, int operation);

    [LibraryImport(Libc, EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int descriptor);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);

    /// <summary>The fields of Linux's <c>struct statx</c> that are read; the kernel fills 256 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        [FieldOffset(16)]
        public uint LinkCount;

        [FieldOffset(20)]
        public uint User;

        [FieldOffset(24)]
        public uint Group;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}
