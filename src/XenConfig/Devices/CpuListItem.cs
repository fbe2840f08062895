namespace XenConfig.Devices;

/// <summary>One comma-separated item of a <c>cpus</c> / <c>cpus_soft</c> value: <c>N</c>, <c>N-M</c>, <c>all</c>,
/// each optionally <c>node:</c>/<c>nodes:</c> and <c>^</c>-negated.</summary>
/// <param name="Negated">The item starts with <c>^</c>: remove instead of add.</param>
/// <param name="Nodes">The numbers are NUMA nodes (<c>node:</c> / <c>nodes:</c>), not CPUs.</param>
/// <param name="All">The item is <c>all</c> (every CPU, also after <c>nodes:</c>).</param>
/// <param name="First">The first number of the range (0 for <c>all</c>).</param>
/// <param name="Last">The last number of the range, inclusive (equals <paramref name="First"/> for a single number).</param>
public readonly record struct CpuListItem(bool Negated, bool Nodes, bool All, ulong First, ulong Last);
