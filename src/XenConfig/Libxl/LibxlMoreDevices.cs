namespace XenConfig.Libxl;

/// <summary>libxl's <c>device_channel</c>, from one <c>channel</c> item.</summary>
public sealed class LibxlChannel
{
    /// <summary><c>backend_domname</c>, from <c>backend=</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>devid</c>: the item's index.</summary>
    public int DevId { get; set; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>connection</c>: <c>pty</c> or <c>socket</c>.</summary>
    public string Connection { get; set; } = "pty";

    /// <summary>The socket path (<c>connection=socket</c>).</summary>
    public string? SocketPath { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.Inner.WriteNumber("devid", DevId);
        json.String("name", Name);
        json.Struct("connection." + Connection, c => c.String("path", SocketPath));
    }
}

/// <summary>libxl's <c>device_vtpm</c>, from one <c>vtpm</c> item.</summary>
public sealed class LibxlVtpm
{
    /// <summary><c>backend_domname</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>devid</c>: the item's index.</summary>
    public int DevId { get; set; }

    /// <summary><c>uuid</c>, when given.</summary>
    public Guid Uuid { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.Inner.WriteNumber("devid", DevId);
        json.String("uuid", Uuid == Guid.Empty ? null : Uuid.ToString("D"));
    }
}

/// <summary>libxl's <c>device_p9</c>, from one <c>p9</c> item (a 9pfs share).</summary>
public sealed class LibxlP9
{
    /// <summary><c>backend_domname</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>tag</c>.</summary>
    public string? Tag { get; set; }

    /// <summary><c>path</c>.</summary>
    public string? Path { get; set; }

    /// <summary><c>security_model</c>.</summary>
    public string? SecurityModel { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.String("tag", Tag);
        json.String("path", Path);
        json.String("security_model", SecurityModel);
    }
}

/// <summary>libxl's <c>device_pvcallsif</c>, from one <c>pvcalls</c> item.</summary>
public sealed class LibxlPvCalls
{
    /// <summary><c>backend_domname</c>.</summary>
    public string? BackendDomain { get; set; }

    /// <summary><c>devid</c>: the item's index.</summary>
    public int DevId { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.String("backend_domname", BackendDomain);
        json.Inner.WriteNumber("devid", DevId);
    }
}

/// <summary>libxl's <c>device_usbctrl</c>, from one <c>usbctrl</c> item.</summary>
public sealed class LibxlUsbController
{
    /// <summary><c>type</c>: <c>pv</c>, <c>devicemodel</c>, <c>qusb</c>; null is <c>auto</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>devid</c>: the item's index.</summary>
    public int DevId { get; set; }

    /// <summary><c>version</c>.</summary>
    public int Version { get; set; }

    /// <summary><c>ports</c>.</summary>
    public int Ports { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.Enum("type", Type);
        json.Inner.WriteNumber("devid", DevId);
        json.Number("version", Version);
        json.Number("ports", Ports);
    }
}

/// <summary>libxl's <c>device_usbdev</c>, from one <c>usbdev</c> item.</summary>
public sealed class LibxlUsbDevice
{
    /// <summary><c>ctrl</c>, from <c>controller=</c>; -1 when not given.</summary>
    public int Controller { get; set; } = -1;

    /// <summary><c>port</c>.</summary>
    public int Port { get; set; }

    /// <summary>True for <c>type=hostdev</c>.</summary>
    public bool IsHostDevice { get; set; }

    /// <summary><c>hostbus</c>.</summary>
    public byte HostBus { get; set; }

    /// <summary><c>hostaddr</c>.</summary>
    public byte HostAddress { get; set; }

    internal void Write(LibxlJsonWriter json)
    {
        json.Number("ctrl", Controller, -1);
        json.Number("port", Port);
        if (IsHostDevice)
        {
            json.Struct("type.hostdev", h =>
            {
                h.Number("hostbus", HostBus);
                h.Number("hostaddr", HostAddress);
            });
        }
    }
}
