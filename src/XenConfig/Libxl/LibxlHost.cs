namespace XenConfig.Libxl;

/// <summary>
/// The facts about the Xen host that change what xl builds from a config: how many CPUs and NUMA nodes it has (CPUs
/// are spread evenly over the nodes, in order) and how much memory. Only CPU affinity (<c>cpus</c>, <c>cpus_soft</c>)
/// and vNUMA read them.
/// </summary>
/// <param name="Cpus">Online CPUs.</param>
/// <param name="Nodes">NUMA nodes; CPU <c>c</c> is on node <c>c * Nodes / Cpus</c>.</param>
/// <param name="MemoryMiB">Host memory in MiB.</param>
public sealed record LibxlHost(int Cpus, int Nodes, long MemoryMiB)
{
    /// <summary>16 CPUs on 8 nodes with 64 GiB: the host the reference oracle fakes.</summary>
    public static LibxlHost Default { get; } = new(16, 8, 64 * 1024);

    /// <summary>The CPUs of node <paramref name="node"/>, in order (empty when the node does not exist).</summary>
    public IEnumerable<int> CpusOfNode(long node) =>
        node < 0 || node >= Nodes ? [] : Enumerable.Range(0, Cpus).Where(cpu => (long)cpu * Nodes / Cpus == node);

    /// <summary>
    /// Reads <c>cpus=16,nodes=8,memory=64G</c> (any subset, the rest from <see cref="Default"/>); memory takes a
    /// <c>K</c>, <c>M</c>, <c>G</c> or <c>T</c> suffix, MiB without one.
    /// </summary>
    /// <exception cref="FormatException">An item is not <c>cpus=N</c>, <c>nodes=N</c> or <c>memory=SIZE</c>.</exception>
    public static LibxlHost Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var host = Default;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (item, "") : (item[..equals], item[(equals + 1)..]);
            host = name switch
            {
                "cpus" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var cpus) && cpus > 0 => host with { Cpus = cpus },
                "nodes" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var nodes) && nodes > 0 => host with { Nodes = nodes },
                "memory" when ParseMiB(value) is { } mib => host with { MemoryMiB = mib },
                _ => throw new FormatException($"'{item}' is not cpus=N, nodes=N or memory=SIZE (e.g. cpus=16,nodes=8,memory=64G)"),
            };
        }

        if (host.Nodes > host.Cpus)
        {
            throw new FormatException($"{host.Nodes} nodes cannot share {host.Cpus} CPUs");
        }

        return host;
    }

    private static long? ParseMiB(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var shift = char.ToUpperInvariant(value[^1]) switch { 'K' => -10, 'M' => 0, 'G' => 10, 'T' => 20, _ => 0 };
        var digits = char.IsAsciiDigit(value[^1]) ? value : value[..^1];
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return null;
        }

        return shift >= 0 ? number << shift : number >> -shift;
    }
}
