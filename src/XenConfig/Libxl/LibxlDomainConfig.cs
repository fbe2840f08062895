using System.Text;
using System.Text.Json;
using XenConfig.Diagnostics;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Libxl;

/// <summary>
/// What xl builds from a domain config: libxl's <c>libxl_domain_config</c> as <c>parse_config_data</c> (Xen 4.17's
/// <c>tools/xl/xl_parse.c</c>) fills it, before libxl applies its own defaults. <see cref="ToJson"/> prints it exactly
/// as <c>xl -N create</c> does (same keys, same omission of defaults, same enum names and number forms).
/// </summary>
public sealed class LibxlDomainConfig
{
    /// <summary><c>c_info</c>.</summary>
    public LibxlCreateInfo CreateInfo { get; } = new();

    /// <summary><c>b_info</c>.</summary>
    public LibxlBuildInfo BuildInfo { get; } = new();

    /// <summary><c>disks</c>, from <c>disk</c>.</summary>
    public IList<LibxlDisk> Disks { get; } = [];

    /// <summary><c>nics</c>, from <c>vif</c>.</summary>
    public IList<LibxlNic> Nics { get; } = [];

    /// <summary><c>pcidevs</c>, from <c>pci</c>.</summary>
    public IList<LibxlPci> PciDevices { get; } = [];

    /// <summary><c>dtdevs</c>: device tree paths, from <c>dtdev</c>.</summary>
    public IList<string> DeviceTreeDevices { get; } = [];

    /// <summary><c>vfbs</c>, from <c>vfb</c> (or the top-level <c>vnc</c> keys of a PV guest).</summary>
    public IList<LibxlVfb> Vfbs { get; } = [];

    /// <summary><c>vkbs</c>: one per vfb.</summary>
    public IList<LibxlVkb> Vkbs { get; } = [];

    /// <summary><c>vtpms</c>, from <c>vtpm</c>.</summary>
    public IList<LibxlVtpm> Vtpms { get; } = [];

    /// <summary><c>p9s</c>, from <c>p9</c>.</summary>
    public IList<LibxlP9> P9s { get; } = [];

    /// <summary><c>pvcallsifs</c>, from <c>pvcalls</c>.</summary>
    public IList<LibxlPvCalls> PvCalls { get; } = [];

    /// <summary><c>vdispls</c>, from <c>vdispl</c>.</summary>
    public IList<LibxlVdispl> Vdispls { get; } = [];

    /// <summary><c>vsnds</c>, from <c>vsnd</c> (one per list of items).</summary>
    public IList<LibxlVsnd> Vsnds { get; } = [];

    /// <summary><c>channels</c>, from <c>channel</c>.</summary>
    public IList<LibxlChannel> Channels { get; } = [];

    /// <summary><c>usbctrls</c>, from <c>usbctrl</c>.</summary>
    public IList<LibxlUsbController> UsbControllers { get; } = [];

    /// <summary><c>usbdevs</c>, from <c>usbdev</c>.</summary>
    public IList<LibxlUsbDevice> UsbDevices { get; } = [];

    /// <summary><c>on_poweroff</c>.</summary>
    public LibxlShutdownAction OnPoweroff { get; set; } = LibxlShutdownAction.Destroy;

    /// <summary><c>on_reboot</c>.</summary>
    public LibxlShutdownAction OnReboot { get; set; } = LibxlShutdownAction.Restart;

    /// <summary><c>on_watchdog</c>.</summary>
    public LibxlShutdownAction OnWatchdog { get; set; } = LibxlShutdownAction.Destroy;

    /// <summary><c>on_crash</c>.</summary>
    public LibxlShutdownAction OnCrash { get; set; } = LibxlShutdownAction.Destroy;

    /// <summary><c>on_soft_reset</c>.</summary>
    public LibxlShutdownAction OnSoftReset { get; set; } = LibxlShutdownAction.SoftReset;

    /// <summary>
    /// Builds what xl builds from <paramref name="config"/> on <paramref name="host"/> (default
    /// <see cref="LibxlHost.Default"/>), with xl's verdict: <see cref="LibxlBuildResult.Config"/> is null exactly when
    /// xl would refuse the config, and <see cref="LibxlBuildResult.Diagnostics"/> holds xl's reasons (errors) and
    /// warnings at the keys' positions.
    /// </summary>
    public static LibxlBuildResult Build(DomainConfig config, LibxlHost? host = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new LibxlProjection(config, host ?? LibxlHost.Default).Run();
    }

    /// <summary>Writes the config as <c>xl -N create</c> prints it.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var json = new LibxlJsonWriter(writer);
        json.Object(root =>
        {
            root.Struct("c_info", CreateInfo.Write);
            root.Struct("b_info", BuildInfo.Write);
            root.Array("disks", Disks.ToList(), (j, disk) => j.Object(disk.Write));
            root.Array("nics", Nics.ToList(), (j, nic) => j.Object(nic.Write));
            root.Array("pcidevs", PciDevices.ToList(), (j, pci) => j.Object(pci.Write));
            root.Array("dtdevs", DeviceTreeDevices.ToList(), (j, path) => j.Object(o => o.String("path", path)));
            root.Array("vfbs", Vfbs.ToList(), (j, vfb) => j.Object(vfb.Write));
            root.Array("vkbs", Vkbs.ToList(), (j, vkb) => j.Object(vkb.Write));
            root.Array("vtpms", Vtpms.ToList(), (j, vtpm) => j.Object(vtpm.Write));
            root.Array("p9s", P9s.ToList(), (j, p9) => j.Object(p9.Write));
            root.Array("pvcallsifs", PvCalls.ToList(), (j, pvcalls) => j.Object(pvcalls.Write));
            root.Array("vdispls", Vdispls.ToList(), (j, vdispl) => j.Object(vdispl.Write));
            root.Array("vsnds", Vsnds.ToList(), (j, vsnd) => j.Object(vsnd.Write));
            root.Array("channels", Channels.ToList(), (j, channel) => j.Object(channel.Write));
            root.Array("usbctrls", UsbControllers.ToList(), (j, usbctrl) => j.Object(usbctrl.Write));
            root.Array("usbdevs", UsbDevices.ToList(), (j, usbdev) => j.Object(usbdev.Write));
            WriteAction(root, "on_poweroff", OnPoweroff);
            WriteAction(root, "on_reboot", OnReboot);
            WriteAction(root, "on_watchdog", OnWatchdog);
            WriteAction(root, "on_crash", OnCrash);
            WriteAction(root, "on_soft_reset", OnSoftReset);
        });
    }

    /// <summary>The config as <c>xl -N create</c> prints it (indented JSON).</summary>
    public string ToJson() => JsonText.Write(JsonText.ReadableIndented, WriteTo);

    /// <summary>libxl's name of an action (<c>restart_rename</c>, <c>coredump_destroy</c>, ...).</summary>
    public static string ActionName(LibxlShutdownAction action) => action switch
    {
        LibxlShutdownAction.Destroy => "destroy",
        LibxlShutdownAction.Restart => "restart",
        LibxlShutdownAction.RestartRename => "restart_rename",
        LibxlShutdownAction.Preserve => "preserve",
        LibxlShutdownAction.CoredumpDestroy => "coredump_destroy",
        LibxlShutdownAction.CoredumpRestart => "coredump_restart",
        _ => "soft_reset",
    };

    private static void WriteAction(LibxlJsonWriter json, string name, LibxlShutdownAction action)
    {
        // libxl's default for every action field is destroy, which it leaves out.
        if (action != LibxlShutdownAction.Destroy)
        {
            json.Inner.WriteString(name, ActionName(action));
        }
    }
}
