namespace XenConfig.Libvirt.Model;

/// <summary>The guest kinds libvirt's libxl driver knows (<c>virDomainOSType</c>).</summary>
internal enum GuestOsType
{
    Pv,
    Pvh,
    Hvm,
}

/// <summary>
/// The part of libvirt's <c>virDomainDef</c> that the xen-xl and xen-xm converters read and write. Both directions go
/// through it, as in libvirt: config -> definition -> XML, and XML -> definition -> config.
/// </summary>
internal sealed class DomainDefinition
{
    public string VirtType { get; set; } = "xen";
    public string Name { get; set; } = "";
    public string Uuid { get; set; } = "";
    public ulong MemoryKiB { get; set; }
    public ulong CurrentMemoryKiB { get; set; }
    public int MaxVcpus { get; set; }
    public int Vcpus { get; set; }
    public string? CpuSet { get; set; }
    public string? Bootloader { get; set; }
    public string? BootloaderArgs { get; set; }

    public GuestOsType OsType { get; set; } = GuestOsType.Pv;
    public string Arch { get; set; } = "x86_64";
    public string Machine { get; set; } = "xenpv";
    public Loader? Loader { get; set; }
    public string? Kernel { get; set; }
    public string? Initrd { get; set; }
    public string? Cmdline { get; set; }
    public string? SlicTable { get; set; }
    public List<string> BootDevices { get; } = [];

    public bool Pae { get; set; }
    public bool Acpi { get; set; }
    public bool Apic { get; set; }
    public bool Viridian { get; set; }
    public bool HapOff { get; set; }

    /// <summary>The <c>&lt;features&gt;&lt;xen&gt;</c> switch: null when absent.</summary>
    public bool? XenFeatures { get; set; }
    public bool E820Host { get; set; }
    public bool? Passthrough { get; set; }
    public string? PassthroughMode { get; set; }

    public CpuDefinition? Cpu { get; set; }
    public Clock Clock { get; } = new();

    public string OnPoweroff { get; set; } = "destroy";
    public string OnReboot { get; set; } = "restart";
    public string OnCrash { get; set; } = "restart";

    public string? Emulator { get; set; }
    public List<Disk> Disks { get; } = [];
    public List<Controller> Controllers { get; } = [];
    public List<NetworkInterface> Interfaces { get; } = [];
    public List<CharDevice> Serials { get; } = [];
    public List<CharDevice> Parallels { get; } = [];
    public List<CharDevice> Consoles { get; } = [];
    public List<CharDevice> Channels { get; } = [];
    public List<InputDevice> Inputs { get; } = [];
    public List<Graphics> Graphics { get; } = [];
    public List<string> Sounds { get; } = [];
    public List<Video> Videos { get; } = [];
    public List<HostDevice> HostDevices { get; } = [];
    public string? MemballoonModel { get; set; }

    /// <summary>Extra device model arguments (<c>device_model_args</c>, <c>&lt;xen:commandline&gt;</c>).</summary>
    public List<string> DeviceModelArguments { get; } = [];

    public bool IsHvm => OsType == GuestOsType.Hvm;
}

internal sealed class Loader
{
    public string? Path { get; set; }
    public string? Type { get; set; }
    public bool ReadOnly { get; set; }
}

internal sealed class CpuDefinition
{
    /// <summary><c>host-passthrough</c>, or null for a CPU element that only carries NUMA cells.</summary>
    public string? Mode { get; set; }
    public List<CpuFeature> Features { get; } = [];
    public List<NumaCell> NumaCells { get; } = [];
}

internal sealed record CpuFeature(string Name, string Policy);

internal sealed class NumaCell
{
    public required string Cpus { get; init; }
    public ulong MemoryKiB { get; init; }
    public List<uint> Distances { get; } = [];
}

internal sealed class Clock
{
    /// <summary><c>utc</c>, <c>localtime</c> or <c>variable</c>.</summary>
    public string Offset { get; set; } = "utc";
    public long Adjustment { get; set; }
    public bool AdjustmentReset { get; set; }
    public string Basis { get; set; } = "utc";
    public List<ClockTimer> Timers { get; } = [];
}

internal sealed record ClockTimer(string Name, bool? Present, string? Mode);

internal sealed class Disk
{
    /// <summary><c>file</c>, <c>block</c> or <c>network</c>.</summary>
    public string Type { get; set; } = "file";
    /// <summary><c>disk</c>, <c>cdrom</c> or <c>floppy</c>.</summary>
    public string Device { get; set; } = "disk";
    public string? DriverName { get; set; }
    public string? Format { get; set; }
    public string? SourcePath { get; set; }
    public string? Protocol { get; set; }
    public string? SourceName { get; set; }
    public List<(string Name, string? Port)> Hosts { get; } = [];
    public string Target { get; set; } = "";
    public string Bus { get; set; } = "xen";
    public bool ReadOnly { get; set; }
    public bool Shareable { get; set; }
    public DriveAddress? Address { get; set; }
}

internal sealed record DriveAddress(int Controller, int Bus, int Target, int Unit);

internal sealed class Controller
{
    public required string Type { get; init; }
    public int Index { get; set; }
    public string? Model { get; set; }
    public int? Ports { get; set; }
    public ulong? MaxEventChannels { get; set; }
    public ulong? MaxGrantFrames { get; set; }
}

internal sealed class NetworkInterface
{
    /// <summary><c>bridge</c>, <c>ethernet</c> or <c>network</c>.</summary>
    public string Type { get; set; } = "ethernet";
    public string? Mac { get; set; }
    public string? Bridge { get; set; }
    public string? Network { get; set; }
    public List<string> IpAddresses { get; } = [];
    public List<uint> VlanTags { get; } = [];
    public bool VlanTrunk { get; set; }
    public bool OpenVSwitch { get; set; }
    public string? Script { get; set; }
    public string? Model { get; set; }
    public string? IfName { get; set; }
    public ulong? OutboundAverage { get; set; }
}

/// <summary>A serial, parallel, console or channel device and its source.</summary>
internal sealed class CharDevice
{
    /// <summary>The source type: <c>pty</c>, <c>dev</c>, <c>file</c>, <c>pipe</c>, <c>tcp</c>, <c>udp</c>, <c>unix</c>, <c>null</c>, <c>stdio</c>, <c>vc</c>.</summary>
    public string Type { get; set; } = "pty";
    public string? Path { get; set; }
    public string? Host { get; set; }
    public string? Service { get; set; }
    public bool Listen { get; set; }
    public bool Telnet { get; set; }
    public string? BindHost { get; set; }
    public string? BindService { get; set; }
    public int Port { get; set; }
    /// <summary>Console and channel target type (<c>xen</c>, <c>serial</c>).</summary>
    public string? TargetType { get; set; }
    public string? TargetName { get; set; }

    public CharDevice Copy() => (CharDevice)MemberwiseClone();
}

internal sealed record InputDevice(string Type, string? Bus);

internal sealed class Graphics
{
    /// <summary><c>vnc</c>, <c>sdl</c> or <c>spice</c>.</summary>
    public required string Type { get; init; }
    public int Port { get; set; }
    public int TlsPort { get; set; }
    public bool AutoPort { get; set; }
    public string? ListenAddress { get; set; }
    public bool HasListen { get; set; }
    public string? Password { get; set; }
    public string? Keymap { get; set; }
    public string? Display { get; set; }
    public string? XAuthority { get; set; }
    public string? MouseMode { get; set; }
    public bool? CopyPaste { get; set; }
}

internal sealed record Video(string Type, int VideoRamKiB, int Heads, bool Primary);

internal sealed class HostDevice
{
    /// <summary><c>pci</c> or <c>usb</c>.</summary>
    public required string Type { get; init; }
    public int Domain { get; set; }
    public int Bus { get; set; }
    public int Slot { get; set; }
    public int Function { get; set; }
    public int UsbDevice { get; set; }
    /// <summary>PCI <c>writeFiltering</c>: null when absent.</summary>
    public bool? WriteFiltering { get; set; }
    public bool Managed { get; set; }
}
