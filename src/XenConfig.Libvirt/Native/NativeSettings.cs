using System.Globalization;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Libvirt.Native;

/// <summary>
/// A config's effective values as libvirt's <c>virConf</c> accessors see them, remembering which keys the converter
/// read so that every key it did not read can be reported as not converted.
/// </summary>
internal sealed class NativeSettings
{
    private readonly IReadOnlyDictionary<string, SettingValue> _values;
    private readonly Func<string, SourceLocation?> _locate;
    private readonly string? _path;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public NativeSettings(IReadOnlyDictionary<string, SettingValue> values, string? path, Func<string, SourceLocation?>? locate)
    {
        _values = values;
        _path = path;
        _locate = locate ?? (_ => null);
    }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The keys a warning was reported for: their values (or part of them) did not convert.</summary>
    public HashSet<string> WarnedKeys { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> UnreadKeys => _values.Keys.Where(k => !_read.Contains(k));

    public SourceLocation Locate(string key) => _locate(key) ?? SourceLocation.None(_path);

    public SettingValue? Get(string key)
    {
        _read.Add(key);
        return _values.GetValueOrDefault(key);
    }

    public bool Has(string key) => Get(key) is not null;

    /// <summary><c>xenConfigGetBool</c>: a number is true when not zero, a string only when it is "1".</summary>
    public bool GetBool(string key, bool fallback) => GetTristate(key) ?? fallback;

    public bool? GetTristate(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return null;
        }

        if (value.IsList)
        {
            Warn(key, $"'{key}' should be a single value, not a list; it was ignored");
            return null;
        }

        if (value.IsNumberToken)
        {
            return value.TryGetNumber(out var number) ? number != 0 : value.Text != "0";
        }

        return value.Text == "1";
    }

    /// <summary><c>xenConfigGetULong</c>: a number, or a string of decimal digits.</summary>
    public long GetNumber(string key, long fallback)
    {
        var value = Get(key);
        if (value is null)
        {
            return fallback;
        }

        if (!value.IsList)
        {
            if (value.IsNumberToken && value.TryGetNumber(out var number))
            {
                return number;
            }

            if (long.TryParse(value.Text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        Warn(key, $"'{key}' is not a number libvirt can read ({Describe(value)}); it was ignored");
        return fallback;
    }

    /// <summary><c>xenConfigGetString</c>: a string value, or null when absent.</summary>
    public string? GetString(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            return null;
        }

        if (value.IsList)
        {
            Warn(key, $"'{key}' should be a string, not a list; it was ignored");
            return null;
        }

        return value.Text;
    }

    /// <summary>The strings of a list value (<c>virConfGetValueStringList</c>); null when the key is absent or not a list.</summary>
    public IReadOnlyList<string>? GetStringList(string key)
    {
        var value = Get(key);
        if (value is null || !value.IsList)
        {
            return null;
        }

        var strings = new List<string>();
        foreach (var item in value.Items)
        {
            if (item.IsList)
            {
                Warn(key, $"'{key}' holds a nested list, which libvirt does not read; it was ignored");
                continue;
            }

            strings.Add(item.Text!);
        }

        return strings;
    }

    public void Warn(string key, string message)
    {
        WarnedKeys.Add(key);
        Diagnostics.Add(DiagnosticIds.LibvirtNotConverted.Create(Locate(key), message));
    }

    public void Info(string key, string message) =>
        Diagnostics.Add(DiagnosticIds.LibvirtDefaultSupplied.Create(Locate(key), message));

    private static string Describe(SettingValue value) => value.IsList ? "a list" : $"\"{value.Text}\"";
}
