using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace XenConfig.Testing;

/// <summary>What util-linux libmount returns for one fstab: entries with exact bytes, and the lines it rejects.</summary>
public sealed record LibMountTable(IReadOnlyList<FstabSnapshot> Entries, IReadOnlyList<int> ErrorLines);

/// <summary>One entry as bytes (libmount returns C strings), so both sides compare exactly.</summary>
public sealed record FstabSnapshot(byte[] Source, byte[] Target, byte[] FileSystemType, byte[]? Options, int Dump, int Pass)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Show(Source)} | {Show(Target)} | {Show(FileSystemType)} | {(Options is null ? "(none)" : Show(Options))} | {Dump} | {Pass}";

    /// <summary>Bytes as printable ASCII, everything else (space and backslash included) as <c>\xNN</c>.</summary>
    public static string Show(byte[] bytes)
    {
        var builder = new StringBuilder();
        foreach (var b in bytes)
        {
            builder.Append(b is >= 0x21 and < 0x7F && b != '\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        }

        return builder.ToString();
    }
}

/// <summary>
/// P/Invoke into libmount.so.1: parse a file in fstab format and read back every entry; split option strings. Use
/// <see cref="Oracles.LibMount"/>; a test class that calls it disposes by calling <see cref="Cleanup"/>.
/// </summary>
public sealed unsafe partial class LibMount : IOracle<byte[], LibMountTable>
{
    private const string Library = "libmount.so.1";

    [ThreadStatic]
    private static List<int>? t_errorLines;

    [ThreadStatic]
    private static string? t_scratch;

    private static readonly Lazy<bool> Loadable = new(() => Oracles.CanLoad(Library));

    internal LibMount()
    {
    }

    /// <inheritdoc />
    public string Name => "libmount.so.1 (util-linux)";

    /// <inheritdoc />
    public string? Missing => Loadable.Value ? null : Library + " cannot be loaded";

    /// <inheritdoc />
    public IReadOnlyList<LibMountTable> Run(IReadOnlyList<byte[]> inputs) => [.. inputs.Select(Parse)];

    /// <summary>Parses <paramref name="content"/> with <c>mnt_table_parse_fstab</c> (fstab format forced, no guessing).</summary>
    public LibMountTable Parse(byte[] content)
    {
        t_scratch ??= Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(),
            $"xenconfig-fstab-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}-{Guid.NewGuid():N}");
        File.WriteAllBytes(t_scratch, content);
        var errors = new List<int>();
        t_errorLines = errors;
        var table = mnt_new_table();
        try
        {
            Assert.Equal(0, mnt_table_set_parser_errcb(table, &OnParseError));
            var rc = mnt_table_parse_fstab(table, t_scratch);
            if (rc != 0)
            {
                throw new InvalidOperationException($"mnt_table_parse_fstab failed: {rc}");
            }

            var entries = new List<FstabSnapshot>();
            var iterator = mnt_new_iter(0);
            try
            {
                while (mnt_table_next_fs(table, iterator, out var fs) == 0)
                {
                    entries.Add(new FstabSnapshot(
                        Bytes(mnt_fs_get_source(fs)) ?? [],
                        Bytes(mnt_fs_get_target(fs)) ?? [],
                        Bytes(mnt_fs_get_fstype(fs)) ?? [],
                        Bytes(mnt_fs_get_options(fs)),
                        mnt_fs_get_freq(fs),
                        mnt_fs_get_passno(fs)));
                }
            }
            finally
            {
                mnt_free_iter(iterator);
            }

            return new LibMountTable(entries, errors);
        }
        finally
        {
            mnt_unref_table(table);
            t_errorLines = null;
        }
    }

    /// <summary>Splits an option string with libmount's own <c>mnt_optstr_next_option</c>: (name, value or null).</summary>
    public List<(string Name, string? Value)> SplitOptions(string options)
    {
        var result = new List<(string, string?)>();
        var bytes = Encoding.UTF8.GetBytes(options + "\0");
        fixed (byte* start = bytes)
        {
            var cursor = (nint)start;
            while (mnt_optstr_next_option(ref cursor, out var name, out var nameSize, out var value, out var valueSize) == 0)
            {
                var n = Encoding.UTF8.GetString((byte*)name, (int)nameSize);
                var v = value == 0 ? null : Encoding.UTF8.GetString((byte*)value, (int)valueSize);
                result.Add((n, v));
            }
        }

        return result;
    }

    /// <summary>Deletes this thread's scratch file.</summary>
    public void Cleanup()
    {
        if (t_scratch is not null && File.Exists(t_scratch))
        {
            File.Delete(t_scratch);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnParseError(nint table, nint filename, int line)
    {
        t_errorLines?.Add(line);
        return 1; // recoverable: skip the line and go on, as findmnt and mount do
    }

    private static byte[]? Bytes(nint pointer)
    {
        if (pointer == 0)
        {
            return null;
        }

        var length = 0;
        while (((byte*)pointer)[length] != 0)
        {
            length++;
        }

        return new ReadOnlySpan<byte>((byte*)pointer, length).ToArray();
    }

    [LibraryImport(Library)]
    private static partial nint mnt_new_table();

    [LibraryImport(Library)]
    private static partial void mnt_unref_table(nint table);

    [LibraryImport(Library)]
    private static partial int mnt_table_set_parser_errcb(nint table, delegate* unmanaged[Cdecl]<nint, nint, int, int> callback);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mnt_table_parse_fstab(nint table, string filename);

    [LibraryImport(Library)]
    private static partial nint mnt_new_iter(int direction);

    [LibraryImport(Library)]
    private static partial void mnt_free_iter(nint iterator);

    [LibraryImport(Library)]
    private static partial int mnt_table_next_fs(nint table, nint iterator, out nint fs);

    [LibraryImport(Library)]
    private static partial nint mnt_fs_get_source(nint fs);

    [LibraryImport(Library)]
    private static partial nint mnt_fs_get_target(nint fs);

    [LibraryImport(Library)]
    private static partial nint mnt_fs_get_fstype(nint fs);

    [LibraryImport(Library)]
    private static partial nint mnt_fs_get_options(nint fs);

    [LibraryImport(Library)]
    private static partial int mnt_fs_get_freq(nint fs);

    [LibraryImport(Library)]
    private static partial int mnt_fs_get_passno(nint fs);

    [LibraryImport(Library)]
    private static partial int mnt_optstr_next_option(ref nint optstr, out nint name, out nuint nameSize, out nint value, out nuint valueSize);
}
