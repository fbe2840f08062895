using XenConfig.Grub.Model;

namespace XenConfig.Grub.Tests;

/// <summary>
/// GRUB 0.97 keeps blanks at the end of a title or kernel line; pygrub strips them (GrubConf.py: title.strip(),
/// arg.strip()). A guest's menu with such blanks is warned like every other pygrub deviation.
/// </summary>
public sealed class PygrubTrailingBlankTests
{
    [Theory]
    [InlineData("title Debian  \nkernel /vmlinuz ro\n", "XC4017", 1)]
    [InlineData("title Debian\t\nkernel /vmlinuz ro\n", "XC4017", 1)]
    [InlineData("title Debian\nkernel /vmlinuz root=/dev/xvda1 ro  \n", "XC4019", 2)]
    [InlineData("title Debian\nkernel /vmlinuz\t\n", "XC4019", 2)]
    public void A_title_or_kernel_line_ending_in_blanks_is_a_pygrub_deviation_at_its_line(string menu, string id, int line)
    {
        var diagnostics = GrubMenuDocument.Parse(menu).Diagnostics;

        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(line, diagnostic.Location.Start.DisplayLine);
        Assert.Contains("ends in blanks", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title Debian\nkernel /vmlinuz root=/dev/xvda1 ro\n")]
    [InlineData("title  Debian Linux\nkernel   /vmlinuz  ro  quiet\n")]
    [InlineData("title Debian  \nkernel /vmlinuz ro  \n")]
    public void Blanks_inside_a_line_or_with_the_checks_off_are_not_reported(string menu)
    {
        var withoutTrailing = menu.Contains("  \n", StringComparison.Ordinal) ? new GrubParseOptions { PygrubChecks = false } : null;

        var diagnostics = GrubMenuDocument.Parse(menu, null, withoutTrailing).Diagnostics;

        Assert.DoesNotContain(diagnostics, d => d.Id is "XC4017" or "XC4019");
    }
}
