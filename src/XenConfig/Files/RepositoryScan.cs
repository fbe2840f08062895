using XenConfig.Diagnostics;

namespace XenConfig.Files;

/// <summary>
/// What a walk over a VM repository found: made by
/// <see cref="RepositoryScanner.Scan(IEnumerable{string}, RepositoryScanOptions?)"/>, and read by repository validation.
/// </summary>
public sealed class RepositoryScan
{
    internal RepositoryScan(
        IReadOnlyList<GuestFiles> guests,
        IReadOnlyList<string> hostMenus,
        IReadOnlyList<string> vmDefinitions,
        IReadOnlyList<(string Path, FileKind Kind)> other,
        IReadOnlyList<string> skipped,
        IReadOnlyList<Diagnostic> diagnostics,
        RepositoryBoundary boundary)
    {
        Guests = guests;
        HostMenus = hostMenus;
        VmDefinitions = vmDefinitions;
        Other = other;
        Skipped = skipped;
        Diagnostics = diagnostics;
        Boundary = boundary;
    }

    /// <summary>One entry per domain config, with the guest files of its folder.</summary>
    public IReadOnlyList<GuestFiles> Guests { get; }

    /// <summary>GRUB menus that belong to no guest (a Xen host's boot menu).</summary>
    public IReadOnlyList<string> HostMenus { get; }

    /// <summary>YAML VM definitions (<c>*.vm.yaml</c>).</summary>
    public IReadOnlyList<string> VmDefinitions { get; }

    /// <summary>Files of a known kind that belong to no guest (an fstab alone in a folder, a GRUB 2 config).</summary>
    public IReadOnlyList<(string Path, FileKind Kind)> Other { get; }

    /// <summary>Files that are none of the kinds XenConfig reads.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>
    /// What the walk itself reports: named files it does not check (XC0003), links and references outside the repository
    /// (XC0010), FIFOs, devices and sockets (XC0011), link loops and aliases (XC0012), folders it cannot list (XC0001).
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The repository: where the files of this scan, and the files they name, may be read from.</summary>
    public RepositoryBoundary Boundary { get; }

    /// <summary>Number of files that were classified as something XenConfig reads.</summary>
    public int FileCount =>
        Guests.Sum(g => 1 + (g.Fstab is null ? 0 : 1) + (g.Menu is null ? 0 : 1)) + HostMenus.Count + VmDefinitions.Count + Other.Count;
}
