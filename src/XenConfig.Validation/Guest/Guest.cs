using XenConfig.Domain.Model;
using XenConfig.Fstab;
using XenConfig.Grub;

namespace XenConfig.Validation;

/// <summary>
/// One guest as the cross-file checks see it: its domain config and, when the repository has them, the guest's own
/// <c>/etc/fstab</c> and the <c>menu.lst</c> that pygrub reads from the guest's <c>/boot</c>. Each document keeps its
/// path, so diagnostics point into the file they concern.
/// </summary>
public sealed class Guest
{
    /// <summary>Creates a guest from parsed documents.</summary>
    /// <param name="config">The domain config.</param>
    /// <param name="fstab">The guest's fstab, or null when the repository has none for it.</param>
    /// <param name="menu">The guest's GRUB legacy menu, or null when the repository has none for it.</param>
    public Guest(DomainConfig config, FstabDocument? fstab = null, GrubMenuDocument? menu = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Fstab = fstab;
        Menu = menu;
    }

    /// <summary>The domain config.</summary>
    public DomainConfig Config { get; }

    /// <summary>The guest's fstab, if any.</summary>
    public FstabDocument? Fstab { get; }

    /// <summary>The guest's GRUB legacy menu (read by pygrub), if any.</summary>
    public GrubMenuDocument? Menu { get; }

    /// <summary>The domain's <c>name</c>, or the config's file name without extension when it has none.</summary>
    public string Name => Config.Name ?? System.IO.Path.GetFileNameWithoutExtension(Config.Document.Path ?? string.Empty);

    /// <inheritdoc />
    public override string ToString() => Name;
}
