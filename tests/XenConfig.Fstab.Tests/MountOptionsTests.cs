using XenConfig.Fstab.Model;
using XenConfig.Testing;

namespace XenConfig.Fstab.Tests;

public sealed class MountOptionsTests
{
    [Theory]
    [InlineData("defaults", "defaults")]
    [InlineData("ro,noexec,,nosuid,", "ro|noexec|nosuid")]
    [InlineData("context=\"system_u:object_r:t:s0:c127,c456\",ro", "context=\"system_u:object_r:t:s0:c127,c456\"|ro")]
    [InlineData("noexec,context=\"abc,def,nosuid", "noexec|context=\"abc,def,nosuid(unbalanced)")]
    [InlineData("=a,==b,a=b=c,opt=", "=a|==b|a=b=c|opt=")]
    [InlineData("x-systemd.device-timeout=10s,X-mount.mkdir", "x-systemd.device-timeout=10s|X-mount.mkdir")]
    [InlineData("", "")]
    [InlineData(",,,", "")]
    public void Items_are_split_like_libmount(string text, string expected)
    {
        var options = MountOptions.Parse(text);
        Assert.Equal(text, options.ToString());
        Assert.Equal(expected, string.Join("|", options.Select(o => o.Text + (o.HasUnbalancedQuote ? "(unbalanced)" : string.Empty))));
    }

    [Fact]
    public void Lookup_by_name_returns_the_last_occurrence_and_unquotes_on_request()
    {
        var options = MountOptions.Parse("ro,rw,uid=1000,context=\"a,b\",x-systemd.automount,uid=0");
        Assert.True(options.Contains("rw"));
        Assert.False(options.Contains("r"));
        Assert.Equal("0", options.GetValue("uid"));
        Assert.Equal("a,b", options.Find("context")!.UnquotedValue);
        Assert.True(options.Find("x-systemd.automount")!.IsUserExtension);
        Assert.Null(options.GetValue("ro"));
    }

    [SkippableFact]
    public void Names_and_values_agree_with_libmount_optstr_parser_on_random_strings()
    {
        Oracles.Require(LibMount.Available, "libmount.so.1");
        var random = new Random(99);
        const string alphabet = "ab=,\"x-_.";
        for (var i = 0; i < 5000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var expected = LibMount.SplitOptions(text);
            var actual = MountOptions.Parse(text).Where(o => !o.HasUnbalancedQuote).Select(o => (o.Name, o.Value)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"'{text}': libmount [{string.Join(" ", expected)}] ours [{string.Join(" ", actual)}]");
        }
    }
}
