using FluentValidation;
using XenConfig.Fstab;

namespace XenConfig.Validation.Tests;

/// <summary>
/// The validators' checks are included validators (WholeDocumentChecks), not <c>RuleFor(x =&gt; x)</c> rules; the rule
/// sets a caller chooses select them as they selected those rules. FstabValidator has checks in both the default and the
/// strict rule set.
/// </summary>
public class WholeDocumentChecksTests
{
    // Line 1: the root entry with pass 2 (default XC3012); line 3: /srv again (default XC3010); line 4: /var/lib before
    // /var (strict XC3013).
    private const string Fstab =
        "/dev/xvda1 / ext4 defaults 0 2\n/dev/xvdd1 /srv ext4 defaults 0 2\n/dev/xvde1 /srv ext4 defaults 0 2\n/dev/xvdc1 /var/lib xfs noatime 0 2\n/dev/xvdb1 /var ext4 defaults 0 2\n";

    private static FstabDocument Document() => FstabDocument.Parse(Fstab, "fstab");

    [Fact]
    public void The_default_rule_set_alone_runs_only_the_default_checks_in_rule_order()
    {
        var result = new FstabValidator().Validate(Document(), o => o.IncludeRuleSets(ValidationRuleSets.Default));

        // Duplicate targets are checked before the root entry: rule order, not line order.
        Assert.Equal(["XC3010", "XC3012"], ValidationAssert.Ids(result));
        Assert.Equal([ValidationRuleSets.Default], result.RuleSetsExecuted);
    }

    [Fact]
    public void The_strict_rule_set_alone_runs_only_the_strict_checks()
    {
        var result = new FstabValidator().Validate(Document(), o => o.IncludeRuleSets(ValidationRuleSets.Strict));

        Assert.Equal(["XC3013"], ValidationAssert.Ids(result));
        Assert.Equal([ValidationRuleSets.Strict], result.RuleSetsExecuted);
    }

    [Fact]
    public void Rule_set_names_match_without_regard_to_case_as_FluentValidation_matches_them()
    {
        var result = new FstabValidator().Validate(Document(), o => o.IncludeRuleSets("STRICT"));

        Assert.Equal(["XC3013"], ValidationAssert.Ids(result));
    }

    [Fact]
    public void Both_rule_sets_run_the_default_checks_then_the_strict_ones()
    {
        var result = new FstabValidator().Validate(Document(), o => o.IncludeRuleSets(ValidationRuleSets.Default, ValidationRuleSets.Strict));

        Assert.Equal(["XC3010", "XC3012", "XC3013"], ValidationAssert.Ids(result));
        Assert.Equal([ValidationRuleSets.Default, ValidationRuleSets.Strict], result.RuleSetsExecuted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_choice_only_the_default_rule_set_runs()
    {
        var result = new FstabValidator().Validate(Document());

        Assert.Equal(["XC3010", "XC3012"], ValidationAssert.Ids(result));
    }

    [Fact]
    public void A_rule_set_no_check_belongs_to_runs_nothing()
    {
        var result = new FstabValidator().Validate(Document(), o => o.IncludeRuleSets("no-such-set"));

        Assert.Empty(result.Errors);
        Assert.Empty(result.RuleSetsExecuted);
    }

    [Fact]
    public void Choosing_properties_runs_no_whole_document_check()
    {
        // A whole-document check has no property: choosing one by name selects none of them, as it selected no RuleFor(x => x).
        var result = new FstabValidator().Validate(Document(), o => o.IncludeProperties("Entries"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Asynchronous_validation_reports_what_synchronous_validation_reports()
    {
        var validator = new FstabValidator();

        var result = await validator.ValidateAsync(Document(), o => o.IncludeAllRuleSets());

        Assert.Equal(ValidationAssert.Ids(validator.Validate(Document(), o => o.IncludeAllRuleSets())), ValidationAssert.Ids(result));
        Assert.Equal(["XC3010", "XC3012", "XC3013"], ValidationAssert.Ids(result));
    }

    [Fact]
    public void A_validator_built_once_validates_many_documents_independently()
    {
        var validator = new FstabValidator();
        var clean = FstabDocument.Parse("/dev/xvda1 / ext4 defaults 0 1\n", "fstab");

        Assert.Equal(["XC3010", "XC3012"], ValidationAssert.Ids(validator.Validate(Document())));
        Assert.Empty(validator.Validate(clean).Errors);
        Assert.Equal(["XC3010", "XC3012"], ValidationAssert.Ids(validator.Validate(Document())));
    }

    [Fact]
    public void Each_validator_has_one_rule_per_run_of_checks_and_no_expression()
    {
        // Enumerating a validator gives its rules: included validators, with the rule set of their checks and no
        // expression tree (building one was what this replaced).
        var rules = new FstabValidator().ToList();

        Assert.Equal(2, rules.Count);
        Assert.All(rules, rule => Assert.Null(rule.Expression));
        Assert.Empty(rules[0].RuleSets ?? []);
        Assert.Equal([ValidationRuleSets.Strict], rules[1].RuleSets);
    }
}
