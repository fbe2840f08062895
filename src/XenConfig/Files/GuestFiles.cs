namespace XenConfig.Files;

/// <summary>The files that make up one guest in a VM repository.</summary>
/// <param name="DomainConfig">The domain config (<c>*.cfg</c>).</param>
/// <param name="Fstab">The guest's fstab, if the folder has one.</param>
/// <param name="Menu">The guest's GRUB menu (read by pygrub), if the folder has one.</param>
public sealed record GuestFiles(string DomainConfig, string? Fstab, string? Menu)
{
    /// <summary>A short name for the guest: the config's file name without extension.</summary>
    public string Name => Path.GetFileNameWithoutExtension(DomainConfig);
}
