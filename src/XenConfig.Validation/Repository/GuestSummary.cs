using XenConfig.Devices;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// What the repository-wide checks read of one guest: its name, UUID, vif MACs and disk targets, each with where it is
/// written. Small on purpose: repository validation keeps one per guest and lets the guest's documents go, so the memory
/// of a run grows with these indexes and not with the text of 100,000 guests. Positions are kept as values
/// (<see cref="Spot"/>) that share the config's path string; a <see cref="SourceLocation"/> is made only for a finding.
/// The UUID's text is kept only when it is not the canonical form of <see cref="Uuid"/>, and each list is an array of
/// its exact size (the shared empty array when the guest has none).
/// </summary>
internal sealed class GuestSummary
{
    private readonly string? _uuidText;

    private GuestSummary(string? name, Spot nameSpot, Guid? uuid, string? uuidText, Spot uuidSpot, (MacAddress Mac, Spot Spot)[] macs, (string Target, bool IsWritable, Spot Spot)[] disks)
    {
        Name = name;
        NameSpot = nameSpot;
        Uuid = uuid;
        _uuidText = uuidText;
        UuidSpot = uuidSpot;
        Macs = macs;
        Disks = disks;
    }

    /// <summary>The domain name, or null when unset (then it takes no part in the name check).</summary>
    public string? Name { get; }

    /// <summary>Where the name is written.</summary>
    public Spot NameSpot { get; }

    /// <summary>The domain UUID, or null when unset or not a UUID.</summary>
    public Guid? Uuid { get; }

    /// <summary>The UUID as written.</summary>
    public string? UuidText => _uuidText ?? Uuid?.ToString("D");

    /// <summary>Where the UUID is written.</summary>
    public Spot UuidSpot { get; }

    /// <summary>The MACs of the vifs that set one, in order.</summary>
    public (MacAddress Mac, Spot Spot)[] Macs { get; }

    /// <summary>The compared disk targets (no CD-ROMs, no empty targets), normalised, in order.</summary>
    public (string Target, bool IsWritable, Spot Spot)[] Disks { get; }

    public static GuestSummary Of(DomainConfig config) => Of(config, relocate: null);

    /// <summary>
    /// The summary with every spot moved by <paramref name="relocate"/> first: an xm config's spots at the script's lines,
    /// so that a repository finding names them, in its location and in its message, not the converted text's.
    /// </summary>
    public static GuestSummary Of(DomainConfig config, Func<SourceLocation, SourceLocation>? relocate)
    {
        var document = config.Document;
        // Every location of one config names the same file: keep one path string for all of them.
        string? path = null;
        Spot At(SourceLocation location)
        {
            location = relocate is null ? location : relocate(location);
            path ??= location.Path;
            return new Spot(string.Equals(path, location.Path, StringComparison.Ordinal) ? path : location.Path, location.Span, location.Start);
        }

        string? name = null;
        Spot nameSpot = default;
        if (config.Name is { } n && document.TryGetSetting("name", out var nameSetting))
        {
            name = n;
            nameSpot = At(DomainConfigValidator.ValueLocation(config, nameSetting));
        }

        Guid? uuid = null;
        string? uuidText = null;
        Spot uuidSpot = default;
        if (config.Uuid is { } u && document.TryGetSetting("uuid", out var uuidSetting))
        {
            uuid = u;
            var text = config.UuidText;
            uuidText = string.Equals(text, u.ToString("D"), StringComparison.Ordinal) ? null : text;
            uuidSpot = At(DomainConfigValidator.ValueLocation(config, uuidSetting));
        }

        List<(MacAddress, Spot)>? macs = null;
        foreach (var vif in DomainDevices.Vifs(config))
        {
            if (vif.Spec.Mac is { } mac)
            {
                (macs ??= []).Add((mac, At(vif.Location)));
            }
        }

        List<(string, bool, Spot)>? disks = null;
        foreach (var disk in DomainDevices.Disks(config))
        {
            // CD-ROMs and empty targets are not compared.
            if (!disk.Spec.IsCdrom && RepositoryValidator.NormalizeTarget(disk.Spec) is { } target)
            {
                (disks ??= []).Add((target, disk.IsWritable, At(disk.Location)));
            }
        }

        return new GuestSummary(name, nameSpot, uuid, uuidText, uuidSpot, macs?.ToArray() ?? [], disks?.ToArray() ?? []);
    }
}

/// <summary>A <see cref="SourceLocation"/> kept as a value: 24 bytes inline instead of an object per position.</summary>
internal readonly record struct Spot(string? Path, TextSpan Span, LinePosition Start)
{
    /// <summary>The location a finding reports (equal to the one the spot was made from).</summary>
    public SourceLocation ToLocation() => new(Path, Span, Start);
}
