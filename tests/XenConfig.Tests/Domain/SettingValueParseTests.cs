using XenConfig.Domain;

namespace XenConfig.Tests.Domain;

public class SettingValueParseTests
{
    [Theory]
    [InlineData("1024", "1024", true)]
    [InlineData("0x200", "0x200", true)]
    [InlineData("  512  ", "512", true)]
    [InlineData("'web01'", "web01", false)]
    [InlineData("\"a b\"", "a b", false)]
    public void An_atom_literal_reads_as_libxlu_reads_it(string literal, string text, bool isNumber)
    {
        var value = SettingValue.Parse(literal);

        Assert.False(value.IsList);
        Assert.Equal(text, value.Text);
        Assert.Equal(isNumber, value.IsNumberToken);
    }

    [Fact]
    public void A_list_literal_keeps_its_nesting()
    {
        var value = SettingValue.Parse("[ 'a', [ 'b', 2 ] ]");

        Assert.Equal(SettingValue.List([SettingValue.String("a"), SettingValue.List([SettingValue.String("b"), SettingValue.Number(2)])]), value);
    }

    [Theory]
    [InlineData("1;name='evil'", ";name='evil'")]
    [InlineData("1024 # c", "# c")]
    [InlineData("'a' ; b = 2", "; b = 2")]
    [InlineData("1 2", "left over: '2'")]
    [InlineData("'a' 'b'", "left over: ''b''")]
    [InlineData("[ 1 ] x", "left over: 'x'")]
    public void A_second_statement_or_comment_is_refused_and_named(string literal, string leftOver)
    {
        var exception = Assert.Throws<FormatException>(() => SettingValue.Parse(literal));

        Assert.Contains(leftOver, exception.Message, StringComparison.Ordinal);
        Assert.False(SettingValue.TryParse(literal, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("'unterminated")]
    [InlineData("[ 'a'")]
    [InlineData("'a'\nb = 1")]
    public void Text_that_is_not_one_xl_value_is_refused(string literal)
    {
        Assert.False(SettingValue.TryParse(literal, out var value));
        Assert.Null(value);
        Assert.Throws<FormatException>(() => SettingValue.Parse(literal));
    }
}
