using FluentValidation;
using FluentValidation.TestHelper;
using XenConfig.Grub;

namespace XenConfig.Validation.Tests;

public sealed class GrubMenuValidatorTests
{
    private readonly GrubMenuValidator _validator = new();

    private TestValidationResult<GrubMenuDocument> Validate(string menu, params string[] ruleSets) =>
        _validator.TestValidate(GrubMenuDocument.Parse(menu, "menu.lst"), options => options.IncludeRuleSets(ruleSets.Length == 0 ? [ValidationRuleSets.Default] : ruleSets));

    [Fact]
    public void XC4021_two_entries_share_a_title()
    {
        const string menu = "title Linux\nkernel /vmlinuz-1 root=/dev/xvda1\ntitle  Linux\nkernel /vmlinuz-2 root=/dev/xvda1\n";

        var diagnostic = ValidationAssert.Single(Validate(menu), "XC4021", 3, 8, "menu.lst");
        Assert.Contains("entry on line 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XC4021_fixed_with_distinct_titles()
    {
        Validate("title Linux 1\nkernel /vmlinuz-1\ntitle Linux 2\nkernel /vmlinuz-2\n").ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC4022_plain_text_password_in_the_strict_rule_set()
    {
        const string menu = "password secret\ntitle Linux\nkernel /vmlinuz\n";

        ValidationAssert.Single(Validate(menu, ValidationRuleSets.Strict), "XC4022", 1, 10);
        Validate(menu).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC4022_fixed_with_an_md5_password()
    {
        Validate("password --md5 $1$abc$0123456789abcdefghijkl\ntitle Linux\nkernel /vmlinuz\n", ValidationRuleSets.Strict)
            .ShouldNotHaveAnyValidationErrors();
    }
}
