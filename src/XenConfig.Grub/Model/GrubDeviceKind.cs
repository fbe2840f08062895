namespace XenConfig.Grub.Model;

/// <summary>The kind of BIOS device a GRUB legacy device name designates.</summary>
public enum GrubDeviceKind
{
    /// <summary>A floppy: <c>(fd0)</c>, or a raw BIOS number below 0x80.</summary>
    Floppy = 0,

    /// <summary>A hard disk: <c>(hd0)</c>, <c>(hd0,0)</c>, or a raw BIOS number from 0x80.</summary>
    HardDisk = 1,

    /// <summary>The network device of netboot builds: <c>(nd)</c>.</summary>
    Network = 2,

    /// <summary>An El Torito CD: <c>(cd)</c>.</summary>
    CdRom = 3,
}
