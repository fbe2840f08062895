namespace XenConfig.Domain.Model;

/// <summary>How xl reads a key's value (spec §3).</summary>
public enum DomainKeyType
{
    /// <summary>A string.</summary>
    String,

    /// <summary>An integer, read with C <c>strtol</c> base 0; may be quoted.</summary>
    Number,

    /// <summary>A boolean: a number, 0 is false and anything else true.</summary>
    Boolean,

    /// <summary>A list of strings.</summary>
    List,

    /// <summary>A list of strings, or a single string applying to all (e.g. <c>cpus</c>).</summary>
    ListOrString,

    /// <summary>A list of lists (<c>vnuma</c>, <c>vsnd</c>).</summary>
    NestedList,

    /// <summary>A list, or a boolean (<c>viridian</c>).</summary>
    ListOrBoolean,

    /// <summary>A boolean, or a string (<c>gfx_passthru</c>).</summary>
    BooleanOrString,

    /// <summary>A string, or a deprecated number form (<c>tsc_mode</c>, <c>altp2m</c>).</summary>
    StringOrNumber,
}
