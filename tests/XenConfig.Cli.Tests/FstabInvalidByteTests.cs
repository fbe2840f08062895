using System.Text.Json;
using XenConfig.Fstab;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>An fstab escape that decodes to a byte which is not UTF-8 (<c>\777</c>): libmount reads it, and so do we.</summary>
public sealed class FstabInvalidByteTests
{
    private const string Text = "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvdb1 /mnt\\777 ext4 defaults 0 2\n";

    [Fact]
    public void The_model_reads_the_byte_as_U_FFFD_and_keeps_the_text_as_written()
    {
        var document = FstabDocument.Parse(Text);
        Assert.Equal(Text, document.ToString());
        Assert.Contains(document.EntryLines, e => e.Target.Value == "/mnt\uFFFD");
    }

    [Fact]
    public void Show_and_validate_read_it()
    {
        using var folder = new TempFolder();
        var path = folder.Write("fstab", Text);

        var show = CliRunner.Run("show", path);
        Assert.Equal(0, show.ExitCode);
        Assert.Equal("/mnt\uFFFD", JsonDocument.Parse(show.Stdout).RootElement.GetProperty("entries")[1].GetProperty("target").GetString());

        var validate = CliRunner.Run("validate", path);
        Assert.Equal(0, validate.ExitCode);
        Assert.DoesNotContain("XC0009", validate.Stdout + validate.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>convert --to xl reads its input as xm unless --kind xl says otherwise.</summary>
public sealed class ConvertToXlKindTests
{
    private const string Config = "name = \"a\"\nkernel = \"/vmlinuz\"\nmemory = 128\n";

    [Fact]
    public void A_file_that_also_reads_as_xl_is_converted_with_xm_defaults_reported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.cfg", Config);

        var result = CliRunner.Run("convert", path, "--to", "xl");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("on_crash = \"restart\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("XC1126", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_xl_prints_the_xl_file_as_it_is()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.cfg", Config);

        var result = CliRunner.Run("convert", path, "--to", "xl", "--kind", "xl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Config, result.Stdout);
    }
}
