using System.Runtime.InteropServices;
using System.Text;

namespace XenConfig.Tests.Domain;

/// <summary>Xen's own config parser (Debian libxenmisc4.17: libxlutil.so.4.17), called in-process.</summary>
internal static partial class Libxlu
{
    private const string Library = "libxlutil.so.4.17";
    private static readonly Lazy<nint> DevNull = new(() => fopen("/dev/null", "w"));
    private static readonly Lock Gate = new();

    public static bool IsAvailable { get; } = XenConfig.Testing.Oracles.CanLoad(Library);

    /// <summary>An atom (string) or a list, as libxlu hands it to callers.</summary>
    public abstract record Value;

    public sealed record Atom(byte[] Bytes) : Value
    {
        public bool Equals(Atom? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);

        public override int GetHashCode() => Bytes.Length;

        public override string ToString() => Encoding.UTF8.GetString(Bytes);
    }

    public sealed record ListValue(IReadOnlyList<Value?> Items) : Value
    {
        public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

        public override int GetHashCode() => Items.Count;

        public override string ToString() => "[" + string.Join(", ", Items) + "]";
    }

    /// <summary>What libxlu made of one input.</summary>
    public sealed class Result
    {
        public required bool Accepted { get; init; }

        public Dictionary<string, Value> Settings { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long?> Numbers { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Parses <paramref name="data"/> and reads back every key in <paramref name="keys"/>. Never pass NUL bytes: libxlu aborts.</summary>
    public static Result Parse(byte[] data, IEnumerable<string> keys)
    {
        if (data.Contains((byte)0))
        {
            throw new ArgumentException("libxlu aborts on NUL bytes; never feed it one.", nameof(data));
        }

        lock (Gate)
        {
            var cfg = xlu_cfg_init(DevNull.Value, "cfg");
            try
            {
                var rc = xlu_cfg_readdata(cfg, data, data.Length);
                var result = new Result { Accepted = rc == 0 };
                if (rc != 0)
                {
                    return result;
                }

                foreach (var key in keys.Distinct(StringComparer.Ordinal))
                {
                    if (xlu_cfg_get_string(cfg, key, out var text, 1) == 0)
                    {
                        result.Settings[key] = new Atom(ReadBytes(text));
                        result.Numbers[key] = xlu_cfg_get_long(cfg, key, out var number, 1) == 0 ? number : null;
                        continue;
                    }

                    if (xlu_cfg_get_list(cfg, key, out var list, out _, 1) == 0)
                    {
                        result.Settings[key] = ReadList(cfg, list);
                    }
                }

                return result;
            }
            finally
            {
                xlu_cfg_destroy(cfg);
            }
        }
    }

    private static ListValue ReadList(nint cfg, nint list)
    {
        var items = new List<Value?>();
        for (var i = 0; ; i++)
        {
            var item = xlu_cfg_get_listitem2(list, i);
            if (item == 0)
            {
                break;
            }

            if (xlu_cfg_value_type(item) == 0)
            {
                xlu_cfg_value_get_string(cfg, item, out var text, 1);
                items.Add(new Atom(ReadBytes(text)));
            }
            else
            {
                xlu_cfg_value_get_list(cfg, item, out var inner, 1);
                items.Add(ReadList(cfg, inner));
            }
        }

        return new ListValue(items);
    }

    private static byte[] ReadBytes(nint text)
    {
        var length = 0;
        while (Marshal.ReadByte(text, length) != 0)
        {
            length++;
        }

        var bytes = new byte[length];
        Marshal.Copy(text, bytes, 0, length);
        return bytes;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint fopen(string path, string mode);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint xlu_cfg_init(nint report, string reportFilename);

    [LibraryImport(Library)]
    private static partial int xlu_cfg_readdata(nint cfg, byte[] data, int length);

    [LibraryImport(Library)]
    private static partial void xlu_cfg_destroy(nint cfg);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int xlu_cfg_get_string(nint cfg, string name, out nint value, int dontWarn);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int xlu_cfg_get_long(nint cfg, string name, out long value, int dontWarn);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int xlu_cfg_get_list(nint cfg, string name, out nint list, out int entries, int dontWarn);

    [LibraryImport(Library)]
    private static partial nint xlu_cfg_get_listitem2(nint list, int entry);

    [LibraryImport(Library)]
    private static partial int xlu_cfg_value_type(nint value);

    [LibraryImport(Library)]
    private static partial int xlu_cfg_value_get_string(nint cfg, nint value, out nint text, int dontWarn);

    [LibraryImport(Library)]
    private static partial int xlu_cfg_value_get_list(nint cfg, nint value, out nint list, int dontWarn);
}
