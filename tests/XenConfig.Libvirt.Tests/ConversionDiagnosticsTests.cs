using XenConfig.Domain;

namespace XenConfig.Libvirt.Tests;

/// <summary>What does not convert is named in a diagnostic with its place, never dropped silently.</summary>
public sealed class ConversionDiagnosticsTests
{
    [Fact]
    public void A_key_libvirt_has_no_element_for_is_a_warning_at_its_line()
    {
        var document = DomainConfigDocument.Parse("name = \"web01\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\nsuperpages = 1\n", "web01.cfg");

        var conversion = LibvirtConverter.ToDomainXml(document);

        var warning = Assert.Single(conversion.Diagnostics);
        Assert.Equal("XC7001", warning.Id);
        Assert.Equal("web01.cfg(3,1): warning XC7001: 'superpages' has no libvirt domain XML equivalent; it was not converted [policy]", warning.ToString());
        Assert.False(conversion.HasErrors);
    }

    [Fact]
    public void A_value_libvirt_cannot_read_is_dropped_with_a_warning_instead_of_failing_the_guest()
    {
        var document = DomainConfigDocument.Parse("name = \"web01\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\ncpus = \"all\"\nvcpus = 2\n");

        var conversion = LibvirtConverter.ToDomainXml(document);

        Assert.Contains(conversion.Diagnostics, d => d.Id == "XC7001" && d.Message.Contains("cpus \"all\"", StringComparison.Ordinal));
        Assert.Null(conversion.Document!.Root!.Element("vcpu")!.Attribute("cpuset"));
        Assert.Equal("2", conversion.Document.Root.Element("vcpu")!.Value);
    }

    [Fact]
    public void A_config_without_a_name_cannot_be_converted()
    {
        var conversion = LibvirtConverter.ToDomainXml(DomainConfigDocument.Parse("memory = 512\n"));

        Assert.True(conversion.HasErrors);
        Assert.Null(conversion.Document);
        Assert.Equal("XC7003", Assert.Single(conversion.Diagnostics).Id);
    }

    [Fact]
    public void A_missing_uuid_is_generated_and_said_so()
    {
        var conversion = LibvirtConverter.ToDomainXml(DomainConfigDocument.Parse("name = \"web01\"\n"));

        var info = Assert.Single(conversion.Diagnostics);
        Assert.Equal("XC7005", info.Id);
        Assert.True(Guid.TryParse(conversion.Document!.Root!.Element("uuid")!.Value, out _));
    }

    [Fact]
    public void An_xml_element_xl_cannot_express_is_a_warning_at_its_line()
    {
        const string xml = """
            <domain type='xen'>
              <name>web01</name>
              <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
              <memory unit='MiB'>512</memory>
              <memtune><hard_limit unit='KiB'>1048576</hard_limit></memtune>
              <os><type>linux</type></os>
            </domain>
            """;

        var conversion = LibvirtConverter.FromDomainXml(xml, "web01.xml");

        var warning = Assert.Single(conversion.Diagnostics);
        Assert.Equal("web01.xml(5,4): warning XC7002: <memtune> has no xl equivalent; it was not converted [policy]", warning.ToString());
        Assert.Contains(conversion.Settings, s => s.Key == "maxmem" && s.Value.Text == "512");
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_an_error_with_its_position()
    {
        var conversion = LibvirtConverter.FromDomainXml("<domain type='xen'>\n  <name>web01</nam>\n</domain>", "bad.xml");

        Assert.True(conversion.HasErrors);
        Assert.Empty(conversion.Settings);
        var error = Assert.Single(conversion.Diagnostics);
        Assert.Equal("XC7004", error.Id);
        Assert.Equal(2, error.Location.Start.Line + 1);
    }

    [Fact]
    public void An_interface_on_a_libvirt_network_is_written_without_a_bridge_and_reported()
    {
        const string xml = """
            <domain type='xen'>
              <name>web01</name>
              <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
              <memory>524288</memory>
              <os><type>linux</type></os>
              <devices>
                <interface type='network'><mac address='00:16:3e:00:00:01'/><source network='default'/></interface>
              </devices>
            </domain>
            """;

        var conversion = LibvirtConverter.FromDomainXml(xml);

        Assert.Contains(conversion.Diagnostics, d => d.Id == "XC7002" && d.Message.Contains("'default'", StringComparison.Ordinal));
        Assert.Equal("mac=00:16:3e:00:00:01,script=vif-bridge", conversion.Settings.Single(s => s.Key == "vif").Value.Items[0].Text);
    }

    [Fact]
    public void A_usbdev_option_without_an_equals_sign_leaves_the_device_unconverted_with_a_warning()
    {
        var document = DomainConfigDocument.Parse("name = \"web01\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\nusbdev = [ \"hostbus=1,junk,hostaddr=3\" ]\n");

        var conversion = LibvirtConverter.ToDomainXml(document);

        Assert.Contains(conversion.Diagnostics, d => d.Message.Contains("usbdev \"hostbus=1,junk,hostaddr=3\"", StringComparison.Ordinal));
        Assert.Empty(conversion.Document!.Root!.Descendants("hostdev"));
    }

    [Fact]
    public void A_vfb_is_read_up_to_its_first_option_without_an_equals_sign_as_libvirt_reads_it()
    {
        var document = DomainConfigDocument.Parse("name = \"web01\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\nvfb = [ \"vnc=1, \tvnclisten=10.0.0.1,,junk,keymap=de\" ]\n");

        var graphics = Assert.Single(LibvirtConverter.ToDomainXml(document).Document!.Root!.Descendants("graphics"));

        Assert.Equal("10.0.0.1", graphics.Attribute("listen")?.Value);
        Assert.Null(graphics.Attribute("keymap"));
    }

    [Fact]
    public void A_channel_spec_with_blanks_after_commas_and_a_trailing_comma_still_converts()
    {
        var document = DomainConfigDocument.Parse("name = \"web01\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\nchannel = [ \"connection=pty, name=org.qemu.guest_agent.0,\" ]\n");

        var channel = Assert.Single(LibvirtConverter.ToDomainXml(document).Document!.Root!.Descendants("channel"));

        Assert.Equal("pty", channel.Attribute("type")?.Value);
        Assert.Equal("org.qemu.guest_agent.0", channel.Element("target")?.Attribute("name")?.Value);
    }
}
