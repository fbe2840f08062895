namespace XenConfig.Libvirt;

/// <summary>The two Xen config dialects libvirt converts, by libvirt's names for them.</summary>
public enum LibvirtNativeFormat
{
    /// <summary><c>xen-xl</c>: xl.cfg(5), read and written as libvirt's <c>xenParseXL</c> / <c>xenFormatXL</c> do.</summary>
    XenXl,

    /// <summary><c>xen-xm</c>: the older xm configs, read and written as libvirt's <c>xenParseXM</c> / <c>xenFormatXM</c> do.</summary>
    XenXm,
}
