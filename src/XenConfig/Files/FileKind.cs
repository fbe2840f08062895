namespace XenConfig.Files;

/// <summary>What a file in a VM repository is.</summary>
public enum FileKind
{
    /// <summary>Not a file XenConfig reads.</summary>
    Unknown = 0,

    /// <summary>A Xen domain config (xl.cfg or xm).</summary>
    DomainConfig,

    /// <summary>A guest's <c>/etc/fstab</c>.</summary>
    Fstab,

    /// <summary>A GRUB legacy <c>menu.lst</c> / <c>grub.conf</c>.</summary>
    GrubMenu,

    /// <summary>A GRUB2 <c>grub.cfg</c>.</summary>
    Grub2Config,

    /// <summary>A YAML VM definition (<c>*.vm.yaml</c>).</summary>
    VmDefinition,
}
