using System.Text.Json;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

public class ConvertCommandTests
{
    [Fact]
    public void An_xm_config_with_python_converts_to_a_static_xl_config_with_the_variables_given()
    {
        var result = CliRunner.Run("convert", Path.Combine(RepositoryPaths.Corpus("xm"), "xen-4.4.0__xmexample2"), "--to", "xl", "--set", "vmid=3");

        Assert.Equal(0, result.ExitCode);
        var converted = DomainConfigDocument.Parse(result.Stdout);
        Assert.False(converted.HasErrors, string.Join("\n", converted.Diagnostics));
        Assert.Equal("VM3", converted.GetValue("name")!.Text);
        Assert.Equal("pv", converted.GetValue("type")!.Text);
        Assert.Contains("XC1126", result.Stderr);
    }

    [Fact]
    public void An_xm_config_that_needs_a_variable_fails_without_it()
    {
        var result = CliRunner.Run("convert", Path.Combine(RepositoryPaths.Corpus("xm"), "xen-4.4.0__xmexample2"), "--to", "xl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("error XC11", result.Stderr);
    }

    [Fact]
    public void A_domain_config_converts_to_yaml_and_the_vm_definition_back_to_the_same_settings()
    {
        using var folder = new TempFolder();
        var cfg = RepositoryPaths.InRepository("examples", "guests", "db01", "db01.cfg");

        var yaml = CliRunner.Run("convert", cfg, "--to", "yaml");
        Assert.Equal(0, yaml.ExitCode);
        var definition = folder.Write("db01.vm.yaml", yaml.Stdout);
        var xl = CliRunner.Run("convert", definition, "--to", "xl");

        Assert.Equal(0, xl.ExitCode);
        var original = DomainConfigDocument.Load(cfg).Settings;
        var roundTripped = DomainConfigDocument.Parse(xl.Stdout).Settings;
        Assert.Equal(original.Keys, roundTripped.Keys);
        Assert.All(original, s => Assert.Equal(s.Value.Value, roundTripped[s.Key].Value));
    }

    [Fact]
    public void Convert_to_yaml_refuses_a_config_whose_yaml_would_not_convert_back_and_names_the_keys()
    {
        using var folder = new TempFolder();
        var cfg = folder.Write("web.cfg", "name = \"web\"\nmemory = 512\nextra = \"a\\nb\"\ncmdline = \"c\\nd\"\n");

        var result = CliRunner.Run("convert", cfg, "--to", "yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("web.cfg(3,1): error XC1135:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("for 'extra', 'cmdline'; nothing was written", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_to_json_of_an_xm_config_uses_the_variables_for_output_and_exit_code()
    {
        var result = CliRunner.Run("convert", Path.Combine(RepositoryPaths.Corpus("xm"), "xen-4.4.0__xmexample2"), "--to", "json", "--kind", "xm", "--set", "vmid=3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("VM3", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("settings").GetProperty("name").GetString());
    }

    [Fact]
    public void Convert_to_json_prints_the_show_contract()
    {
        var result = CliRunner.Run("convert", RepositoryPaths.InRepository("examples", "guests", "web01", "web01.cfg"), "--to", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("xl", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void Show_of_an_xm_config_has_kind_xm_and_its_evaluated_settings()
    {
        // import os, re; arch = os.uname()[4]; if re.search('64', arch): ...
        var result = CliRunner.Run("show", Path.Combine(RepositoryPaths.Corpus("xm"), "xen-3.0.0__xmexample.vmx"));

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("xm", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("vmx", json.RootElement.GetProperty("settings").GetProperty("builder").GetString());
        Assert.Equal("hvm", json.RootElement.GetProperty("model").GetProperty("type").GetString());
        Assert.Equal("/usr/lib64/xen/bin/qemu-dm", json.RootElement.GetProperty("settings").GetProperty("device_model").GetString());
    }
}

public class ConvertLibvirtCommandTests
{
    private const string WebConfig = """
        # web server guest
        name = "web01"    # production
        uuid = "c7a5fdb2-cdaf-9455-926a-d65c16db1809"
        memory = 1024
        vcpus = 2
        # the root disk
        disk = [ 'format=raw,vdev=xvda,access=rw,backendtype=phy,target=/dev/vg0/web01' ]
        bootloader = "/usr/bin/pygrub"
        superpages = 1

        """;

    [Fact]
    public void An_xl_config_converts_to_libvirt_xml_and_names_what_did_not_convert()
    {
        using var folder = new TempFolder();
        var cfg = folder.Write("web01.cfg", WebConfig);

        var result = CliRunner.Run("convert", cfg, "--to", "libvirt");

        Assert.Equal(0, result.ExitCode);
        var xml = System.Xml.Linq.XDocument.Parse(result.Stdout);
        Assert.Equal("web01", xml.Root!.Element("name")!.Value);
        Assert.Equal("/dev/vg0/web01", xml.Root.Element("devices")!.Element("disk")!.Element("source")!.Attribute("dev")!.Value);
        Assert.Contains("web01.cfg(9,1): warning XC7001: 'superpages'", result.Stderr);
    }

    [Fact]
    public void An_xm_config_converts_to_libvirt_xml_with_the_xen_xm_rules()
    {
        var result = CliRunner.Run("convert", Path.Combine(RepositoryPaths.TestData, "libvirt", "xmconfigdata", "test-paravirt-vcpu.cfg"), "--to", "libvirt", "--kind", "xm");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("XenGuest1", System.Xml.Linq.XDocument.Parse(result.Stdout).Root!.Element("name")!.Value);
    }

    [Fact]
    public void Domain_xml_applied_into_a_config_changes_only_the_changed_values_and_keeps_comments()
    {
        using var folder = new TempFolder();
        var cfg = folder.Write("web01.cfg", WebConfig);
        var xml = CliRunner.Run("convert", cfg, "--to", "libvirt").Stdout
            .Replace("<vcpu placement='static'>2</vcpu>", "<vcpu placement='static'>4</vcpu>", StringComparison.Ordinal);
        var xmlFile = folder.Write("web01.xml", xml);

        var result = CliRunner.Run("convert", xmlFile, "--to", "xl", "--into", cfg);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(WebConfig.Replace("vcpus = 2", "vcpus = 4", StringComparison.Ordinal)
            .Replace("superpages = 1\n", "superpages = 1\nmaxmem = 1024\nlocaltime = 0\non_poweroff = \"destroy\"\non_reboot = \"restart\"\non_crash = \"restart\"\n", StringComparison.Ordinal),
            File.ReadAllText(cfg));
    }

    [Fact]
    public void Domain_xml_converts_to_an_xl_config_on_standard_output()
    {
        using var folder = new TempFolder();
        var xmlFile = folder.Write("guest.xml", File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "libvirt", "xlconfigdata", "test-paravirt-cmdline.xml")));

        var result = CliRunner.Run("convert", xmlFile, "--to", "xl");

        Assert.Equal(0, result.ExitCode);
        var config = DomainConfigDocument.Parse(result.Stdout);
        Assert.False(config.HasErrors, string.Join("\n", config.Diagnostics));
        Assert.Equal("root=/dev/xvda1 console=hvc0", config.GetValue("cmdline")!.Text);
    }

    [Fact]
    public void Into_without_domain_xml_input_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var cfg = folder.Write("web01.cfg", WebConfig);

        var result = CliRunner.Run("convert", cfg, "--to", "xl", "--into", cfg);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--into", result.Stderr);
    }
}
