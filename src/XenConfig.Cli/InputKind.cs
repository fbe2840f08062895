namespace XenConfig.Cli;

/// <summary>The kinds of file the commands read; <c>--kind</c> forces one.</summary>
internal enum InputKind
{
    Xl,
    Xm,
    Fstab,
    Grub,

    /// <summary>A GRUB 2 grub.cfg: read for its entries (show, get), never edited.</summary>
    Grub2,
}
