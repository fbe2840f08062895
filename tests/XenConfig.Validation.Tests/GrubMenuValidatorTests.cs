using FluentValidation;
using FluentValidation.TestHelper;
using XenConfig.Grub;
using XenConfig.Grub.Model;
using XenConfig.Testing;

namespace XenConfig.Validation.Tests;

public sealed class GrubMenuValidatorTests
{
    private readonly GrubMenuValidator _validator = new();

    private TestValidationResult<GrubMenuDocument> Validate(string menu, params string[] ruleSets) =>
        _validator.TestValidate(GrubMenuDocument.Parse(menu, "menu.lst"), options => options.IncludeRuleSets(ruleSets.Length == 0 ? [ValidationRuleSets.Default] : ruleSets));

    /// <summary>A menu that breaks one boot rule, the id, and where it points (1-based line, column).</summary>
    public static TheoryData<string, string, int, int> BootProblems => new()
    {
        { "title empty\ntitle real\nkernel /vmlinuz\n", "XC4007", 1, 1 },
        { "title a\nmodule /vmlinuz\nkernel /xen.gz\n", "XC4008", 2, 1 },
        { "title a\n  initrd /initrd.img\n  kernel /vmlinuz\n", "XC4008", 2, 3 },
        { "title x\nkernel /xen.gz\nmodule /vmlinuz\ninitrd /initrd.img\n", "XC4008", 4, 1 },
        { "# only a comment\n", "XC4009", 1, 1 },
        { "", "XC4009", 1, 1 },
        { "timeout 5\nkernel /vmlinuz\n", "XC4009", 1, 1 },
        { "default 2\ntitle a\nkernel /a\n", "XC4010", 1, 1 },
        { "title a\nroot (hd0,0)\n", "XC4011", 1, 1 },
        { "title x\nkernel /boot/xen-4.17-amd64.gz dom0_mem=1G\n", "XC4012", 2, 1 },
    };

    /// <summary>The same menus with the problem fixed.</summary>
    public static TheoryData<string> BootFixes => new()
    {
        "title real\nkernel /vmlinuz\n",
        "title a\nkernel /xen.gz\nmodule /vmlinuz\n",
        "title a\n  kernel /vmlinuz\n  initrd /initrd.img\n",
        "title x\nkernel /xen.gz\nmodule /vmlinuz\nmodule /initrd.img\n",
        "default 1\ntitle a\nkernel /a\ntitle b\nchainloader +1\n",
        "title x\nkernel /boot/xen-4.17-amd64.gz dom0_mem=1G\nmodule /vmlinuz\n",
    };

    [Theory]
    [MemberData(nameof(BootProblems))]
    public void A_menu_that_does_not_boot_is_reported_by_the_validator_not_the_parser(string menu, string id, int line, int column)
    {
        ValidationAssert.Single(Validate(menu), id, line, column, "menu.lst");
        Assert.DoesNotContain(GrubMenuDocument.Parse(menu).Diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(BootFixes))]
    public void A_menu_that_boots_has_no_boot_diagnostic(string menu)
    {
        Validate(menu).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void XC4007_says_how_grub_numbers_the_entries_after_the_dropped_title()
    {
        var diagnostic = ValidationAssert.Single(Validate("title a\nkernel /a\ntitle empty\ntitle b\nkernel /b\n"), "XC4007", 3, 1);
        Assert.Contains("'empty'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("numbered from 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XC4010_names_the_fallback_entry_grub_boots_instead()
    {
        const string menu = "default 7\nfallback 9 1\ntitle a\nkernel /a\ntitle b\nkernel /b\n";
        var diagnostic = ValidationAssert.Single(Validate(menu), "XC4010", 1, 1);
        Assert.Contains("GRUB boots entry 1 instead", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(1, GrubMenu.FromDocument(GrubMenuDocument.Parse(menu)).DefaultEntryIndex);
    }

    /// <summary>The spec examples that do not boot, with how many diagnostics of the id each gets.</summary>
    [Theory]
    [InlineData("G06-empty-title-shifts-index.menu.lst", "XC4007", 2)]
    [InlineData("G07-default-out-of-range.menu.lst", "XC4010", 1)]
    [InlineData("G19-module-before-kernel.menu.lst", "XC4008", 1)]
    [InlineData("G21-no-entries.menu.lst", "XC4009", 1)]
    public void Spec_examples_that_do_not_boot_get_their_boot_diagnostics(string name, string id, int count)
    {
        var document = GrubMenuDocument.Load(Path.Combine(RepositoryPaths.SpecExamples("grub"), name));
        var result = _validator.TestValidate(document);
        Assert.Equal(count, result.Errors.Count(f => f.ErrorCode == id));
        Assert.DoesNotContain(document.Diagnostics, d => d.Id == id);
    }

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

    /// <summary>Every GRUB menu of the corpus and the spec examples, by path.</summary>
    public static TheoryData<string> Menus()
    {
        var menus = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus("grub")).Concat(Directory.EnumerateFiles(RepositoryPaths.SpecExamples("grub"))).Order(StringComparer.Ordinal))
        {
            menus.Add(file);
        }

        return menus;
    }

    /// <summary>Menus whose diagnostics share positions, or whose titles are equal only as GRUB reads them.</summary>
    public static TheoryData<string> ShapedMenus => new()
    {
        "title a\nroot (hd0,0)\ntitle a\nroot (hd0,0)\n",
        "title x\tLinux\nkernel /xen-4.gz\ntitle x Linux\ninitrd /i\nkernel /xen-4.gz\ntitle empty\n",
        "default 9\ntitle a \\\n b\nmodule /m\nkernel /k\ninitrd /i\ntitle a  b\nkernel --type=multiboot /k\ninitrd /i\n",
        "password secret\ntimeout 5\n",
        "",
    };

    [Theory]
    [MemberData(nameof(Menus))]
    public void Show_gets_the_validators_and_the_parsers_diagnostics_in_file_order_one_at_a_time(string path) =>
        AssertInFileOrderAgrees(GrubMenuDocument.Load(path));

    [Theory]
    [MemberData(nameof(ShapedMenus))]
    public void The_streamed_diagnostics_keep_the_order_at_a_shared_position(string menu) =>
        AssertInFileOrderAgrees(GrubMenuDocument.Parse(menu, "menu.lst"));

    // What show wrote before it streamed: the default rule set's result, then the parser's, stably sorted by position.
    private void AssertInFileOrderAgrees(GrubMenuDocument menu)
    {
        var expected = _validator.Validate(menu).ToDiagnostics().Concat(menu.Diagnostics).OrderBy(d => d.Location.Span.Start).ToList();
        Assert.Equal(expected, GrubMenuValidator.InFileOrder(menu).ToList());
    }
}
