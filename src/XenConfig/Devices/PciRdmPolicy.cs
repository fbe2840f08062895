namespace XenConfig.Devices;

/// <summary>A PCI device's <c>rdm_policy=</c> (libxl's <c>libxl_rdm_reserve_policy</c>).</summary>
public enum PciRdmPolicy
{
    /// <summary><c>invalid</c>: libxl's "unset" value, which it also accepts when written.</summary>
    Invalid,

    /// <summary><c>strict</c>: fail if a reserved region conflicts.</summary>
    Strict,

    /// <summary><c>relaxed</c>: warn only.</summary>
    Relaxed,
}
