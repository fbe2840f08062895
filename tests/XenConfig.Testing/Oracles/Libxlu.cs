using System.Runtime.InteropServices;
using System.Text;

namespace XenConfig.Testing;

/// <summary>
/// Xen's own config parser (Debian libxenmisc4.17: libxlutil.so.4.17), called in-process: whether it accepts a file,
/// and every value it stores for the keys asked about, as bytes. Use <see cref="Oracles.Libxlu"/>.
/// </summary>
public sealed partial class Libxlu : IOracle<Libxlu.Query, Libxlu.Result>
{
    private const string Library = "libxlutil.so.4.17";
    private static readonly Lazy<nint> DevNull = new(() => fopen("/dev/null", "w"));
    private static readonly Lock Gate = new();
    private static readonly Lazy<bool> Loadable = new(() => Oracles.CanLoad(Library));

    internal Libxlu()
    {
    }

    /// <inheritdoc />
    public string Name => "libxlutil.so.4.17 (Debian libxenmisc4.17)";

    /// <inheritdoc />
    public string? Missing => Loadable.Value ? null : Library + " cannot be loaded";

    /// <summary>One file and the keys to read back from it.</summary>
    public sealed record Query(byte[] Data, IEnumerable<string> Keys);

    /// <inheritdoc />
    public IReadOnlyList<Result> Run(IReadOnlyList<Query> inputs) => [.. inputs.Select(q => Parse(q.Data, q.Keys))];

    /// <summary>An atom (string) or a list, as libxlu hands it to callers.</summary>
    public abstract record Value;

    /// <summary>A string value, as the bytes libxlu stored.</summary>
    public sealed record Atom(byte[] Bytes) : Value
    {
        /// <inheritdoc />
        public bool Equals(Atom? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);

        /// <inheritdoc />
        public override int GetHashCode() => Bytes.Length;

        /// <inheritdoc />
        public override string ToString() => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>A list value; an item is null where libxlu has no value.</summary>
    public sealed record ListValue(IReadOnlyList<Value?> Items) : Value
    {
        /// <inheritdoc />
        public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

        /// <inheritdoc />
        public override int GetHashCode() => Items.Count;

        /// <inheritdoc />
        public override string ToString() => "[" + string.Join(", ", Items) + "]";
    }

    /// <summary>What libxlu made of one input.</summary>
    public sealed class Result
    {
        /// <summary>True when <c>xlu_cfg_readdata</c> accepted the file.</summary>
        public required bool Accepted { get; init; }

        /// <summary>The value of every key asked about that libxlu has.</summary>
        public Dictionary<string, Value> Settings { get; } = new(StringComparer.Ordinal);

        /// <summary>For every string value: what <c>xlu_cfg_get_long</c> reads from it, or null when it refuses.</summary>
        public Dictionary<string, long?> Numbers { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Parses <paramref name="data"/> and reads back every key in <paramref name="keys"/>. Never pass NUL bytes: libxlu aborts.</summary>
    public Result Parse(byte[] data, IEnumerable<string> keys)
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
