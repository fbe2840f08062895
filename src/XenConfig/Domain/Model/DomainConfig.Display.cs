namespace XenConfig.Domain.Model;

/// <summary>Display keys of xl.cfg(5): SPICE and the no-graphics switch.</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>nographic</c>: no graphics. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.nographic</c>.</summary>
    public bool? NoGraphic { get => GetBoolean("nographic"); set => SetBoolean("nographic", value); }

    /// <summary><c>spice</c>: SPICE console. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.spice.enable</c>.</summary>
    public bool? Spice { get => GetBoolean("spice"); set => SetBoolean("spice", value); }

    /// <summary><c>spicehost</c>: SPICE address. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.spice.host</c>.</summary>
    public string? SpiceHost { get => GetString("spicehost"); set => SetString("spicehost", value); }

    /// <summary><c>spiceport</c>: SPICE port. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.spice.port</c>.</summary>
    public long? SpicePort { get => GetNumber("spiceport"); set => SetNumber("spiceport", value); }

    /// <summary><c>spicetls_port</c>: SPICE TLS port. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.spice.tls_port</c>.</summary>
    public long? SpiceTlsPort { get => GetNumber("spicetls_port"); set => SetNumber("spicetls_port", value); }

    /// <summary><c>spicedisable_ticketing</c>: SPICE without password. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.spice.disable_ticketing</c>.</summary>
    public bool? SpiceDisableTicketing { get => GetBoolean("spicedisable_ticketing"); set => SetBoolean("spicedisable_ticketing", value); }

    /// <summary><c>spicepasswd</c>: SPICE password. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.spice.passwd</c>.</summary>
    public string? SpicePassword { get => GetString("spicepasswd"); set => SetString("spicepasswd", value); }

    /// <summary><c>spiceagent_mouse</c>: SPICE agent mouse. Unset: xl's default, <c>1</c>. Fills <c>b_info.type.hvm.spice.agent_mouse</c>.</summary>
    public bool? SpiceAgentMouse { get => GetBoolean("spiceagent_mouse"); set => SetBoolean("spiceagent_mouse", value); }

    /// <summary><c>spicevdagent</c>: SPICE vdagent. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.spice.vdagent</c>.</summary>
    public bool? SpiceVdagent { get => GetBoolean("spicevdagent"); set => SetBoolean("spicevdagent", value); }

    /// <summary><c>spice_clipboard_sharing</c>: SPICE clipboard. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.spice.clipboard_sharing</c>.</summary>
    public bool? SpiceClipboardSharing { get => GetBoolean("spice_clipboard_sharing"); set => SetBoolean("spice_clipboard_sharing", value); }

    /// <summary><c>spiceusbredirection</c>: SPICE USB redirection channels. Unset: xl's default, <c>0</c>. Fills <c>b_info.type.hvm.spice.usbredirection</c>.</summary>
    public long? SpiceUsbRedirection { get => GetNumber("spiceusbredirection"); set => SetNumber("spiceusbredirection", value); }

    /// <summary><c>spice_image_compression</c>: SPICE image compression. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.spice.image_compression</c>.</summary>
    public string? SpiceImageCompression { get => GetString("spice_image_compression"); set => SetString("spice_image_compression", value); }

    /// <summary><c>spice_streaming_video</c>: SPICE video streaming. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.spice.streaming_video</c>.</summary>
    public string? SpiceStreamingVideo { get => GetString("spice_streaming_video"); set => SetString("spice_streaming_video", value); }
}
