using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary><c>validate</c> checks or reports every path it is given, reads nothing outside them, and forces a kind on request.</summary>
public sealed class ValidateCommandTests
{
    [Fact]
    public void A_named_file_of_unknown_kind_is_reported_with_xc0003_not_dropped()
    {
        using var folder = new TempFolder();
        var notes = folder.Write("notes.txt", "just some notes\nabout nothing\n");

        var result = CliRunner.Run("validate", notes);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"{notes}(1,1): info XC0003: ", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 files checked: 0 errors, 0 warnings\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_forces_a_named_file_to_be_checked_as_that_kind()
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("fstab-2019.txt", "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvda1 / ext4 defaults 0 1\n");

        var result = CliRunner.Run("validate", "--kind", "fstab", fstab);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{fstab}(2,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("XC3010", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 file checked: 1 error, 0 warnings\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_fstab_of_uuid_sources_is_read_as_an_fstab_whatever_its_name()
    {
        using var folder = new TempFolder();
        var fstab = folder.Write("myfstab", "UUID=1234-5678 / ext4 defaults 0 1\nUUID=abcd /home ext4 defaults 0 2\n");

        var result = CliRunner.Run("validate", fstab);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("XC1", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("1 file checked: 0 errors, 0 warnings\n", result.Stdout);
    }

    [Fact]
    public void A_definition_naming_a_secret_outside_fails_without_printing_it_until_allowed()
    {
        using var outside = new TempFolder();
        var secret = outside.Write("secret.cfg", "GITHUB_TOKEN=ghp_0123456789abcdef\n");
        using var folder = new TempFolder();
        var yaml = folder.Write("web.vm.yaml", $"name: web\nconfig: {secret}\n");

        var refused = CliRunner.Run("validate", "--format", "json", folder.Path);
        var allowed = CliRunner.Run("validate", "--allow-outside", outside.Path, folder.Path);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("XC0010", refused.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", refused.Stdout + refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("XC0010", allowed.Stdout, StringComparison.Ordinal);
        Assert.Contains(secret, allowed.Stdout, StringComparison.Ordinal);
        Assert.Contains(yaml, refused.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_grub2_config_is_reported_as_not_checked()
    {
        using var folder = new TempFolder();
        var grub = folder.Write("grub.cfg", "menuentry 'Xen' {\n multiboot2 /xen.gz\n module2 /vmlinuz root=/dev/xvda1\n}\n");

        var result = CliRunner.Run("validate", grub);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("info XC0003: the file is a GRUB 2 config", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_is_a_usage_error()
    {
        var result = CliRunner.Run("validate", "--kind", "python", ".");

        Assert.Equal(2, result.ExitCode);
    }
}
