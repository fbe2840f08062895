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
    private readonly string? _text;
    private readonly bool? _isRemovable;

    /// <summary>A spec to build with init properties; <see cref="Vdev"/> is required, every other property has xl's default.</summary>
    public DiskSpec()
    {
    }

    [SetsRequiredMembers]
    internal DiskSpec(
        string text,
        string? target,
        string vdev,
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
        IReadOnlyList<string> deprecatedPrefixes)
    {
        _text = text;
        Target = target;
        Vdev = vdev;
        Format = format;
        Access = access;
        DeviceType = deviceType;
        _isRemovable = isRemovable;
        BackendType = backendType;
        BackendDomain = backendDomain;
        Script = script;
        Specification = specification;
        DirectIoSafe = directIoSafe;
        Discard = discard;
        Trusted = trusted;
        GrantUsage = grantUsage;
        Colo = colo;
        ColoHost = coloHost;
        ColoPort = coloPort;
        ColoExport = coloExport;
        ActiveDisk = activeDisk;
        HiddenDisk = hiddenDisk;
        DeprecatedPrefixes = deprecatedPrefixes;
    }

    /// <summary>The spec exactly as written; for a spec built in code, its <see cref="ToCanonicalString"/>.</summary>
    /// <exception cref="InvalidOperationException">A built spec holds a value the named syntax cannot carry.</exception>
    public string Text => _text ?? ToCanonicalString();

    /// <summary>
    /// The backing path or device (<c>pdev_path</c>): null when the spec gives none (only allowed for CD-ROMs), possibly
    /// empty (<c>,hdc:cdrom,r</c>, <c>target=</c>). Deprecated prefixes are stripped (<c>phy:/dev/x</c> → <c>/dev/x</c>).
    /// </summary>
    public string? Target { get; init; }

    /// <summary>
    /// The virtual device name exactly as written (e.g. <c>xvda</c>, <c>hda1</c>, or <c>"xvda "</c> with the trailing
    /// space xl keeps). libxl decodes it later; see <see cref="VirtualDevice"/>.
    /// </summary>
    public required string Vdev { get; init; }

    /// <summary>The decoded vdev, or null when libxl would refuse the name ("Invalid or unsupported virtual disk identifier").</summary>
    public VirtualDevice? VirtualDevice => Devices.VirtualDevice.TryParse(Vdev, out var device) ? device : null;

    /// <summary>The image format after defaults: <c>raw</c> unless set; <c>empty</c> for a CD-ROM without target.</summary>
    public DiskFormat Format { get; init; }

    /// <summary>Read-write or read-only after defaults (CD-ROMs are always read-only).</summary>
    public DiskAccess Access { get; init; }

    /// <summary>True when <see cref="Access"/> is read-only.</summary>
    public bool IsReadOnly => Access == DiskAccess.ReadOnly;

    /// <summary>Disk or CD-ROM (<c>cdrom</c>, <c>devtype=cdrom</c>, <c>hdc:cdrom</c>).</summary>
    public DiskDeviceType DeviceType { get; init; }

    /// <summary>True for a CD-ROM.</summary>
    public bool IsCdrom => DeviceType == DiskDeviceType.Cdrom;

    /// <summary>True when the medium is removable (xl sets it for CD-ROMs).</summary>
    public bool IsRemovable => _isRemovable ?? IsCdrom;

    /// <summary><c>backendtype=</c>; null lets libxl choose.</summary>
    public DiskBackendType? BackendType { get; init; }

    /// <summary><c>backend=</c>: the driver domain serving the disk; null means dom0.</summary>
    public string? BackendDomain { get; init; }

    /// <summary>The hotplug script (<c>script=</c>, or <c>block-iscsi</c> etc. from a deprecated prefix).</summary>
    public string? Script { get; init; }

    /// <summary><c>specification=</c>; null means libxl's default (<c>xen</c>).</summary>
    public DiskSpecification? Specification { get; init; }

    /// <summary>The <c>direct-io-safe</c> flag.</summary>
    public bool DirectIoSafe { get; init; }

    /// <summary><c>discard</c> (true) / <c>no-discard</c> (false); null = libxl's default (discard).</summary>
    public bool? Discard { get; init; }

    /// <summary><c>trusted</c> / <c>untrusted</c> (Xen 4.19+ scanners only); null = default (trusted).</summary>
    public bool? Trusted { get; init; }

    /// <summary><c>grant_usage=1|0</c> (Xen 4.19+ scanners only); null = default.</summary>
    public bool? GrantUsage { get; init; }

    /// <summary><c>colo</c> / <c>no-colo</c>; null = not set.</summary>
    public bool? Colo { get; init; }

    /// <summary><c>colo-host=</c>.</summary>
    public string? ColoHost { get; init; }

    /// <summary><c>colo-port=</c> (non-zero), or null.</summary>
    public int? ColoPort { get; init; }

    /// <summary><c>colo-export=</c>.</summary>
    public string? ColoExport { get; init; }

    /// <summary><c>active-disk=</c>.</summary>
    public string? ActiveDisk { get; init; }

    /// <summary><c>hidden-disk=</c>.</summary>
    public string? HiddenDisk { get; init; }

    /// <summary>The deprecated xm prefixes in the order written, without colons (<c>tap:aio:/x</c> → <c>tap</c>, <c>aio</c>).</summary>
    public IReadOnlyList<string> DeprecatedPrefixes { get; } = [];

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
        disk = DiskSpecScanner.Scan(spec, options, out error);
        if (disk is null)
        {
            error = (error ?? new DeviceSpecError("invalid disk spec", 0, spec.Length)) with { Descriptor = DiagnosticIds.InvalidDiskSpec };
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
}
