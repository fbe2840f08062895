using FluentValidation.TestHelper;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Validation;

namespace XenConfig.Validation.Tests;

/// <summary>Each rule of <see cref="DomainConfigValidator"/>: a small bad input (id, line, column) and its fix.</summary>
public class DomainConfigRulesTests
{
    private const string Valid = "name = 'web'\nkernel = '/boot/vmlinuz'\nroot = '/dev/xvda1 ro'\nmemory = 512\nmaxmem = 1024\nvcpus = 1\nmaxvcpus = 2\n" +
        "uuid = '6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01'\non_crash = 'restart'\n" +
        "disk = [ 'phy:/dev/vg0/web,xvda1,w', 'phy:/dev/vg0/swap,xvda2,w' ]\nvif = [ 'mac=00:16:3e:00:00:01,bridge=xenbr0' ]\n";

    private static readonly DomainConfigValidator Validator = new();

    private static IReadOnlyList<(string Id, int Line, int Column)> Findings(string text) =>
        Validator.TestValidate(DomainConfig.FromDocument(DomainConfigDocument.Parse(text, "guest.cfg")))
            .Errors.Select(e => (XenConfig.Diagnostics.Diagnostic)e.CustomState)
            .Select(d => (d.Id, d.Location.Start.DisplayLine, d.Location.Start.DisplayColumn)).ToList();

    [Fact]
    public void A_valid_config_has_no_findings() => Assert.Empty(Findings(Valid));

    [Theory]
    [InlineData("XC2001", "name = 'web'\n", "", 1, 1)]
    [InlineData("XC2002", "memory = 512\n", "memory = 'lots'\n", 4, 10)]
    [InlineData("XC2003", "vcpus = 1\n", "vcpus = 1\nmemmory = 2\n", 7, 1)]
    [InlineData("XC2004", "memory = 512\n", "memory = 2048\n", 4, 10)]
    [InlineData("XC2005", "vcpus = 1\n", "vcpus = 4\n", 6, 9)]
    [InlineData("XC2006", "kernel = '/boot/vmlinuz'\n", "", 1, 1)]
    [InlineData("XC2007", "on_crash = 'restart'\n", "on_crash = 'reboot'\n", 9, 12)]
    [InlineData("XC2008", "uuid = '6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01'\n", "uuid = '6c1f4a52-1f0b-4d6e-9c51'\n", 8, 8)]
    [InlineData("XC2009", "name = 'web'\n", "name = 'web'\nbuilder = 'linux'\n", 2, 11)]
    [InlineData("XC2009", "name = 'web'\n", "name = 'web'\ntype = 'hvm'\nbuilder = 'generic'\n", 3, 11)]
    [InlineData("XC2010", "'phy:/dev/vg0/swap,xvda2,w'", "'phy:/dev/vg0/swap,xvda2,w,extra'", 10, 65)]
    [InlineData("XC2011", "'phy:/dev/vg0/swap,xvda2,w'", "'phy:/dev/vg0/swap,xvda1,w'", 10, 38)]
    [InlineData("XC2012", "root = '/dev/xvda1 ro'", "root = '/dev/xvdb1 ro'", 3, 8)]
    [InlineData("XC2013", "'phy:/dev/vg0/web,xvda1,w'", "'phy:/dev/vg0/web,xvda1,r'", 3, 8)]
    [InlineData("XC2021", "mac=00:16:3e:00:00:01", "mac=00:16:3e:00:00", 11, 14)]
    [InlineData("XC2022", "mac=00:16:3e:00:00:01", "mac=01:16:3e:00:00:01", 11, 9)]
    [InlineData("XC2023", "'mac=00:16:3e:00:00:01,bridge=xenbr0'", "'mac=00:16:3e:00:00:01,bridge=xenbr0', 'mac=00:16:3e:00:00:01,bridge=xenbr1'", 11, 48)]
    public void Each_rule_reports_its_id_at_the_offending_token(string id, string good, string bad, int line, int column)
    {
        var text = Valid.Replace(good, bad, StringComparison.Ordinal);
        if (id == "XC2013")
        {
            text += "extra = 'rw'\n";
        }

        Assert.NotEqual(Valid, text);
        var findings = Findings(text);

        Assert.Contains((id, line, column), findings);
        Assert.DoesNotContain(findings, f => f.Id != id && f.Id != "XC2002" && id != "XC2001");
    }

    [Fact]
    public void A_root_device_from_extra_is_reported_at_extra_because_the_kernel_takes_the_last_root()
    {
        var text = Valid + "extra = 'root=/dev/xvdb1 console=hvc0'\n";

        Assert.Contains(("XC2012", 12, 9), Findings(text));
        Assert.Equal(new KernelRootDevice("/dev/xvdb1", "extra"), DomainConfig.FromDocument(DomainConfigDocument.Parse(text)).KernelRoot);
    }

    [Fact]
    public void Cmdline_overrides_root_and_extra_as_the_source_of_root()
    {
        var config = DomainConfig.FromDocument(DomainConfigDocument.Parse(Valid + "extra = 'root=/dev/xvdb1'\ncmdline = 'root=/dev/xvda2 ro'\n"));

        Assert.Equal(new KernelRootDevice("/dev/xvda2", "cmdline"), config.KernelRoot);
    }

    [Fact]
    public void Root_device_may_be_a_partition_of_a_whole_disk()
    {
        Assert.Empty(Findings(Valid.Replace("xvda1,w'", "xvda,w'").Replace("'phy:/dev/vg0/swap,xvda2,w'", "'phy:/dev/vg0/swap,xvdb,w'")));
    }

    [Fact]
    public void Root_device_named_xvd_for_an_hd_disk_matches_with_an_info_about_the_guest_kernel()
    {
        var findings = Findings(Valid.Replace("xvda1,w'", "hda1,w'").Replace("xvda2,w'", "hda2,w'"));

        Assert.Equal([("XC5007", 3, 8)], findings);
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_known_key()
    {
        var result = Validator.TestValidate(DomainConfig.FromDocument(DomainConfigDocument.Parse(Valid + "memmory = 2\n")));

        result.ShouldHaveValidationErrorFor("XC2003").WithErrorCode("XC2003").WithErrorMessage("unknown key 'memmory'; xl ignores it silently (did you mean 'memory'?)");
    }

    [Fact]
    public void A_pygrub_guest_is_not_checked_for_root_in_the_config()
    {
        var text = "name = 'mail'\nbootloader = 'pygrub'\ndisk = [ 'phy:/dev/vg0/mail,xvda,w' ]\nextra = 'root=/dev/sdz1'\n";

        Assert.Empty(Findings(text));
    }
}
