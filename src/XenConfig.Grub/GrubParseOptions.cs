namespace XenConfig.Grub;

/// <summary>Options for reading a menu.lst.</summary>
public sealed record GrubParseOptions
{
    /// <summary>The defaults: pygrub differences are reported.</summary>
    public static GrubParseOptions Default { get; } = new();

    /// <summary>
    /// Report a warning wherever pygrub (which boots PV guests from their own menu.lst) reads the file differently
    /// from GRUB 0.97. True by default; turn off for a Xen host's menu, which pygrub never reads.
    /// </summary>
    public bool PygrubChecks { get; init; } = true;
}
