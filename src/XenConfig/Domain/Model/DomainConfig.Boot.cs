namespace XenConfig.Domain.Model;

/// <summary>Boot keys of xl.cfg(5): bootloader options and the PVH shim.</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>bootloader_restrict</c>: run the bootloader restricted. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public bool? BootloaderRestrict { get => GetBoolean("bootloader_restrict"); set => SetBoolean("bootloader_restrict", value); }

    /// <summary><c>bootloader_user</c>: user to run the bootloader as. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public string? BootloaderUser { get => GetString("bootloader_user"); set => SetString("bootloader_user", value); }

    /// <summary><c>pvshim</c>: run a PV guest inside a PVH shim. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.pvh.pvshim</c>.</summary>
    public bool? PvShim { get => GetBoolean("pvshim"); set => SetBoolean("pvshim", value); }

    /// <summary><c>pvshim_path</c>: PV shim image. Unset: xl leaves it to libxl. Fills <c>b_info.type.pvh.pvshim_path</c>.</summary>
    public string? PvShimPath { get => GetString("pvshim_path"); set => SetString("pvshim_path", value); }

    /// <summary><c>pvshim_cmdline</c>: PV shim command line. Unset: xl's default, <c>pv-shim console=xen,pv</c>. Fills <c>b_info.type.pvh.pvshim_cmdline</c>.</summary>
    public string? PvShimCmdline { get => GetString("pvshim_cmdline"); set => SetString("pvshim_cmdline", value); }

    /// <summary><c>pvshim_extra</c>: extra PV shim command line. Unset: xl leaves it to libxl. Fills <c>b_info.type.pvh.pvshim_extra</c>.</summary>
    public string? PvShimExtra { get => GetString("pvshim_extra"); set => SetString("pvshim_extra", value); }
}
