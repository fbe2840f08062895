namespace XenConfig.Devices;

/// <summary>How a channel's backend end is connected.</summary>
public enum ChannelConnection
{
    /// <summary><c>pty</c>: a pseudo-terminal in the backend domain.</summary>
    Pty,

    /// <summary><c>socket</c>: a UNIX socket at <c>path=</c>.</summary>
    Socket,
}
