using System.Diagnostics.CodeAnalysis;
using Sprache;
using SParse = Sprache.Parse;

namespace XenConfig.Devices;

/// <summary>
/// A CPU affinity value (<c>cpus</c>, <c>cpus_soft</c>, or one entry of their list form), read as xl's
/// <c>parse_cpurange</c>: comma-separated items (empty ones skipped), each <c>[^][node:|nodes:](all|N|N-M)</c>
/// with decimal numbers read by <c>strtoul</c>; <c>^all</c> is refused, as is a range whose end is below its start.
/// Items apply in order: <c>0-3,^1</c> is CPUs 0, 2 and 3.
/// </summary>
public sealed class CpuList
{
    // node numbers at or above this are ignored by ToCpuSet (no host has that many NUMA nodes)
    private const ulong MaxNodes = 1 << 16;

    private static readonly Parser<(bool Negated, bool Nodes)> ItemPrefix =
        from negated in SParse.Char('^').Optional()
        from nodes in SParse.String("node:").Or(SParse.String("nodes:")).Optional()
        select (negated.IsDefined, nodes.IsDefined);

    private CpuList(string text, IReadOnlyList<CpuListItem> items)
    {
        Text = text;
        Items = items;
    }

    /// <summary>The value exactly as written.</summary>
    public string Text { get; }

    /// <summary>The items in order.</summary>
    public IReadOnlyList<CpuListItem> Items { get; }

    /// <summary>Parses a CPU list.</summary>
    /// <param name="text">The value, e.g. <c>0-3,^1</c> or <c>nodes:0</c>.</param>
    /// <returns>The parsed list.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the value.</exception>
    public static CpuList Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var list, out var error) ? list : throw new DeviceSpecFormatException(text, error);
    }

    /// <summary>Parses a CPU list without throwing.</summary>
    /// <param name="text">The value.</param>
    /// <param name="list">The parsed list, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the value.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out CpuList? list, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        list = null;
        var items = new List<CpuListItem>();
        foreach (var piece in DeviceGrammar.SplitCommas(text))
        {
            var prefix = ItemPrefix(new Input(piece.Text));
            var (negated, nodes) = prefix.Value;
            var rest = piece.Text[prefix.Remainder.Position..];
            var restStart = piece.Start + prefix.Remainder.Position;
            if (rest == "all")
            {
                if (negated)
                {
                    error = new DeviceSpecError("Can't combine \"^\" and \"all\"", piece.Start, piece.Text.Length);
                    return false;
                }

                items.Add(new CpuListItem(false, nodes, true, 0, 0));
                continue;
            }

            if (!TryRange(rest, out var first, out var last))
            {
                error = new DeviceSpecError("Invalid pcpu range", restStart, rest.Length);
                return false;
            }

            items.Add(new CpuListItem(negated, nodes, false, first, last));
        }

        list = new CpuList(text, items);
        error = null;
        return true;
    }

    /// <summary>The CPUs selected on a host with <paramref name="cpuCount"/> CPUs (numbers beyond it are ignored, as libxl does).</summary>
    /// <param name="cpuCount">How many CPUs the host has.</param>
    /// <param name="cpusOfNode">The CPUs of a NUMA node; required when the list uses <c>node:</c> / <c>nodes:</c>.</param>
    /// <returns>The selected CPU numbers in ascending order.</returns>
    public IReadOnlyList<int> ToCpuSet(int cpuCount, Func<int, IEnumerable<int>>? cpusOfNode = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpuCount);
        var set = new SortedSet<int>();
        foreach (var item in Items)
        {
            if (item.All)
            {
                set.UnionWith(Enumerable.Range(0, cpuCount));
                continue;
            }

            var cpus = new List<int>();
            if (item.Nodes)
            {
                ArgumentNullException.ThrowIfNull(cpusOfNode);
                for (var node = item.First; node <= item.Last && node < MaxNodes; node++)
                {
                    cpus.AddRange(cpusOfNode((int)node));
                }
            }
            else
            {
                for (var cpu = item.First; cpu <= item.Last && cpu < (ulong)cpuCount; cpu++)
                {
                    cpus.Add((int)cpu);
                }
            }

            foreach (var cpu in cpus.Where(cpu => cpu >= 0 && cpu < cpuCount))
            {
                if (item.Negated)
                {
                    set.Remove(cpu);
                }
                else
                {
                    set.Add(cpu);
                }
            }
        }

        return [.. set];
    }

    /// <summary>The value exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    /// <summary>xl's <c>parse_range</c>: <c>strtoul</c> base 10, optional <c>-M</c>, nothing after.</summary>
    private static bool TryRange(string text, out ulong first, out ulong last)
    {
        first = last = CNumbers.Strtoul(text, 0, 10, out var end);
        if (end == 0 || first == ulong.MaxValue)
        {
            return false;
        }

        if (end < text.Length && text[end] == '-')
        {
            var start = end + 1;
            last = CNumbers.Strtoul(text, start, 10, out end);
            if (end == start || last == ulong.MaxValue || last < first)
            {
                return false;
            }
        }

        return end == text.Length;
    }
}
