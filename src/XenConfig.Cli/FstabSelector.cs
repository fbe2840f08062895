using System.Globalization;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;

namespace XenConfig.Cli;

/// <summary>
/// Selectors for fstab values: <c>MOUNTPOINT.FIELD</c> with FIELD one of source, target, fstype, options, freq,
/// passno (<c>/var/lib/mysql.options</c>), or <c>MOUNTPOINT.options.NAME</c> for one option's value.
/// </summary>
internal static class FstabSelector
{
    private static readonly string[] Fields = ["source", "target", "fstype", "options", "freq", "passno"];

    public static string? Get(FstabFile fstab, string selector)
    {
        var (entry, field, option) = Resolve(fstab, selector);
        if (entry is null)
        {
            return null;
        }

        return field switch
        {
            "source" => entry.Source.ToString(),
            "target" => entry.MountPoint,
            "fstype" => entry.FileSystemType,
            "options" when option is not null => entry.Options.Contains(option) ? entry.Options.GetValue(option) ?? "" : null,
            "options" => entry.OptionsText,
            "freq" => entry.Dump.ToString(CultureInfo.InvariantCulture),
            _ => entry.Pass.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static void Set(FstabFile fstab, string selector, string value)
    {
        var (entry, field, option) = Resolve(fstab, selector);
        if (entry is null)
        {
            throw new ArgumentException($"no entry mounts '{selector[..selector.LastIndexOf('.')]}'");
        }

        switch (field)
        {
            case "source": entry.Source = FstabSource.Parse(value); break;
            case "target": entry.MountPoint = value; break;
            case "fstype": entry.FileSystemType = value; break;
            case "options" when option is not null: entry.SetOption(option, value.Length == 0 ? null : value); break;
            case "options": entry.Options = MountOptions.Parse(value); break;
            case "freq": entry.Dump = ParseNumber(value); break;
            default: entry.Pass = ParseNumber(value); break;
        }
    }

    private static (FstabEntry? Entry, string Field, string? Option) Resolve(FstabFile fstab, string selector)
    {
        var optionsAt = selector.LastIndexOf(".options.", StringComparison.Ordinal);
        if (optionsAt > 0)
        {
            return (fstab.Find(selector[..optionsAt]), "options", selector[(optionsAt + ".options.".Length)..]);
        }

        var dot = selector.LastIndexOf('.');
        var field = dot > 0 ? selector[(dot + 1)..] : "";
        if (!Fields.Contains(field))
        {
            throw new ArgumentException($"'{selector}' is not MOUNTPOINT.FIELD with FIELD one of {string.Join(", ", Fields)}");
        }

        return (fstab.Find(selector[..dot]), field, null);
    }

    private static int ParseNumber(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"'{value}' is not a number");
}
