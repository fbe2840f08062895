using FluentValidation;
using FluentValidation.TestHelper;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Fstab;
using XenConfig.Grub;

namespace XenConfig.Validation.Tests;

public sealed class GuestValidatorTests
{
    private const string Config = """
        name   = "g1"
        type   = "pv"
        kernel = "/boot/vmlinuz"
        root   = "/dev/xvda1 ro"
        disk   = [ 'phy:/dev/vg0/g1-root,xvda1,w',
                   'phy:/dev/vg0/g1-swap,xvda2,w' ]

        """;

    private const string Fstab = """
        /dev/xvda1  /      ext4  defaults  0 1
        /dev/xvda2  none   swap  sw        0 0
        proc        /proc  proc  defaults  0 0

        """;

    private readonly GuestValidator _validator = new();

    private static Guest Guest(string config, string? fstab = null, string? menu = null) =>
        new(
            DomainConfig.FromDocument(DomainConfigDocument.Parse(config, "g1.cfg")),
            fstab is null ? null : FstabDocument.Parse(fstab, "fstab"),
            menu is null ? null : GrubMenuDocument.Parse(menu, "menu.lst"));

    private TestValidationResult<Guest> Validate(Guest guest) =>
        _validator.TestValidate(guest, options => options.IncludeRuleSets(ValidationRuleSets.CrossCheck));

    [Fact]
    public void Consistent_guest_is_clean()
    {
        Validate(Guest(Config, Fstab)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Rules_belong_to_the_crosscheck_rule_set()
    {
        var result = _validator.TestValidate(Guest(Config, Fstab + "/dev/xvdb1 /srv ext4 defaults 0 2\n"), options => options.IncludeRuleSets(ValidationRuleSets.Default));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5001_fstab_device_not_provided_by_any_disk()
    {
        var result = Validate(Guest(Config, Fstab + "/dev/xvdb1  /srv  ext4  defaults  0 2\n"));

        var diagnostic = ValidationAssert.Single(result, "XC5001", 4, 1, "fstab");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void XC5001_fixed_by_adding_the_whole_disk()
    {
        var config = Config.Replace("g1-swap,xvda2,w' ]", "g1-swap,xvda2,w', 'phy:/dev/vg0/g1-srv,xvdb,w' ]", StringComparison.Ordinal);

        Validate(Guest(config, Fstab + "/dev/xvdb1  /srv  ext4  defaults  0 2\n")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5001_swap_with_target_none_is_checked_by_its_source()
    {
        var result = Validate(Guest(Config, Fstab + "/dev/xvda3  none  swap  sw  0 0\n"));

        ValidationAssert.Single(result, "XC5001", 4, 1);
    }

    [Fact]
    public void XC5001_noauto_or_nofail_entry_is_a_warning()
    {
        var result = Validate(Guest(Config, Fstab + "/dev/xvdd  /media/usb  vfat  noauto,user  0 0\n"));

        Assert.Equal(DiagnosticSeverity.Warning, ValidationAssert.Single(result, "XC5001", 4, 1).Severity);
    }

    [Fact]
    public void XC5001_skips_pseudo_network_lvm_and_file_sources()
    {
        const string extra = """
            tmpfs                /tmp        tmpfs  size=64m  0 0
            nfs.example:/export  /srv/nfs    nfs    defaults  0 0
            //files/share        /srv/smb    cifs   guest     0 0
            /dev/mapper/vg-data  /srv/data   ext4   defaults  0 2
            /swapfile            none        swap   sw        0 0

            """;

        Validate(Guest(Config, Fstab + extra)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5002_fstab_root_differs_from_kernel_root()
    {
        const string fstab = """
            /dev/xvda2  /      ext4  defaults  0 1
            /dev/xvda1  /boot  ext2  defaults  0 2

            """;

        var diagnostic = ValidationAssert.Single(Validate(Guest(Config, fstab)), "XC5002", 1, 1, "fstab");
        Assert.Contains("root=/dev/xvda1 (root in g1.cfg line 4)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XC5002_fixed_when_root_and_fstab_agree()
    {
        const string fstab = """
            /dev/xvda1  /      ext4  defaults  0 1
            /dev/xvda2  /boot  ext2  defaults  0 2

            """;

        Validate(Guest(Config, fstab)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5002_uses_the_default_entry_of_the_menu_for_a_pygrub_guest()
    {
        const string config = """
            name       = "g1"
            bootloader = "pygrub"
            disk       = [ 'phy:/dev/vg0/g1-root,xvda1,w', 'phy:/dev/vg0/g1-swap,xvda2,w' ]

            """;
        const string menu = """
            default 1
            title old
            kernel /vmlinuz root=/dev/xvda1 ro
            title new
            kernel /vmlinuz root=/dev/xvda2 ro

            """;

        var diagnostic = ValidationAssert.Single(Validate(Guest(config, Fstab, menu)), "XC5002", 1, 1);
        Assert.Contains("root=/dev/xvda2 (default entry 'new' of menu.lst line 5)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XC5003_fstab_mounts_read_write_a_read_only_disk()
    {
        var config = Config.Replace("g1-swap,xvda2,w' ]", "g1-swap,xvda2,w', 'phy:/dev/vg0/archive,xvdb,r' ]", StringComparison.Ordinal);

        var result = Validate(Guest(config, Fstab + "/dev/xvdb1  /archive  ext4  noatime,rw  0 2\n"));

        ValidationAssert.Single(result, "XC5003", 4, 29);
    }

    [Fact]
    public void XC5003_fixed_by_mounting_read_only()
    {
        var config = Config.Replace("g1-swap,xvda2,w' ]", "g1-swap,xvda2,w', 'phy:/dev/vg0/archive,xvdb,r' ]", StringComparison.Ordinal);

        Validate(Guest(config, Fstab + "/dev/xvdb1  /archive  ext4  rw,noatime,ro  0 2\n")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5004_writable_disk_used_by_nothing()
    {
        var config = Config.Replace("g1-swap,xvda2,w' ]", "g1-swap,xvda2,w',\n           'phy:/dev/vg0/spare,xvdc,w' ]", StringComparison.Ordinal);

        var diagnostic = ValidationAssert.Single(Validate(Guest(config, Fstab)), "XC5004", 7, 12, "g1.cfg");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public void XC5004_points_at_a_disk_appended_with_plus_equals()
    {
        var config = Config + "disk += [ 'phy:/dev/vg0/spare,xvdc,w' ]\n";

        ValidationAssert.Single(Validate(Guest(config, Fstab)), "XC5004", 7, 11, "g1.cfg");
    }

    [Fact]
    public void XC5004_fixed_by_exporting_the_disk_read_only_or_mounting_it()
    {
        var readOnly = Config.Replace("g1-swap,xvda2,w' ]", "g1-swap,xvda2,w', 'phy:/dev/vg0/spare,xvdc,r' ]", StringComparison.Ordinal);
        var writable = Config.Replace("g1-swap,xvda2,w' ]", "g1-swap,xvda2,w', 'phy:/dev/vg0/spare,xvdc,w' ]", StringComparison.Ordinal);

        Validate(Guest(readOnly, Fstab)).ShouldNotHaveAnyValidationErrors();
        Validate(Guest(writable, Fstab + "/dev/xvdc  /spare  ext4  defaults  0 2\n")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5004_is_not_reported_without_an_fstab_or_with_sources_that_name_no_disk()
    {
        var config = Config.Replace("g1-swap,xvda2,w' ]", "g1-swap,xvda2,w', 'phy:/dev/vg0/spare,xvdc,w' ]", StringComparison.Ordinal);

        Validate(Guest(config)).ShouldNotHaveAnyValidationErrors();
        Validate(Guest(config, Fstab + "/dev/mapper/vg-data  /data  ext4  defaults  0 2\n")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5005_menu_entry_passes_a_root_no_disk_provides()
    {
        const string menu = """
            default 0
            title Linux
            kernel /vmlinuz root=/dev/xvda1 ro
            title Linux (rescue)
            kernel /vmlinuz ro root=/dev/xvdz1 single

            """;

        var diagnostic = ValidationAssert.Single(Validate(Guest(Config, null, menu)), "XC5005", 5, 20, "menu.lst");
        Assert.Contains("entry 'Linux (rescue)'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XC5005_fixed_when_every_entry_names_a_disk()
    {
        const string menu = """
            default 0
            title Linux
            kernel /vmlinuz root=/dev/xvda1 ro
            title Linux (rescue)
            kernel /vmlinuz ro root=/dev/xvda1 single

            """;

        Validate(Guest(Config, null, menu)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5006_tag_sources_are_reported_as_uncheckable()
    {
        var result = Validate(Guest(Config, Fstab + "LABEL=data  /data  ext4  defaults  0 2\n"));

        Assert.Equal(DiagnosticSeverity.Info, ValidationAssert.Single(result, "XC5006", 4, 1).Severity);
        Validate(Guest(Config, Fstab)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC5007_match_through_modern_kernel_names_is_an_info()
    {
        const string config = """
            name   = "g1"
            kernel = "/boot/vmlinuz"
            root   = "/dev/hda1 ro"
            disk   = [ 'phy:VolGroup01/g1-root,hda1,w', 'phy:VolGroup01/g1-data,hdb,w' ]

            """;
        const string fstab = """
            /dev/hda1   /      ext3  defaults  1 1
            /dev/xvdb1  /data  ext3  defaults  1 2

            """;

        var diagnostic = ValidationAssert.Single(Validate(Guest(config, fstab)), "XC5007", 2, 1);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Validate(Guest(config, fstab.Replace("/dev/xvdb1", "/dev/hdb1 ", StringComparison.Ordinal))).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void A_default_validator_without_rule_sets_runs_every_check()
    {
        var result = new GuestValidator().Validate(Guest(Config, Fstab + "/dev/xvdb1  /srv  ext4  defaults  0 2\n"));

        Assert.Contains(result.ToDiagnostics(), d => d.Id == "XC5001");
        Assert.False(result.IsValidAt());
    }

    [Fact]
    public void A_default_validator_that_throws_on_failures_still_runs_every_check() =>
        Assert.Throws<ValidationException>(() => new GuestValidator().Validate(Guest(Config, Fstab + "/dev/xvdb1 /srv ext4 defaults 0 2\n"), options => options.ThrowOnFailures()));

    [Fact]
    public void A_result_with_only_infos_is_valid_at_warning_level_though_fluent_validation_says_invalid()
    {
        const string config = "name = \"g1\"\nkernel = \"/boot/vmlinuz\"\nroot = \"/dev/hda1 ro\"\ndisk = [ 'phy:vg/r,hda1,w', 'phy:vg/d,hdb,w' ]\n";
        const string fstab = "/dev/hda1 / ext3 defaults 1 1\n/dev/xvdb1 /data ext3 defaults 1 2\n";

        var result = new GuestValidator().Validate(Guest(config, fstab));

        Assert.Equal("XC5007", Assert.Single(result.ToDiagnostics()).Id);
        Assert.False(result.IsValid);
        Assert.True(result.IsValidAt());
        Assert.False(result.IsValidAt(DiagnosticSeverity.Info));
    }
}
