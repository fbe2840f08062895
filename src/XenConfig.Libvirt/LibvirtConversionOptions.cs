namespace XenConfig.Libvirt;

/// <summary>
/// Host facts libvirt takes from its capabilities when it converts: where the HVM firmware lives. The defaults are the
/// paths of libvirt's own tests (<c>tests/testutilsxen.c</c>), which are also the usual Xen install paths.
/// </summary>
public sealed record LibvirtConversionOptions
{
    /// <summary>The options libvirt's tests use: hvmloader and OVMF in <c>/usr/lib/xen/boot</c>.</summary>
    public static LibvirtConversionOptions Default { get; } = new();

    /// <summary>The HVM firmware loader an xl HVM guest gets as <c>&lt;loader&gt;</c> (libvirt's capabilities).</summary>
    public string HvmLoaderPath { get; init; } = "/usr/lib/xen/boot/hvmloader";

    /// <summary>The folder of <c>ovmf.bin</c>, for <c>bios = "ovmf"</c> (libxl's <c>LIBXL_FIRMWARE_DIR</c>).</summary>
    public string FirmwareDirectory { get; init; } = "/usr/lib/xen/boot";
}
