namespace XenConfig.Domain.Model;

/// <summary>The kind of guest xl builds.</summary>
public enum GuestType
{
    /// <summary>Paravirtualised (the x86 default).</summary>
    Pv,

    /// <summary>PVH: a PV guest in an HVM container.</summary>
    Pvh,

    /// <summary>Fully virtualised, with emulated hardware and firmware.</summary>
    Hvm,
}
