using System.Text;

namespace XenConfig.Testing;

/// <summary>
/// Random domain configs over the keys xl 4.17's <c>parse_config_data</c> reads: each key gets values xl accepts,
/// values it warns about and ignores, and values it refuses, so that about half of the configs are accepted.
/// Deterministic for a seed. Values stay inside what the real xl handles without undefined behaviour (no CPU ranges
/// in the billions, no <c>rdm</c> that leaves a field of xl's uninitialised local unset, no <c>ms_vm_genid="generate"</c>, which is random).
/// </summary>
public sealed class XlKeySpaceGenerator(int seed)
{
    private readonly Random _random = new(seed);

    // Each value is written as it appears after '=' in the file. A leading '!' marks a value xl refuses.
    private static readonly (string Key, string[] Values)[] Keys =
    [
        ("builder", ["\"hvm\"", "\"generic\"", "\"\"", "!\"linux\""]),
        ("uuid", ["\"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"", "\"C7A5FDB2-CDAF-9455-926A-D65C16DB1809\"", "!\"1234\"", "!\"c7a5fdb2cdaf9455926ad65c16db180900\""]),
        ("maxmem", ["1024", "0x400", "256", "-1", "\"lots\""]),
        ("vcpus", ["1", "2", "4", "0", "!-1", "\"2\""]),
        ("maxvcpus", ["0", "1", "2", "8"]),
        ("cpus", ["\"all\"", "\"0-3\"", "\"node:1\"", "\"nodes:0-1\"", "\"0,2\"", "\"1,^1,3\"", "[\"0\", \"1-2\"]", "[\"3\"]", "!\"3-1\"", "!\"DOMF\"", "!\"^all\"", "!\"\"", "!\"40\"", "!\"node:9\""]),
        ("cpus_soft", ["\"all\"", "\"2-5\"", "[\"1\", \"2\"]", "\"nodes:2\"", "\"\"", "!\"x\""]),
        ("kernel", ["\"/boot/vmlinuz\"", "\"/usr/lib/xen/boot/hvmloader\"", "\"hvmloader\""]),
        ("ramdisk", ["\"/boot/initrd.img\""]),
        ("root", ["\"/dev/xvda1 ro\""]),
        ("extra", ["\"console=hvc0\""]),
        ("cmdline", ["\"root=/dev/xvda1\""]),
        ("bootloader", ["\"pygrub\"", "\"/usr/bin/pygrub\""]),
        ("bootloader_args", ["[\"-q\", \"--entry=1\"]", "\"-q  --entry=1\"", "[]"]),
        ("firmware", ["\"pvgrub64\"", "\"pvgrub32\"", "\"pvgrub\"", "\"ovmf\"", "\"uefi\"", "\"bios\"", "\"seabios\"", "\"/opt/fw.bin\"", "\"\""]),
        ("on_poweroff", ["\"destroy\"", "\"preserve\"", "\"rename-restart\"", "!\"reboot\""]),
        ("on_reboot", ["\"restart\"", "\"coredump-restart\"", "!\"rename_restart\""]),
        ("on_crash", ["\"coredump-destroy\"", "\"restart\"", "\"soft-reset\"", "!\"Restart\""]),
        ("on_watchdog", ["\"destroy\"", "\"restart\"", "!\"none\""]),
        ("on_soft_reset", ["\"soft-reset\"", "\"destroy\""]),
        ("hap", ["0", "1", "\"yes\""]),
        ("oos", ["0", "1"]),
        ("acpi", ["1", "0"]),
        ("apic", ["1", "0"]),
        ("pae", ["1", "0"]),
        ("nx", ["1"]),
        ("hpet", ["1", "0"]),
        ("vpt_align", ["1"]),
        ("acpi_s3", ["0"]),
        ("acpi_s4", ["1"]),
        ("acpi_laptop_slate", ["1"]),
        ("localtime", ["1", "0"]),
        ("nomigrate", ["1"]),
        ("driver_domain", ["1"]),
        ("e820_host", ["1", "0"]),
        ("nestedhvm", ["1", "0"]),
        ("vpmu", ["1"]),
        ("dm_restrict", ["1"]),
        ("cpu_weight", ["256", "-1", "512"]),
        ("cap", ["50", "0"]),
        ("period", ["10000"]),
        ("slice", ["5"]),
        ("latency", ["3"]),
        ("extratime", ["1"]),
        ("max_grant_frames", ["32", "0", "!-1", "!\"x\""]),
        ("max_maptrack_frames", ["1024", "!-5"]),
        ("max_grant_version", ["1", "2", "!-2"]),
        ("max_event_channels", ["1023", "0"]),
        ("shadow_memory", ["8", "0"]),
        ("videoram", ["16"]),
        ("tsc_mode", ["\"native\"", "\"default\"", "\"always_emulate\"", "\"Native_Paravirt\"", "0", "2", "!5", "!\"bogus\""]),
        ("timer_mode", ["\"delay_for_missed_ticks\"", "\"no_missed_ticks_pending\"", "1", "!7", "!\"x\""]),
        ("rtc_timeoffset", ["3600", "-1", "0"]),
        ("altp2m", ["\"mixed\"", "\"disabled\"", "2", "0", "!9", "!\"x\""]),
        ("vmtrace_buf_kb", ["0", "64"]),
        ("ioports", ["[\"2f8-2ff\"]", "[\"3f8\", \"0x60\"]", "[\"10-5\"]", "[\"3f8x\"]", "!\"2f8\"", "![\"zz\"]", "![\"10-\"]"]),
        ("irqs", ["[\"3\", \"4\"]", "[]", "![\"x\"]", "![\"3x\"]"]),
        ("iomem", ["[\"fe000,1\"]", "[\"fe000,2@fd000\"]", "![\"fe000\"]", "![\"fe000,1@\"]"]),
        ("disk", ["[\"phy:/dev/vg/a,xvda,w\"]", "[\"file:/x.img,hda,r\", \"/x.iso,hdc:cdrom,r\"]", "[\"format=qcow2,vdev=xvdb,access=rw,target=/i.qcow2\"]", "[\"/dev/vg/b,raw,xvdc,rw,backendtype=qdisk,discard\"]", "[]", "![\"/x.img,xvda,w,bogus=1\"]"]),
        ("vif", ["[\"mac=00:16:3e:00:00:01,bridge=xenbr0\"]", "[\"bridge=br1,type=netfront\"]", "[\"mac=zz\", \"bridge=br0\"]", "[\"rate=10Mb/s\"]", "[\"model=e1000,vifname=v1,ip=1.2.3.4,script=vif-route\", \"devid=5,mtu=9000\"]", "[\"type=ioemu,mac=00:16:3E:AA:BB:CC,gatewaydev=eth0\"]", "[\"mac=01:02:03:04:05:06:07\"]", "[\"trusted\", \"untrusted,backend=dd\"]", "[\"accel=x,bogus=1\"]", "![\"rate=bogus\"]", "![\"devid=x\"]"]),
        ("pci", ["[\"0000:00:1f.2\"]", "[\"00:1b.0@5,permissive=1\"]", "[\"01:00.*,seize=1,rdm_policy=relaxed\"]", "![\"junk\"]", "![\"00:1b.0,bogus=1\"]"]),
        ("pci_permissive", ["1"]),
        ("pci_msitranslate", ["1"]),
        ("pci_power_mgmt", ["1"]),
        ("dtdev", ["[\"/soc/x\", \"/soc/y\"]"]),
        ("vfb", ["[\"vnc=1,vnclisten=0.0.0.0,vncdisplay=1\"]", "[\"sdl=1,opengl=1,display=:0\"]", "[\"vnc=1,keymap=de\", \"vncunused=0\"]"]),
        ("vnc", ["1", "0"]),
        ("vnclisten", ["\"127.0.0.1\"", "\"0.0.0.0:1\""]),
        ("vncdisplay", ["1", "0"]),
        ("vncunused", ["1", "0"]),
        ("vncpasswd", ["\"secret\""]),
        ("sdl", ["1", "0"]),
        ("opengl", ["1"]),
        ("keymap", ["\"en-us\""]),
        ("vga", ["\"stdvga\"", "\"cirrus\"", "\"none\"", "\"qxl\"", "!\"vga\""]),
        ("stdvga", ["1", "0"]),
        ("hdtype", ["\"ahci\"", "\"ide\"", "\"AHCI\"", "!\"scsi\""]),
        ("serial", ["\"pty\"", "[\"pty\", \"none\"]"]),
        ("boot", ["\"dc\"", "\"n\""]),
        ("usb", ["1"]),
        ("usbversion", ["2", "3"]),
        ("usbdevice", ["\"tablet\"", "[\"tablet\", \"mouse\"]"]),
        ("soundhw", ["\"ac97\""]),
        ("xen_platform_pci", ["1", "0"]),
        ("viridian", ["1", "0", "[\"defaults\", \"!apic_assist\"]", "[\"all\"]", "[\"base\", \"freq\"]", "![\"bogus\"]"]),
        ("mmio_hole", ["1024", "256", "!100", "!4000"]),
        ("bios", ["\"seabios\"", "\"ovmf\"", "\"rombios\"", "!\"bogus\""]),
        ("bios_path_override", ["\"/opt/bios.bin\""]),
        ("firmware_override", ["\"/opt/hvmloader\""]),
        ("smbios_firmware", ["\"/opt/smbios.bin\""]),
        ("acpi_firmware", ["\"/opt/acpi.bin\""]),
        ("ms_vm_genid", ["\"none\"", "!\"x\""]),
        ("rdm_mem_boundary", ["2048"]),
        ("mca_caps", ["[\"lmce\"]", "![\"x\"]", "!\"lmce\""]),
        ("device_model", ["\"/usr/lib/xen/bin/qemu-dm\""]),
        ("device_model_override", ["\"/usr/bin/qemu-system-i386\""]),
        ("device_model_version", ["\"qemu-xen\"", "\"qemu-xen-traditional\"", "!\"qemu\""]),
        ("device_model_stubdomain_override", ["1", "0"]),
        ("device_model_stubdomain_seclabel", ["\"system_u:system_r:dm_t\""]),
        ("device_model_user", ["\"qemu\""]),
        ("device_model_args", ["[\"-a\", \"b\"]", "!\"-a\""]),
        ("device_model_args_pv", ["[\"-pv\"]"]),
        ("device_model_args_hvm", ["[\"-hvm\"]", "!\"x\""]),
        ("stubdomain_memory", ["128"]),
        ("stubdomain_kernel", ["\"/k\""]),
        ("stubdomain_cmdline", ["\"c\""]),
        ("stubdomain_ramdisk", ["\"/r\""]),
        ("spice", ["1", "0"]),
        ("spiceport", ["6000"]),
        ("spicetls_port", ["6001"]),
        ("spicehost", ["\"0.0.0.0\""]),
        ("spicedisable_ticketing", ["1"]),
        ("spicepasswd", ["\"pw\""]),
        ("spiceagent_mouse", ["0"]),
        ("spicevdagent", ["1"]),
        ("spice_clipboard_sharing", ["1"]),
        ("spiceusbredirection", ["4"]),
        ("spice_image_compression", ["\"auto_glz\""]),
        ("spice_streaming_video", ["\"filter\""]),
        ("nographic", ["1"]),
        ("gfx_passthru", ["1", "0", "\"igd\"", "!\"x\""]),
        ("vendor_device", ["\"xenserver\"", "\"none\"", "!\"x\""]),
        ("gic_version", ["\"v2\"", "\"V3\"", "!\"x\""]),
        ("tee", ["\"optee\"", "\"none\"", "!\"x\""]),
        ("vuart", ["\"sbsa_uart\"", "!\"x\""]),
        ("passthrough", ["\"disabled\"", "\"enabled\"", "\"sync_pt\"", "\"share_pt\"", "!\"x\""]),
        ("seclabel", ["\"system_u:system_r:domU_t\""]),
        ("init_seclabel", ["\"system_u:system_r:init_t\""]),
        ("pool", ["\"Pool-0\""]),
        ("xend_suspend_evtchn_compat", ["1"]),
        ("msr_relaxed", ["1"]),
        ("pvshim", ["1"]),
        ("pvshim_path", ["\"/shim\""]),
        ("pvshim_cmdline", ["\"c\""]),
        ("pvshim_extra", ["\"loglvl=all\""]),
        ("vncviewer", ["1"]),
        ("p9", ["[\"tag=share,path=/srv,security_model=none\"]", "[\"tag=a,path=/a,security_model=mapped,backend=dd\", \"path=/b\"]", "![\"tag=x\"]", "![\"tag=x,path=/x,security_model=none,bogus=1\"]"]),
        ("vtpm", ["[\"backend=vtpmmgr\"]", "[\"backend=vtpm,uuid=C7A5FDB2-CDAF-9455-926A-D65C16DB1809\"]", "![\"uuid=c7a5fdb2-cdaf-9455-926a-d65c16db1809\"]", "![\"backend=v,uuid=x\"]"]),
        ("pvcalls", ["[\"backend=dd\"]", "[\"\", \"backend=0\"]", "![\"bogus=1\"]"]),
        ("channel", ["[\"name=org.qemu.guest_agent.0,connection=pty\"]", "[\"name=c, connection = socket, path=/run/c.sock, backend=0\"]", "[\"connection=pty,bogus=1\"]", "![\"name=c\"]", "![\"connection=socket\"]", "![\"connection=file\"]", "![\"name\"]"]),
        ("usbctrl", ["[\"type=pv,version=2,ports=4\"]", "[\"type=DeviceModel\", \"version=3\"]", "![\"type=xhci\"]", "![\"speed=1\"]"]),
        ("usbdev", ["[\"hostbus=1,hostaddr=0x2\"]", "[\"type=hostdev,hostbus=2,hostaddr=3,controller=0,port=1\"]", "![\"type=x\"]", "![\"bus=1\"]"]),
        ("vkb", ["[\"backend-type=linux,unique-id=K1\"]", "[\"backend=dd,backend-type=qemu,multi-touch-width=10,multi-touch-height=20,multi-touch-num-contacts=2,feature-disable-keyboard=1,width=800,height=0x258\"]", "![\"unique-id=K\"]", "![\"backend-type=linux,feature-multi-touch=1\"]", "![\"backend-type=x\"]"]),
        ("vif2", ["[\"x\"]"]),
        ("vnuma", ["[[\"pnode=0\", \"size=128\", \"vcpus=0\", \"vdistances=10,20\"], [\"pnode=1\", \"size=128\", \"vcpus=1\", \"vdistances=20,10\"]]", "[[\"size=256\", \"vcpus=0-1\"]]", "[[\"size=128\", \"vcpus=x,3-1\", \"other=1\"]]", "\"ignored\"", "[]", "![[\"pnode=9\", \"size=128\"]]", "![[\"size=x\"]]", "![\"size=128\"]", "![[\"novalue\"]]", "![[\"size=128\", \"vcpus=0-20\"]]"]),
        ("vdispl", ["[\"backend=dd,connectors=c0:1024x768\"]", "[\"be-alloc=1,connectors=a:800x600;b:abc\"]", "[\"connectors=a:1x1\", \"connectors=b:2x2;c:3x3\"]", "![\"connectors=a:5\"]", "![\"backend=dd\"]", "![\"bogus=1\"]"]),
        ("vsnd", ["[[\"card,short-name=S,sample-rates=48000;44100,sample-formats=s16_le;U8\", \"pcm,name=p\", \"stream,unique-id=0,type=P,channels-max=2\"]]", "[[], [\"stream,type=c\"]]", "\"ignored\"", "![[\"bogus\"]]", "![[\"pcm,sample-formats=s17\"]]", "![[\"stream,type=x\"]]", "![\"card\"]"]),
        ("cpuid", ["\"host,tm=0,sse3=1,page1gb=x\"", "\"host,family=0x1f,model=0xab,procpkg=k,arch-caps=1,rdcl-no=s\"", "\"host,bogus=1,tm=2\"", "\"nohost,tm=0\"", "[\"0x80000001:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1x\", \"1:eax=short\"]"]),
        ("rdm", ["\"strategy=host,policy=relaxed\"", "\"strategy=ignore\"", "\"bogus=1\""]),
    ];

    /// <summary>How many keys the generator draws from (besides name, type and memory).</summary>
    public static int KeyCount => Keys.Length;

    /// <summary>The next config's text.</summary>
    public string Next()
    {
        var text = new StringBuilder();
        if (_random.Next(40) != 0)
        {
            text.Append("name = \"g").Append(_random.Next(1000)).Append("\"\n");
        }

        string[] types = ["\"pv\"", "\"hvm\"", "\"pvh\"", "\"h\"", "\"\"", "!\"xen\"", "!\"PV\""];
        if (_random.Next(3) != 0)
        {
            AppendValue(text, "type", types[_random.Next(types.Length)], refuseOften: false);
        }

        if (_random.Next(5) != 0)
        {
            text.Append("memory = ").Append(_random.Next(6) == 0 ? "-1" : (128 << _random.Next(4)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        if (_random.Next(5) != 0)
        {
            text.Append(_random.Next(2) == 0 ? "kernel = \"/boot/vmlinuz\"\n" : "bootloader = \"pygrub\"\n");
        }

        var count = 3 + _random.Next(10);
        for (var i = 0; i < count; i++)
        {
            var (key, values) = Keys[_random.Next(Keys.Length)];
            AppendValue(text, key, values[_random.Next(values.Length)], refuseOften: true);
        }

        return text.ToString();
    }

    private void AppendValue(StringBuilder text, string key, string value, bool refuseOften)
    {
        if (value.StartsWith('!'))
        {
            // Refused values are drawn at a fraction of the rate of the others so that about half the configs pass.
            if (refuseOften && _random.Next(4) != 0)
            {
                return;
            }

            value = value[1..];
        }

        text.Append(key).Append(" = ").Append(value).Append('\n');
    }
}
