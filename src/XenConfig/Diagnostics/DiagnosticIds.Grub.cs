namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC4001: a command GRUB 0.97 does not know; GRUB drops the line.</summary>
    public static readonly DiagnosticDescriptor GrubUnknownCommand =
        new("XC4001", DiagnosticSeverity.Warning, DiagnosticCategory.Syntax, "unknown command; GRUB ignores the line");

    /// <summary>XC4002: a comment line ends with a backslash, so GRUB treats the next line as part of the comment.</summary>
    public static readonly DiagnosticDescriptor GrubCommentSwallowsLine =
        new("XC4002", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a comment ending in a backslash swallows the next line");

    /// <summary>XC4003: a command in the wrong section (menu-only inside an entry, entry command before the first title).</summary>
    public static readonly DiagnosticDescriptor GrubCommandMisplaced =
        new("XC4003", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a command is in the wrong section (menu-only command inside an entry, or entry command before the first title)");

    /// <summary>XC4004: a number GRUB ignores or reads only partly (default, timeout, fallback).</summary>
    public static readonly DiagnosticDescriptor GrubBadNumber =
        new("XC4004", DiagnosticSeverity.Warning, DiagnosticCategory.Syntax, "a number that GRUB ignores or reads only in part");

    /// <summary>XC4005: a malformed device name or kernel option.</summary>
    public static readonly DiagnosticDescriptor GrubBadDevice =
        new("XC4005", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a malformed device name or kernel option");

    /// <summary>XC4006: a logical line longer than GRUB's 1500-character buffer; GRUB drops the rest.</summary>
    public static readonly DiagnosticDescriptor GrubLineTooLong =
        new("XC4006", DiagnosticSeverity.Warning, DiagnosticCategory.Syntax, "a line longer than 1500 characters is cut by GRUB");

    /// <summary>XC4007: an entry with no commands; GRUB drops it and the following entries move up by one.</summary>
    public static readonly DiagnosticDescriptor GrubEmptyEntry =
        new("XC4007", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "an entry has no commands; GRUB drops it and renumbers the following entries");

    /// <summary>XC4008: commands in an order GRUB rejects at boot (module before kernel, initrd after a multiboot kernel).</summary>
    public static readonly DiagnosticDescriptor GrubBadCommandOrder =
        new("XC4008", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "commands in an order GRUB rejects when the entry boots");

    /// <summary>XC4009: the menu has no entry; GRUB shows its command line.</summary>
    public static readonly DiagnosticDescriptor GrubNoEntries =
        new("XC4009", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "the menu has no entry; GRUB drops to its command line");

    /// <summary>XC4010: <c>default</c> names an entry that does not exist.</summary>
    public static readonly DiagnosticDescriptor GrubDefaultOutOfRange =
        new("XC4010", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "default names an entry that does not exist");

    /// <summary>XC4011: an entry has no <c>kernel</c> (nor <c>chainloader</c>).</summary>
    public static readonly DiagnosticDescriptor GrubEntryWithoutKernel =
        new("XC4011", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "an entry has no kernel (nor chainloader)");

    /// <summary>XC4012: a Xen entry has no dom0 kernel <c>module</c>.</summary>
    public static readonly DiagnosticDescriptor GrubXenEntryWithoutDom0Module =
        new("XC4012", DiagnosticSeverity.Error, DiagnosticCategory.Boot, "a Xen entry (kernel .../xen*.gz) has no dom0 kernel module");

    /// <summary>XC4013: pygrub cannot read the file at all (it raises an exception), so the guest does not boot.</summary>
    public static readonly DiagnosticDescriptor PygrubRejectsFile =
        new("XC4013", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub cannot read this file");

    /// <summary>XC4014: pygrub lists different entries than GRUB (empty titles kept, <c>titlebar</c> lines), so numbers differ.</summary>
    public static readonly DiagnosticDescriptor PygrubEntriesDiffer =
        new("XC4014", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub lists different entries than GRUB, so entry numbers differ");

    /// <summary>XC4015: pygrub boots a different default entry than GRUB.</summary>
    public static readonly DiagnosticDescriptor PygrubDefaultDiffers =
        new("XC4015", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub boots a different default entry than GRUB");

    /// <summary>XC4016: pygrub reads the timeout differently from GRUB.</summary>
    public static readonly DiagnosticDescriptor PygrubTimeoutDiffers =
        new("XC4016", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub reads the timeout differently from GRUB");

    /// <summary>XC4017: pygrub reads an entry's title differently from GRUB.</summary>
    public static readonly DiagnosticDescriptor PygrubTitleDiffers =
        new("XC4017", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub reads an entry title differently from GRUB");

    /// <summary>XC4018: pygrub reads an entry's root device differently from GRUB.</summary>
    public static readonly DiagnosticDescriptor PygrubRootDiffers =
        new("XC4018", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub reads an entry's root device differently from GRUB");

    /// <summary>XC4019: pygrub reads an entry's kernel path or arguments differently from GRUB.</summary>
    public static readonly DiagnosticDescriptor PygrubKernelDiffers =
        new("XC4019", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub reads an entry's kernel path or arguments differently from GRUB");

    /// <summary>XC4020: pygrub reads an entry's initrd differently from GRUB.</summary>
    public static readonly DiagnosticDescriptor PygrubInitrdDiffers =
        new("XC4020", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "pygrub reads an entry's initrd differently from GRUB");

    /// <summary>XC4021: two entries share a title, so tools that select entries by title (pygrub <c>--entry</c>, grubby) pick the first.</summary>
    public static readonly DiagnosticDescriptor GrubDuplicateTitle =
        new("XC4021", DiagnosticSeverity.Warning, DiagnosticCategory.Boot, "two entries share a title; tools that select by title pick the first");

    /// <summary>XC4022: a <c>password</c> in plain text (without <c>--md5</c>) that anyone who can read the menu can use.</summary>
    public static readonly DiagnosticDescriptor GrubPlainTextPassword =
        new("XC4022", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "a password in plain text; use password --md5 with a hash from md5crypt");

    private static IEnumerable<DiagnosticDescriptor> GrubDescriptors() =>
    [
        GrubUnknownCommand, GrubCommentSwallowsLine, GrubCommandMisplaced, GrubBadNumber, GrubBadDevice, GrubLineTooLong,
        GrubEmptyEntry, GrubBadCommandOrder, GrubNoEntries,
        GrubDefaultOutOfRange, GrubEntryWithoutKernel, GrubXenEntryWithoutDom0Module,
        PygrubRejectsFile, PygrubEntriesDiffer, PygrubDefaultDiffers, PygrubTimeoutDiffers, PygrubTitleDiffers,
        PygrubRootDiffers, PygrubKernelDiffers, PygrubInitrdDiffers,
        GrubDuplicateTitle, GrubPlainTextPassword,
    ];
}
