namespace XenConfig.Libxl;

/// <summary>libxl's <c>vnode_info</c>: one virtual NUMA node, from one item of <c>vnuma</c>.</summary>
public sealed class LibxlVnumaNode
{
    /// <summary><c>memkb</c>, from <c>size=</c> (MiB * 1024); <see cref="LibxlBuildInfo.MemoryDefault"/> when not given.</summary>
    public ulong MemoryKiB { get; set; } = LibxlBuildInfo.MemoryDefault;

    /// <summary><c>distances</c>, from <c>vdistances=</c>: one entry per virtual node (0 where not given).</summary>
    public IList<uint> Distances { get; } = [];

    /// <summary><c>pnode</c>: the host node that backs this node.</summary>
    public uint PhysicalNode { get; set; }

    /// <summary><c>vcpus</c>: the vCPUs of this node (bits beyond xl's bitmap are dropped, as xl drops them).</summary>
    public IList<int> Vcpus { get; } = [];

    internal void Write(LibxlJsonWriter json)
    {
        if (MemoryKiB != LibxlBuildInfo.MemoryDefault)
        {
            json.Inner.WriteNumber("memkb", MemoryKiB);
        }

        json.NumberList("distances", Distances, writeEmpty: true);
        json.Number("pnode", PhysicalNode);
        json.Inner.WritePropertyName("vcpus");
        json.WriteBitmap(Vcpus);
    }
}
