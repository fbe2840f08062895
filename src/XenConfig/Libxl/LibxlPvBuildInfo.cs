namespace XenConfig.Libxl;

/// <summary>libxl's <c>type.pv</c> part of the build info.</summary>
public sealed class LibxlPvBuildInfo
{
    /// <summary><c>e820_host</c>: from <c>e820_host</c>; set to true when the guest has PCI devices.</summary>
    public bool? E820Host { get; set; }

    internal void Write(LibxlJsonWriter json) => json.DefBool("e820_host", E820Host);
}

/// <summary>libxl's <c>type.pvh</c> part of the build info.</summary>
public sealed class LibxlPvhBuildInfo
{
    /// <summary><c>pvshim</c>.</summary>
    public bool? PvShim { get; set; }

    /// <summary><c>pvshim_path</c>.</summary>
    public string? PvShimPath { get; set; }

    /// <summary><c>pvshim_cmdline</c>.</summary>
    public string? PvShimCmdline { get; set; }

    /// <summary><c>pvshim_extra</c>.</summary>
    public string? PvShimExtra { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.DefBool("pvshim", PvShim);
        json.String("pvshim_path", PvShimPath);
        json.String("pvshim_cmdline", PvShimCmdline);
        json.String("pvshim_extra", PvShimExtra);
    }
}
