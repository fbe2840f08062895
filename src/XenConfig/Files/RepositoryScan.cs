using XenConfig.Diagnostics;

namespace XenConfig.Files;

/// <summary>What a walk over a VM repository found.</summary>
/// <param name="Guests">One entry per domain config, with the guest files of its folder.</param>
/// <param name="HostMenus">GRUB menus that belong to no guest (a Xen host's boot menu).</param>
/// <param name="VmDefinitions">YAML VM definitions (<c>*.vm.yaml</c>).</param>
/// <param name="Other">Files of a known kind that belong to no guest (an fstab alone in a folder, a GRUB 2 config).</param>
/// <param name="Skipped">Files that are none of the kinds XenConfig reads.</param>
/// <param name="Diagnostics">
/// What the walk itself reports: named files it does not check (XC0003), links and references outside the repository
/// (XC0010), FIFOs, devices and sockets (XC0011), link loops and aliases (XC0012), folders it cannot list (XC0001).
/// </param>
/// <param name="Boundary">The repository: where the files of this scan, and the files they name, may be read from.</param>
public sealed record RepositoryScan(
    IReadOnlyList<GuestFiles> Guests,
    IReadOnlyList<string> HostMenus,
    IReadOnlyList<string> VmDefinitions,
    IReadOnlyList<(string Path, FileKind Kind)> Other,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<Diagnostic> Diagnostics,
    RepositoryBoundary Boundary)
{
    /// <summary>Number of files that were classified as something XenConfig reads.</summary>
    public int FileCount =>
        Guests.Sum(g => 1 + (g.Fstab is null ? 0 : 1) + (g.Menu is null ? 0 : 1)) + HostMenus.Count + VmDefinitions.Count + Other.Count;
}
