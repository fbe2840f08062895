using System.Globalization;
using FluentValidation;
using FluentValidation.TestHelper;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;

namespace XenConfig.Validation.Tests;

public sealed class RepositoryValidatorTests
{
    private readonly RepositoryValidator _validator = new();

    private static Guest Domain(string path, string name, string uuid, string disks, string vifs) =>
        new(DomainConfig.FromDocument(DomainConfigDocument.Parse(
            $"name = \"{name}\"\nuuid = \"{uuid}\"\nkernel = \"/k\"\ndisk = [ {disks} ]\nvif = [ {vifs} ]\n", path)));

    private static Guest First() =>
        Domain("a.cfg", "web", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01", "'phy:vg0/web-root,xvda1,w'", "'mac=00:16:3e:00:00:01'");

    private TestValidationResult<GuestRepository> Validate(params Guest[] guests) =>
        _validator.TestValidate(new GuestRepository(guests), options => options.IncludeRuleSets(ValidationRuleSets.CrossCheck));

    [Fact]
    public void Distinct_domains_are_clean()
    {
        Validate(First(), Domain("b.cfg", "db", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a02", "'phy:vg0/db-root,xvda1,w'", "'mac=00:16:3e:00:00:02'"))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC6001_two_domains_share_a_name()
    {
        var result = Validate(First(), Domain("b.cfg", "web", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a02", "'phy:vg0/db-root,xvda1,w'", "'mac=00:16:3e:00:00:02'"));

        var diagnostic = ValidationAssert.Single(result, "XC6001", 1, 8, "b.cfg");
        Assert.Contains("a.cfg line 1", diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void XC6002_two_domains_share_a_uuid_in_any_letter_case()
    {
        var result = Validate(First(), Domain("b.cfg", "db", "6C1F4A52-1F0B-4D6E-9C51-0C9A7E2F5A01", "'phy:vg0/db-root,xvda1,w'", "'mac=00:16:3e:00:00:02'"));

        ValidationAssert.Single(result, "XC6002", 2, 8, "b.cfg");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void XC6003_two_domains_share_a_mac()
    {
        var result = Validate(First(), Domain("b.cfg", "db", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a02", "'phy:vg0/db-root,xvda1,w'", "'bridge=xenbr0', 'mac=00:16:3E:00:00:01'"));

        var diagnostic = ValidationAssert.Single(result, "XC6003", 5, 26, "b.cfg");
        Assert.Contains("a.cfg line 5", diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void XC6003_leaves_duplicates_within_one_domain_to_XC2023()
    {
        Validate(Domain("a.cfg", "web", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01", "'phy:vg0/web-root,xvda1,w'", "'mac=00:16:3e:00:00:01', 'mac=00:16:3e:00:00:01'"))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC6004_relative_phy_target_is_the_same_as_the_absolute_path()
    {
        var result = Validate(First(), Domain("b.cfg", "db", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a02", "'phy:/dev/vg0//web-root,xvdb,r'", "'mac=00:16:3e:00:00:02'"));

        var diagnostic = ValidationAssert.Single(result, "XC6004", 4, 10, "b.cfg");
        Assert.Contains("'/dev/vg0/web-root' is also mapped by a.cfg line 4 (writable there, read-only here)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void XC6004_names_a_target_beyond_latin1_as_written()
    {
        var a = Domain("a.cfg", "web", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01", "'file:/srv/données/образ.img,xvdb,w'", "");
        var b = Domain("b.cfg", "db", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a02", "'file:/srv/donnees/образ.img,xvdb,w', 'file:/srv/données/образ.img,xvdc,r'", "");

        var diagnostic = ValidationAssert.Single(Validate(a, b), "XC6004", 4, 48, "b.cfg");
        Assert.Contains("'/srv/données/образ.img' is also mapped by a.cfg line 4 (writable there, read-only here)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XC6004_fixed_when_every_mapping_is_read_only_or_a_cdrom()
    {
        var a = Domain("a.cfg", "web", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a01", "'phy:/dev/vg0/shared,xvdb,r', 'file:/iso/d.iso,xvdc:cdrom,r'", "");
        var b = Domain("b.cfg", "db", "6c1f4a52-1f0b-4d6e-9c51-0c9a7e2f5a02", "'phy:vg0/shared,xvdb,r', '/iso/d.iso,raw,xvdc,w,devtype=cdrom'", "");

        Validate(a, b).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Among_thousands_of_domains_each_duplicate_names_the_first_domain_with_its_value()
    {
        // 2,500 domains over 1,000 values: domain i has the name, UUID, MAC and target of value i % 1,000, so each
        // value's first domain is domain i % 1,000 and the 1,500 others repeat it (more than one index's first size).
        var guests = Enumerable.Range(0, 2_500).Select(i =>
        {
            var value = i % 1_000;
            return Domain($"g{i}.cfg", $"n{value}", $"6c1f4a52-1f0b-4d6e-9c51-{value:x12}", $"'phy:vg0/d{value},xvda1,w'", $"'mac=00:16:3e:00:{value >> 8:x2}:{value & 0xFF:x2}'");
        }).ToArray();

        var diagnostics = Validate(guests).Errors.Select(f => Assert.IsType<Diagnostic>(f.CustomState)).ToList();

        foreach (var (id, line) in new[] { ("XC6001", 1), ("XC6002", 2), ("XC6004", 4), ("XC6003", 5) })
        {
            var found = diagnostics.Where(d => d.Id == id).ToList();
            Assert.Equal(Enumerable.Range(1_000, 1_500).Select(i => $"g{i}.cfg"), found.Select(d => d.Location.Path));
            Assert.All(found, d => Assert.Contains($" g{int.Parse(d.Location.Path![1..^4], CultureInfo.InvariantCulture) % 1_000}.cfg line {line}", d.Message, StringComparison.Ordinal));
        }

        Assert.Equal(6_000, diagnostics.Count);
    }

    [Fact]
    public void Rules_belong_to_the_crosscheck_rule_set()
    {
        _validator.TestValidate(new GuestRepository([First(), First()]), options => options.IncludeRuleSets(ValidationRuleSets.Default))
            .ShouldNotHaveAnyValidationErrors();
        Assert.Equal(["XC6001", "XC6002", "XC6003", "XC6004"], ValidationAssert.Ids(Validate(First(), First())).Order().ToArray());
    }
}
