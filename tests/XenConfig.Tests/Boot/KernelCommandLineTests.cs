using XenConfig.Boot;

namespace XenConfig.Tests.Boot;

public sealed class KernelCommandLineTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(null, "/dev/xvda1", null, "root=/dev/xvda1")]
    [InlineData(null, null, "console=hvc0", "console=hvc0")]
    [InlineData(null, "/dev/xvda1", "ro console=hvc0", "root=/dev/xvda1 ro console=hvc0")]
    [InlineData("quiet", "/dev/xvda1", "ro", "quiet")]
    [InlineData("", "/dev/xvda1", null, "")]
    public void Compose_builds_the_command_line_as_xl_does_from_cmdline_root_and_extra(string? cmdline, string? root, string? extra, string? expected) =>
        Assert.Equal(expected, KernelCommandLine.Compose(cmdline, root, extra));

    [Fact]
    public void Arguments_are_split_like_linux_does()
    {
        var line = KernelCommandLine.Parse("  root=/dev/xvda1 ro\tacpi_osi=\"!Windows 2012\" \"name=a b\" console=tty0 console=hvc0 -- single ");
        Assert.Equal(["root=/dev/xvda1", "ro", "acpi_osi=\"!Windows 2012\"", "\"name=a b\"", "console=tty0", "console=hvc0", "--", "single"], line.Arguments.Select(a => a.Text));
        Assert.Equal("/dev/xvda1", line.Get("root"));
        Assert.Equal(string.Empty, line.Get("ro"));
        Assert.Null(line.Get("quiet"));
        Assert.Equal("!Windows 2012", line.Get("acpi_osi"));
        Assert.Equal("a b", line.Get("name"));
        Assert.Equal("hvc0", line.Get("console"));
        Assert.Equal(["tty0", "hvc0"], line.GetAll("console"));
        Assert.True(line.Contains("single"));
    }

    [Fact]
    public void The_first_equals_sign_separates_name_and_value()
    {
        var line = KernelCommandLine.Parse("root=UUID=3f1c a==b =x");
        Assert.Equal("UUID=3f1c", line.Get("root"));
        Assert.Equal("=b", line.Get("a"));
        Assert.Equal("x", line.Get(string.Empty));
    }

    [Fact]
    public void Dashes_and_underscores_in_names_are_the_same()
    {
        var line = KernelCommandLine.Parse("dom0-mem=1G");
        Assert.Equal("1G", line.Get("dom0_mem"));
        Assert.Equal("dom0-mem=2G", line.Set("dom0_mem", "2G").Text);
    }

    [Fact]
    public void Unterminated_quotes_run_to_the_end()
    {
        var line = KernelCommandLine.Parse("a=\"b c d");
        Assert.Single(line.Arguments);
        Assert.Equal("b c d", line.Get("a"));
    }

    [Fact]
    public void Setting_replaces_the_last_occurrence_and_keeps_other_bytes()
    {
        var line = KernelCommandLine.Parse("console=tty0\t console=hvc0  ro ");
        Assert.Equal("console=tty0\t console=ttyS0,115200  ro ", line.Set("console", "ttyS0,115200").Text);
    }

    [Fact]
    public void Setting_a_new_name_appends_before_the_init_separator()
    {
        Assert.Equal("ro quiet -- single", KernelCommandLine.Parse("ro -- single").Set("quiet", null).Text);
        Assert.Equal("ro dom0_mem=1G  ", KernelCommandLine.Parse("ro  ").Set("dom0_mem", "1G").Text);
        Assert.Equal("root=/dev/xvda1", KernelCommandLine.Empty.Set("root", "/dev/xvda1").Text);
    }

    [Fact]
    public void Values_with_blanks_are_quoted_and_unrepresentable_values_refused()
    {
        Assert.Equal("acpi_osi=\"!Windows 2012\"", KernelCommandLine.Empty.Set("acpi_osi", "!Windows 2012").Text);
        Assert.Throws<ArgumentException>(() => KernelCommandLine.Empty.Set("a", "x\"y"));
        Assert.Throws<ArgumentException>(() => KernelCommandLine.Empty.Set("a", "x\ny"));
        Assert.Throws<ArgumentException>(() => KernelCommandLine.Empty.Set("a b", "x"));
        Assert.Throws<ArgumentException>(() => KernelCommandLine.Empty.Set("a=b", "x"));
    }

    [Fact]
    public void Setting_the_same_value_returns_the_same_instance()
    {
        var line = KernelCommandLine.Parse("root=/dev/xvda1 ro acpi_osi=\"!Windows 2012\"");
        Assert.Same(line, line.Set("root", "/dev/xvda1"));
        Assert.Same(line, line.Set("ro", null));
        Assert.Same(line, line.Set("acpi_osi", "!Windows 2012"));
        Assert.Same(line, line.Remove("quiet"));
    }

    [Fact]
    public void Bare_words_become_valued_and_back()
    {
        var line = KernelCommandLine.Parse("ro quiet");
        Assert.Equal("ro=1 quiet", line.Set("ro", "1").Text);
        Assert.Equal("ro quiet", KernelCommandLine.Parse("ro=1 quiet").Set("ro", null).Text);
    }

    [Fact]
    public void Removing_drops_every_occurrence_with_its_leading_blanks()
    {
        Assert.Equal("ro quiet", KernelCommandLine.Parse("console=tty0 ro console=hvc0 quiet").Remove("console").Text);
        Assert.Equal("ro", KernelCommandLine.Parse("console=tty0  ro").Remove("console").Text);
    }

    [Fact]
    public void Adding_keeps_repeated_names()
    {
        Assert.Equal("console=tty0 console=hvc0", KernelCommandLine.Parse("console=tty0").Add("console", "hvc0").Text);
    }

    [Fact]
    public void Spans_point_into_the_text()
    {
        const string text = "  a=1\tb  c=\"x y\"";
        var line = KernelCommandLine.Parse(text);
        foreach (var argument in line.Arguments)
        {
            Assert.Equal(argument.Text, text.Substring(argument.Span.Start, argument.Span.Length));
        }

        Assert.Equal(text, line.ToString());
        Assert.Equal(KernelCommandLine.Parse(text), line);
    }
}
