using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Xm;

/// <summary>
/// Turns an evaluated xm config into an equivalent static xl.cfg, applying the xm/xl differences of
/// <c>spec/xen-domain.md</c> §2.3: <c>builder</c> becomes <c>type</c>, HVM <c>hvmloader</c> and <c>device_model</c>
/// are dropped, <c>cpu_cap</c> becomes <c>cap</c>, the xm kernel command line keys are folded into <c>root</c> and
/// <c>extra</c>, <c>restart</c> becomes the <c>on_*</c> actions, xm defaults that differ from xl's are written out,
/// <c>w!</c> disks become <c>w</c>, and xm-only keys are dropped but kept as comments. Each decision is a diagnostic.
/// </summary>
public static class XmToXlConverter
{
    private const string DummyNfsServer = "127.0.255.255";

    private static readonly HashSet<string> XlKeys =
    [
        "name", "type", "uuid", "pool", "seclabel", "init_seclabel", "nomigrate", "driver_domain", "max_grant_frames",
        "max_maptrack_frames", "max_event_channels", "passthrough", "memory", "maxmem", "vcpus", "maxvcpus", "cpus",
        "cpus_soft", "cpu_weight", "cap", "vnuma", "shadow_memory", "kernel", "ramdisk", "root", "extra", "cmdline",
        "bootloader", "bootloader_args", "firmware", "device_model_args", "device_model_args_pv", "device_model_args_hvm",
        "device_model_override", "device_model_version", "device_model_stubdomain_override", "on_poweroff", "on_reboot",
        "on_crash", "on_watchdog", "on_soft_reset", "disk", "vif", "vfb", "vkb", "pci", "channel", "vtpm", "usbctrl",
        "usbdev", "p9", "ioports", "iomem", "irqs", "dtdev", "pci_permissive", "pci_msitranslate", "pci_seize",
        "pci_power_mgmt", "e820_host", "localtime", "rtc_timeoffset", "acpi", "acpi_s3", "acpi_s4", "apic", "pae", "hap",
        "oos", "viridian", "timer_mode", "hpet", "vpt_align", "nestedhvm", "cpuid", "tsc_mode", "xen_platform_pci",
        "gfx_passthru", "hdtype", "bios", "boot", "nographic", "sdl", "opengl", "display", "xauthority", "vnc",
        "vncdisplay", "vncunused", "vnclisten", "vncpasswd", "keymap", "stdvga", "vga", "videoram", "serial", "soundhw",
        "usb", "usbdevice", "usbversion", "spice", "spicehost", "spiceport", "spicetls_port", "spicedisable_ticketing",
        "spicepasswd", "spiceagent_mouse", "spicevdagent", "spice_clipboard_sharing", "spiceusbredirection",
    ];

    // xm options with no xl equivalent (spec §2.3 and xend's create.py).
    private static readonly HashSet<string> XmOnlyKeys =
    [
        "vcpu_avail", "bootargs", "bootentry", "vscsi", "vusb", "on_xend_start", "on_xend_stop", "nics", "description",
        "guest_os_type", "isa", "fda", "fdb", "monitor", "memory_sharing", "s3_integrity", "vhpt", "superpages",
        "machine_address_size", "cpuid_check", "access_control", "target", "loader", "features", "blkif", "netif", "tpmif",
        "cpu", "vncviewer", "vncconsole", "parallel", "memmap", "irq", "security", "console_autoconnect",
        "suppress_spurious_page_faults", "monitor_path", "pci_passthrough_strict_check",
    ];

    private static readonly string[] IpKeys = ["ip", "nfs_server", "gateway", "netmask", "hostname", "interface", "dhcp"];

    private static readonly string[] IpOnlyKeys = ["netmask", "gateway", "hostname", "interface"];

    private static readonly string[] ActionKeys = ["on_poweroff", "on_reboot", "on_crash"];

    /// <summary>Converts <paramref name="evaluation"/>. Never throws for any evaluation.</summary>
    public static XmConversion Convert(XmEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new Conversion(evaluation).Run();
    }

    private sealed class Conversion(XmEvaluation evaluation)
    {
        private readonly XmConversionDiagnostics _diagnostics = new(evaluation);
        private readonly List<(string Key, SettingValue Value, string Origin)> _output = [];
        private readonly List<string> _comments = [];
        private IReadOnlyDictionary<string, SettingValue> Settings => evaluation.Settings;

        private SourceLocation Where(string name) => evaluation.GetLocation(name) ?? SourceLocation.None(evaluation.SourceText.Path);

        private void Report(DiagnosticDescriptor descriptor, string name, string message, DiagnosticSeverity? severity = null) =>
            _diagnostics.Add(severity is { } s ? descriptor.Create(Where(name), message, s) : descriptor.Create(Where(name), message));

        private string? Atom(string name) => Settings.TryGetValue(name, out var value) && !value.IsList ? value.Text : null;

        public XmConversion Run()
        {
            if (evaluation.HasErrors)
            {
                _diagnostics.Add(DiagnosticIds.XmConvertIncomplete.Create(SourceLocation.None(evaluation.SourceText.Path),
                    "the xm config did not evaluate cleanly (see the errors above); only the values assigned before the failure were converted"));
            }

            var builder = Atom("builder");
            var isHvm = builder is "hvm" or "vmx";
            var commandLineDone = false;
            var typeDone = false;
            var setting = -1;
            foreach (var (key, value) in Settings)
            {
                setting++;
                switch (key)
                {
                    case "builder":
                        AddType(builder, value);
                        typeDone = true;
                        break;
                    case "kernel" when isHvm && value.Text is { } kernel:
                        // xend's HVM image used kernel only as the firmware loader (hvmloader, vmxloader, Flash.fd);
                        // for xl an HVM kernel means direct kernel boot, so it must not be carried over.
                        if (kernel.Split('/')[^1] == "hvmloader")
                        {
                            Report(DiagnosticIds.XmConvertHvmloaderDropped, key, $"kernel = '{kernel}' was dropped: xl loads hvmloader itself for HVM guests and ignores this key");
                        }
                        else
                        {
                            Report(DiagnosticIds.XmConvertHvmloaderDropped, key,
                                $"kernel = '{kernel}' was dropped: xm used an HVM kernel as the firmware loader, xl would boot it as a kernel (see firmware)",
                                DiagnosticSeverity.Warning);
                            _comments.Add($"# kernel = {Render(value)}");
                        }

                        break;
                    case "device_model":
                        Report(DiagnosticIds.XmConvertDeviceModelDropped, key, $"device_model = {value} was dropped: xl ignores it; set device_model_override and device_model_version if a custom qemu is needed");
                        _comments.Add($"# device_model = {Render(value)}");
                        break;
                    case "cpu_cap":
                        Report(DiagnosticIds.XmConvertRenamedKey, key, "cpu_cap was renamed to cap, its xl name");
                        _output.Add(("cap", value, key));
                        break;
                    case "bootargs" when !Settings.ContainsKey("bootloader_args") && !value.IsList:
                        // xm passed bootargs to the bootloader (xend's create.py: bootloader_args); xl's key is a list of words.
                        Report(DiagnosticIds.XmConvertRenamedKey, key, "bootargs was renamed to bootloader_args, its xl name");
                        _output.Add(("bootloader_args", value.Text!.IndexOfAny(['"', '\'', '\\']) < 0
                            ? SettingValue.List(value.Text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                            : value, key));
                        break;
                    case "restart":
                        break;
                    case "vcpu_avail" when Settings.ContainsKey("vcpus") && !Settings.ContainsKey("maxvcpus") && value.TryGetNumber(out _) && Settings["vcpus"].TryGetNumber(out _):
                        break;
                    case "disk":
                        _output.Add((key, ConvertDisks(value), key));
                        break;
                    case "vif" when !isHvm && value.IsList:
                        _output.Add((key, ConvertPvVifs(value), key));
                        break;
                    case "type" when builder is not null:
                        break;
                    case "ip" or "netmask" or "gateway" or "hostname" or "interface" or "dhcp" or "nfs_server" or "nfs_root" or "root" or "extra":
                        if (!commandLineDone)
                        {
                            AddCommandLine();
                            commandLineDone = true;
                        }

                        break;
                    default:
                        if (XmOnlyKeys.Contains(key))
                        {
                            Report(DiagnosticIds.XmConvertDroppedKey, key, $"{key} is an xm-only key that xl ignores; it was dropped and kept as a comment");
                            _comments.Add($"# {key} = {Render(value)}");
                        }
                        else if (XlKeys.Contains(key))
                        {
                            _output.Add((key, value, key));
                        }
                        else
                        {
                            // One per helper variable, 160,000 in a 10 MB script: kept as the setting's number until read.
                            _diagnostics.AddDroppedVariable(setting);
                        }

                        break;
                }
            }

            if (!typeDone)
            {
                _output.Insert(_output.FindIndex(o => o.Key == "name") + 1, ("type", SettingValue.String("pv"), "builder"));
                Report(DiagnosticIds.XmConvertDefaultMadeExplicit, "builder", "no builder: xm's default builder 'linux' was written as type = \"pv\"");
            }

            AddOnlineVcpus();
            AddRestartAndDefaults();
            return Write();
        }

        // xm: vcpus is the number of vCPUs and vcpu_avail the bitmap of those online at boot; xl: maxvcpus and vcpus.
        private void AddOnlineVcpus()
        {
            if (!Settings.TryGetValue("vcpu_avail", out var avail) || !avail.TryGetNumber(out var bitmap) || Settings.ContainsKey("maxvcpus") ||
                !Settings.TryGetValue("vcpus", out var vcpusValue) || !vcpusValue.TryGetNumber(out var vcpus))
            {
                return;
            }

            var online = System.Numerics.BitOperations.PopCount((ulong)bitmap & (vcpus >= 64 ? ulong.MaxValue : (1UL << (int)Math.Max(0, vcpus)) - 1));
            var index = _output.FindIndex(o => o.Key == "vcpus");
            _output[index] = ("vcpus", SettingValue.Number(online), "vcpu_avail");
            _output.Insert(index, ("maxvcpus", vcpusValue, "vcpus"));
            var contiguous = bitmap > 0 && (bitmap & (bitmap + 1)) == 0;
            Report(DiagnosticIds.XmConvertRenamedKey, "vcpu_avail",
                $"vcpus = {vcpus} with vcpu_avail = {bitmap} (the bitmap of vCPUs online at boot) became maxvcpus = {vcpus}, vcpus = {online}" +
                (contiguous ? "" : "; xl brings up the first vCPUs, not the ones the bitmap names"),
                contiguous ? null : DiagnosticSeverity.Warning);
        }

        private void AddType(string? builder, SettingValue value)
        {
            switch (builder)
            {
                case "linux":
                    _output.Add(("type", SettingValue.String("pv"), "builder"));
                    Report(DiagnosticIds.XmConvertBuilder, "builder", "builder = 'linux' became type = \"pv\" (xl rejects builder = 'linux')");
                    break;
                case "hvm":
                    _output.Add(("type", SettingValue.String("hvm"), "builder"));
                    Report(DiagnosticIds.XmConvertBuilder, "builder", "builder = 'hvm' became type = \"hvm\"");
                    break;
                case "netbsd":
                    _output.Add(("type", SettingValue.String("pv"), "builder"));
                    Report(DiagnosticIds.XmConvertBuilder, "builder", "builder = 'netbsd' (Xen 2's builder for NetBSD kernels) became type = \"pv\"");
                    break;
                case "vmx":
                    _output.Add(("type", SettingValue.String("hvm"), "builder"));
                    Report(DiagnosticIds.XmConvertBuilder, "builder", "builder = 'vmx' (the Xen 3.0 name of the HVM builder) became type = \"hvm\"");
                    break;
                default:
                    Report(DiagnosticIds.XmConvertUnknownBuilder, "builder", $"builder = {value} has no xl guest type (xm knew linux, netbsd, vmx and hvm); no type was written");
                    break;
            }
        }

        private SettingValue ConvertDisks(SettingValue disks)
        {
            if (!disks.IsList)
            {
                return disks;
            }

            var items = new List<SettingValue>();
            foreach (var item in disks.Items)
            {
                if (item.Text is not { } spec || spec.Split(',') is not { Length: >= 3 } fields || fields.Any(f => f.Contains('=', StringComparison.Ordinal)))
                {
                    items.Add(item);
                    continue;
                }

                // xm: UNAME,DEV,MODE[,BACKEND[,PROTOCOL]]; xl: TARGET,VDEV,ACCESS and named parameters.
                if (fields.Length == 3 && fields[2].Trim() != "w!")
                {
                    items.Add(item); // nothing to change: the spec is its own xl text (not a copy of each of 60,000 disks)
                    continue;
                }

                var converted = fields.ToList();
                if (converted[2].Trim() == "w!")
                {
                    converted[2] = converted[2].Replace("w!", "w", StringComparison.Ordinal);
                    Report(DiagnosticIds.XmConvertSharedWritableDisk, "disk",
                        $"disk '{spec}' uses w! (write even if another domain has it); xl has no such access mode, it became 'w' and xl refuses to attach a disk another domain writes");
                }

                if (converted.Count >= 5)
                {
                    Report(DiagnosticIds.XmConvertDiskSpec, "disk", $"disk '{spec}': the protocol field '{converted[4].Trim()}' has no xl equivalent and was dropped", DiagnosticSeverity.Warning);
                    converted.RemoveRange(4, converted.Count - 4);
                }

                if (converted.Count == 4)
                {
                    if (converted[3].Trim().Length == 0)
                    {
                        converted.RemoveAt(3);
                    }
                    else
                    {
                        converted[3] = "backend=" + converted[3].Trim();
                        Report(DiagnosticIds.XmConvertDiskSpec, "disk", $"disk '{spec}': the backend field became {converted[3]}");
                    }
                }

                items.Add(SettingValue.String(string.Join(',', converted)));
            }

            return SettingValue.List(items);
        }

        private SettingValue ConvertPvVifs(SettingValue vifs)
        {
            var items = new List<SettingValue>();
            foreach (var item in vifs.Items)
            {
                if (item.Text is { } spec && spec.Split(',').Select(p => p.Trim()).ToList() is var parts && parts.Contains("type=ioemu"))
                {
                    var converted = string.Join(", ", parts.Where(p => p != "type=ioemu"));
                    Report(DiagnosticIds.XmConvertVifSpec, "vif", $"vif '{spec}': type=ioemu was removed; libxl refuses it for a PV guest");
                    items.Add(SettingValue.String(converted));
                }
                else
                {
                    items.Add(item);
                }
            }

            return SettingValue.List(items);
        }

        private void AddCommandLine()
        {
            // xend: preprocess_ip, preprocess_nfs, configure_image and XendConfig's kernel_args assembly.
            string Text(string name, string fallback) => Atom(name) ?? fallback;
            var ip = Text("ip", "");
            var dhcp = Text("dhcp", "off");
            var nfsServer = Atom("nfs_server");
            var nfsRoot = Atom("nfs_root");
            var extra = Text("extra", "");
            var root = Atom("root");
            var folded = new List<string>();
            var ipArg = "";
            if (ip.Length > 0 || dhcp != "off")
            {
                ipArg = string.Join(':', ip, nfsServer ?? DummyNfsServer, Text("gateway", ""), Text("netmask", ""), Text("hostname", ""), Text("interface", "eth0"), dhcp);
                ipArg = ipArg.StartsWith("ip=", StringComparison.Ordinal) ? ipArg[3..] : ipArg;
                folded.AddRange(IpKeys.Where(Settings.ContainsKey));
            }
            else
            {
                foreach (var ignored in IpOnlyKeys.Where(Settings.ContainsKey))
                {
                    Report(DiagnosticIds.XmConvertKernelCommandLine, ignored, $"{ignored} has no effect without ip or dhcp (xm ignored it too); it was dropped");
                }
            }

            if (nfsRoot is not null)
            {
                if (nfsServer is null)
                {
                    Report(DiagnosticIds.XmConvertKernelCommandLine, "nfs_root", "nfs_root is set without nfs_server; xm refused such a config ('Must set nfs root and nfs server')", DiagnosticSeverity.Error);
                }
                else
                {
                    extra = $"nfsroot={nfsServer}:{nfsRoot} {extra}";
                    folded.Add("nfs_root");
                    if (!folded.Contains("nfs_server"))
                    {
                        folded.Add("nfs_server");
                    }
                }
            }

            if (root is not null && root.StartsWith("root=", StringComparison.Ordinal))
            {
                root = root[5..];
                Report(DiagnosticIds.XmConvertKernelCommandLine, "root", "xm stripped a leading 'root=' from root; xl adds it, so it was removed");
            }

            if (ipArg.Length > 0)
            {
                // xend put ip= before root=; xl writes root= first, so both go into extra to keep xm's order.
                extra = $"ip={ipArg} " + (string.IsNullOrEmpty(root) ? "" : $"root={root} ") + extra;
                if (!string.IsNullOrEmpty(root))
                {
                    folded.Add("root");
                }

                root = null;
            }

            if (folded.Count > 0)
            {
                Report(DiagnosticIds.XmConvertKernelCommandLine, folded[0],
                    $"xm folded {string.Join(", ", folded)} into the kernel command line; they were written as extra = \"{extra}\"");
            }

            if (!string.IsNullOrEmpty(root))
            {
                _output.Add(("root", SettingValue.String(root), "root"));
            }

            if (extra.Length > 0)
            {
                _output.Add(("extra", SettingValue.String(extra), "extra"));
            }
        }

        private void AddRestartAndDefaults()
        {
            var explicitActions = new HashSet<string>(ActionKeys.Where(Settings.ContainsKey), StringComparer.Ordinal);
            if (Atom("restart") is { } restart)
            {
                (string, string, string)? actions = restart switch
                {
                    "onreboot" => ("destroy", "restart", "destroy"),
                    "always" => ("restart", "restart", "restart"),
                    "never" => ("destroy", "destroy", "destroy"),
                    _ => null,
                };
                if (actions is var (poweroff, reboot, crash))
                {
                    foreach (var (key, action) in new[] { ("on_poweroff", poweroff), ("on_reboot", reboot), ("on_crash", crash) })
                    {
                        if (explicitActions.Add(key))
                        {
                            _output.Add((key, SettingValue.String(action), "restart"));
                        }
                    }

                    Report(DiagnosticIds.XmConvertRestart, "restart", $"restart = '{restart}' became on_poweroff = \"{poweroff}\", on_reboot = \"{reboot}\", on_crash = \"{crash}\" (where not set explicitly)");
                }
                else
                {
                    Report(DiagnosticIds.XmConvertRestart, "restart", $"restart = '{restart}' is not one of onreboot, always, never; xm refused it", DiagnosticSeverity.Error);
                }
            }

            if (!Settings.ContainsKey("memory"))
            {
                _output.Add(("memory", SettingValue.Number(128), "memory"));
                Report(DiagnosticIds.XmConvertDefaultMadeExplicit, "memory", "memory was not set: xm's default of 128 MiB was written (xl's default is 32 MiB)");
            }

            if (!explicitActions.Contains("on_crash"))
            {
                _output.Add(("on_crash", SettingValue.String("restart"), "on_crash"));
                Report(DiagnosticIds.XmConvertDefaultMadeExplicit, "on_crash", "on_crash was not set: xm's default 'restart' was written (xl's default is 'destroy')");
            }
        }

        // The statement Set appends for a new key, when it reads back alone as the key's value without a diagnostic; else null.
        private static string? Appended(string key, SettingValue value)
        {
            string statement;
            try
            {
                statement = DomainConfigDocument.Statement(key, " = ", value, '"', "\n");
            }
            catch (ArgumentException)
            {
                return null;
            }

            var alone = DomainConfigDocument.Parse(statement);
            return alone.Diagnostics.Count == 0 && alone.FastScan?.Settings.Take(2).ToList() is [var read] && read.Key == key && read.Value == value
                ? statement
                : null;
        }

        // xl syntax for a comment line: numbers bare, strings quoted with escapes (never a raw line break).
        private static string Render(SettingValue value) =>
            value.IsList ? "[ " + string.Join(", ", value.Items.Select(Render)) + " ]" : value.IsNumberToken ? value.Text! : value.ToString();

        // The xl text is what DomainConfig.Set writes key by key into an empty document. Set checks each edit by reading
        // the whole document again (a tree of every item of a 60,000-item disk list, once per key after it); a new key
        // whose statement reads back alone, clean and as its value, is appended as text instead, which is what Set
        // writes and accepts for it (the statements before it are clean, all written with " = " and double quotes). The
        // first key that is not (a repeated key, a value xl cannot hold or read back) goes through Set, as do all after it.
        // Returns the model, or null when every statement was appended. A method of its own, so that no statement's string
        // (20 MB for a 10 MB disk list) stays reachable from the caller's frame while the joined text is parsed.
        private DomainConfig? Gather(XlTextPieces appended, string? path)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            DomainConfig? config = null;
            foreach (var (key, value, origin) in _output)
            {
                if (config is null && keys.Add(key) && Appended(key, value) is { } statement && appended.Length + statement.Length <= DomainConfigParseOptions.Default.MaxLength)
                {
                    appended.Add(statement);
                    continue;
                }

                if (config is null)
                {
                    config = DomainConfig.FromDocument(DomainConfigDocument.Parse(appended.ToString(), path));
                    appended.Clear();
                }

                try
                {
                    config.Set(key, value);
                }
                catch (ArgumentException ex)
                {
                    Report(DiagnosticIds.XmConvertNotRepresentable, origin, $"{key} = {value} cannot be written in xl syntax and was left out: {ex.Message}");
                }
            }

            return config;
        }

        private XmConversion Write()
        {
            var path = evaluation.SourceText.Path;
            // The statements are joined once, at the end, into a text of their exact length, as bytes while they are
            // ASCII (XlTextPieces): a builder and its string were two copies of a 20 MB disk list, and the document's
            // string a third; the bytes of a 10 MB list are 10 MB.
            var appended = new XlTextPieces();
            var config = Gather(appended, path);

            const string CommentsHeader = "# Not carried over from the xm config (xl has no equivalent):\n";
            SourceText text;
            if (config is not null)
            {
                var written = config.Document.ToString();
                text = SourceText.From(_comments.Count == 0
                    ? written
                    : string.Concat(written, written.Length > 0 ? "\n" : "", CommentsHeader, string.Join("\n", _comments), "\n"), path);
            }
            else
            {
                if (_comments.Count > 0)
                {
                    appended.Add(string.Concat(appended.Length > 0 ? "\n" : "", CommentsHeader, string.Join("\n", _comments), "\n"));
                }

                text = appended.ToSourceText(path);
            }

            var result = DomainConfigDocument.Parse(text);
            foreach (var error in result.Diagnostics.Where(d => d.IsError))
            {
                _diagnostics.Add(error);
            }

            return new XmConversion(result, _diagnostics);
        }
    }
}
