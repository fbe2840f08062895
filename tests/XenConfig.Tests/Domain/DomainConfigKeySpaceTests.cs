using System.Collections;
using System.Reflection;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Libxl;
using XenConfig.Testing;
using Xunit.Abstractions;

namespace XenConfig.Tests.Domain;

/// <summary>
/// Issue 11, point 1: every key xl reads has a typed property on <see cref="DomainConfig"/>; setting a property to the
/// value it has changes no byte; and the typed model means what <see cref="DomainConfig.ToLibxl"/> builds.
/// </summary>
public class DomainConfigKeySpaceTests(ITestOutputHelper output)
{
    private const int GeneratedConfigs = 1500;

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in DomainKeys.All)
        {
            data.Add(key.Name);
        }

        return data;
    }

    public static TheoryData<string> CorpusFiles() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xl"));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_key_xl_reads_names_a_public_DomainConfig_property_typed_as_xl_reads_the_key(string name)
    {
        var key = DomainKeys.Find(name)!;

        Assert.False(string.IsNullOrEmpty(key.Property), $"DomainKeys entry '{name}' names no typed property");
        var property = typeof(DomainConfig).GetProperty(key.Property!, BindingFlags.Public | BindingFlags.Instance);
        Assert.True(property is not null, $"DomainConfig has no public property {key.Property} for '{name}'");
        Assert.True(property!.GetMethod is { IsPublic: true }, $"{key.Property} has no public getter");
        Assert.True(IsTypedAs(key, property.PropertyType), $"{key.Property} is {property.PropertyType.Name}, which does not fit '{name}' ({key.Type})");
        if (key.Type is DomainKeyType.String or DomainKeyType.Number or DomainKeyType.Boolean or DomainKeyType.StringOrNumber or DomainKeyType.BooleanOrString)
        {
            Assert.True(property.SetMethod is { IsPublic: true }, $"{key.Property} for the single-valued key '{name}' cannot be set");
        }
    }

    [Fact]
    public void Docs_xl_keys_name_the_typed_property_of_every_key()
    {
        var doc = File.ReadAllText(RepositoryPaths.InRepository("docs", "xl-keys.md"));
        var rows = doc.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();

        var missing = DomainKeys.All
            .Where(k => !rows.Any(r => r.Split('|')[1].Split(',').Any(c => c.Trim() == k.Name) && System.Text.RegularExpressions.Regex.IsMatch(r, $@"\bDomainConfig\.[^)]*\b{k.Property}\b")))
            .Select(k => $"{k.Name} ({k.Property})")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void No_two_keys_share_a_typed_property()
    {
        var shared = DomainKeys.All.GroupBy(k => k.Property).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(shared);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_single_valued_property_writes_its_key_reads_back_and_null_removes_it(string name)
    {
        var key = DomainKeys.Find(name)!;
        var property = typeof(DomainConfig).GetProperty(key.Property!)!;
        if (property.SetMethod is null || IsList(property.PropertyType))
        {
            return; // lists are covered by List_properties_write_a_list_and_read_it_back
        }

        // "name" is probed on an empty config; every other key next to the name every config has.
        var config = name == "name" ? DomainConfig.FromDocument(DomainConfigDocument.Parse("")) : DomainConfig.Create("probe");
        var before = config.ToString();
        var value = SampleValue(property.PropertyType);

        property.SetValue(config, value);
        Assert.Equal(value, property.GetValue(config));
        Assert.True(config.Document.Settings.ContainsKey(name), $"setting {key.Property} did not write '{name}'");

        property.SetValue(config, null);
        Assert.Equal(name == "type" ? (object)GuestType.Pv : null, property.GetValue(config)); // an unset type is PV
        Assert.False(config.Document.Settings.ContainsKey(name), $"setting {key.Property} to null left '{name}'");
        Assert.Equal(before, config.ToString());
    }

    [Fact]
    public void List_properties_write_a_list_and_read_it_back()
    {
        var lists = SettableProperties().Where(p => p.PropertyType == typeof(IReadOnlyList<string>)).ToList();
        Assert.True(lists.Count >= 30, $"only {lists.Count} settable list properties");
        foreach (var property in lists)
        {
            var config = DomainConfig.Create("probe");
            IReadOnlyList<string> value = ["a,b=1", "c"];

            property.SetValue(config, value);
            Assert.Equal(value, (IReadOnlyList<string>?)property.GetValue(config));

            property.SetValue(config, null);
            Assert.Null(property.GetValue(config));
            Assert.Equal("name = \"probe\"\n", config.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Setting_every_typed_property_of_a_corpus_config_to_its_own_value_changes_no_byte(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus("xl"), file));
        AssertSettingOwnValuesKeepsText(text);
    }

    [Fact]
    public void Setting_every_typed_property_of_a_generated_config_to_its_own_value_changes_no_byte()
    {
        var generator = new XlKeySpaceGenerator(1111);
        for (var i = 0; i < 300; i++)
        {
            AssertSettingOwnValuesKeepsText(generator.Next());
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void The_typed_model_of_a_corpus_config_agrees_with_ToLibxl(string file)
    {
        var config = DomainConfig.FromDocument(DomainConfigDocument.Load(Path.Combine(RepositoryPaths.Corpus("xl"), file)));
        var result = config.ToLibxl();
        if (!result.Accepted)
        {
            return; // xl refuses it: there is no libxl structure to agree with
        }

        Assert.Empty(Disagreements(config, result.Config!));
    }

    [Fact]
    public void The_typed_model_agrees_with_ToLibxl_over_the_generated_key_space()
    {
        var generator = new XlKeySpaceGenerator(2024);
        int accepted = 0, compared = 0;
        var failures = new List<string>();
        for (var i = 0; i < GeneratedConfigs; i++)
        {
            var text = generator.Next();
            var config = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));
            var result = config.ToLibxl();
            if (!result.Accepted)
            {
                continue;
            }

            accepted++;
            var disagreements = Disagreements(config, result.Config!, () => compared++);
            failures.AddRange(disagreements.Select(d => $"{d}\n--- config ---\n{text}"));
        }

        output.WriteLine($"{accepted} of {GeneratedConfigs} generated configs accepted; {compared} typed values compared with ToLibxl");

        // Both sides exercised: many accepted configs and many compared fields.
        Assert.True(accepted > GeneratedConfigs / 4, $"only {accepted} of {GeneratedConfigs} generated configs were accepted");
        Assert.True(compared > accepted * 5, $"only {compared} fields compared over {accepted} configs");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    [Theory]
    [InlineData("tsc_mode = 2\n", "native")]
    [InlineData("tsc_mode = 'Always_Emulate'\n", "always_emulate")]
    [InlineData("name = 'x'\n", "default")]
    [InlineData("tsc_mode = 'fast'\n", null)]
    [InlineData("tsc_mode = 7\n", null)]
    public void EffectiveTscMode_is_libxls_name_for_the_value_or_null_when_xl_refuses_it(string text, string? expected) =>
        Assert.Equal(expected, DomainConfig.FromDocument(DomainConfigDocument.Parse(text)).EffectiveTscMode);

    [Theory]
    [InlineData("type = 'hvm'\ntimer_mode = 0\n", "delay_for_missed_ticks")]
    [InlineData("type = 'hvm'\n", "no_delay_for_missed_ticks")]
    [InlineData("type = 'pv'\ntimer_mode = 'one_missed_tick_pending'\n", null)]
    public void EffectiveTimerMode_follows_xl_including_its_refusal_on_PV(string text, string? expected) =>
        Assert.Equal(expected, DomainConfig.FromDocument(DomainConfigDocument.Parse(text)).EffectiveTimerMode);

    [Fact]
    public void Device_lists_xl_reads_are_typed_per_item()
    {
        var config = DomainConfig.Parse("""
            name = "d"
            channel = [ "name=org.qemu.guest_agent.0,connection=pty", "connection=bogus" ]
            vtpm = [ "backend=vtpmmgr,uuid=c7a5fdb2-cdaf-9455-926a-d65c16db1809" ]
            usbctrl = [ "type=pv,version=2,ports=4" ]
            usbdev = [ "hostbus=1,hostaddr=3" ]
            p9 = [ "tag=share,path=/srv,security_model=none" ]
            pvcalls = [ "backend=0" ]
            vkb = [ "backend-type=linux,width=800" ]
            ioports = [ "3f8-3ff" ]
            iomem = [ "fe000,2@fd000" ]
            irqs = [ 7, "9" ]
            dtdev = [ "/soc/gpio" ]

            """);

        Assert.Equal(["org.qemu.guest_agent.0", null], config.ChannelItems.Select(i => i.Value?.Name));
        Assert.False(config.ChannelItems[1].IsValid);
        Assert.Equal("vtpmmgr", config.VtpmItems.Single().Value!.Backend);
        Assert.Equal(4, config.UsbCtrlItems.Single().Value!.Ports);
        Assert.Equal(3, config.UsbDevItems.Single().Value!.HostAddress);
        Assert.Equal("/srv", config.P9Devices!.Single().Path);
        Assert.Equal("0", config.PvCallsDevices!.Single().BackendDomain);
        Assert.Equal(800u, config.VkbDevices!.Single().Width);
        Assert.Equal([(0x3f8u, 8u)], config.IoPorts!);
        Assert.Equal([(0xfe000ul, 2ul, 0xfd000ul)], config.IoMemory!);
        Assert.Equal([7u, 9u], config.Irqs!);
        Assert.Equal(["/soc/gpio"], config.DeviceTreeDevices!);
    }

    [Theory]
    [InlineData("ioports = [ \"zz\" ]\n", nameof(DomainConfig.IoPorts))]
    [InlineData("irqs = [ \"7x\" ]\n", nameof(DomainConfig.Irqs))]
    [InlineData("iomem = [ \"fe000\" ]\n", nameof(DomainConfig.IoMemory))]
    [InlineData("p9 = [ \"tag=a\" ]\n", nameof(DomainConfig.P9Devices))]
    [InlineData("vkb = [ \"width=3\" ]\n", nameof(DomainConfig.VkbDevices))]
    [InlineData("pvcalls = [ \"front=1\" ]\n", nameof(DomainConfig.PvCallsDevices))]
    [InlineData("vdispl = [ \"backend=0\" ]\n", nameof(DomainConfig.VdisplDevices))]
    [InlineData("vnuma = [ \"pnode=0\" ]\n", nameof(DomainConfig.VnumaNodes))]
    public void A_device_list_xl_refuses_reads_as_null(string text, string property)
    {
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'x'\n" + text));

        Assert.Null(typeof(DomainConfig).GetProperty(property)!.GetValue(config));
        Assert.False(config.ToLibxl().Accepted);
    }

    [Fact]
    public void Vnuma_nodes_are_read_after_memory_and_vcpus_on_the_given_host()
    {
        var config = DomainConfig.Parse("""
            name = "n"
            memory = 2048
            vcpus = 4
            vnuma = [ [ "pnode=0", "size=1024", "vcpus=0-1", "vdistances=10,20" ], [ "pnode=1", "size=1024", "vcpus=2-3", "vdistances=20,10" ] ]

            """);

        Assert.Equal([1024ul * 1024, 1024ul * 1024], config.VnumaNodes!.Select(n => n.MemoryKiB));
        Assert.Equal([0u, 1u], config.VnumaNodes!.Select(n => n.PhysicalNode));
        Assert.Null(config.GetVnumaNodes(new LibxlHost(2, 1, 4096))); // pnode 1 is beyond a one-node host
    }

    private static void AssertSettingOwnValuesKeepsText(string text)
    {
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse(text));
        foreach (var property in SettableProperties())
        {
            // A value the getter cannot read (a number key holding "lots") reads as null, and null removes the key.
            if (property.GetValue(config) is not { } value)
            {
                continue;
            }

            property.SetValue(config, value);
            Assert.True(config.ToString() == text, $"setting {property.Name} to its own value changed the text:\n{text}\n---\n{config}");
        }
    }

    private static IEnumerable<PropertyInfo> SettableProperties() =>
        typeof(DomainConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => p.Name != nameof(DomainConfig.Type)); // writes type = "pv" for an unset type; see the Type tests

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsTypedAs(DomainKey key, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        return key.Type switch
        {
            DomainKeyType.Number => type == typeof(long?),
            DomainKeyType.Boolean => type == typeof(bool?),
            DomainKeyType.String => type == typeof(string) || underlying is { IsEnum: true },
            DomainKeyType.StringOrNumber or DomainKeyType.BooleanOrString => type == typeof(string),
            DomainKeyType.ListOrString => type == typeof(string) || type == typeof(IReadOnlyList<string>),
            DomainKeyType.ListOrBoolean or DomainKeyType.List or DomainKeyType.NestedList => IsList(type),
            _ => false,
        };
    }

    private static object SampleValue(Type type) =>
        type == typeof(string) ? "sample" :
        type == typeof(long?) ? 7L :
        type == typeof(bool?) ? true :
        Nullable.GetUnderlyingType(type) is { IsEnum: true } e ? Enum.GetValues(e).GetValue(1)! :
        throw new InvalidOperationException($"no sample for {type}");

    /// <summary>Every typed property compared with the libxl field it fills, where the key is set and xl reads it.</summary>
    private static List<string> Disagreements(DomainConfig c, LibxlDomainConfig x, Action? counted = null)
    {
        var failures = new List<string>();
        var b = x.BuildInfo;
        var hvm = b.Hvm;
        var set = (string key) => c.Document.Settings.ContainsKey(key);

        void Same(string key, object? model, object? libxl)
        {
            // A scalar the model cannot read (not a number, a list) is one xl ignores too: nothing to compare.
            if (!set(key) || (model is null && libxl is not IEnumerable))
            {
                return;
            }

            counted?.Invoke();
            var equal = model is IEnumerable m && libxl is IEnumerable l && model is not string
                ? m.Cast<object?>().SequenceEqual(l.Cast<object?>())
                : Equals(model, libxl);
            if (!equal)
            {
                failures.Add($"{key}: model {Show(model)}, ToLibxl {Show(libxl)}");
            }
        }

        Same("name", c.Name, x.CreateInfo.Name);
        Same("type", c.Type?.ToString(), x.CreateInfo.Type.ToString());
        Same("pool", c.Pool, x.CreateInfo.PoolName);
        Same("hap", c.Hap, x.CreateInfo.Hap);
        Same("oos", c.Oos, x.CreateInfo.Oos);
        Same("driver_domain", c.DriverDomain, x.CreateInfo.DriverDomain);
        Same("xend_suspend_evtchn_compat", c.XendSuspendEvtchnCompat, x.CreateInfo.XendSuspendEvtchnCompat);
        Same("passthrough", c.EffectivePassthrough, x.CreateInfo.Passthrough ?? "default");
        if (!set("init_seclabel"))
        {
            Same("seclabel", c.SecLabel, x.CreateInfo.SsidLabel);
        }

        Same("memory", c.Memory is { } memory ? unchecked((ulong)(memory * 1024)) : null, b.TargetMemoryKiB);
        if (!set("vnuma"))
        {
            Same("maxmem", c.MaxMemory is { } maxmem ? unchecked((ulong)(maxmem * 1024)) : null, b.MaxMemoryKiB);
            Same("maxvcpus", (int)(c.EffectiveMaxVcpus ?? 0), b.MaxVcpus);
        }

        Same("vcpus", c.Vcpus is { } vcpus ? (int?)vcpus : null, b.AvailableVcpus.Count);
        Same("cpu_weight", (int?)c.CpuWeight, b.SchedParams.Weight);
        Same("cap", (int?)c.CpuCap, b.SchedParams.Cap);
        Same("period", (int?)c.SchedPeriod, b.SchedParams.Period);
        Same("slice", (int?)c.SchedSlice, b.SchedParams.Slice);
        Same("latency", (int?)c.SchedLatency, b.SchedParams.Latency);
        Same("extratime", (int?)c.SchedExtraTime, b.SchedParams.ExtraTime);
        Same("shadow_memory", c.ShadowMemory is { } shadow ? unchecked((ulong)(shadow * 1024)) : null, b.ShadowMemoryKiB);
        Same("videoram", c.VideoRam is { } video ? unchecked((ulong)(video * 1024)) : null, b.VideoMemoryKiB);
        Same("rtc_timeoffset", c.RtcTimeOffset is { } offset ? unchecked((uint)offset) : null, b.RtcTimeOffset);
        Same("max_event_channels", c.MaxEventChannels is { } channels ? unchecked((uint)channels) : null, b.EventChannels);
        Same("max_grant_frames", (uint?)c.MaxGrantFrames, b.MaxGrantFrames);
        Same("max_maptrack_frames", (uint?)c.MaxMaptrackFrames, b.MaxMaptrackFrames);
        Same("max_grant_version", (int?)c.MaxGrantVersion, b.MaxGrantVersion);
        Same("nomigrate", c.NoMigrate, b.DisableMigrate);
        Same("localtime", c.LocalTime, b.LocalTime);
        Same("acpi", c.Acpi, b.Acpi);
        Same("nestedhvm", c.NestedHvm, b.NestedHvm);
        Same("dm_restrict", c.DmRestrict, b.DmRestrict);
        Same("vpmu", c.Vpmu, b.Vpmu);
        Same("msr_relaxed", c.MsrRelaxed, b.MsrRelaxed);
        Same("ramdisk", c.Ramdisk, b.Ramdisk);
        Same("device_tree", c.DeviceTree, b.DeviceTree);
        Same("bootloader", c.Bootloader, b.Bootloader);
        if (c.Document.GetValue("bootloader_args") is { IsList: true })
        {
            Same("bootloader_args", c.BootloaderArgs, b.BootloaderArgs);
        }

        if (hvm is null && !set("firmware"))
        {
            Same("kernel", c.Kernel, b.Kernel);
        }

        Same(c.Cmdline is not null ? "cmdline" : c.Root is not null ? "root" : "extra", c.KernelCommandLine, b.Cmdline);
        Same("tsc_mode", c.EffectiveTscMode, b.TscMode ?? "default");
        Same("timer_mode", c.EffectiveTimerMode, b.TimerMode ?? "no_delay_for_missed_ticks");
        Same("altp2m", c.EffectiveAltp2m, b.Altp2m ?? "disabled");
        Same("gic_version", c.EffectiveGicVersion, b.GicVersion ?? "default");
        Same("tee", c.EffectiveTee, b.Tee ?? "none");
        Same("vuart", c.EffectiveVuart, b.Vuart ?? "unknown");
        foreach (var (key, action) in new[] { ("on_poweroff", x.OnPoweroff), ("on_reboot", x.OnReboot), ("on_watchdog", x.OnWatchdog), ("on_crash", x.OnCrash), ("on_soft_reset", x.OnSoftReset) })
        {
            Same(key, c.GetEffectiveAction(key)?.ToXlName().Replace("rename-restart", "restart-rename", StringComparison.Ordinal).Replace('-', '_'), LibxlDomainConfig.ActionName(action));
        }

        Same("device_model_override", c.DeviceModelOverride, b.DeviceModel);
        Same("device_model_user", c.DeviceModelUser, b.DeviceModelUser);
        Same("device_model_stubdomain_override", c.DeviceModelStubdomain, b.DeviceModelStubdomain);
        Same("device_model_stubdomain_seclabel", c.DeviceModelStubdomainSecLabel, b.DeviceModelSsidLabel);
        Same("device_model_args", c.DeviceModelArgs, b.DeviceModelArgs);
        Same("device_model_args_pv", c.DeviceModelArgsPv, b.DeviceModelArgsPv);
        Same("device_model_args_hvm", c.DeviceModelArgsHvm, b.DeviceModelArgsHvm);
        Same("stubdomain_kernel", c.StubdomainKernel, b.StubdomainKernel);
        Same("stubdomain_cmdline", c.StubdomainCmdline, b.StubdomainCmdline);
        Same("stubdomain_ramdisk", c.StubdomainRamdisk, b.StubdomainRamdisk);
        Same("stubdomain_memory", c.StubdomainMemory is { } stub ? unchecked((ulong)(stub * 1024)) : null, b.StubdomainMemoryKiB);

        Same("disk", c.DiskItems.Count, x.Disks.Count);
        Same("vif", c.VifItems.Count, x.Nics.Count);
        Same("pci", c.PciItems.Count, x.PciDevices.Count);
        Same("vtpm", c.VtpmItems.Select(i => i.Value?.Backend), x.Vtpms.Select(v => v.BackendDomain));
        Same("usbctrl", c.UsbCtrlItems.Count, x.UsbControllers.Count);
        Same("usbdev", c.UsbDevItems.Count, x.UsbDevices.Count);
        Same("channel", c.ChannelItems.Select(i => i.Value?.Name), x.Channels.Select(ch => ch.Name));
        Same("p9", c.P9Devices?.Select(p => p.Path), x.P9s.Select(p => p.Path));
        Same("pvcalls", c.PvCallsDevices?.Count, x.PvCalls.Count);
        Same("vdispl", c.VdisplDevices?.Count, x.Vdispls.Count);
        Same("vsnd", c.VsndDevices?.Count, x.Vsnds.Count);
        // xl adds a vkb per vfb (and for a PV console) before it reads vkb: the vkb items are the tail.
        Same("vkb", c.VkbDevices?.Select(v => (v.BackendType, v.Width, v.Height)), x.Vkbs.TakeLast(c.VkbDevices?.Count ?? 0).Select(v => (v.BackendType, v.Width, v.Height)));

        Same("ioports", c.IoPorts, b.IoPorts);
        Same("iomem", c.IoMemory, b.IoMemory);
        Same("irqs", c.Irqs, b.Irqs);
        Same("dtdev", c.DeviceTreeDevices, x.DeviceTreeDevices);
        Same("vnuma", c.VnumaNodes?.Select(n => n.MemoryKiB), b.VnumaNodes.Select(n => n.MemoryKiB));

        if (hvm is not null)
        {
            Same("apic", c.Apic, b.Apic);
            Same("pae", c.Pae, hvm.Pae);
            Same("acpi_s3", c.AcpiS3, hvm.AcpiS3);
            Same("acpi_s4", c.AcpiS4, hvm.AcpiS4);
            Same("acpi_laptop_slate", c.AcpiLaptopSlate, hvm.AcpiLaptopSlate);
            Same("nx", c.Nx, hvm.Nx);
            Same("hpet", c.Hpet, hvm.Hpet);
            Same("vpt_align", c.VptAlign, hvm.VptAlign);
            Same("nographic", c.NoGraphic, hvm.NoGraphic);
            Same("usb", c.Usb, hvm.Usb);
            Same("vkb_device", c.VkbDevice, hvm.VkbDevice);
            Same("xen_platform_pci", c.XenPlatformPci, hvm.XenPlatformPci);
            Same("bios_path_override", c.BiosPathOverride, hvm.SystemFirmware);
            Same("smbios_firmware", c.SmbiosFirmware, hvm.SmbiosFirmware);
            Same("acpi_firmware", c.AcpiFirmware, hvm.AcpiFirmware);
            Same("boot", c.Boot, hvm.Boot);
            Same("soundhw", c.SoundHardware, hvm.SoundHardware);
            Same("usbversion", (int?)c.UsbVersion, hvm.UsbVersion);
            Same("mmio_hole", c.MmioHole is { } hole ? unchecked((ulong)(hole * 1024)) : null, hvm.MmioHoleKiB);
            Same("rdm_mem_boundary", c.RdmMemoryBoundary is { } boundary ? unchecked((ulong)(boundary * 1024)) : null, hvm.RdmMemoryBoundaryKiB);
            Same("rdm", c.EffectiveRdmStrategy, hvm.RdmStrategy);
            Same("serial", c.Serial, hvm.SerialList ?? (hvm.Serial is { } serial ? [serial] : null));
            Same("usbdevice", c.UsbDevice, hvm.UsbDeviceList ?? (hvm.UsbDevice is { } usbdevice ? [usbdevice] : null));
        }
        else if (b.Pv is { } pv)
        {
            if (!set("pci"))
            {
                Same("e820_host", c.E820Host, pv.E820Host);
            }
        }
        else if (b.Pvh is { } pvh)
        {
            Same("pvshim", c.PvShim, pvh.PvShim);
            Same("pvshim_path", c.PvShimPath, pvh.PvShimPath);
            Same("pvshim_cmdline", c.PvShimCmdline, pvh.PvShimCmdline);
            Same("pvshim_extra", c.PvShimExtra, pvh.PvShimExtra);
        }

        return failures;
    }

    private static string Show(object? value) =>
        value is IEnumerable items and not string ? "[" + string.Join(", ", items.Cast<object?>()) + "]" : value?.ToString() ?? "null";
}
