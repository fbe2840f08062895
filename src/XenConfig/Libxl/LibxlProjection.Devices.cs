using System.Globalization;
using XenConfig.Devices;
using XenConfig.Diagnostics;

namespace XenConfig.Libxl;

/// <summary>The device lists, CPU affinity, I/O resources and the HVM-only keys of <c>parse_config_data</c>.</summary>
internal sealed partial class LibxlProjection
{
    private void ParseAffinity(string key, bool hard)
    {
        var list = List(key, dontWarn: true);
        var text = list is null ? String(key) : null;
        if (list is null && text is null)
        {
            return;
        }

        var maxVcpus = BInfo.MaxVcpus;
        var maps = new List<IReadOnlyList<int>>();
        if (list is not null)
        {
            var count = Math.Min(list.Items.Count, Math.Max(maxVcpus, 0));
            foreach (var item in Strings(list).Take(count))
            {
                maps.Add(ParseCpuRange(key, item));
            }

            BInfo.NumaPlacement = false;
        }
        else
        {
            var map = ParseCpuRange(key, text!);
            for (var i = 0; i < maxVcpus; i++)
            {
                maps.Add(map);
            }

            if (!hard)
            {
                BInfo.NumaPlacement = false;
            }
        }

        if (hard)
        {
            BInfo.VcpuHardAffinity = maps;
        }
        else
        {
            BInfo.VcpuSoftAffinity = maps;
        }
    }

    /// <summary>xl's <c>parse_cpurange</c> (<see cref="CpuList"/>) over a bitmap as wide as the host's CPUs rounded up to a byte.</summary>
    private List<int> ParseCpuRange(string key, string text)
    {
        if (!CpuList.TryParse(text, out var list, out var error))
        {
            // xl names the offending range after its prefix ("^", "node:"), which is what the error span covers.
            var detail = error.Message.StartsWith("Invalid", StringComparison.Ordinal) ? $": {text.Substring(error.Offset, error.Length)}" : "";
            throw Reject(key, $"{error.Message}{detail}.");
        }

        var width = (host.Cpus + 7) / 8 * 8;
        return [.. list.ToCpuSet(width, node => host.CpusOfNode(node))];
    }

    private void ParsePci()
    {
        var msiTranslate = Long("pci_msitranslate") is { } msi && msi != 0;
        var powerManagement = Long("pci_power_mgmt") is { } pm && pm != 0;
        var permissive = Long("pci_permissive") is { } perm && perm != 0;
        var seize = Long("pci_seize") is { } sz && sz != 0;
        ParseRdm();

        if (List("pci") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            if (!PciSpec.TryParse(spec, out var pci, out _))
            {
                throw Reject("pci", $"unable to parse PCI_SPEC_STRING `{spec}' for passthrough");
            }

            _result.PciDevices.Add(new LibxlPci
            {
                Domain = pci.Domain,
                Bus = pci.Bus,
                Device = pci.Device,
                Function = pci.Function,
                FunctionMask = !pci.HasBdf ? 0 : pci.AllFunctions ? uint.MaxValue : 1,
                VirtualDevFn = pci.VirtualSlot is { } slot ? (uint)slot << 3 : 0,
                MsiTranslate = pci.MsiTranslate ?? msiTranslate,
                PowerManagement = pci.PowerManagement ?? powerManagement,
                Permissive = pci.Permissive ?? permissive,
                Seize = pci.Seize ?? seize,
                // The per-device policy follows the global one (rdm=): libxl's "invalid" for HVM unless rdm set it,
                // while a PV or PVH guest reads the zeroed union member, which is "strict".
                RdmPolicy = pci.RdmPolicy switch
                {
                    PciRdmPolicy.Strict => "strict",
                    PciRdmPolicy.Relaxed => "relaxed",
                    _ => CInfo.Type == LibxlDomainType.Hvm ? BInfo.Hvm?.RdmPolicy : "strict",
                },
                Name = pci.Name,
            });
        }

        if (_result.PciDevices.Count > 0 && CInfo.Type == LibxlDomainType.Pv)
        {
            BInfo.Pv!.E820Host = true;
        }
    }

    private void ParseIoPorts()
    {
        if (List("ioports") is not { } list)
        {
            return;
        }

        var ranges = new List<(uint, uint)>();
        foreach (var item in list.Items)
        {
            if (item.IsList)
            {
                throw Reject("ioports", $"xl: Unable to get element #{ranges.Count} in ioport list");
            }

            var text = item.Text!;
            var start = CNumbers.Strtoul(text, 0, 16, out var end);
            if (end == 0)
            {
                throw Reject("ioports", $"xl: Invalid argument parsing ioport: {text}");
            }

            if (start >= uint.MaxValue)
            {
                throw Reject("ioports", $"xl: ioport {start:x} too big");
            }

            var last = start;
            if (end < text.Length && text[end] == '-')
            {
                var from = end + 1;
                last = CNumbers.Strtoul(text, from, 16, out end);
                // xl compares start with end before it stores the second number, so a descending range passes
                // (and its size wraps).
                if (end == from || end != text.Length)
                {
                    throw Reject("ioports", $"xl: Invalid argument parsing ioport: {text}");
                }

                if (last >= uint.MaxValue)
                {
                    throw Reject("ioports", $"xl: ioport {last:x} too big");
                }
            }
            else if (end != text.Length)
            {
                Warn("ioports", $"xl: Invalid argument parsing ioport: {text}");
            }

            ranges.Add(((uint)start, unchecked((uint)(last - start + 1))));
        }

        BInfo.IoPorts = ranges;
    }

    private void ParseIrqs()
    {
        if (List("irqs") is not { } list)
        {
            return;
        }

        var irqs = new List<uint>();
        foreach (var item in list.Items)
        {
            if (item.IsList)
            {
                throw Reject("irqs", $"xl: Unable to get element {irqs.Count} in irq list");
            }

            var text = item.Text!;
            var irq = CNumbers.Strtoul(text, 0, 10, out var end);
            if (end == 0 || end != text.Length)
            {
                throw Reject("irqs", $"xl: Invalid argument parsing irq: {text}");
            }

            if (irq >= uint.MaxValue)
            {
                throw Reject("irqs", $"xl: irq {irq:x} too big");
            }

            irqs.Add((uint)irq);
        }

        BInfo.Irqs = irqs;
    }

    private void ParseIoMemory()
    {
        if (List("iomem") is not { } list)
        {
            return;
        }

        var ranges = new List<(ulong, ulong, ulong)>();
        foreach (var item in list.Items)
        {
            if (item.IsList)
            {
                throw Reject("iomem", $"xl: Unable to get element {ranges.Count} in iomem list");
            }

            var text = item.Text!;
            if (!TryParseIoMemory(text, out var range))
            {
                throw Reject("iomem", $"xl: Invalid argument parsing iomem: {text}");
            }

            ranges.Add(range);
        }

        BInfo.IoMemory = ranges;
    }

    /// <summary><c>sscanf("%lx,%lx%n@%lx%n")</c>: START,NUMBER[@GFN] in hexadecimal, nothing after.</summary>
    private static bool TryParseIoMemory(string text, out (ulong Start, ulong Number, ulong Gfn) range)
    {
        range = (0, 0, ulong.MaxValue);
        if (!ScanHex(text, 0, out var start, out var end) || end >= text.Length || text[end] != ',')
        {
            return false;
        }

        if (!ScanHex(text, end + 1, out var number, out end))
        {
            return false;
        }

        range = (start, number, ulong.MaxValue);
        if (end == text.Length)
        {
            return true;
        }

        if (text[end] != '@' || !ScanHex(text, end + 1, out var gfn, out var gfnEnd))
        {
            // "%n" recorded the position after NUMBER; anything there but a complete @GFN is junk.
            return false;
        }

        range = (start, number, gfn);
        return gfnEnd == text.Length;
    }

    /// <summary>scanf's <c>%x</c>: blanks, an optional sign and <c>0x</c>, then hex digits (at least one).</summary>
    private static bool ScanHex(string text, int start, out ulong value, out int end)
    {
        value = CNumbers.Strtoul(text, start, 16, out end);
        return end > start;
    }

    private void ParseDisks()
    {
        if (List("disk") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            if (!DiskSpec.TryParse(spec, out var disk, out var error))
            {
                throw Reject("disk", $"invalid disk spec '{spec}': {error.Message}", DiagnosticIds.InvalidDiskSpec);
            }

            _result.Disks.Add(new LibxlDisk
            {
                BackendDomain = disk.BackendDomain,
                PdevPath = disk.Target,
                Vdev = disk.Vdev,
                Backend = disk.BackendType?.ToXlName(),
                Format = disk.Format.ToXlName(),
                Script = disk.Script,
                Removable = disk.IsRemovable ? 1 : 0,
                ReadWrite = disk.IsReadOnly ? 0 : 1,
                IsCdrom = disk.IsCdrom ? 1 : 0,
                DirectIoSafe = disk.DirectIoSafe,
                DiscardEnable = disk.Discard,
                Specification = disk.Specification?.ToXlName(),
                ColoEnable = disk.Colo,
                ColoHost = disk.ColoHost,
                ColoPort = disk.ColoPort ?? 0,
                ColoExport = disk.ColoExport,
                ActiveDisk = disk.ActiveDisk,
                HiddenDisk = disk.HiddenDisk,
                Trusted = disk.Trusted,
            });
        }
    }

    private void ParseNics()
    {
        if (List("vif") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var nic = new LibxlNic { DevId = _result.Nics.Count };
            _result.Nics.Add(nic);

            // strtok writes a NUL after each piece; 'mac=' reads on through that buffer, so keep it.
            var buffer = spec.ToCharArray();
            foreach (var (start, length) in StrtokPieces(spec, ','))
            {
                if (start + length < buffer.Length)
                {
                    buffer[start + length] = '\0';
                }
            }

            foreach (var (start, length) in StrtokPieces(spec, ','))
            {
                var offset = start;
                while (offset < start + length && spec[offset] == ' ')
                {
                    offset++;
                }

                ParseNicToken(nic, spec[offset..(start + length)], buffer, offset);
            }
        }
    }

    /// <summary>C <c>strtok</c> with one delimiter: the (start, length) of each non-empty piece.</summary>
    private static List<(int Start, int Length)> StrtokPieces(string text, char delimiter)
    {
        var pieces = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == delimiter)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] != delimiter)
            {
                i++;
            }

            pieces.Add((start, i - start));
            i++;
        }

        return pieces;
    }

    private void ParseNicToken(LibxlNic nic, string token, char[] buffer, int offset)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? token : token[..equals];
        var value = equals < 0 ? null : token[(equals + 1)..];
        switch (name)
        {
            case "type" when value is not null:
                if (value is "vif" or "ioemu")
                {
                    nic.NicType = value == "vif" ? "vif" : "vif_ioemu";
                }
                else
                {
                    Warn("vif", $"Invalid parameter `type' in vif '{token}'; xl ignores it", DiagnosticIds.InvalidVifSpec);
                }

                break;
            case "mac" when value is not null:
                ParseMac(nic, buffer, offset + 4, token);
                break;
            case "bridge" when value is not null:
                nic.Bridge = value;
                break;
            case "netdev" when value is not null:
                Warn("vif", "the netdev parameter is deprecated, please use gatewaydev instead");
                nic.GatewayDevice = value;
                break;
            case "gatewaydev" when value is not null:
                nic.GatewayDevice = value;
                break;
            case "ip" when value is not null:
                nic.Ip = value;
                break;
            case "script" when value is not null:
                nic.Script = value;
                break;
            case "backend" when value is not null:
                nic.BackendDomain = value;
                break;
            case "vifname" when value is not null:
                nic.IfName = value;
                break;
            case "model" when value is not null:
                nic.Model = value;
                break;
            case "rate" when value is not null:
                if (!VifRate.TryParse(value, out var rate, out var error))
                {
                    throw Reject("vif", $"invalid rate '{value}': {error.Message}", DiagnosticIds.InvalidVifSpec);
                }

                nic.RateBytesPerInterval = rate.BytesPerInterval;
                nic.RateIntervalMicroseconds = rate.IntervalMicroseconds;
                break;
            case "forwarddev" when value is not null:
                nic.Colo["coloft_forwarddev"] = value;
                break;
            case "accel" when value is not null:
                Warn("vif", "the accel parameter for vifs is currently not supported");
                break;
            case "devid" when value is not null:
                nic.DevId = unchecked((int)ParseUlong("vif", value));
                break;
            case "mtu" when value is not null:
                nic.Mtu = unchecked((int)ParseUlong("vif", value));
                break;
            case "trusted" when value is null:
                nic.Trusted = true;
                break;
            case "untrusted" when value is null:
                nic.Trusted = false;
                break;
            default:
                if (value is not null && VifSpec.ColoKeys.Contains(name))
                {
                    nic.Colo[name] = value;
                }
                else
                {
                    Warn("vif", $"unrecognized argument `{token}' in vif; xl ignores it", DiagnosticIds.InvalidVifSpec);
                }

                break;
        }
    }

    private void ParseMac(LibxlNic nic, char[] buffer, int position, string token)
    {
        // Six strtoul(.., 16) fields, each ended by any one character; a bad field leaves the earlier octets set
        // and xl ignores the rest (the nic stays).
        var octets = ParseMacOctets(nic.Mac);
        var text = new string(buffer);
        for (var i = 0; i < 6; i++)
        {
            var end = position;
            var octet = position < text.Length ? unchecked((uint)CNumbers.Strtoul(text, position, 16, out end)) : 0;
            if (position >= text.Length || end == position || octet > 255)
            {
                Warn("vif", $"Invalid parameter `mac' in '{token}'; xl ignores the rest of it", DiagnosticIds.InvalidMac);
                break;
            }

            octets[i] = (byte)octet;
            position = end + 1;
        }

        nic.Mac = octets.All(o => o == 0) ? null : string.Join(":", octets.Select(o => o.ToString("x2", CultureInfo.InvariantCulture)));
    }

    private static byte[] ParseMacOctets(string? mac) =>
        mac is null ? new byte[6] : mac.Split(':').Select(o => byte.Parse(o, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>xl's <c>parse_ulong</c>: C strtoul in base 10, trailing text ignored; no digits or overflow is fatal.</summary>
    private ulong ParseUlong(string key, string text)
    {
        var value = CNumbers.Strtoul(text, 0, 10, out var end);
        if (end == 0 || value == ulong.MaxValue)
        {
            throw Reject(key, $"xl: failed to convert \"{text}\" to number");
        }

        return value;
    }

    private void ParseVfbs()
    {
        if (List("vfb") is not { } list)
        {
            return;
        }

        foreach (var spec in Strings(list))
        {
            var vfb = new LibxlVfb { DevId = _result.Vfbs.Count };
            _result.Vfbs.Add(vfb);
            _result.Vkbs.Add(new LibxlVkb { DevId = _result.Vkbs.Count });
            foreach (var piece in SplitTokens(spec, ","))
            {
                var token = piece.TrimStart(' ');
                var equals = token.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    break; // xl stops reading the item at the first piece without '='
                }

                var value = token[(equals + 1)..];
                switch (token[..equals])
                {
                    case "vnc": vfb.Vnc.Enable = CNumbers.Atoi(value) != 0; break;
                    case "vnclisten": vfb.Vnc.Listen = value; break;
                    case "vncpasswd": vfb.Vnc.Password = value; break;
                    case "vncdisplay": vfb.Vnc.Display = CNumbers.Atoi(value); break;
                    case "vncunused": vfb.Vnc.FindUnused = CNumbers.Atoi(value) != 0; break;
                    case "keymap": vfb.Keymap = value; break;
                    case "sdl": vfb.Sdl.Enable = CNumbers.Atoi(value) != 0; break;
                    case "opengl": vfb.Sdl.OpenGl = CNumbers.Atoi(value) != 0; break;
                    case "display": vfb.Sdl.Display = value; break;
                    case "xauthority": vfb.Sdl.XAuthority = value; break;
                }
            }
        }
    }
}
