using System.Text;
using XenConfig.Files;
using XenConfig.Text;

namespace XenConfig.Tests.Files;

public sealed class FileClassifierTests
{
    [Theory]
    [InlineData("UUID=1234-5678 / ext4 defaults 0 1\nUUID=abcd /home ext4 defaults 0 2\n")]
    [InlineData("LABEL=root / ext4 defaults 0 1\nLABEL=swap none swap sw 0 0\n")]
    [InlineData("PARTUUID=0a1b-01 /boot vfat umask=0077 0 2\n")]
    public void Fstabs_whose_sources_look_like_assignments_are_fstabs(string content)
    {
        Assert.Equal(FileKind.Fstab, FileClassifier.ClassifyByContent(content));
    }

    [Theory]
    [InlineData("name = \"web\"\nmemory = 512\nkernel = \"/boot/vmlinuz\"\n")]
    [InlineData("name=\"web\"\nextra=\"root=/dev/xvda1 ro\"\ndisk=['phy:/dev/vg0/web,xvda1,w']\n")]
    [InlineData("memory = 512 # /boot is small\nname = 'x'\n")]
    public void Domain_configs_stay_domain_configs(string content)
    {
        Assert.Equal(FileKind.DomainConfig, FileClassifier.ClassifyByContent(content));
    }
    // Texts longer than the 200 lines the classifier reads, with the window's edge where the kinds change and line
    // breaks that are not line feeds (CRLF, a lone CR, a form feed) before it.
    public static TheoryData<string, FileKind> LongTexts => new()
    {
        { Repeat("title Debian\nkernel /vmlinuz\n", 60) + Repeat("memory = 512\n", 400), FileKind.GrubMenu },
        { Repeat("memory = 512\n", 150) + Repeat("title Debian\n", 400), FileKind.DomainConfig },
        { Repeat("memory = 512\r\n", 101) + Repeat("title Debian\r\n", 400), FileKind.DomainConfig },
        { Repeat("memory = 512\r", 120) + "\n" + Repeat("title Debian\n", 400), FileKind.DomainConfig },
        { Repeat("title Debian\f", 120) + Repeat("memory = 512\n", 150), FileKind.GrubMenu },
        { Repeat("UUID=1234 / ext4 defaults 0 1\n", 300) + Repeat("title Debian\n", 10), FileKind.Fstab },
        { Repeat("memory = 512\n", 199) + "title a\ntitle b", FileKind.DomainConfig },
        { Repeat("name = 'wébserver'\n", 150) + Repeat("title Debian\n", 400), FileKind.DomainConfig },
    };

    [Theory]
    [MemberData(nameof(LongTexts))]
    public void Classifying_a_read_text_reads_the_lines_its_content_would_give(string content, FileKind expected)
    {
        var text = SourceText.From(Encoding.UTF8.GetBytes(content));

        Assert.Equal(expected, FileClassifier.ClassifyByContent(content));
        Assert.Equal(expected, FileClassifier.ClassifyByContent(text));
    }

    [Fact]
    public void Classifying_a_large_ascii_text_makes_a_string_of_its_first_lines_only()
    {
        // 1.3 MB of menu: decoding it whole would allocate 2.6 MB.
        var text = SourceText.From(Encoding.ASCII.GetBytes(Repeat("title Debian\n", 100_000)));
        FileClassifier.ClassifyByContent(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var kind = FileClassifier.ClassifyByContent(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(FileKind.GrubMenu, kind);
        Assert.True(allocated < 64 * 1024, $"classifying allocated {allocated} bytes");
    }

    private static string Repeat(string line, int count) => string.Concat(Enumerable.Repeat(line, count));
}
