namespace XenConfig.Libxl;

/// <summary>libxl's <c>domain_sched_params</c>; -1 is libxl's "not set" for every field.</summary>
public sealed class LibxlSchedParams
{
    /// <summary><c>weight</c>, from <c>cpu_weight</c>.</summary>
    public int Weight { get; set; } = -1;

    /// <summary><c>cap</c>, from <c>cap</c>.</summary>
    public int Cap { get; set; } = -1;

    /// <summary><c>period</c>, from <c>period</c>.</summary>
    public int Period { get; set; } = -1;

    /// <summary><c>slice</c>, from <c>slice</c> (deprecated, no effect).</summary>
    public int Slice { get; set; } = -1;

    /// <summary><c>latency</c>, from <c>latency</c> (deprecated, no effect).</summary>
    public int Latency { get; set; } = -1;

    /// <summary><c>extratime</c>, from <c>extratime</c>.</summary>
    public int ExtraTime { get; set; } = -1;

    internal void Write(LibxlJsonWriter json)
    {
        json.Number("weight", Weight, -1);
        json.Number("cap", Cap, -1);
        json.Number("period", Period, -1);
        json.Number("extratime", ExtraTime, -1);
        json.Number("slice", Slice, -1);
        json.Number("latency", Latency, -1);
    }
}
