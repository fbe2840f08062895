using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Testing;

namespace XenConfig.Tests.Domain;

public class DomainConfigTests
{
    [Theory]
    [InlineData("type = 'hvm'", GuestType.Hvm)]
    [InlineData("type = 'h'", GuestType.Hvm)]
    [InlineData("type = ''", GuestType.Hvm)]
    [InlineData("type = 'p'", GuestType.Pv)]
    [InlineData("type = 'pvh'", GuestType.Pvh)]
    [InlineData("builder = 'hvm'", GuestType.Hvm)]
    [InlineData("builder = 'generic'", GuestType.Pv)]
    [InlineData("name = 'x'", GuestType.Pv)]
    [InlineData("type = 'xen'", null)]
    [InlineData("builder = 'linux'", null)]
    public void Guest_type_is_resolved_with_xl_prefix_matching(string text, GuestType? expected) =>
        Assert.Equal(expected, DomainConfig.Parse(text + "\n").Type);

    [Theory]
    [InlineData("memory = 0x200", 512L)]
    [InlineData("memory = 010", 8L)]
    [InlineData("memory = '256'", 256L)]
    [InlineData("memory = \" 2\"", 2L)]
    [InlineData("memory = 08", null)]
    [InlineData("memory = \"512 \"", null)]
    [InlineData("memory = 512\nmemory += 512", null)]
    [InlineData("memory = [ 512 ]", null)]
    public void Numbers_are_read_with_strtol_base_0_over_the_whole_text(string text, long? expected) =>
        Assert.Equal(expected, DomainConfig.Parse(text + "\n").Memory);

    [Theory]
    [InlineData("cmdline = 'a'\nroot = '/dev/xvda1'\nextra = 'b'", "a")]
    [InlineData("root = '/dev/xvda1 ro'\nextra = 'console=hvc0'", "root=/dev/xvda1 ro console=hvc0")]
    [InlineData("root = '/dev/xvda1'", "root=/dev/xvda1")]
    [InlineData("extra = 'quiet'", "quiet")]
    [InlineData("name = 'x'", null)]
    public void Kernel_command_line_is_composed_as_xl_composes_it(string text, string? expected) =>
        Assert.Equal(expected, DomainConfig.Parse(text + "\n").KernelCommandLine);

    [Fact]
    public void Device_lists_stop_at_a_nested_list_as_xl_does()
    {
        var config = DomainConfig.Parse("disk = [ 'phy:/dev/vg0/a,xvda,w', ['nested'], 'phy:/dev/vg0/b,xvdb,w' ]\n");

        Assert.Equal(["phy:/dev/vg0/a,xvda,w"], config.DiskSpecs);
    }

    [Fact]
    public void Setters_write_through_the_tree_and_keep_everything_else()
    {
        const string text = "# guest\nname = 'a'  # n\nmemory = 0x200\n";
        var config = DomainConfig.Parse(text);

        config.Memory = 512;            // same number: the 0x200 stays
        config.Name = "b";
        config.MaxMemory = 1024;
        config.Kernel = null;           // not set: nothing to remove

        Assert.Equal("# guest\nname = 'b'  # n\nmemory = 0x200\nmaxmem = 1024\n", config.ToString());
        config.Memory = null;
        Assert.Equal("# guest\nname = 'b'  # n\nmaxmem = 1024\n", config.ToString());
        Assert.Equal(1024, config.EffectiveMemory);
    }

    [Fact]
    public void Unknown_keys_are_listed_not_dropped()
    {
        var config = DomainConfig.Parse("name = 'x'\nmemmory = 512\ndhcp = 'dhcp'\n");

        Assert.Equal(["memmory", "dhcp"], config.UnknownKeys);
        Assert.Equal("memory", DomainKeys.Suggest("memmory"));
        Assert.Equal("512", config.GetString("memmory"));
    }

    [Theory]
    [InlineData("memory = 'lots'", "memory")]
    [InlineData("name = [ 'a' ]", "name")]
    [InlineData("disk = 'phy:/dev/x,xvda,w'", "disk")]
    [InlineData("vcpus = 1\nvcpus += 1", "vcpus")]
    public void Values_of_the_wrong_type_are_explained(string text, string key) =>
        Assert.NotNull(DomainConfig.Parse(text + "\n").GetTypeProblem(key));

    [Fact]
    public void Parse_throws_with_every_diagnostic_and_TryParse_returns_them()
    {
        const string text = "Memory = 512\nname = 'x' extra = 'y'\n";

        var exception = Assert.Throws<XenConfigException>(() => DomainConfig.Parse(text, "bad.cfg"));
        Assert.True(exception.Diagnostics.Count(d => d.IsError) >= 2);
        Assert.False(DomainConfig.TryParse(text, out var config, out var diagnostics));
        Assert.Null(config);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.InvalidKey.Id);
    }

    public static TheoryData<string> CorpusConfigs() => RepositoryPaths.FilesUnder(RepositoryPaths.Corpus("xl"));

    [Theory]
    [MemberData(nameof(CorpusConfigs))]
    public void Every_xl_corpus_config_loads_into_the_model(string file)
    {
        var document = DomainConfigDocument.Load(Path.Combine(RepositoryPaths.Corpus("xl"), file));
        var config = DomainConfig.FromDocument(document);

        Assert.False(document.HasErrors, string.Join("\n", document.Diagnostics));
        Assert.NotNull(config.Name);
        Assert.All(config.UnknownKeys, key => Assert.True(document.Settings.ContainsKey(key)));
    }
}

public class DomainConfigCommonKeyTests
{
    [Fact]
    public void Common_hvm_keys_read_with_xl_types()
    {
        var config = DomainConfig.Parse("type = 'hvm'\nacpi = 0\napic = 2\nvnc = 1\nvnclisten = '0.0.0.0'\nvideoram = 16\nviridian = [ 'defaults' ]\nserial = 'pty'\nusbdevice = [ 'tablet' ]\ncpus = '0-3,^1'\n");

        Assert.False(config.Acpi);
        Assert.True(config.Apic);
        Assert.Null(config.Pae);
        Assert.Equal("1", DomainConfig.GetDefault("pae"));
        Assert.Equal(16, config.VideoRam);
        Assert.Equal(["defaults"], config.Viridian!);
        Assert.Equal(["pty"], config.Serial!);
        Assert.Equal(["tablet"], config.UsbDevice!);
        Assert.NotNull(config.CpuAffinity);
    }

    [Fact]
    public void Boolean_setters_keep_an_equivalent_number_and_write_0_or_1()
    {
        var config = DomainConfig.Parse("apic = 2\n");

        config.Apic = true;
        config.Acpi = false;

        Assert.Equal("apic = 2\nacpi = 0\n", config.ToString());
    }
}

public class DomainConfigPutTests
{
    private const string Text = "# guest\nname = 'web' # the name\nmemory = 0x200\nvcpus = 1\nkernel = '/boot/vmlinuz'\non_crash = 'destroy'\n" +
        "disk = [\n    'phy:/dev/vg0/web,xvda1,w',\n    'phy:/dev/vg0/swap,xvda2,w',\n]\nvif = [ 'bridge=xenbr0' ]\n";

    [Theory]
    [InlineData("Name", "web2", "name = 'web2' # the name")]
    [InlineData("Memory", 1024L, "memory = 1024")]
    [InlineData("Vcpus", 2L, "vcpus = 2")]
    [InlineData("Kernel", "/boot/vmlinuz-6.1", "kernel = '/boot/vmlinuz-6.1'")]
    [InlineData("OnCrash", "preserve", "on_crash = 'preserve'")]
    public void A_setter_rewrites_only_its_value(string property, object value, string expectedLine)
    {
        var config = DomainConfig.Parse(Text);
        var key = expectedLine[..expectedLine.IndexOf(' ', StringComparison.Ordinal)];
        var originalLine = Text.Split('\n').First(l => l.StartsWith(key + " ", StringComparison.Ordinal));

        typeof(DomainConfig).GetProperty(property)!.SetValue(config, value);

        Assert.Equal(Text.Replace(originalLine, expectedLine, StringComparison.Ordinal), config.ToString());
    }

    [Fact]
    public void A_setter_to_the_current_value_changes_no_byte()
    {
        var config = DomainConfig.Parse(Text);

        config.Name = "web";
        config.Memory = 512;
        config.Acpi = null;

        Assert.Equal(Text, config.ToString());
    }

    [Fact]
    public void Disk_setters_keep_the_one_item_per_line_layout()
    {
        var config = DomainConfig.Parse(Text);

        config.SetDisk(1, "phy:/dev/vg1/swap,xvda2,w");
        config.AddDisk("file:/srv/iso/install.iso,xvdc:cdrom,r");
        config.RemoveDisk(0);

        Assert.Equal(Text.Replace("    'phy:/dev/vg0/web,xvda1,w',\n    'phy:/dev/vg0/swap,xvda2,w',\n", "    'phy:/dev/vg1/swap,xvda2,w',\n    'file:/srv/iso/install.iso,xvdc:cdrom,r',\n", StringComparison.Ordinal), config.ToString());
        Assert.Equal(["xvda2", "xvdc"], config.Disks.Select(d => d.Vdev));
    }

    [Fact]
    public void Vif_setters_keep_the_one_line_layout()
    {
        var config = DomainConfig.Parse(Text);

        config.AddVif("bridge=xenbr1,mac=00:16:3e:00:00:02");
        config.SetVif(0, "bridge=xenbr2");

        Assert.Equal(Text.Replace("vif = [ 'bridge=xenbr0' ]", "vif = [ 'bridge=xenbr2', 'bridge=xenbr1,mac=00:16:3e:00:00:02' ]", StringComparison.Ordinal), config.ToString());
        Assert.Equal("00:16:3e:00:00:02", config.Vifs[1].Mac!.ToString());
    }

    [Fact]
    public void Device_setters_refuse_specs_xl_rejects()
    {
        var config = DomainConfig.Parse(Text);

        Assert.Throws<XenConfig.Devices.DeviceSpecFormatException>(() => config.AddDisk("phy:/dev/x,xvda,w,extra"));
        Assert.Equal(Text, config.ToString());
    }
}
