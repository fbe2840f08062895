using System.Diagnostics.CodeAnalysis;
using XenConfig.Devices;
using XenConfig.Diagnostics;

namespace XenConfig.Domain.Model;

/// <summary>
/// A typed view of a domain config. Every property reads the effective settings of the underlying
/// <see cref="Document"/> the way xl reads them, and every setter writes through the tree, changing only the value's
/// bytes. Keys without a property are reachable through <see cref="GetString"/>, <see cref="GetNumber"/>,
/// <see cref="GetBoolean"/> and <see cref="GetStringList"/>; nothing is ever dropped.
/// </summary>
public sealed partial class DomainConfig
{
    private DomainConfig(DomainConfigDocument document) => Document = document;

    /// <summary>The lossless document underneath.</summary>
    public DomainConfigDocument Document { get; }

    /// <summary>The document's diagnostics, always for the current text (edits re-parse).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Document.Diagnostics;

    /// <summary>Parses text; throws when xl would reject it.</summary>
    /// <param name="text">The config text.</param>
    /// <param name="path">The file the text came from, for diagnostics and <see cref="Save"/>; null for none.</param>
    /// <param name="options">Parser limits; <see cref="DomainConfigParseOptions.Default"/> when null.</param>
    /// <exception cref="XenConfigException">The text has errors; the exception carries every diagnostic.</exception>
    public static DomainConfig Parse(string text, string? path = null, DomainConfigParseOptions? options = null) =>
        Strict(DomainConfigDocument.Parse(text, path, options));

    /// <summary>Reads and parses a file; throws when xl would reject it.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Parser limits; <see cref="DomainConfigParseOptions.Default"/> when null.</param>
    /// <exception cref="XenConfigException">The file has errors.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DomainConfig Load(string path, DomainConfigParseOptions? options = null) => Strict(DomainConfigDocument.Load(path, options));

    /// <summary>Parses text; returns false (with the diagnostics) when xl would reject it.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DomainConfig? config, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var document = DomainConfigDocument.Parse(text);
        diagnostics = document.Diagnostics;
        config = document.HasErrors ? null : new DomainConfig(document);
        return config is not null;
    }

    /// <summary>
    /// A new, empty xl config holding only <c>name = "NAME"</c>: set values on it and <see cref="Save"/> it.
    /// </summary>
    /// <param name="name">The domain name.</param>
    /// <param name="path">Where the config will be saved (<see cref="Save"/> without a path writes there); null for none yet.</param>
    /// <returns>The new config.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot be written in an xl string (a newline or a NUL).</exception>
    /// <example>
    /// <code>
    /// var config = DomainConfig.Create("web01");
    /// config.Memory = 2048;
    /// config.AddDisk(new DiskSpec { Target = "/dev/vg/web01", Vdev = "xvda", Access = DiskAccess.ReadWrite });
    /// config.Save("/etc/xen/web01.cfg");
    /// </code>
    /// </example>
    public static DomainConfig Create(string name, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var document = DomainConfigDocument.Parse("", path);
        document.Set("name", name);
        return new DomainConfig(document);
    }

    /// <summary>A typed view of a document, whatever its diagnostics (values that do not parse read as unset).</summary>
    public static DomainConfig FromDocument(DomainConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DomainConfig(document);
    }

    /// <summary><c>name</c>: the domain name (required by xl).</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary><c>uuid</c> as written.</summary>
    public string? UuidText { get => GetString("uuid"); set => SetString("uuid", value); }

    /// <summary><c>uuid</c> parsed; null when unset or not a valid UUID.</summary>
    public Guid? Uuid => UuidText is { } text && text.Length == 36 && Guid.TryParseExact(text, "D", out var uuid) ? uuid : null;

    /// <summary>
    /// The guest type as xl resolves it from <c>type</c> (prefix match: <c>"h"</c> is hvm) or the deprecated
    /// <c>builder</c>; PV when neither is set; null when the value names no type xl knows.
    /// </summary>
    public GuestType? Type
    {
        get
        {
            if (GetString("type") is { } type)
            {
                return MatchPrefix(type, ("hvm", GuestType.Hvm), ("pv", GuestType.Pv), ("pvh", GuestType.Pvh));
            }

            return GetString("builder") is not null ? BuilderType : GuestType.Pv;
        }

        set => SetString("type", value?.ToString().ToLowerInvariant());
    }

    /// <summary>
    /// The guest type the deprecated <c>builder</c> names on its own (<c>generic</c> is PV, <c>hvm</c> HVM, prefix
    /// matched with hvm tried first, so <c>builder = ""</c> is HVM); null when <c>builder</c> is unset or names nothing xl knows. xl refuses a builder that contradicts <c>type</c>.
    /// </summary>
    public GuestType? BuilderType =>
        GetString("builder") is { } builder ? MatchPrefix(builder, ("hvm", GuestType.Hvm), ("generic", GuestType.Pv)) : null;

    /// <summary><c>memory</c> in MiB as set; null when unset or not a number.</summary>
    public long? Memory { get => GetNumber("memory"); set => SetNumber("memory", value); }

    /// <summary><c>maxmem</c> in MiB as set; null when unset or not a number.</summary>
    public long? MaxMemory { get => GetNumber("maxmem"); set => SetNumber("maxmem", value); }

    /// <summary>The memory xl gives the guest at start: <c>memory</c>, else <c>maxmem</c>, else 32 MiB.</summary>
    public long EffectiveMemory => Memory ?? MaxMemory ?? 32;

    /// <summary>The memory limit xl applies: <c>maxmem</c>, else <c>memory</c>, else 32 MiB.</summary>
    public long EffectiveMaxMemory => MaxMemory ?? Memory ?? 32;

    /// <summary><c>vcpus</c> as set.</summary>
    public long? Vcpus { get => GetNumber("vcpus"); set => SetNumber("vcpus", value); }

    /// <summary><c>maxvcpus</c> as set.</summary>
    public long? MaxVcpus { get => GetNumber("maxvcpus"); set => SetNumber("maxvcpus", value); }

    /// <summary>The vCPU limit xl applies: <c>maxvcpus</c> unless it is unset or 0 (which xl reads as unset), else <c>vcpus</c>.</summary>
    public long? EffectiveMaxVcpus => MaxVcpus is { } max && max != 0 ? max : Vcpus;

    /// <summary><c>kernel</c>.</summary>
    public string? Kernel { get => GetString("kernel"); set => SetString("kernel", value); }

    /// <summary><c>ramdisk</c>.</summary>
    public string? Ramdisk { get => GetString("ramdisk"); set => SetString("ramdisk", value); }

    /// <summary><c>root</c> (becomes <c>root=&lt;value&gt;</c> on the kernel command line).</summary>
    public string? Root { get => GetString("root"); set => SetString("root", value); }

    /// <summary><c>extra</c>.</summary>
    public string? Extra { get => GetString("extra"); set => SetString("extra", value); }

    /// <summary><c>cmdline</c> (overrides <c>root</c> and <c>extra</c>).</summary>
    public string? Cmdline { get => GetString("cmdline"); set => SetString("cmdline", value); }

    /// <summary><c>bootloader</c>, usually <c>pygrub</c>.</summary>
    public string? Bootloader { get => GetString("bootloader"); set => SetString("bootloader", value); }

    /// <summary><c>firmware</c>.</summary>
    public string? Firmware { get => GetString("firmware"); set => SetString("firmware", value); }

    /// <summary>
    /// The kernel command line exactly as xl composes it: <c>cmdline</c> if set; else <c>root=ROOT EXTRA</c>,
    /// <c>root=ROOT</c> or <c>EXTRA</c>; null when none is set.
    /// </summary>
    public string? KernelCommandLine => global::XenConfig.Boot.KernelCommandLine.Compose(Cmdline, Root, Extra);

    /// <summary>
    /// The <c>root=</c> device of <see cref="KernelCommandLine"/> and the key it comes from: the one answer to "where
    /// does root= come from". The kernel takes the last <c>root=</c>, so in <c>root=ROOT EXTRA</c> a <c>root=</c> inside
    /// <c>extra</c> wins over <c>root</c>. Null when the command line has no (or an empty) <c>root=</c>.
    /// </summary>
    public KernelRootDevice? KernelRoot
    {
        get
        {
            if (KernelCommandLine is not { } line || global::XenConfig.Boot.KernelCommandLine.Parse(line).Get("root") is not { Length: > 0 } device)
            {
                return null;
            }

            var key = Cmdline is not null ? "cmdline"
                : Extra is { } extra && global::XenConfig.Boot.KernelCommandLine.Parse(extra).Contains("root") ? "extra"
                : "root";
            return new KernelRootDevice(device, key);
        }
    }

    /// <summary><c>on_poweroff</c> as written (default <c>destroy</c>); <see cref="OnPoweroffAction"/> is the typed value.</summary>
    public string? OnPoweroff { get => GetString("on_poweroff"); set => SetString("on_poweroff", value); }

    /// <summary><c>on_reboot</c> as written (default <c>restart</c>); <see cref="OnRebootAction"/> is the typed value.</summary>
    public string? OnReboot { get => GetString("on_reboot"); set => SetString("on_reboot", value); }

    /// <summary><c>on_crash</c> as written (default <c>destroy</c>); <see cref="OnCrashAction"/> is the typed value.</summary>
    public string? OnCrash { get => GetString("on_crash"); set => SetString("on_crash", value); }

    /// <summary><c>on_watchdog</c> as written (default <c>destroy</c>); <see cref="OnWatchdogAction"/> is the typed value.</summary>
    public string? OnWatchdog { get => GetString("on_watchdog"); set => SetString("on_watchdog", value); }

    /// <summary><c>on_soft_reset</c> as written (default <c>soft-reset</c>); <see cref="OnSoftResetAction"/> is the typed value.</summary>
    public string? OnSoftReset { get => GetString("on_soft_reset"); set => SetString("on_soft_reset", value); }

    /// <summary>
    /// <c>on_poweroff</c> as an action; null when unset or when the text is not an action xl knows (the text stays in
    /// <see cref="OnPoweroff"/> and validation reports it, XC2007). Setting null removes the key.
    /// </summary>
    public DomainEventAction? OnPoweroffAction { get => GetAction("on_poweroff"); set => SetString("on_poweroff", value?.ToXlName()); }

    /// <summary><c>on_reboot</c> as an action; null when unset or not an action xl knows (see <see cref="OnPoweroffAction"/>).</summary>
    public DomainEventAction? OnRebootAction { get => GetAction("on_reboot"); set => SetString("on_reboot", value?.ToXlName()); }

    /// <summary><c>on_crash</c> as an action; null when unset or not an action xl knows (see <see cref="OnPoweroffAction"/>).</summary>
    public DomainEventAction? OnCrashAction { get => GetAction("on_crash"); set => SetString("on_crash", value?.ToXlName()); }

    /// <summary><c>on_watchdog</c> as an action; null when unset or not an action xl knows (see <see cref="OnPoweroffAction"/>).</summary>
    public DomainEventAction? OnWatchdogAction { get => GetAction("on_watchdog"); set => SetString("on_watchdog", value?.ToXlName()); }

    /// <summary><c>on_soft_reset</c> as an action; null when unset or not an action xl knows (see <see cref="OnPoweroffAction"/>).</summary>
    public DomainEventAction? OnSoftResetAction { get => GetAction("on_soft_reset"); set => SetString("on_soft_reset", value?.ToXlName()); }

    /// <summary>
    /// The action xl takes for an <c>on_*</c> key: the set value, or xl's default when the key is unset; null when the
    /// value is a list or text xl refuses (XC2007), which <see cref="GetString"/> still returns as written.
    /// </summary>
    /// <param name="key">One of <see cref="DomainEventActions.Keys"/>.</param>
    /// <returns>The effective action, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not an <c>on_*</c> key.</exception>
    public DomainEventAction? GetEffectiveAction(string key)
    {
        var fallback = DomainEventActions.DefaultFor(key);
        return Document.GetValue(key) is null ? fallback : GetAction(key);
    }

    /// <summary>The disk spec strings of <c>disk</c>, as xl iterates them (it stops at a nested list).</summary>
    public IReadOnlyList<string> DiskSpecs => GetStringList("disk") ?? [];

    /// <summary>The vif spec strings of <c>vif</c>, as xl iterates them.</summary>
    public IReadOnlyList<string> VifSpecs => GetStringList("vif") ?? [];

    /// <summary>The items of <c>disk</c> as xl iterates them, each parsed as <c>xlu_disk_parse</c> does.</summary>
    public IReadOnlyList<DeviceItem<DiskSpec>> DiskItems => Items<DiskSpec>("disk", ParseDisk);

    /// <summary>The disks that parse, in order (<c>config.Disks[0].Vdev</c>).</summary>
    public IReadOnlyList<DiskSpec> Disks => ValidValues(DiskItems);

    /// <summary>The items of <c>vif</c> as xl iterates them, each parsed as xl does.</summary>
    public IReadOnlyList<DeviceItem<VifSpec>> VifItems => Items<VifSpec>("vif", ParseVif);

    /// <summary>The vifs that parse, in order (<c>config.Vifs[1].Mac</c>).</summary>
    public IReadOnlyList<VifSpec> Vifs => ValidValues(VifItems);

    /// <summary>Replaces disk <paramref name="index"/> with <paramref name="spec"/>, changing only that item's bytes.</summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void SetDisk(int index, string spec) => Document.ReplaceListItem("disk", index, SettingValue.String(DiskSpec.Parse(spec).Text));

    /// <summary>Appends a disk (creating <c>disk</c> when it is not set).</summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void AddDisk(string spec) => Document.AddListItem("disk", SettingValue.String(DiskSpec.Parse(spec).Text));

    /// <summary>Replaces disk <paramref name="index"/> with <paramref name="disk"/>'s spec (<see cref="DiskSpec.Text"/>).</summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void SetDisk(int index, DiskSpec disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        SetDisk(index, disk.Text);
    }

    /// <summary>
    /// Appends a disk built in code (<c>new DiskSpec { Target = "/dev/vg/web01", Vdev = "xvda" }</c>), creating
    /// <c>disk</c> when it is not set; the item is <paramref name="disk"/>'s <see cref="DiskSpec.Text"/>.
    /// </summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void AddDisk(DiskSpec disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        AddDisk(disk.Text);
    }

    /// <summary>Removes disk <paramref name="index"/> with its comma (and its line in a one-per-line list).</summary>
    public void RemoveDisk(int index) => Document.RemoveListItem("disk", index);

    /// <summary>Replaces vif <paramref name="index"/> with <paramref name="spec"/>.</summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void SetVif(int index, string spec) => Document.ReplaceListItem("vif", index, SettingValue.String(VifSpec.Parse(spec).Text));

    /// <summary>Appends a vif (creating <c>vif</c> when it is not set).</summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void AddVif(string spec) => Document.AddListItem("vif", SettingValue.String(VifSpec.Parse(spec).Text));

    /// <summary>Replaces vif <paramref name="index"/> with <paramref name="vif"/>'s spec (<see cref="VifSpec.Text"/>).</summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void SetVif(int index, VifSpec vif)
    {
        ArgumentNullException.ThrowIfNull(vif);
        SetVif(index, vif.Text);
    }

    /// <summary>
    /// Appends a vif built in code (<c>new VifSpec { Bridge = "xenbr0" }</c>), creating <c>vif</c> when it is not set;
    /// the item is <paramref name="vif"/>'s <see cref="VifSpec.Text"/>.
    /// </summary>
    /// <exception cref="DeviceSpecFormatException">The spec does not parse.</exception>
    public void AddVif(VifSpec vif)
    {
        ArgumentNullException.ThrowIfNull(vif);
        AddVif(vif.Text);
    }

    /// <summary>Removes vif <paramref name="index"/>.</summary>
    public void RemoveVif(int index) => Document.RemoveListItem("vif", index);

    /// <summary>Keys that are set but that xl does not read (it ignores them silently), in file order.</summary>
    public IReadOnlyList<string> UnknownKeys =>
        (Document.FastScan?.SettingKeys ?? Document.Settings.Keys).Where(k => !DomainKeys.IsKnown(k)).ToList();

    /// <summary>The string value of <paramref name="key"/>; null when unset or a list (xl warns and ignores it).</summary>
    public string? GetString(string key) => Document.GetValue(key) is { IsList: false } value ? value.Text : null;

    /// <summary>The value of <paramref name="key"/> read as xl reads numbers; null when unset or not a valid number.</summary>
    public long? GetNumber(string key)
    {
        // From the fast pass without the tree: a value that ends with '+=' is not a number to xl (Setting.TryGetNumber).
        if (Document.FastScan is { } scan)
        {
            return Document.GetValue(key) is { } value && !scan.IsFromAddition(key) && value.TryGetNumber(out var scanned) ? scanned : null;
        }

        return Document.TryGetSetting(key, out var setting) && setting.TryGetNumber(out var number) ? number : null;
    }

    /// <summary>The value of <paramref name="key"/> read as an xl boolean (a number, 0 is false).</summary>
    public bool? GetBoolean(string key) => GetNumber(key) is { } number ? number != 0 : null;

    /// <summary>
    /// The strings of list <paramref name="key"/>, stopping at the first nested list as xl's device loops do; null when
    /// unset or not a list.
    /// </summary>
    public IReadOnlyList<string>? GetStringList(string key) =>
        Document.GetValue(key) is { IsList: true } value ? value.Items.TakeWhile(i => !i.IsList).Select(i => i.Text!).ToList() : null;

    /// <summary>
    /// Why the value of <paramref name="key"/> cannot be used as its type (spec §3), or null when it can (or is unset
    /// or unknown). xl warns and ignores such values for most keys.
    /// </summary>
    public string? GetTypeProblem(string key)
    {
        if (DomainKeys.Find(key) is not { } known || !Document.TryGetSetting(key, out var setting))
        {
            return null;
        }

        var value = setting.Value;
        return known.Type switch
        {
            DomainKeyType.String when value.IsList => $"'{key}' must be a single value, not a list",
            DomainKeyType.Number or DomainKeyType.Boolean when value.IsList => $"'{key}' must be a number, not a list",
            DomainKeyType.Number or DomainKeyType.Boolean when setting.IsFromAddition => $"'{key}' is built with +=, which xl refuses to read as a number",
            DomainKeyType.Number or DomainKeyType.Boolean when !setting.TryGetNumber(out _) =>
                $"'{key}' must be a number (decimal, 0x hex or 0 octal), not \"{value.Text}\"",
            DomainKeyType.List or DomainKeyType.NestedList when !value.IsList => $"'{key}' must be a list: {key} = [ \"{value.Text}\" ]",
            DomainKeyType.ListOrBoolean when !value.IsList && !setting.TryGetNumber(out _) => $"'{key}' must be a list or a number",
            _ => null,
        };
    }

    /// <summary>
    /// Writes the config to <paramref name="path"/> (default: the path it was loaded or created with) atomically; see
    /// <see cref="DomainConfigDocument.Save"/>.
    /// </summary>
    /// <param name="path">Where to write; null for the file the config was loaded from or created for.</param>
    /// <param name="options">Checks and overrides (<see cref="Text.AtomicFileOptions.Force"/>); null for the defaults.</param>
    /// <exception cref="InvalidOperationException">No path was given and the config has none.</exception>
    /// <exception cref="Text.SaveRefusedException">The save was refused (XC0013): changed since read, read-only, hard links, locked.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string? path = null, Text.AtomicFileOptions? options = null) => Document.Save(path, options);

    /// <inheritdoc />
    public override string ToString() => Document.ToString();

    private DomainEventAction? GetAction(string key) => DomainEventActions.TryParse(GetString(key), out var action) ? action : null;

    private void SetString(string key, string? value)
    {
        if (value is null)
        {
            Document.Remove(key);
        }
        else
        {
            Document.Set(key, value);
        }
    }

    private void SetNumber(string key, long? value)
    {
        if (value is null)
        {
            Document.Remove(key);
        }
        else if (Document.TryGetSetting(key, out var setting) && setting.TryGetNumber(out var current) && current == value)
        {
            // Same number, maybe written 0x200 or '512': keep the text as it is.
        }
        else
        {
            Document.Set(key, value.Value);
        }
    }

    // Parsed device lists, valid while the document's text is the one they were parsed from (every edit makes a new text).
    private readonly Dictionary<string, object> _items = new(StringComparer.Ordinal);
    private Text.SourceText? _itemsText;

    private IReadOnlyList<DeviceItem<T>> Items<T>(string key, Func<string, (T? Value, DeviceSpecError? Error)> parse)
        where T : class
    {
        if (!ReferenceEquals(_itemsText, Document.SourceText))
        {
            _items.Clear();
            _itemsText = Document.SourceText;
        }

        if (_items.TryGetValue(key, out var cached))
        {
            return (IReadOnlyList<DeviceItem<T>>)cached;
        }

        var items = EnumerateItems(key, parse).ToList();
        _items[key] = items;
        return items;
    }

    // The disks and vifs parsed one by one and not kept: the JSON projection of a config with 100,000 disks writes each
    // as it is parsed instead of holding all of them (DiskItems keeps them, for the checks that look more than once).
    internal IEnumerable<DeviceItem<DiskSpec>> EnumerateDiskItems() => KeptOrEnumerated<DiskSpec>("disk", ParseDisk);

    internal IEnumerable<DeviceItem<VifSpec>> EnumerateVifItems() => KeptOrEnumerated<VifSpec>("vif", ParseVif);

    private IEnumerable<DeviceItem<T>> KeptOrEnumerated<T>(string key, Func<string, (T? Value, DeviceSpecError? Error)> parse)
        where T : class =>
        ReferenceEquals(_itemsText, Document.SourceText) && _items.TryGetValue(key, out var kept)
            ? (IReadOnlyList<DeviceItem<T>>)kept
            : EnumerateItems(key, parse);

    // The spec, parsed value and error of each disk and vif, for the JSON projection: read from the fast pass's values
    // when every key is assigned once (no tree, no token spans), else from the items above.
    internal IEnumerable<(string Spec, DiskSpec? Value, DeviceSpecError? Error)> EnumerateParsedDisks() => EnumerateParsed<DiskSpec>("disk", ParseDisk);

    internal IEnumerable<(string Spec, VifSpec? Value, DeviceSpecError? Error)> EnumerateParsedVifs() => EnumerateParsed<VifSpec>("vif", ParseVif);

    private IEnumerable<(string Spec, T? Value, DeviceSpecError? Error)> EnumerateParsed<T>(string key, Func<string, (T? Value, DeviceSpecError? Error)> parse)
        where T : class
    {
        if (Document.FastScan is null || (ReferenceEquals(_itemsText, Document.SourceText) && _items.ContainsKey(key)))
        {
            foreach (var item in KeptOrEnumerated(key, parse))
            {
                yield return (item.Spec, item.Value, item.Error);
            }

            yield break;
        }

        if (Document.GetValue(key) is not { IsList: true } list)
        {
            yield break;
        }

        foreach (var value in list.Items)
        {
            if (value.IsList)
            {
                yield break; // xl's device loops stop at the first nested list
            }

            var (parsed, error) = parse(value.Text!);
            yield return (value.Text!, parsed, error);
        }
    }

    // A loop, not Where(...).Select(...): in the native build the first Select on a Where iterator is a generic virtual
    // call resolved at run time (half a percent of a one-guest validate).
    private static List<T> ValidValues<T>(IReadOnlyList<DeviceItem<T>> items)
        where T : class
    {
        var values = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (item.IsValid)
            {
                values.Add(item.Value!);
            }
        }

        return values;
    }

    private static (DiskSpec? Value, DeviceSpecError? Error) ParseDisk(string spec) =>
        DiskSpec.TryParse(spec, out var disk, out var error) ? (disk, null) : (null, error);

    private static (VifSpec? Value, DeviceSpecError? Error) ParseVif(string spec) =>
        VifSpec.TryParse(spec, out var vif, out var error) ? (vif, null) : (null, error);

    private IEnumerable<DeviceItem<T>> EnumerateItems<T>(string key, Func<string, (T? Value, DeviceSpecError? Error)> parse)
        where T : class
    {
        if (!Document.TryGetSetting(key, out var setting) || !setting.Value.IsList)
        {
            yield break;
        }

        // Item nodes across '=' and later '+=' lists, in the order of the effective value.
        var nodes = new List<Syntax.ValueSyntax>();
        foreach (var assignment in setting.Assignments)
        {
            if (!assignment.IsAddition)
            {
                nodes.Clear();
            }

            if (assignment.Value is Syntax.ListSyntax list)
            {
                nodes.AddRange(list.Items);
            }
        }

        for (var i = 0; i < setting.Value.Items.Count && i < nodes.Count; i++)
        {
            var value = setting.Value.Items[i];
            if (value.IsList || nodes[i] is not Syntax.AtomSyntax atom)
            {
                yield break; // xl's device loops stop at the first nested list
            }

            var (parsed, error) = parse(value.Text!);
            yield return new DeviceItem<T>(i, value.Text!, parsed, error, atom.Token.Span, atom.Token.Text);
        }
    }

    private static GuestType? MatchPrefix(string value, params (string Word, GuestType Type)[] words)
    {
        // xl compares only strlen(value) characters, so "h" means hvm and "" the first word.
        foreach (var (word, type) in words)
        {
            if (word.StartsWith(value, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }

    private static DomainConfig Strict(DomainConfigDocument document) =>
        document.HasErrors ? throw new XenConfigException(document.Diagnostics) : new DomainConfig(document);
}
