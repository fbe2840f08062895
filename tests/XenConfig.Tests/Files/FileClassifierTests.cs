using XenConfig.Files;

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
}
