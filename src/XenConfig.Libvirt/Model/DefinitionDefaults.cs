namespace XenConfig.Libvirt.Model;

/// <summary>
/// The defaults libvirt fills in after parsing a definition from either side (<c>virDomainDefPostParse</c> with the
/// libxl driver's callbacks, <c>libxlDomainDefPostParse</c> and <c>libxlDomainDeviceDefPostParse</c>): the PV console,
/// the implicit input devices, video, memory balloon, xenbus and disk controllers, drive addresses and raw disk format.
/// </summary>
internal static class DefinitionDefaults
{
    /// <param name="def">The definition to complete.</param>
    /// <param name="fromNativeConfig">
    /// True for a definition read from a config: libvirt parses those with ABI updates allowed, so the NUMA cells'
    /// memory replaces the total; from XML they only fill in a missing total.
    /// </param>
    public static void Apply(DomainDefinition def, bool fromNativeConfig)
    {
        if (def.Cpu?.NumaCells.Count > 0 && (fromNativeConfig || def.MemoryKiB == 0))
        {
            def.MemoryKiB = def.Cpu.NumaCells.Aggregate(0UL, (sum, cell) => sum + cell.MemoryKiB);
        }

        if (!fromNativeConfig)
        {
            CompleteNumaDistances(def);
        }

        if (def.CurrentMemoryKiB > def.MemoryKiB || def.CurrentMemoryKiB == 0)
        {
            def.CurrentMemoryKiB = def.MemoryKiB;
        }

        if (def.Loader is { Path: not null, Type: null })
        {
            def.Loader.Type = "rom";
        }

        foreach (var disk in def.Disks)
        {
            disk.Format ??= "raw";
            if (disk.Type == "network")
            {
                disk.DriverName ??= "qemu";
            }
        }

        if (!def.IsHvm && def.Consoles.Count == 0)
        {
            def.Consoles.Add(new CharDevice { Type = "pty", TargetType = "xen", Port = 0 });
        }

        foreach (var console in def.Consoles.Where(c => c.TargetType is null && !def.IsHvm))
        {
            console.TargetType = "xen";
        }

        var inputBus = def.IsHvm ? "ps2" : "xen";
        foreach (var type in new[] { "mouse", "keyboard" })
        {
            if (!def.Inputs.Any(i => i.Type == type && i.Bus == inputBus))
            {
                def.Inputs.Add(new InputDevice(type, inputBus));
            }
        }

        if (def.IsHvm && def.Arch == "x86_64")
        {
            def.Pae = true;
            if (def.Cpu?.NumaCells.Count > 0)
            {
                def.Acpi = true;
            }
        }

        def.MemballoonModel ??= "xen";
        if (!def.Controllers.Any(c => c.Type == "xenbus"))
        {
            def.Controllers.Add(new Controller { Type = "xenbus", Index = 0 });
        }

        AddConsoleCompat(def);
        AssignDriveAddresses(def);
        if (def.Graphics.Count > 0 && def.Videos.Count == 0)
        {
            def.Videos.Add(def.OsType == GuestOsType.Hvm
                ? new Video("cirrus", 8 * 1024, 1, true)
                : new Video("xen", 4 * 1024, 1, true));
        }
    }

    // virDomainNumaDefNodeDistanceParseXML and virDomainNumaGetNodeDistance: a distance given one way holds both ways,
    // and a missing one is 10 to itself and 20 to the others.
    private static void CompleteNumaDistances(DomainDefinition def)
    {
        var cells = def.Cpu?.NumaCells ?? [];
        if (cells.Count == 0)
        {
            return;
        }

        var table = new uint[cells.Count, cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = 0; j < cells.Count && j < cells[i].Distances.Count; j++)
            {
                if (cells[i].Distances[j] == 0)
                {
                    continue;
                }

                table[i, j] = cells[i].Distances[j];
                if (table[j, i] == 0)
                {
                    table[j, i] = cells[i].Distances[j];
                }
            }
        }

        for (var i = 0; i < cells.Count; i++)
        {
            cells[i].Distances.Clear();
            for (var j = 0; j < cells.Count; j++)
            {
                cells[i].Distances.Add(table[i, j] != 0 ? table[i, j] : i == j ? 10u : 20u);
            }
        }
    }

    // virDomainDiskDefAssignAddress and virDomainDefAddDiskControllersForType.
    private static void AssignDriveAddresses(DomainDefinition def)
    {
        foreach (var disk in def.Disks)
        {
            if (disk.Address is not null)
            {
                continue;
            }

            var index = DiskNames.ToIndex(disk.Target);
            if (index < 0)
            {
                continue;
            }

            disk.Address = disk.Bus switch
            {
                "scsi" => new DriveAddress(index / 7, 0, 0, index % 7),
                "ide" => new DriveAddress(index / 4, (index % 4) / 2, 0, index % 2),
                "sata" => new DriveAddress(index / 6, 0, 0, index % 6),
                "fdc" => new DriveAddress(index / 2, 0, 0, index % 2),
                _ => null,
            };
        }

        foreach (var (bus, controllerType) in new[] { ("scsi", "scsi"), ("fdc", "fdc"), ("ide", "ide"), ("sata", "sata") })
        {
            var highest = def.Disks.Where(d => d.Bus == bus && d.Address is not null).Select(d => d.Address!.Controller).DefaultIfEmpty(-1).Max();
            for (var index = 0; index <= highest; index++)
            {
                if (!def.Controllers.Any(c => c.Type == controllerType && c.Index == index))
                {
                    def.Controllers.Add(new Controller { Type = controllerType, Index = index });
                }
            }
        }
    }

    // virDomainDefAddConsoleCompat: an HVM guest's first console is an alias of its first serial port.
    private static void AddConsoleCompat(DomainDefinition def)
    {
        if (!def.IsHvm)
        {
            return;
        }

        if (def.Consoles.Count > 0 && def.Consoles[0].TargetType is null or "serial")
        {
            var console = def.Consoles[0];
            if (def.Serials.Count == 0)
            {
                var serial = console.Copy();
                serial.TargetType = null;
                serial.Port = 0;
                def.Serials.Add(serial);
            }

            def.Consoles[0] = new CharDevice { TargetType = "serial" };
        }
        else if (def.Serials.Count > 0)
        {
            def.Consoles.Insert(0, new CharDevice { TargetType = "serial" });
        }
    }
}
