using System.Diagnostics.CodeAnalysis;
using System.Text;
using XenConfig.Diagnostics;

namespace XenConfig.Devices;

/// <summary>
/// One disk spec string (an item of <c>disk = [ ... ]</c>), parsed exactly as libxlutil's <c>xlu_disk_parse</c>
/// does: positional slots and their shift after a deprecated prefix or <c>format=</c>, greedy <c>target=</c>,
/// whitespace kept after items, flags, cdrom rules, defaults and every rejection.
/// </summary>
/// <remarks>
/// <para>A spec is parsed (<see cref="Parse(string)"/>) or built in code with init properties:
/// <c>new DiskSpec { Target = "/dev/vg/web", Vdev = "xvda", Access = DiskAccess.ReadWrite }</c>. A built spec's
/// <see cref="Text"/> (and <see cref="ToString"/>) is its <see cref="ToCanonicalString"/>, which xl's parser reads back
/// to the same values; unset properties keep xl's defaults (raw, read-write, a disk).</para>
/// The properties are the <c>libxl_device_disk</c> fields the parser sets. Properties that libxl defaults later are
/// null when the spec does not set them (<see cref="BackendType"/>, <see cref="Specification"/>,
/// <see cref="Discard"/>, ...). <see cref="ToString"/> returns the spec as written; <see cref="ToCanonicalString"/>
/// an equivalent spec in xl's current named-parameter syntax.
/// </remarks>
public sealed class DiskSpec
{
    private static readonly IReadOnlyList<string> NoPrefixes = [];

    // Sized for the common spec (a target, a vdev, a format, an access, at most one deprecated prefix): 72 bytes. A
    // parsed spec keeps where its target and vdev lie in its text and makes their strings the first time they are read;
    // its text is its source's (the spec's string, or the list item it was read from, which reads the text from the
    // document only when asked). The small settings are packed in bytes; the settings few specs use live in a second
    // object made only for a spec that sets one of them.
    private readonly object? _source;
    private string? _target;
    private string? _vdev;
    private RareSettings? _rare;
    private int _targetStart = -1;
    private int _targetLength;
    private int _vdevStart = -1;
    private int _vdevLength;
    private byte _format;
    private byte _access;
    private byte _deviceType;

    // 0: not set (removable when a CD-ROM), 1: false, 2: true
    private readonly byte _isRemovable;

    // 0: null, else the enum value + 1
    private byte _backendType;
    private byte _specification;

    // 0: none, else 1 + the index of the one prefix word in DiskSpecScanner's shared lists, or MorePrefixes
    private readonly byte _prefix;

    private const byte MorePrefixes = byte.MaxValue;

    /// <summary>A spec to build with init properties; <see cref="Vdev"/> is required, every other property has xl's default.</summary>
    public DiskSpec()
    {
    }

    // Vdev is set, as where it lies in text (the scanner fails a spec without one); its string is made when read.
#pragma warning disable CS8618
    [SetsRequiredMembers]
    internal DiskSpec(
        object source,
        int targetStart,
        int targetLength,
        int vdevStart,
        int vdevLength,
        DiskFormat format,
        DiskAccess access,
        DiskDeviceType deviceType,
        bool isRemovable,
        DiskBackendType? backendType,
        string? backendDomain,
        string? script,
        DiskSpecification? specification,
        bool directIoSafe,
        bool? discard,
        bool? trusted,
        bool? grantUsage,
        bool? colo,
        string? coloHost,
        int? coloPort,
        string? coloExport,
        string? activeDisk,
        string? hiddenDisk,
        int onePrefix,
        IReadOnlyList<string>? prefixes)
    {
        _source = source;
        _targetStart = targetStart;
        _targetLength = targetLength;
        _vdevStart = vdevStart;
        _vdevLength = vdevLength;
        _format = (byte)format;
        _access = (byte)access;
        _deviceType = (byte)deviceType;
        _isRemovable = isRemovable ? (byte)2 : (byte)1;
        _backendType = backendType is { } type ? (byte)(type + 1) : (byte)0;
        _specification = specification is { } spec ? (byte)(spec + 1) : (byte)0;
        _prefix = prefixes is not null ? MorePrefixes : (byte)(onePrefix + 1);
        if (backendDomain is not null || script is not null || directIoSafe || discard is not null || trusted is not null
            || grantUsage is not null || colo is not null || coloHost is not null || coloPort is not null || coloExport is not null
            || activeDisk is not null || hiddenDisk is not null || prefixes is not null)
        {
            _rare = new RareSettings
            {
                BackendDomain = backendDomain,
                Script = script,
                DirectIoSafe = directIoSafe,
                Discard = discard,
                Trusted = trusted,
                GrantUsage = grantUsage,
                Colo = colo,
                ColoHost = coloHost,
                ColoPort = coloPort,
                ColoExport = coloExport,
                ActiveDisk = activeDisk,
                HiddenDisk = hiddenDisk,
                Prefixes = prefixes,
            };
        }
    }
#pragma warning restore CS8618

    /// <summary>The spec exactly as written; for a spec built in code, its <see cref="ToCanonicalString"/>.</summary>
    /// <exception cref="InvalidOperationException">A built spec holds a value the named syntax cannot carry.</exception>
    public string Text => _source switch
    {
        string text => text,
        Domain.SettingValue item => item.Text!,
        _ => ToCanonicalString(),
    };

    /// <summary>
    /// The backing path or device (<c>pdev_path</c>): null when the spec gives none (only allowed for CD-ROMs), possibly
    /// empty (<c>,hdc:cdrom,r</c>, <c>target=</c>). Deprecated prefixes are stripped (<c>phy:/dev/x</c> → <c>/dev/x</c>).
    /// </summary>
    public string? Target
    {
        get => _target ?? (_targetStart >= 0 ? _target = Slice(_targetStart, _targetLength) : null);
        init => (_target, _targetStart) = (value, -1);
    }

    /// <summary>
    /// The virtual device name exactly as written (e.g. <c>xvda</c>, <c>hda1</c>, or <c>"xvda "</c> with the trailing
    /// space xl keeps). libxl decodes it later; see <see cref="VirtualDevice"/>.
    /// </summary>
    public required string Vdev
    {
        get => _vdev ?? (_vdevStart >= 0 ? _vdev = Slice(_vdevStart, _vdevLength) : null!);
        init => (_vdev, _vdevStart) = (value, -1);
    }

    /// <summary>The decoded vdev, or null when libxl would refuse the name ("Invalid or unsupported virtual disk identifier").</summary>
    public VirtualDevice? VirtualDevice => Devices.VirtualDevice.TryParse(Vdev, out var device) ? device : null;

    /// <summary>The image format after defaults: <c>raw</c> unless set; <c>empty</c> for a CD-ROM without target.</summary>
    public DiskFormat Format
    {
        get => (DiskFormat)_format;
        init => _format = Pack(value);
    }

    /// <summary>Read-write or read-only after defaults (CD-ROMs are always read-only).</summary>
    public DiskAccess Access
    {
        get => (DiskAccess)_access;
        init => _access = Pack(value);
    }

    /// <summary>True when <see cref="Access"/> is read-only.</summary>
    public bool IsReadOnly => Access == DiskAccess.ReadOnly;

    /// <summary>Disk or CD-ROM (<c>cdrom</c>, <c>devtype=cdrom</c>, <c>hdc:cdrom</c>).</summary>
    public DiskDeviceType DeviceType
    {
        get => (DiskDeviceType)_deviceType;
        init => _deviceType = Pack(value);
    }

    /// <summary>True for a CD-ROM.</summary>
    public bool IsCdrom => DeviceType == DiskDeviceType.Cdrom;

    /// <summary>True when the medium is removable (xl sets it for CD-ROMs).</summary>
    public bool IsRemovable => _isRemovable == 0 ? IsCdrom : _isRemovable == 2;

    /// <summary><c>backendtype=</c>; null lets libxl choose.</summary>
    public DiskBackendType? BackendType
    {
        get => _backendType == 0 ? null : (DiskBackendType)(_backendType - 1);
        init => _backendType = value is { } type ? (byte)(Pack(type) + 1) : (byte)0;
    }

    /// <summary><c>backend=</c>: the driver domain serving the disk; null means dom0.</summary>
    public string? BackendDomain
    {
        get => _rare?.BackendDomain;
        init => Rare.BackendDomain = value;
    }

    /// <summary>The hotplug script (<c>script=</c>, or <c>block-iscsi</c> etc. from a deprecated prefix).</summary>
    public string? Script
    {
        get => _rare?.Script;
        init => Rare.Script = value;
    }

    /// <summary><c>specification=</c>; null means libxl's default (<c>xen</c>).</summary>
    public DiskSpecification? Specification
    {
        get => _specification == 0 ? null : (DiskSpecification)(_specification - 1);
        init => _specification = value is { } specification ? (byte)(Pack(specification) + 1) : (byte)0;
    }

    /// <summary>The <c>direct-io-safe</c> flag.</summary>
    public bool DirectIoSafe
    {
        get => _rare?.DirectIoSafe ?? false;
        init => Rare.DirectIoSafe = value;
    }

    /// <summary><c>discard</c> (true) / <c>no-discard</c> (false); null = libxl's default (discard).</summary>
    public bool? Discard
    {
        get => _rare?.Discard;
        init => Rare.Discard = value;
    }

    /// <summary><c>trusted</c> / <c>untrusted</c> (Xen 4.19+ scanners only); null = default (trusted).</summary>
    public bool? Trusted
    {
        get => _rare?.Trusted;
        init => Rare.Trusted = value;
    }

    /// <summary><c>grant_usage=1|0</c> (Xen 4.19+ scanners only); null = default.</summary>
    public bool? GrantUsage
    {
        get => _rare?.GrantUsage;
        init => Rare.GrantUsage = value;
    }

    /// <summary><c>colo</c> / <c>no-colo</c>; null = not set.</summary>
    public bool? Colo
    {
        get => _rare?.Colo;
        init => Rare.Colo = value;
    }

    /// <summary><c>colo-host=</c>.</summary>
    public string? ColoHost
    {
        get => _rare?.ColoHost;
        init => Rare.ColoHost = value;
    }

    /// <summary><c>colo-port=</c> (non-zero), or null.</summary>
    public int? ColoPort
    {
        get => _rare?.ColoPort;
        init => Rare.ColoPort = value;
    }

    /// <summary><c>colo-export=</c>.</summary>
    public string? ColoExport
    {
        get => _rare?.ColoExport;
        init => Rare.ColoExport = value;
    }

    /// <summary><c>active-disk=</c>.</summary>
    public string? ActiveDisk
    {
        get => _rare?.ActiveDisk;
        init => Rare.ActiveDisk = value;
    }

    /// <summary><c>hidden-disk=</c>.</summary>
    public string? HiddenDisk
    {
        get => _rare?.HiddenDisk;
        init => Rare.HiddenDisk = value;
    }

    /// <summary>The deprecated xm prefixes in the order written, without colons (<c>tap:aio:/x</c> → <c>tap</c>, <c>aio</c>).</summary>
    public IReadOnlyList<string> DeprecatedPrefixes => _prefix switch
    {
        0 => NoPrefixes,
        MorePrefixes => _rare!.Prefixes!,
        _ => DiskSpecScanner.OnePrefixList(_prefix - 1),
    };

    // Only init accessors (object initializers) reach this: a spec is not changed after it is made.
    private RareSettings Rare => _rare ??= new RareSettings();

    // A settable enum value in its byte; the enums are small, so a value outside a byte is not one of theirs.
    private static byte Pack<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var number = System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value);
        return Enum.IsDefined(value) && number is >= 0 and < byte.MaxValue
            ? (byte)number
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name} value.");
    }

    // A part of the spec's text, read from its source (for a list item: from the document, without its whole text).
    private string Slice(int start, int length) => _source switch
    {
        string text => text.Substring(start, length),
        Domain.SettingValue item => item.TextSlice(start, length),
        _ => throw new InvalidOperationException("A built spec has no text positions."),
    };

    /// <summary>Parses a disk spec as Xen 4.17's xl does.</summary>
    /// <param name="spec">The spec (the decoded text of one <c>disk</c> list item).</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the spec.</exception>
    public static DiskSpec Parse(string spec) => Parse(spec, DiskSpecParseOptions.Default);

    /// <summary>Parses a disk spec as the xl release chosen by <paramref name="options"/> does.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="options">Which scanner to follow.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the spec.</exception>
    public static DiskSpec Parse(string spec, DiskSpecParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        return TryParse(spec, options, out var disk, out var error) ? disk : throw new DeviceSpecFormatException(spec, error);
    }

    /// <summary>Parses a disk spec as Xen 4.17's xl does, without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="disk">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out DiskSpec? disk, [NotNullWhen(false)] out DeviceSpecError? error) =>
        TryParse(spec, DiskSpecParseOptions.Default, out disk, out error);

    /// <summary>Parses a disk spec as the chosen xl release does, without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="options">Which scanner to follow.</param>
    /// <param name="disk">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    public static bool TryParse(
        string spec,
        DiskSpecParseOptions options,
        [NotNullWhen(true)] out DiskSpec? disk,
        [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        return Finish(DiskSpecScanner.Scan(spec, spec, options, out error), spec.Length, out disk, ref error);
    }

    /// <summary>
    /// Parses one item of a <c>disk = [ ... ]</c> list (from <see cref="Domain.DomainConfigDocument.GetValue"/>) as Xen
    /// 4.17's xl does, without throwing. The same as <see cref="TryParse(string, out DiskSpec?, out DeviceSpecError?)"/>
    /// of the item's <see cref="Domain.SettingValue.Text"/>, but an item of a long list is read straight from the
    /// document: its text becomes a string only if someone reads it (<see cref="Text"/>), and the target and vdev
    /// strings only their own characters.
    /// </summary>
    /// <param name="item">The list item (an atom).</param>
    /// <param name="disk">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    /// <exception cref="ArgumentException"><paramref name="item"/> is a list (xl stops at a nested list).</exception>
    public static bool TryParse(Domain.SettingValue item, [NotNullWhen(true)] out DiskSpec? disk, [NotNullWhen(false)] out DeviceSpecError? error) =>
        TryParse(item, DiskSpecParseOptions.Default, out disk, out error);

    /// <summary>
    /// Parses one item of a <c>disk = [ ... ]</c> list as the chosen xl release does, without throwing (see
    /// <see cref="TryParse(Domain.SettingValue, out DiskSpec?, out DeviceSpecError?)"/>).
    /// </summary>
    /// <param name="item">The list item (an atom).</param>
    /// <param name="options">Which scanner to follow.</param>
    /// <param name="disk">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    /// <exception cref="ArgumentException"><paramref name="item"/> is a list (xl stops at a nested list).</exception>
    public static bool TryParse(
        Domain.SettingValue item,
        DiskSpecParseOptions options,
        [NotNullWhen(true)] out DiskSpec? disk,
        [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        if (item.IsList)
        {
            throw new ArgumentException("A disk spec is an atom, not a list.", nameof(item));
        }

        var length = item.PendingTextLength;
        if (length < 0)
        {
            return TryParse(item.Text!, options, out disk, out error);
        }

        // The item's characters, copied from the document into a buffer of this call (the spec keeps positions only).
        const int StackLimit = 256;
        char[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc char[StackLimit] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        try
        {
            var chars = buffer[..length];
            item.CopyPendingText(chars);
            return Finish(DiskSpecScanner.Scan(chars, item, options, out error), length, out disk, ref error);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool Finish(DiskSpec? scanned, int length, [NotNullWhen(true)] out DiskSpec? disk, [NotNullWhen(false)] ref DeviceSpecError? error)
    {
        disk = scanned;
        if (disk is null)
        {
            error = (error ?? new DeviceSpecError("invalid disk spec", 0, length)) with { Descriptor = DiagnosticIds.InvalidDiskSpec };
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// An equivalent spec in xl's named-parameter syntax, <c>target=</c> last: e.g.
    /// <c>format=raw, vdev=xvda, access=rw, target=/dev/vg/guest</c>. Parsing it gives the same fields (deprecated
    /// prefixes become <c>format=</c> / <c>script=</c>).
    /// </summary>
    /// <returns>The canonical spec.</returns>
    /// <exception cref="InvalidOperationException">A value holds a character the named syntax cannot carry (a comma
    /// outside the target, or a newline; only positional items can carry those).</exception>
    public string ToCanonicalString()
    {
        var builder = new StringBuilder();
        void Add(string key, string value)
        {
            if (value.Contains(',', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The {key} value cannot be written in canonical form: {value}");
            }

            builder.Append(key).Append('=').Append(value).Append(", ");
        }

        Add("format", Format.ToXlName());
        Add("vdev", Vdev);
        Add("access", Access.ToXlName());
        if (IsCdrom)
        {
            Add("devtype", "cdrom");
        }

        if (BackendType is { } backendType)
        {
            Add("backendtype", backendType.ToXlName());
        }

        if (BackendDomain is not null)
        {
            Add("backend", BackendDomain);
        }

        if (Script is not null)
        {
            Add("script", Script);
        }

        if (Specification is { } specification)
        {
            Add("specification", specification.ToXlName());
        }

        if (DirectIoSafe)
        {
            builder.Append("direct-io-safe, ");
        }

        if (Discard is { } discard)
        {
            builder.Append(discard ? "discard, " : "no-discard, ");
        }

        if (Trusted is { } trusted)
        {
            builder.Append(trusted ? "trusted, " : "untrusted, ");
        }

        if (GrantUsage is { } grantUsage)
        {
            builder.Append(grantUsage ? "grant_usage=1, " : "grant_usage=0, ");
        }

        if (Colo is { } colo)
        {
            builder.Append(colo ? "colo, " : "no-colo, ");
        }

        if (ColoHost is not null)
        {
            Add("colo-host", ColoHost);
        }

        if (ColoPort is { } port)
        {
            Add("colo-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (ColoExport is not null)
        {
            Add("colo-export", ColoExport);
        }

        if (ActiveDisk is not null)
        {
            Add("active-disk", ActiveDisk);
        }

        if (HiddenDisk is not null)
        {
            Add("hidden-disk", HiddenDisk);
        }

        if (Target is null)
        {
            return builder.ToString(0, builder.Length - 2);
        }

        if (Target.Contains('\n', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The target cannot be written in canonical form: " + Target);
        }

        // target= eats the rest of the spec and then strips one final comma: keep a target's own final comma
        return builder.Append("target=").Append(Target).Append(Target.EndsWith(',') ? "," : string.Empty).ToString();
    }

    /// <summary>The spec exactly as written; for a spec built in code, its canonical form.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    /// <summary>The settings few specs use (backend domain, script, flags, COLO), kept apart from the common ones.</summary>
    private sealed class RareSettings
    {
        public string? BackendDomain { get; set; }

        public string? Script { get; set; }

        public bool DirectIoSafe { get; set; }

        public bool? Discard { get; set; }

        public bool? Trusted { get; set; }

        public bool? GrantUsage { get; set; }

        public bool? Colo { get; set; }

        public string? ColoHost { get; set; }

        public int? ColoPort { get; set; }

        public string? ColoExport { get; set; }

        public string? ActiveDisk { get; set; }

        public string? HiddenDisk { get; set; }

        public IReadOnlyList<string>? Prefixes { get; set; }
    }
}
