namespace XenConfig.Libxl;

/// <summary>libxl's <c>vnc_info</c>: the VNC console of an HVM guest or of a PV framebuffer.</summary>
public sealed class LibxlVncInfo
{
    /// <summary><c>enable</c>, from <c>vnc</c>.</summary>
    public bool? Enable { get; set; }

    /// <summary><c>listen</c>, from <c>vnclisten</c>.</summary>
    public string? Listen { get; set; }

    /// <summary><c>passwd</c>, from <c>vncpasswd</c>.</summary>
    public string? Password { get; set; }

    /// <summary><c>display</c>, from <c>vncdisplay</c>.</summary>
    public int Display { get; set; }

    /// <summary><c>findunused</c>, from <c>vncunused</c>.</summary>
    public bool? FindUnused { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.DefBool("enable", Enable);
        json.String("listen", Listen);
        json.String("passwd", Password);
        json.Number("display", Display);
        json.DefBool("findunused", FindUnused);
    }
}

/// <summary>libxl's <c>sdl_info</c>: the SDL window of an HVM guest or of a PV framebuffer.</summary>
public sealed class LibxlSdlInfo
{
    /// <summary><c>enable</c>, from <c>sdl</c>.</summary>
    public bool? Enable { get; set; }

    /// <summary><c>opengl</c>, from <c>opengl</c>.</summary>
    public bool? OpenGl { get; set; }

    /// <summary><c>display</c>, from <c>display</c>.</summary>
    public string? Display { get; set; }

    /// <summary><c>xauthority</c>, from <c>xauthority</c>.</summary>
    public string? XAuthority { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.DefBool("enable", Enable);
        json.DefBool("opengl", OpenGl);
        json.String("display", Display);
        json.String("xauthority", XAuthority);
    }
}

/// <summary>libxl's <c>spice_info</c>: the SPICE console of an HVM guest.</summary>
public sealed class LibxlSpiceInfo
{
    /// <summary><c>enable</c>, from <c>spice</c>.</summary>
    public bool? Enable { get; set; }

    /// <summary><c>port</c>, from <c>spiceport</c>.</summary>
    public int Port { get; set; }

    /// <summary><c>tls_port</c>, from <c>spicetls_port</c>.</summary>
    public int TlsPort { get; set; }

    /// <summary><c>host</c>, from <c>spicehost</c>.</summary>
    public string? Host { get; set; }

    /// <summary><c>disable_ticketing</c>, from <c>spicedisable_ticketing</c>.</summary>
    public bool? DisableTicketing { get; set; }

    /// <summary><c>passwd</c>, from <c>spicepasswd</c>.</summary>
    public string? Password { get; set; }

    /// <summary><c>agent_mouse</c>, from <c>spiceagent_mouse</c>.</summary>
    public bool? AgentMouse { get; set; }

    /// <summary><c>vdagent</c>, from <c>spicevdagent</c>.</summary>
    public bool? VdAgent { get; set; }

    /// <summary><c>clipboard_sharing</c>, from <c>spice_clipboard_sharing</c>.</summary>
    public bool? ClipboardSharing { get; set; }

    /// <summary><c>usbredirection</c>, from <c>spiceusbredirection</c>.</summary>
    public int UsbRedirection { get; set; }

    /// <summary><c>image_compression</c>, from <c>spice_image_compression</c>.</summary>
    public string? ImageCompression { get; set; }

    /// <summary><c>streaming_video</c>, from <c>spice_streaming_video</c>.</summary>
    public string? StreamingVideo { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.DefBool("enable", Enable);
        json.Number("port", Port);
        json.Number("tls_port", TlsPort);
        json.String("host", Host);
        json.DefBool("disable_ticketing", DisableTicketing);
        json.String("passwd", Password);
        json.DefBool("agent_mouse", AgentMouse);
        json.DefBool("vdagent", VdAgent);
        json.DefBool("clipboard_sharing", ClipboardSharing);
        json.Number("usbredirection", UsbRedirection);
        json.String("image_compression", ImageCompression);
        json.String("streaming_video", StreamingVideo);
    }
}
