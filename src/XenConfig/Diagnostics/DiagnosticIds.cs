namespace XenConfig.Diagnostics;

/// <summary>
/// Every diagnostic id XenConfig reports, with its default severity and meaning. Ids are stable: users suppress and
/// search by them, so an id is never renumbered or reused.
/// </summary>
/// <remarks>
/// Ranges: XC0xxx I/O and usage, XC1xxx domain-config syntax, XC2xxx domain semantics, XC3xxx fstab, XC4xxx GRUB,
/// XC5xxx guest cross-checks, XC6xxx repository cross-checks, XC7xxx libvirt conversion. Each range lives in its own
/// part of this class.
/// </remarks>
public static partial class DiagnosticIds
{
    private static Dictionary<string, DiagnosticDescriptor>? _byId;

    /// <summary>A file or folder cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable =
        new("XC0001", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a file or folder cannot be read");

    /// <summary>A file is too large to be processed.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge =
        new("XC0002", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a file is larger than the configured limit");

    /// <summary>A file's kind cannot be determined.</summary>
    public static readonly DiagnosticDescriptor UnknownFileKind =
        new("XC0003", DiagnosticSeverity.Info, DiagnosticCategory.Syntax, "a file is neither a domain config, an fstab nor a GRUB menu; it is skipped");

    /// <summary>XC0004: a YAML file does not parse.</summary>
    public static readonly DiagnosticDescriptor YamlSyntaxError =
        new("XC0004", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a YAML file does not parse");

    /// <summary>XC0005: a VM definition has a field, shape or YAML feature it does not accept.</summary>
    public static readonly DiagnosticDescriptor VmDefinitionShape =
        new("XC0005", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a VM definition has a field, shape or YAML feature it does not accept");

    /// <summary>XC0006: the suppression settings file (<c>.xenconfig.yaml</c>) cannot be read as settings.</summary>
    public static readonly DiagnosticDescriptor SettingsFileInvalid =
        new("XC0006", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the settings file .xenconfig.yaml is not valid");

    /// <summary>XC0007: a baseline file (<c>validate --baseline</c>) is not a baseline XenConfig wrote.</summary>
    public static readonly DiagnosticDescriptor BaselineFileInvalid =
        new("XC0007", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a baseline file is not valid");

    /// <summary>XC0008: a suppression names an id XenConfig does not have, so it suppresses nothing.</summary>
    public static readonly DiagnosticDescriptor UnknownSuppressedId =
        new("XC0008", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "a suppression names an id XenConfig does not have");

    /// <summary>
    /// XC0018: an inline <c># xenconfig: ignore XCnnnn</c> comment names an id that no finding on its line (or, for a
    /// comment line, on the line below) has, so it suppresses nothing.
    /// </summary>
    public static readonly DiagnosticDescriptor UnusedInlineIgnore =
        new("XC0018", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "an inline ignore comment suppresses nothing");

    /// <summary>XC0010: a file or folder lies outside the repository (after resolving symbolic links); it is not read.</summary>
    public static readonly DiagnosticDescriptor OutsideRepository =
        new("XC0010", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a file or folder outside the repository is referenced; it is not read");

    /// <summary>XC0011: a FIFO, device or socket is where a file was expected; it is never opened.</summary>
    public static readonly DiagnosticDescriptor SpecialFile =
        new("XC0011", DiagnosticSeverity.Warning, DiagnosticCategory.Syntax, "a FIFO, device or socket is skipped; it is never opened");

    /// <summary>XC0012: a folder or domain config is reached a second time (a link loop or an alias); it is checked once.</summary>
    public static readonly DiagnosticDescriptor ReachedTwice =
        new("XC0012", DiagnosticSeverity.Info, DiagnosticCategory.Syntax, "a folder or file is reached a second time (a link loop or an alias); it is checked once");

    /// <summary>
    /// XC0013: a save was refused: the file changed since it was read, is read-only, has more than one hard link, or
    /// another save holds its lock (<see cref="XenConfig.Text.SaveRefusedException"/>).
    /// </summary>
    public static readonly DiagnosticDescriptor SaveRefused =
        new("XC0013", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a save was refused: the file changed since it was read, is read-only, has hard links, or is locked by another save");

    /// <summary>
    /// XC0014: a file has more diagnostics than the per-file limit; the rest are counted in this one, which takes the
    /// highest severity among them.
    /// </summary>
    public static readonly DiagnosticDescriptor MoreDiagnostics =
        new("XC0014", DiagnosticSeverity.Info, DiagnosticCategory.Syntax, "more diagnostics in this file than the limit; the rest are counted, not shown");

    /// <summary>XC0009: the tool failed on an input it should have handled; the input is worth a bug report.</summary>
    public static readonly DiagnosticDescriptor InternalError =
        new("XC0009", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "xenconfig failed internally on this input; please report it");

    /// <summary>Every descriptor, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>The descriptor of <paramref name="id"/>, or null when the id is unknown.</summary>
    public static DiagnosticDescriptor? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }

    // Built on first use, after every part's static fields are initialized (field order across partial files is not defined).
    // A Dictionary, not a FrozenDictionary: the first finding's category needs the table, and freezing it was about 1% of
    // a native one-guest validate (the same trade as DomainKeys).
    private static Dictionary<string, DiagnosticDescriptor> ById => _byId ??= new DiagnosticDescriptor[]
    {
        FileUnreadable, FileTooLarge, UnknownFileKind, YamlSyntaxError, VmDefinitionShape, InternalError, OutsideRepository, SpecialFile,
        ReachedTwice, SaveRefused, MoreDiagnostics, SettingsFileInvalid, BaselineFileInvalid, UnknownSuppressedId,
        UnusedInlineIgnore,
    }
    .Concat(CommandDescriptors())
    .Concat(DomainSyntaxDescriptors())
    .Concat(XmDescriptors())
    .Concat(DomainDescriptors())
    .Concat(LibxlDescriptors())
    .Concat(FstabDescriptors())
    .Concat(GrubDescriptors())
    .Concat(GuestDescriptors())
    .Concat(RepositoryDescriptors())
    .Concat(LibvirtDescriptors())
    .ToDictionary(d => d.Id, StringComparer.Ordinal);
}
