namespace XenConfig.Devices;

/// <summary>A vif's <c>type=</c>.</summary>
public enum VifType
{
    /// <summary><c>vif</c>: a PV network interface only.</summary>
    Vif,

    /// <summary><c>ioemu</c>: an emulated NIC plus the PV interface (HVM's default; an error for PV/PVH).</summary>
    Ioemu,
}
