using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XenConfig.Domain;
using XenConfig.Domain.Model;

namespace XenConfig.Tests.Domain;

/// <summary>The lens laws of the domain config document, checked on random inputs (FsCheck).</summary>
public class XlPropertyTests
{
    private static readonly char[] Alphabet = "ab_.=+[],;'\"\\#x0123456789 \t\n\r\fMé-".ToCharArray();

    private static Arbitrary<string> ConfigLikeText() =>
        Gen.ArrayOf(Gen.Elements(Alphabet)).Select(chars => new string(chars)).ToArbitrary();

    private static Arbitrary<string> Keys() =>
        Gen.Elements("name", "memory", "disk", "vif", "a.b", "x_9", "extra").ToArbitrary();

    private static Arbitrary<string> XlSafeStrings() =>
        ArbMap.Default.ArbFor<string>().Filter(s => s is not null && !s.Contains('\n') && !s.Contains('\0'));

    [Property(MaxTest = 2000)]
    public Property Any_text_prints_back_unchanged() =>
        Prop.ForAll(ConfigLikeText(), text => DomainConfigDocument.Parse(text).Syntax.ToString() == text);

    [Property(MaxTest = 2000)]
    public Property Any_unicode_text_prints_back_unchanged() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text => DomainConfigDocument.Parse(text).Syntax.ToString() == text);

    [Property(MaxTest = 1000)]
    public Property Setting_a_string_reads_back_the_same_string_and_injects_nothing() =>
        Prop.ForAll(Keys(), XlSafeStrings(), (key, value) =>
        {
            var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("name = 'guest' # keep me\nmemory = 512\n"));
            document.Set(key, value);
            var reread = DomainConfigDocument.Parse(document.ToString());
            var expectedKeys = new[] { "name", "memory" }.Union([key]).Order().ToList();
            return !reread.HasErrors
                && reread.GetValue(key)!.Text == value
                && reread.Settings.Keys.Order().SequenceEqual(expectedKeys)
                && reread.ToString().Contains("# keep me", StringComparison.Ordinal);
        });

    [Property(MaxTest = 500)]
    public Property Setting_a_list_reads_back_the_same_list() =>
        Prop.ForAll(Keys(), ArbMap.Default.ArbFor<string[]>().Filter(a => a is not null && a.All(s => s is not null && !s.Contains('\n') && !s.Contains('\0'))), (key, items) =>
        {
            var document = DomainConfig.FromDocument(DomainConfigDocument.Parse(""));
            var value = SettingValue.List(items);
            document.Set(key, value);
            var reread = DomainConfigDocument.Parse(document.ToString());
            return !reread.HasErrors && reread.GetValue(key) == value;
        });

    [Property(MaxTest = 500)]
    public Property Setting_a_number_reads_back_the_same_number() =>
        Prop.ForAll(Keys(), ArbMap.Default.ArbFor<long>(), (key, number) =>
        {
            var document = DomainConfig.FromDocument(DomainConfigDocument.Parse("vcpus = 1\n"));
            document.Set(key, number);
            var reread = DomainConfigDocument.Parse(document.ToString());
            return !reread.HasErrors && reread.Settings[key].TryGetNumber(out var back) && back == number;
        });
}
