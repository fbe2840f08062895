namespace XenConfig.Libxl;

/// <summary>libxl's guest types (<c>libxl_domain_type</c>).</summary>
public enum LibxlDomainType
{
    /// <summary>Hardware virtual machine (<c>hvm</c>).</summary>
    Hvm,

    /// <summary>Paravirtualised (<c>pv</c>).</summary>
    Pv,

    /// <summary>PVH (<c>pvh</c>).</summary>
    Pvh,
}
