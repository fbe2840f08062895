namespace XenConfig.Libxl;

/// <summary>
/// libxl's <c>cpuid_policy_list</c>, from <c>cpuid</c>: the CPUID leaves and MSR bits the guest sees. Each register
/// and MSR is a string of one character per bit, most significant first: <c>0</c>/<c>1</c> force the bit,
/// <c>x</c> takes the default, <c>k</c> (and the older <c>s</c>) keep the host's value.
/// </summary>
public sealed class LibxlCpuidPolicy
{
    /// <summary><c>cpuid</c>: one entry per leaf (and subleaf) the config touches, in the order first touched.</summary>
    public IList<LibxlCpuidLeaf> Leaves { get; } = [];

    /// <summary><c>msr</c>: one entry per MSR the config touches.</summary>
    public IList<LibxlMsrPolicy> Msrs { get; } = [];

    internal void Write(LibxlJsonWriter json)
    {
        json.Inner.WritePropertyName("cpuid");
        json.Inner.WriteStartArray();
        foreach (var leaf in Leaves)
        {
            json.Object(leaf.Write);
        }

        json.Inner.WriteEndArray();
        json.Inner.WritePropertyName("msr");
        json.Inner.WriteStartArray();
        foreach (var msr in Msrs)
        {
            json.Object(o =>
            {
                o.Inner.WriteNumber("index", msr.Index);
                o.Inner.WriteString("policy", msr.Policy);
            });
        }

        json.Inner.WriteEndArray();
    }
}

/// <summary>One CPUID leaf of a <see cref="LibxlCpuidPolicy"/>: a 32-character policy per register that is set.</summary>
public sealed class LibxlCpuidLeaf
{
    /// <summary>The leaf (<c>EAX</c> input).</summary>
    public uint Leaf { get; init; }

    /// <summary>The subleaf (<c>ECX</c> input), or null when the leaf has none.</summary>
    public uint? Subleaf { get; init; }

    /// <summary>The policies of EAX, EBX, ECX and EDX, in that order; null where the config sets nothing.</summary>
    public IList<string?> Registers { get; } = [null, null, null, null];

    internal void Write(LibxlJsonWriter json)
    {
        json.Inner.WriteNumber("leaf", Leaf);
        if (Subleaf is { } subleaf)
        {
            json.Inner.WriteNumber("subleaf", subleaf);
        }

        string[] names = ["eax", "ebx", "ecx", "edx"];
        for (var i = 0; i < 4; i++)
        {
            json.String(names[i], Registers[i]);
        }
    }
}

/// <summary>One MSR of a <see cref="LibxlCpuidPolicy"/>: a 64-character policy.</summary>
public sealed class LibxlMsrPolicy
{
    /// <summary>The MSR's index (<c>0x10a</c> is <c>ARCH_CAPABILITIES</c>).</summary>
    public uint Index { get; init; }

    /// <summary>The policy, bit 63 first.</summary>
    public string Policy { get; set; } = new('x', 64);
}
