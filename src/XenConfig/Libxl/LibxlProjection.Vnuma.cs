using XenConfig.Devices;

namespace XenConfig.Libxl;

/// <summary><c>vnuma</c>: xl's <c>parse_vnuma_config</c>, which also settles <c>max_vcpus</c> and <c>max_memkb</c>.</summary>
internal sealed partial class LibxlProjection
{
    private const ulong MaxVnumaRange = 1 << 20;

    private void ParseVnuma()
    {
        if (List("vnuma", dontWarn: true) is not { Items.Count: > 0 } vnuma)
        {
            return;
        }

        var nodeCount = vnuma.Items.Count;
        // xl sizes each node's vCPU bitmap for max_vcpus as set so far (maxvcpus=), else for the host's CPUs, in
        // whole bytes; setting a bit beyond it has no effect, but the vCPU still counts.
        var bitmapBits = (((BInfo.MaxVcpus != 0 ? BInfo.MaxVcpus : host.Cpus) + 7) / 8) * 8;
        ulong vcpuCount = 0, memoryKiB = 0;
        foreach (var item in vnuma.Items)
        {
            var node = new LibxlVnumaNode();
            for (var i = 0; i < nodeCount; i++)
            {
                node.Distances.Add(0);
            }

            BInfo.VnumaNodes.Add(node);
            if (!item.IsList)
            {
                throw Reject("vnuma", "xl: cannot get vnode config option list");
            }

            foreach (var option in item.Items.Where(o => !o.IsList).Select(o => o.Text!))
            {
                var halves = SplitTokens(option, "=");
                if (halves.Count < 2)
                {
                    throw Reject("vnuma", $"xl: failed to split \"{option}\" into pair");
                }

                var value = halves[1].Trim(CSpace);
                switch (halves[0].Trim(CSpace))
                {
                    case "pnode":
                        var pnode = ParseUlong("vnuma", value);
                        if (pnode >= (ulong)host.Nodes)
                        {
                            throw Reject("vnuma", $"xl: invalid pnode number: {pnode}");
                        }

                        node.PhysicalNode = (uint)pnode;
                        BInfo.NumaPlacement = false;
                        break;
                    case "size":
                        node.MemoryKiB = unchecked(ParseUlong("vnuma", value) << 10);
                        memoryKiB = unchecked(memoryKiB + node.MemoryKiB);
                        break;
                    case "vcpus":
                        foreach (var range in SplitTokens(value, ","))
                        {
                            var (first, last) = VnumaRange(range);
                            if (last < first)
                            {
                                continue;
                            }

                            if (last == ulong.MaxValue || last - first >= MaxVnumaRange)
                            {
                                // xl walks the range bit by bit, and never ends one that reaches ULONG_MAX.
                                throw Reject("vnuma", $"vcpus range \"{range}\" is too large: xl does not finish it");
                            }

                            for (var vcpu = first; vcpu <= last; vcpu++)
                            {
                                if (vcpu < (ulong)bitmapBits && !node.Vcpus.Contains((int)vcpu))
                                {
                                    node.Vcpus.Add((int)vcpu);
                                }

                                vcpuCount++;
                            }
                        }

                        break;
                    case "vdistances":
                        var distances = SplitTokens(value, ",");
                        for (var j = 0; j < distances.Count; j++)
                        {
                            var distance = unchecked((uint)ParseUlong("vnuma", distances[j]));
                            // Past the node count xl writes beyond its array (undefined behaviour); we keep the array.
                            if (j < nodeCount)
                            {
                                node.Distances[j] = distance;
                            }
                        }

                        break;
                }
            }
        }

        if (BInfo.MaxVcpus != 0)
        {
            if ((ulong)BInfo.MaxVcpus != vcpuCount)
            {
                throw Reject("vnuma", "xl: vnuma vcpus and maxvcpus= mismatch");
            }
        }
        else
        {
            if ((ulong)host.Cpus < vcpuCount)
            {
                throw Reject("vnuma", "xl: vnuma specifies more vcpus than pcpus, use maxvcpus= to override this check.");
            }

            BInfo.MaxVcpus = unchecked((int)vcpuCount);
        }

        if (BInfo.MaxMemoryKiB != LibxlBuildInfo.MemoryDefault && BInfo.MaxMemoryKiB != memoryKiB)
        {
            throw Reject("vnuma", "xl: maxmem and vnuma memory size mismatch");
        }

        BInfo.MaxMemoryKiB = memoryKiB;
    }

    /// <summary>
    /// xl's <c>parse_range</c> as <c>parse_vnuma_config</c> uses it: the verdict is ignored, so a malformed range still
    /// yields whatever bounds were read (<c>"x"</c> is vCPU 0; <c>"3-1"</c> is none).
    /// </summary>
    private static (ulong First, ulong Last) VnumaRange(string text)
    {
        var first = CNumbers.Strtoul(text, 0, 10, out var end);
        var last = first;
        if (end > 0 && first != ulong.MaxValue && end < text.Length && text[end] == '-')
        {
            last = CNumbers.Strtoul(text, end + 1, 10, out _);
        }

        return (first, last);
    }
}
