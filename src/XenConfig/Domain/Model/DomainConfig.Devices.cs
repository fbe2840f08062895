using XenConfig.Devices;
using XenConfig.Libxl;

namespace XenConfig.Domain.Model;

/// <summary>Device keys of xl.cfg(5): the device lists xl reads and their defaults.</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>virtio</c>: virtio devices. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public IReadOnlyList<string>? VirtioSpecs { get => GetStringList("virtio"); set => SetStringList("virtio", value); }

    /// <summary><c>dtdev</c>: Arm device tree devices. Unset: xl leaves it to libxl. Fills <c>dtdevs[].path</c>.</summary>
    public IReadOnlyList<string>? DeviceTreeDevices { get => GetStringList("dtdev"); set => SetStringList("dtdev", value); }

    /// <summary><c>vif2</c>: obsolete; xl only warns. Unset: xl leaves it to libxl. xl only warns about it; it fills nothing.</summary>
    public IReadOnlyList<string>? Vif2Specs { get => GetStringList("vif2"); set => SetStringList("vif2", value); }

    /// <summary><c>pci_permissive</c>: default for every pci item. Unset: xl's default, <c>0</c>. Fills <c>pcidevs[].permissive</c>.</summary>
    public bool? PciPermissive { get => GetBoolean("pci_permissive"); set => SetBoolean("pci_permissive", value); }

    /// <summary><c>pci_msitranslate</c>: default for every pci item. Unset: xl's default, <c>1</c>. Fills <c>pcidevs[].msitranslate</c>.</summary>
    public bool? PciMsiTranslate { get => GetBoolean("pci_msitranslate"); set => SetBoolean("pci_msitranslate", value); }

    /// <summary><c>pci_seize</c>: default for every pci item. Unset: xl's default, <c>0</c>. Fills <c>pcidevs[].seize</c>.</summary>
    public bool? PciSeize { get => GetBoolean("pci_seize"); set => SetBoolean("pci_seize", value); }

    /// <summary><c>pci_power_mgmt</c>: default for every pci item. Unset: xl's default, <c>0</c>. Fills <c>pcidevs[].power_mgmt</c>.</summary>
    public bool? PciPowerManagement { get => GetBoolean("pci_power_mgmt"); set => SetBoolean("pci_power_mgmt", value); }

    /// <summary><c>rdm</c>: reserved device memory policy. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.rdm</c>. As written; <see cref="EffectiveRdmStrategy"/> is what xl makes of it.</summary>
    public string? Rdm { get => GetString("rdm"); set => SetString("rdm", value); }

    /// <summary><c>rdm_mem_boundary</c>: reserved device memory boundary, MiB. Unset: xl leaves it to libxl. Fills <c>b_info.type.hvm.rdm_mem_boundary_memkb</c>.</summary>
    public long? RdmMemoryBoundary { get => GetNumber("rdm_mem_boundary"); set => SetNumber("rdm_mem_boundary", value); }

    /// <summary><c>e820_host</c>: use the host e820 map (PV). Unset: xl's default, <c>0</c>. Fills <c>b_info.type.pv.e820_host</c>.</summary>
    public bool? E820Host { get => GetBoolean("e820_host"); set => SetBoolean("e820_host", value); }

    /// <summary>
    /// The items of <c>channel</c>, each parsed as xl's <c>parse_channel_config</c> reads it (name=, connection=pty or
    /// socket, path=, backend=). Empty when unset. Fills <c>channels</c>.
    /// </summary>
    public IReadOnlyList<DeviceItem<ChannelSpec>> ChannelItems => Items<ChannelSpec>("channel", spec => ChannelSpec.TryParse(spec, out var channel, out var error) ? (channel, null) : (null, error));

    /// <summary>The items of <c>vtpm</c>, parsed as xl reads them (backend= required, uuid=). Empty when unset. Fills <c>vtpms</c>.</summary>
    public IReadOnlyList<DeviceItem<VtpmSpec>> VtpmItems => Items<VtpmSpec>("vtpm", spec => VtpmSpec.TryParse(spec, out var vtpm, out var error) ? (vtpm, null) : (null, error));

    /// <summary>The items of <c>usbctrl</c>, parsed as xl reads them (type=, version=, ports=). Empty when unset. Fills <c>usbctrls</c>.</summary>
    public IReadOnlyList<DeviceItem<UsbCtrlSpec>> UsbCtrlItems => Items<UsbCtrlSpec>("usbctrl", spec => UsbCtrlSpec.TryParse(spec, out var usbctrl, out var error) ? (usbctrl, null) : (null, error));

    /// <summary>The items of <c>usbdev</c>, parsed as xl reads them (type=hostdev, hostbus=, hostaddr=, controller=, port=). Empty when unset. Fills <c>usbdevs</c>.</summary>
    public IReadOnlyList<DeviceItem<UsbDevSpec>> UsbDevItems => Items<UsbDevSpec>("usbdev", spec => UsbDevSpec.TryParse(spec, out var usbdev, out var error) ? (usbdev, null) : (null, error));

    /// <summary>
    /// <c>vkb</c> as xl builds it (<c>vkbs</c>, read by the same step as <see cref="ToLibxl"/>: backend-type= required,
    /// feature and size options, multi-touch implied by its sizes); empty when unset, null when xl refuses an item.
    /// Device ids count from 0 here; in <see cref="ToLibxl"/> the vkbs xl adds for <c>vfb</c> and a PV console come
    /// first, so these are the tail of its <c>vkbs</c>.
    /// </summary>
    public IReadOnlyList<LibxlVkb>? VkbDevices => LibxlProjection.ReadVkbs(this);

    /// <summary>
    /// <c>p9</c> as xl builds it (<c>p9s</c>; tag=, path=, security_model= required, a later item reuses the values of
    /// the one before); empty when unset, null when xl refuses an item.
    /// </summary>
    public IReadOnlyList<LibxlP9>? P9Devices => LibxlProjection.ReadP9s(this);

    /// <summary><c>pvcalls</c> as xl builds it (<c>pvcallsifs</c>; backend=); empty when unset, null when xl refuses an item.</summary>
    public IReadOnlyList<LibxlPvCalls>? PvCallsDevices => LibxlProjection.ReadPvCalls(this);

    /// <summary>
    /// <c>vdispl</c> as xl builds it (<c>vdispls</c>; backend=, be-alloc=, connectors=ID:WxH;...); empty when unset,
    /// null when xl refuses an item.
    /// </summary>
    public IReadOnlyList<LibxlVdispl>? VdisplDevices => LibxlProjection.ReadVdispls(this);

    /// <summary>
    /// <c>vsnd</c> (a list of lists: card, then pcm and stream items) as xl builds it (<c>vsnds</c>); empty when unset,
    /// null when xl refuses a card.
    /// </summary>
    public IReadOnlyList<LibxlVsnd>? VsndDevices => LibxlProjection.ReadVsnds(this);

    /// <summary>
    /// <c>ioports</c> as xl reads them (hex FIRST[-LAST], <c>b_info.ioports</c>): each range's first port and count;
    /// empty when unset, null when xl refuses an item. The strings are <see cref="IoPortSpecs"/>.
    /// </summary>
    public IReadOnlyList<(uint First, uint Number)>? IoPorts => LibxlProjection.ReadIoPorts(this);

    /// <summary>
    /// <c>iomem</c> as xl reads it (hex START,NUMBER[@GFN], <c>b_info.iomem</c>); empty when unset, null when xl
    /// refuses an item. The strings are <see cref="IoMemorySpecs"/>.
    /// </summary>
    public IReadOnlyList<(ulong Start, ulong Number, ulong Gfn)>? IoMemory => LibxlProjection.ReadIoMemory(this);

    /// <summary>
    /// <c>irqs</c> as xl reads them (decimal, <c>b_info.irqs</c>); empty when unset, null when xl refuses an item. The
    /// strings are <see cref="IrqSpecs"/>.
    /// </summary>
    public IReadOnlyList<uint>? Irqs => LibxlProjection.ReadIrqs(this);

    /// <summary>
    /// The strategy xl takes from <c>rdm</c> (libxl's name: <c>host</c>, or null for none): libxlutil's
    /// <c>xlu_rdm_parse</c>, read by the same step as <see cref="ToLibxl"/>; only meaningful for HVM guests.
    /// </summary>
    public string? EffectiveRdmStrategy => LibxlProjection.ReadRdm(this)?.Strategy;

    /// <summary>The policy xl takes from <c>rdm</c> (libxl's name), as <see cref="EffectiveRdmStrategy"/>.</summary>
    public string? EffectiveRdmPolicy => LibxlProjection.ReadRdm(this)?.Policy;

    /// <summary>The <c>pci</c> spec strings, as xl iterates them; setting writes the list (null removes the key).</summary>
    public IReadOnlyList<string>? PciSpecs { get => GetStringList("pci"); set => SetStringList("pci", value); }

    /// <summary>The <c>vfb</c> spec strings; setting writes the list (null removes the key).</summary>
    public IReadOnlyList<string>? VfbSpecs { get => GetStringList("vfb"); set => SetStringList("vfb", value); }

    /// <summary>The <c>vkb</c> spec strings (<see cref="VkbDevices"/> is what xl makes of them).</summary>
    public IReadOnlyList<string>? VkbSpecs { get => GetStringList("vkb"); set => SetStringList("vkb", value); }

    /// <summary>The <c>channel</c> spec strings (<see cref="ChannelItems"/> parses them).</summary>
    public IReadOnlyList<string>? ChannelSpecs { get => GetStringList("channel"); set => SetStringList("channel", value); }

    /// <summary>The <c>vtpm</c> spec strings (<see cref="VtpmItems"/> parses them).</summary>
    public IReadOnlyList<string>? VtpmSpecs { get => GetStringList("vtpm"); set => SetStringList("vtpm", value); }

    /// <summary>The <c>usbctrl</c> spec strings (<see cref="UsbCtrlItems"/> parses them).</summary>
    public IReadOnlyList<string>? UsbCtrlSpecs { get => GetStringList("usbctrl"); set => SetStringList("usbctrl", value); }

    /// <summary>The <c>usbdev</c> spec strings (<see cref="UsbDevItems"/> parses them).</summary>
    public IReadOnlyList<string>? UsbDevSpecs { get => GetStringList("usbdev"); set => SetStringList("usbdev", value); }

    /// <summary>The <c>p9</c> spec strings (<see cref="P9Devices"/> is what xl makes of them).</summary>
    public IReadOnlyList<string>? P9Specs { get => GetStringList("p9"); set => SetStringList("p9", value); }

    /// <summary>The <c>pvcalls</c> spec strings (<see cref="PvCallsDevices"/> is what xl makes of them).</summary>
    public IReadOnlyList<string>? PvCallsSpecs { get => GetStringList("pvcalls"); set => SetStringList("pvcalls", value); }

    /// <summary>The <c>vdispl</c> spec strings (<see cref="VdisplDevices"/> is what xl makes of them).</summary>
    public IReadOnlyList<string>? VdisplSpecs { get => GetStringList("vdispl"); set => SetStringList("vdispl", value); }

    /// <summary>The <c>ioports</c> strings (<see cref="IoPorts"/> is what xl makes of them).</summary>
    public IReadOnlyList<string>? IoPortSpecs { get => GetStringList("ioports"); set => SetStringList("ioports", value); }

    /// <summary>The <c>iomem</c> strings (<see cref="IoMemory"/> is what xl makes of them).</summary>
    public IReadOnlyList<string>? IoMemorySpecs { get => GetStringList("iomem"); set => SetStringList("iomem", value); }

    /// <summary>The <c>irqs</c> items as text (<see cref="Irqs"/> is what xl makes of them).</summary>
    public IReadOnlyList<string>? IrqSpecs { get => GetStringList("irqs"); set => SetStringList("irqs", value); }

    /// <summary>
    /// Writes list <paramref name="key"/> (null removes it). A value equal to what the getter reads
    /// (<paramref name="current"/>, default the strings of the list) changes nothing, so a legacy string form stays.
    /// </summary>
    private void SetStringList(string key, IReadOnlyList<string>? value, IReadOnlyList<string>? current = null)
    {
        if (value is null)
        {
            Document.Remove(key);
            return;
        }

        if ((current ?? GetStringList(key)) is { } existing && existing.SequenceEqual(value, StringComparer.Ordinal))
        {
            return;
        }

        Document.Set(key, SettingValue.List(value.ToArray()));
    }
}
