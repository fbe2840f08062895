using XenConfig.Domain;
using XenConfig.Xm;
using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

public sealed class XmToXlConverterTests
{
    private static XmConversion Convert(string text, XmEvaluationOptions? options = null) =>
        XmToXlConverter.Convert(XmConfig.Evaluate(text, "guest.cfg", options));

    private static string Ids(XmConversion conversion) =>
        string.Join(" ", conversion.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void An_hvm_config_with_python_becomes_a_static_hvm_xl_config()
    {
        const string xm = """
            import os, re
            arch = os.uname()[4]
            if re.search('64', arch):
                arch_libdir = 'lib64'
            else:
                arch_libdir = 'lib'
            kernel = "/usr/lib/xen/boot/hvmloader"
            builder = 'hvm'
            memory = 512
            name = "win"
            vif = [ 'type=ioemu, bridge=xenbr0' ]
            disk = [ 'phy:/dev/vg0/win,hda,w!', 'file:/iso/x.iso,hdc:cdrom,r' ]
            device_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'
            cpu_cap = 50
            vcpu_avail = 1
            restart = 'always'
            acpi = 1

            """;
        const string xl = """
            type = "hvm"
            memory = 512
            name = "win"
            vif = [ "type=ioemu, bridge=xenbr0" ]
            disk = [ "phy:/dev/vg0/win,hda,w", "file:/iso/x.iso,hdc:cdrom,r" ]
            cap = 50
            acpi = 1
            on_poweroff = "restart"
            on_reboot = "restart"
            on_crash = "restart"

            # Not carried over from the xm config (xl has no equivalent):
            # device_model = "/usr/lib64/xen/bin/qemu-dm"
            # vcpu_avail = 1

            """;
        var conversion = Convert(xm.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(xl.Replace("\r", "", StringComparison.Ordinal), conversion.Text);
        Assert.False(conversion.HasErrors, string.Join("\n", conversion.Diagnostics));
        Assert.Equal("XC1108 XC1120 XC1121 XC1122 XC1123 XC1124 XC1127 XC1128 XC1128 XC1130", Ids(conversion)); // XC1108: os.uname() is answered with invented values
        Assert.Equal(
            "guest.cfg(12,1): warning XC1127: disk 'phy:/dev/vg0/win,hda,w!' uses w! (write even if another domain has it); xl has no such access mode, it became 'w' and xl refuses to attach a disk another domain writes [policy]",
            conversion.Diagnostics.Single(d => d.Id == "XC1127").ToString());
    }

    [Fact]
    public void The_converted_text_is_no_file_read_and_edits_like_any_document()
    {
        var conversion = Convert("name = 'a'\nmemory = 64\non_crash = 'destroy'\nbuilder = 'linux'\ncpu = 3\n");
        const string xl = "name = \"a\"\nmemory = 64\non_crash = \"destroy\"\ntype = \"pv\"\n\n# Not carried over from the xm config (xl has no equivalent):\n# cpu = 3\n";

        Assert.Equal(xl, conversion.Text);
        Assert.Equal("guest.cfg", conversion.Document.SourceText.Path);
        // The xl text was written, not read from guest.cfg (the xm file): nothing may compare it with that file.
        Assert.Null(conversion.Document.SourceText.ReadFingerprint);
        var config = Domain.Model.DomainConfig.FromDocument(conversion.Document);
        config.Memory = 128;
        Assert.Equal(xl.Replace("memory = 64", "memory = 128", StringComparison.Ordinal), config.Document.ToString());
    }

    [Theory]
    [InlineData("# -*- coding: utf-8 -*-\nname = 'caf\u00E9'\nmemory = 64\non_crash = 'destroy'\nbuilder = 'linux'\n",
        "name = \"caf\u00E9\"\nmemory = 64\non_crash = \"destroy\"\ntype = \"pv\"\n")]
    [InlineData("# -*- coding: utf-8 -*-\nname = 'a'\nmemory = 64\non_crash = 'destroy'\nbuilder = 'linux'\nextra = 'console=hvc0 \u00FC'\n",
        "name = \"a\"\nmemory = 64\non_crash = \"destroy\"\ntype = \"pv\"\nextra = \"console=hvc0 \u00FC\"\n")]
    [InlineData("# -*- coding: utf-8 -*-\nname = 'a'\nmemory = 64\non_crash = 'destroy'\nbuilder = 'linux'\ndescription = 'G\u00E4ste'\n",
        "name = \"a\"\nmemory = 64\non_crash = \"destroy\"\ntype = \"pv\"\n\n# Not carried over from the xm config (xl has no equivalent):\n# description = \"G\u00E4ste\"\n")]
    public void A_value_that_is_not_ascii_is_converted_character_for_character_wherever_it_comes(string xm, string xl)
    {
        // Python 2 reads a file with other than ASCII only under a coding declaration (PEP 263).
        var conversion = Convert(xm);

        Assert.Equal(xl, conversion.Text);
        Assert.False(conversion.HasErrors, string.Join("\n", conversion.Diagnostics));
        Assert.Null(conversion.Document.SourceText.ReadFingerprint);
    }

    [Fact]
    public void Xm_ip_keys_and_root_fold_into_extra_in_xends_order()
    {
        const string xm = """
            kernel = "/boot/vmlinuz-2.6-xenU"
            memory = 64
            name = "pv1"
            disk = [ 'phy:sda7,sda1,w' ]
            ip = '10.0.0.5'
            netmask = '255.255.255.0'
            gateway = '10.0.0.1'
            hostname = 'pv1'
            root = 'root=/dev/sda1 ro'
            extra = '4'
            builder = 'linux'

            """;
        const string xl = """
            kernel = "/boot/vmlinuz-2.6-xenU"
            memory = 64
            name = "pv1"
            disk = [ "phy:sda7,sda1,w" ]
            extra = "ip=10.0.0.5:127.0.255.255:10.0.0.1:255.255.255.0:pv1:eth0:off root=/dev/sda1 ro 4"
            type = "pv"
            on_crash = "restart"

            """;
        var conversion = Convert(xm.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(xl.Replace("\r", "", StringComparison.Ordinal), conversion.Text);
        Assert.Equal("XC1120 XC1125 XC1125 XC1126", Ids(conversion));
    }

    [Fact]
    public void Nfs_root_with_dhcp_becomes_nfsroot_and_ip_in_extra()
    {
        const string xm = "name = 'nfs'\nkernel = '/boot/vmlinuz'\ndhcp = 'dhcp'\nnfs_server = '169.254.1.0'\nnfs_root = '/full/path'\nroot = '/dev/nfs'\nmemory = 64\n";
        const string xl = "name = \"nfs\"\ntype = \"pv\"\nkernel = \"/boot/vmlinuz\"\nextra = \"ip=:169.254.1.0::::eth0:dhcp root=/dev/nfs nfsroot=169.254.1.0:/full/path \"\nmemory = 64\non_crash = \"restart\"\n";
        Assert.Equal(xl, Convert(xm).Text);
    }

    [Fact]
    public void A_plain_root_stays_root_and_netmask_without_ip_is_dropped()
    {
        var conversion = Convert("name = 'a'\nmemory = 256\nroot = '/dev/xvda1 ro'\nnetmask = '255.0.0.0'\non_crash = 'destroy'\nbuilder = 'linux'\n");
        Assert.Equal("name = \"a\"\nmemory = 256\nroot = \"/dev/xvda1 ro\"\non_crash = \"destroy\"\ntype = \"pv\"\n", conversion.Text);
        Assert.Contains(conversion.Diagnostics, d => d.Id == "XC1125" && d.Message.StartsWith("netmask has no effect", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3, "maxvcpus = 4\nvcpus = 2\n", DiagnosticSeverityText.Info)]
    [InlineData(5, "maxvcpus = 4\nvcpus = 2\n", DiagnosticSeverityText.Warning)]
    [InlineData(15, "maxvcpus = 4\nvcpus = 4\n", DiagnosticSeverityText.Info)]
    public void Vcpu_avail_becomes_maxvcpus_and_the_online_count(int bitmap, string expected, DiagnosticSeverityText severity)
    {
        var conversion = Convert($"name = 'a'\nmemory = 64\nvcpus = 4\nvcpu_avail = {bitmap}\non_crash = 'destroy'\nbuilder = 'linux'\n");
        Assert.Equal("name = \"a\"\nmemory = 64\n" + expected + "on_crash = \"destroy\"\ntype = \"pv\"\n", conversion.Text);
        var diagnostic = Assert.Single(conversion.Diagnostics, d => d.Id == "XC1122");
        Assert.Equal(severity.ToString().ToLowerInvariant(), XenConfig.Diagnostics.Diagnostic.SeverityText(diagnostic.Severity));
        Assert.Equal(4, diagnostic.Location.Start.Line + 1);
    }

    public enum DiagnosticSeverityText
    {
        Info,
        Warning,
    }

    [Fact]
    public void Xm_disk_backend_and_protocol_fields_and_pv_ioemu_vifs_are_rewritten()
    {
        var conversion = Convert("name = 'a'\nmemory = 64\non_crash = 'destroy'\nbuilder = 'linux'\n" +
            "disk = [ 'phy:/dev/vg/a,xvda,w,drv', 'file:/b.img,xvdb,r,drv,x86_64-abi', 'phy:/dev/c,xvdc,w,', 'vdev=xvdd,target=/d' ]\n" +
            "vif = [ 'type=ioemu, bridge=br0', 'mac=00:16:3e:00:00:01' ]\n");
        Assert.Equal(
            "name = \"a\"\nmemory = 64\non_crash = \"destroy\"\ntype = \"pv\"\n" +
            "disk = [\n    \"phy:/dev/vg/a,xvda,w,backend=drv\",\n    \"file:/b.img,xvdb,r,backend=drv\",\n    \"phy:/dev/c,xvdc,w\",\n    \"vdev=xvdd,target=/d\",\n]\n" +
            "vif = [ \"bridge=br0\", \"mac=00:16:3e:00:00:01\" ]\n",
            conversion.Text);
        Assert.Equal("XC1120 XC1133 XC1133 XC1133 XC1134", Ids(conversion));
    }

    [Fact]
    public void Unknown_builder_and_restart_values_are_errors_and_xm_defaults_are_written()
    {
        var conversion = Convert("name = 'x'\nbuilder = 'plan9'\nrestart = 'sometimes'\n");
        Assert.Equal("name = \"x\"\nmemory = 128\non_crash = \"restart\"\n", conversion.Text);
        Assert.True(conversion.HasErrors);
        Assert.Equal("XC1126 XC1126 XC1130 XC1131", Ids(conversion));
    }

    [Fact]
    public void A_key_written_twice_keeps_its_first_place_and_long_lists_after_it_go_one_item_per_line()
    {
        var conversion = Convert(
            "name = 'x'\ncap = 50\ndisk = ['phy:/dev/vg0/x-root,xvda1,w', 'phy:/dev/vg0/x-swap,xvda2,w', 'phy:/dev/vg0/x-data,xvdb,w']\n" +
            "cpu_cap = 20\nmemory = 256\nvif = ['mac=00:16:3e:00:00:01, bridge=xenbr0', 'mac=00:16:3e:00:00:02, bridge=xenbr1']\n");

        Assert.Equal(
            "name = \"x\"\ntype = \"pv\"\ncap = 20\n" +
            "disk = [\n    \"phy:/dev/vg0/x-root,xvda1,w\",\n    \"phy:/dev/vg0/x-swap,xvda2,w\",\n    \"phy:/dev/vg0/x-data,xvdb,w\",\n]\n" +
            "memory = 256\nvif = [\n    \"mac=00:16:3e:00:00:01, bridge=xenbr0\",\n    \"mac=00:16:3e:00:00:02, bridge=xenbr1\",\n]\n" +
            "on_crash = \"restart\"\n",
            conversion.Text);
        Assert.Equal("XC1122 XC1126 XC1126", Ids(conversion));
    }

    [Fact]
    public void A_value_xl_cannot_hold_is_left_out_with_an_error()
    {
        var conversion = Convert("name = 'a\\nb'\nmemory = 64\nbuilder = 'linux'\n");
        Assert.Equal("memory = 64\ntype = \"pv\"\non_crash = \"restart\"\n", conversion.Text);
        Assert.Contains(conversion.Diagnostics, d => d.Id == "XC1129" && d.IsError && d.Location.Start.Line == 0);
    }

    [Fact]
    public void A_config_that_failed_to_evaluate_converts_what_it_had_and_says_so()
    {
        var conversion = Convert("name = 'a'\nmemory = 64 + missing\n");
        Assert.True(conversion.HasErrors);
        Assert.Contains(conversion.Diagnostics, d => d.Id == "XC1104");
        Assert.Contains(conversion.Diagnostics, d => d.Id == "XC1132");
        Assert.Equal("name = \"a\"\ntype = \"pv\"\nmemory = 128\non_crash = \"restart\"\n", conversion.Text);
    }

    public static TheoryData<string> CorpusFiles => XmCorpusTests.CorpusFiles;

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_converted_corpus_file_is_valid_xl_with_the_same_name_and_a_type(string file)
    {
        var evaluation = XmCorpusTests.EvaluateCorpusFile(file);
        var conversion = XmToXlConverter.Convert(evaluation);
        var reparsed = DomainConfigDocument.Parse(conversion.Text);
        Assert.False(reparsed.HasErrors, string.Join("\n", reparsed.Diagnostics));
        Assert.Equal(conversion.Text, reparsed.ToString());
        Assert.Equal(evaluation.HasErrors, conversion.Diagnostics.Any(d => d.Id == "XC1132"));
        if (evaluation.HasErrors)
        {
            return;
        }

        Assert.False(conversion.HasErrors, string.Join("\n", conversion.Diagnostics));
        if (evaluation.Settings.TryGetValue("name", out var name))
        {
            Assert.Equal(name, reparsed.GetValue("name"));
        }

        Assert.Contains(reparsed.GetValue("type")!.Text, new[] { "pv", "hvm" });
        Assert.Null(reparsed.GetValue("builder"));
        Assert.Null(reparsed.GetValue("device_model"));
        Assert.NotNull(reparsed.GetValue("memory"));
        if (reparsed.GetValue("type")!.Text == "hvm")
        {
            // An xm HVM kernel was the firmware loader; in xl it would mean direct kernel boot.
            Assert.Null(reparsed.GetValue("kernel"));
        }
    }

    [Fact]
    public void The_xmexample2_conversion_with_vmid_3_is_exact()
    {
        var path = Path.Combine(RepositoryPaths.Corpus("xm"), "xen-2.0.0__xmexample2");
        var evaluation = XmConfig.Load(path, new XmEvaluationOptions { Variables = new Dictionary<string, string> { ["vmid"] = "3" } });
        const string xl = """
            kernel = "/boot/vmlinuz-2.6.9-xenU"
            memory = 64
            name = "VM3"
            type = "pv"
            disk = [ "phy:sda10,sda1,w", "phy:sda6,sda6,r" ]
            root = "/dev/sda1 ro"
            extra = "4 VMID=3 usr=/dev/sda6"
            on_crash = "restart"

            # Not carried over from the xm config (xl has no equivalent):
            # cpu = 3

            """;
        Assert.Equal(xl.Replace("\r", "", StringComparison.Ordinal), XmToXlConverter.Convert(evaluation).Text);
    }
}
