using XenConfig.Text;

namespace XenConfig.Tests.Text;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xenconfig-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Replaces_the_content_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "guest.cfg");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllBytes(path, "new"u8);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Keeps_the_original_permissions()
    {
        var path = Path.Combine(_folder, "secret.cfg");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFile.WriteAllBytes(path, "new"u8);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_failed_write_leaves_the_original_untouched()
    {
        var path = Path.Combine(_folder, "missing-folder", "guest.cfg");

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, "new"u8));
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }
}
