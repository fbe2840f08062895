using System.Globalization;
using System.Text;

namespace XenConfig.Libvirt.Model;

/// <summary>libvirt's bitmap strings (<c>virBitmapParse</c> / <c>virBitmapFormat</c>): <c>0-3,^2,8</c> and back to <c>0-1,3,8</c>.</summary>
internal static class CpuSet
{
    private const int MaxCpus = 4096;

    public static bool TryParse(string text, out SortedSet<int> cpus)
    {
        cpus = [];
        var excluded = new HashSet<int>();
        var any = false;
        foreach (var rawPart in text.Split(','))
        {
            var part = rawPart.Trim();
            if (part.Length == 0)
            {
                return false;
            }

            var negate = part[0] == '^';
            if (negate)
            {
                part = part[1..];
            }

            var dash = part.IndexOf('-', StringComparison.Ordinal);
            int first, last;
            if (dash < 0)
            {
                if (!TryCpu(part, out first))
                {
                    return false;
                }

                last = first;
            }
            else if (negate || !TryCpu(part[..dash], out first) || !TryCpu(part[(dash + 1)..], out last) || last < first)
            {
                return false;
            }

            for (var cpu = first; cpu <= last; cpu++)
            {
                if (negate)
                {
                    excluded.Add(cpu);
                }
                else
                {
                    cpus.Add(cpu);
                    any = true;
                }
            }
        }

        cpus.ExceptWith(excluded);
        return any;
    }

    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count;)
        {
            var start = sorted[i];
            var end = start;
            while (i + 1 < sorted.Count && sorted[i + 1] == end + 1)
            {
                end = sorted[++i];
            }

            i++;
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(start.ToString(CultureInfo.InvariantCulture));
            if (end != start)
            {
                text.Append('-').Append(end.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>The canonical form of <paramref name="text"/>, or null when libvirt would not parse it.</summary>
    public static string? Normalize(string text) => TryParse(text, out var cpus) ? Format(cpus) : null;

    private static bool TryCpu(string text, out int cpu) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu < MaxCpus;
}
