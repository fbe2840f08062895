using System.Runtime.InteropServices;
using System.Text;
using XenConfig.Devices;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// What the repository-wide checks read of one guest: its name, UUID, vif MACs and disk targets, each with where it is
/// written. Small on purpose: repository validation keeps one per guest and lets the guest's documents go, so the memory
/// of a run grows with these indexes and not with the text of 100,000 guests. Every position is in the one file
/// <see cref="Path"/> names, so it is kept once, and each position is a value (<see cref="Place"/>, 16 bytes); a
/// <see cref="SourceLocation"/> is made only for a finding. The UUID's text is kept only when it is not the canonical
/// form of <see cref="Uuid"/>, and each list is an array of its exact size (the shared empty array when the guest has
/// none). The disk targets are one array of bytes per guest, each target in Latin-1 when every character fits (most
/// targets: half a string's size, and no object per disk). A repository run also keeps here how many files the guest's
/// check read, instead of in a record beside it.
/// </summary>
internal sealed class GuestSummary
{
    private readonly string? _uuidText;
    private readonly byte[] _targets;

    private GuestSummary(string? path, string? name, Place namePlace, Guid? uuid, string? uuidText, Place uuidPlace, (MacAddress Mac, Place Place)[] macs, DiskMapping[] disks, byte[] targets)
    {
        _targets = targets;
        Path = path;
        Name = name;
        NamePlace = namePlace;
        Uuid = uuid;
        _uuidText = uuidText;
        UuidPlace = uuidPlace;
        Macs = macs;
        Disks = disks;
    }

    /// <summary>The domain config: the file every position of the summary is in.</summary>
    public string? Path { get; }

    /// <summary>How many files checking this guest read (its config, fstab and menu that could be read).</summary>
    public int FilesRead { get; set; }

    /// <summary>The domain name, or null when unset (then it takes no part in the name check).</summary>
    public string? Name { get; }

    /// <summary>Where the name is written.</summary>
    public Place NamePlace { get; }

    /// <summary>The domain UUID, or null when unset or not a UUID.</summary>
    public Guid? Uuid { get; }

    /// <summary>The UUID as written.</summary>
    public string? UuidText => _uuidText ?? Uuid?.ToString("D");

    /// <summary>Where the UUID is written.</summary>
    public Place UuidPlace { get; }

    /// <summary>The MACs of the vifs that set one, in order.</summary>
    public (MacAddress Mac, Place Place)[] Macs { get; }

    /// <summary>The disks whose targets are compared (no CD-ROMs, no empty targets), in order; <see cref="Target"/> reads a target.</summary>
    public DiskMapping[] Disks { get; }

    /// <summary>The normalised target of <see cref="Disks"/>[<paramref name="disk"/>].</summary>
    public string Target(int disk)
    {
        var mapping = Disks[disk];
        var bytes = _targets.AsSpan(mapping.Start, mapping.Length);
        return mapping.IsWide ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>True when the two disks map one target (as <see cref="Target"/> compares ordinally).</summary>
    public bool SameTarget(int disk, GuestSummary other, int otherDisk)
    {
        var mine = Disks[disk];
        var theirs = other.Disks[otherDisk];
        // A wide target has a character beyond Latin-1, so it never equals a Latin-1 one.
        return mine.IsWide == theirs.IsWide
            && _targets.AsSpan(mine.Start, mine.Length).SequenceEqual(other._targets.AsSpan(theirs.Start, theirs.Length));
    }

    /// <summary>A hash of the target of <see cref="Disks"/>[<paramref name="disk"/>] that agrees with <see cref="SameTarget"/>.</summary>
    public int TargetHash(int disk)
    {
        var mapping = Disks[disk];
        var hash = default(HashCode);
        hash.AddBytes(_targets.AsSpan(mapping.Start, mapping.Length));
        hash.Add(mapping.IsWide);
        return hash.ToHashCode();
    }

    /// <summary>Where the name is written, as a finding reports it.</summary>
    public SourceLocation NameLocation => At(NamePlace);

    /// <summary>Where the UUID is written, as a finding reports it.</summary>
    public SourceLocation UuidLocation => At(UuidPlace);

    /// <summary>The location a finding at <paramref name="place"/> of this guest reports.</summary>
    public SourceLocation At(Place place) => new(Path, place.Span, place.Start);

    public static GuestSummary Of(DomainConfig config) => Of(config, relocate: null);

    /// <summary>The summary of a guest whose config could not be read or has errors: it takes part in no check.</summary>
    public static GuestSummary Unread(string path) => new(path, null, default, null, null, default, [], [], []);

    /// <summary>
    /// The summary with every spot moved by <paramref name="relocate"/> first: an xm config's spots at the script's lines,
    /// so that a repository finding names them, in its location and in its message, not the converted text's.
    /// </summary>
    public static GuestSummary Of(DomainConfig config, Func<SourceLocation, SourceLocation>? relocate)
    {
        var document = config.Document;
        // Every location of one config is in its file: an xm config's too, moved to the script's lines of that file.
        var path = document.Path;
        Place At(SourceLocation location)
        {
            location = relocate is null ? location : relocate(location);
            System.Diagnostics.Debug.Assert(string.Equals(location.Path, path, StringComparison.Ordinal), "a guest's positions are in its config");
            return new Place(location.Span, location.Start);
        }

        string? name = null;
        Place namePlace = default;
        if (config.Name is { } n && document.TryGetSetting("name", out var nameSetting))
        {
            name = n;
            namePlace = At(DomainConfigValidator.ValueLocation(config, nameSetting));
        }

        Guid? uuid = null;
        string? uuidText = null;
        Place uuidPlace = default;
        if (config.Uuid is { } u && document.TryGetSetting("uuid", out var uuidSetting))
        {
            uuid = u;
            var text = config.UuidText;
            uuidText = string.Equals(text, u.ToString("D"), StringComparison.Ordinal) ? null : text;
            uuidPlace = At(DomainConfigValidator.ValueLocation(config, uuidSetting));
        }

        List<(MacAddress, Place)>? macs = null;
        foreach (var vif in DomainDevices.Vifs(config))
        {
            if (vif.Spec.Mac is { } mac)
            {
                (macs ??= []).Add((mac, At(vif.Location)));
            }
        }

        List<(string, bool, Place)>? disks = null;
        var length = 0;
        foreach (var disk in DomainDevices.Disks(config))
        {
            // CD-ROMs and empty targets are not compared.
            if (!disk.Spec.IsCdrom && RepositoryValidator.NormalizeTarget(disk.Spec) is { } target)
            {
                (disks ??= []).Add((target, disk.IsWritable, At(disk.Location)));
                length += IsLatin1(target) ? target.Length : target.Length * sizeof(char);
            }
        }

        var mappings = disks is null ? [] : new DiskMapping[disks.Count];
        var targets = length == 0 ? [] : new byte[length];
        var at = 0;
        for (var index = 0; index < mappings.Length; index++)
        {
            var (target, isWritable, place) = disks![index];
            var isWide = !IsLatin1(target);
            int written;
            if (isWide)
            {
                // The characters' own bytes: any UTF-16, lone surrogates too, reads back exactly.
                var characters = MemoryMarshal.AsBytes(target.AsSpan());
                characters.CopyTo(targets.AsSpan(at));
                written = characters.Length;
            }
            else
            {
                written = Encoding.Latin1.GetBytes(target, targets.AsSpan(at));
            }

            mappings[index] = new DiskMapping(at, written, isWide, isWritable, place);
            at += written;
        }

        return new GuestSummary(path, name, namePlace, uuid, uuidText, uuidPlace, macs?.ToArray() ?? [], mappings, targets);
    }

    private static bool IsLatin1(string text)
    {
        foreach (var character in text)
        {
            if (character > '\u00FF')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A <see cref="SourceLocation"/> kept as a value: 24 bytes inline instead of an object per position (an xm config's
/// assignments, which may name another file than the one a finding is on).
/// </summary>
internal readonly record struct Spot(string? Path, TextSpan Span, LinePosition Start)
{
    /// <summary>The location a finding reports (equal to the one the spot was made from).</summary>
    public SourceLocation ToLocation() => new(Path, Span, Start);
}

/// <summary>Where in a guest's config something is written: a <see cref="SourceLocation"/> without its path, 16 bytes inline.</summary>
internal readonly record struct Place(TextSpan Span, LinePosition Start);

/// <summary>
/// One compared disk of a <see cref="GuestSummary"/>: where its target is in the summary's bytes (Latin-1, or UTF-16
/// when <paramref name="IsWide"/>), whether the guest may write it, and where it is written.
/// </summary>
internal readonly record struct DiskMapping(int Start, int Length, bool IsWide, bool IsWritable, Place Place);
