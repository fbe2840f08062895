using System.Diagnostics;

namespace XenConfig.Tests.Files;

/// <summary>A fresh folder tree under the system temp folder (files, links, FIFOs), deleted on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xenconfig-files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string content)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Folder(string relative) => Directory.CreateDirectory(this[relative]).FullName;

    public string Link(string relative, string target)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return full;
    }

    /// <summary>Makes a named pipe with mkfifo(1); false where there is none (not Linux).</summary>
    public string Fifo(string relative)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [full]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
