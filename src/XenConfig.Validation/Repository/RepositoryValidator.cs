using FluentValidation;
using XenConfig.Devices;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// Cross-checks the domains of a repository (rule set <see cref="ValidationRuleSets.CrossCheck"/>, XC6001-XC6004):
/// names, UUIDs and vif MACs are unique across domains, and no backing target is mapped by two domains unless every
/// mapping is read-only. Each duplicate is reported at its second and later occurrences, naming the first.
/// </summary>
/// <remarks>
/// A <c>phy:</c> target relative to <c>/dev</c> (<c>vg0/x</c>) is the same target as <c>/dev/vg0/x</c>; repeated
/// slashes and a trailing slash do not make a different target. CD-ROMs and empty targets are not compared.
/// </remarks>
public sealed class RepositoryValidator : AbstractValidator<GuestRepository>
{
    /// <summary>Creates the validator with all its rules.</summary>
    public RepositoryValidator()
    {
        WholeDocumentChecks.Add(this, ValidationRuleSets.CrossCheck, CheckNames, CheckUuids, CheckMacs, CheckTargets);
    }

    // Each check asks one index for the first guest (and device) with the same name, UUID, MAC or target, as numbers:
    // a location is made only for a finding.
    private static void CheckNames(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        var firsts = Firsts(repository, context);
        var names = new Names(summaries);
        for (var index = 0; index < summaries.Count; index++)
        {
            if (summaries[index].IsNamed && firsts.FirstOf(index, names) is var earlier && earlier != index)
            {
                context.Report(DiagnosticIds.DuplicateDomainName, summaries[index].NameLocation,
                    $"domain name '{summaries[index].Name}' is already used by {DomainDevices.Describe(summaries[(int)earlier].NameLocation)}; xl refuses to start the second domain");
            }
        }
    }

    private static void CheckUuids(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        var firsts = Firsts(repository, context);
        var uuids = new Uuids(summaries);
        for (var index = 0; index < summaries.Count; index++)
        {
            var guest = summaries[index];
            if (guest.Uuid is not null && firsts.FirstOf(index, uuids) is var earlier && earlier != index)
            {
                context.Report(DiagnosticIds.DuplicateDomainUuid, guest.UuidLocation,
                    $"uuid {guest.UuidText} is already used by {DomainDevices.Describe(summaries[(int)earlier].UuidLocation)}; libxl refuses a second domain with the same UUID");
            }
        }
    }

    private static void CheckMacs(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        var firsts = Firsts(repository, context);
        var macs = new Macs(summaries);
        for (var index = 0; index < summaries.Count; index++)
        {
            var count = summaries[index].MacCount;
            for (var vif = 0; vif < count; vif++)
            {
                var mapping = Pack(index, vif);
                var (earlierGuest, earlierVif) = Unpack(firsts.FirstOf(mapping, macs));
                if (earlierGuest != index)
                {
                    var (mac, place) = summaries[index].Mac(vif);
                    context.Report(DiagnosticIds.DuplicateMacAcrossDomains, summaries[index].At(place),
                        $"MAC {mac} is already used by a vif in {DomainDevices.Describe(summaries[earlierGuest].At(summaries[earlierGuest].Mac(earlierVif).Place))}; two running guests with one MAC break each other's networking");
                }
            }
        }
    }

    private static void CheckTargets(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        // Each target's first mapping, as (guest, disk) packed in a long; the later mappings of a target mapped more than
        // once, by its first.
        var firsts = Firsts(repository, context);
        var targets = new Targets(summaries);
        var laters = new Dictionary<long, List<(int Guest, int Disk)>>();
        for (var index = 0; index < summaries.Count; index++)
        {
            var count = summaries[index].DiskCount;
            for (var disk = 0; disk < count; disk++)
            {
                var mapping = Pack(index, disk);
                var first = firsts.FirstOf(mapping, targets);
                if (first == mapping)
                {
                    continue;
                }

                laters.TryGetValue(first, out var later);
                var mine = summaries[index].Disk(disk);
                var isWritable = mine.IsWritable;
                var conflict = FirstConflict(Unpack(first), later, index, isWritable, summaries);
                if (conflict is var (guest, at))
                {
                    var other = summaries[guest].Disk(at);
                    context.Report(DiagnosticIds.SharedWritableTarget, summaries[index].At(mine.Place),
                        $"'{summaries[index].Target(disk)}' is also mapped by {DomainDevices.Describe(summaries[guest].At(other.Place))}"
                        + $" ({(other.IsWritable ? "writable" : "read-only")} there, {(isWritable ? "writable" : "read-only")} here); two domains writing one file system corrupt it");
                }

                if (later is null)
                {
                    later = [];
                    laters.Add(first, later);
                }

                later.Add((index, disk));
            }
        }
    }

    // The one index of a validation, kept in its context for the checks after the first: sized for the most items any
    // check adds (guests, MACs or disks), and emptied for each.
    private static FirstOccurrences Firsts(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        const string Key = "XenConfig.Validation.FirstOccurrences";
        if (context.RootContextData.TryGetValue(Key, out var kept) && kept is FirstOccurrences index)
        {
            index.Clear();
            return index;
        }

        var summaries = repository.Summaries;
        long macs = 0;
        long disks = 0;
        foreach (var summary in summaries)
        {
            macs += summary.MacCount;
            disks += summary.DiskCount;
        }

        index = new FirstOccurrences((int)Math.Min(Math.Max(summaries.Count, Math.Max(macs, disks)), 1 << 28));
        context.RootContextData[Key] = index;
        return index;
    }

    private static long Pack(int guest, int item) => ((long)guest << 32) | (uint)item;

    private static (int Guest, int Item) Unpack(long mapping) => ((int)(mapping >> 32), (int)mapping);

    /// <summary>Guests by their names (every guest added has one).</summary>
    private readonly struct Names(IReadOnlyList<GuestSummary> summaries) : FirstOccurrences.IItemKeys
    {
        public int Hash(long item) => summaries[(int)item].NameHash();

        public bool Same(long x, long y) => summaries[(int)x].SameName(summaries[(int)y]);
    }

    /// <summary>Guests by their UUIDs (every guest added has one).</summary>
    private readonly struct Uuids(IReadOnlyList<GuestSummary> summaries) : FirstOccurrences.IItemKeys
    {
        public int Hash(long item) => summaries[(int)item].Uuid.GetHashCode();

        public bool Same(long x, long y) => summaries[(int)x].Uuid == summaries[(int)y].Uuid;
    }

    /// <summary>Packed (guest, vif) numbers by the vif's MAC.</summary>
    private readonly struct Macs(IReadOnlyList<GuestSummary> summaries) : FirstOccurrences.IItemKeys
    {
        public int Hash(long item) => Mac(item).GetHashCode();

        public bool Same(long x, long y) => Mac(x) == Mac(y);

        private MacAddress Mac(long item)
        {
            var (guest, vif) = Unpack(item);
            return summaries[guest].Mac(vif).Mac;
        }
    }

    /// <summary>Packed (guest, disk) numbers by the target the disk maps.</summary>
    private readonly struct Targets(IReadOnlyList<GuestSummary> summaries) : FirstOccurrences.IItemKeys
    {
        public int Hash(long item)
        {
            var (guest, disk) = Unpack(item);
            return summaries[guest].TargetHash(disk);
        }

        public bool Same(long x, long y)
        {
            var (xGuest, xDisk) = Unpack(x);
            var (yGuest, yDisk) = Unpack(y);
            return summaries[xGuest].SameTarget(xDisk, summaries[yGuest], yDisk);
        }
    }

    // The earliest mapping by another guest that conflicts with this one (one of the two is writable), in file order.
    private static (int Guest, int Disk)? FirstConflict((int Guest, int Disk) first, List<(int Guest, int Disk)>? later, int index, bool isWritable, IReadOnlyList<GuestSummary> summaries)
    {
        bool Conflicts((int Guest, int Disk) mapping) =>
            mapping.Guest != index && (isWritable || summaries[mapping.Guest].Disk(mapping.Disk).IsWritable);

        if (Conflicts(first))
        {
            return first;
        }

        foreach (var mapping in later ?? [])
        {
            if (Conflicts(mapping))
            {
                return mapping;
            }
        }

        return null;
    }

    /// <summary>The target in a comparable form, or null for an empty target.</summary>
    internal static string? NormalizeTarget(DiskSpec disk)
    {
        if (disk.Target is not { Length: > 0 } target)
        {
            return null;
        }

        var isPhy = disk.BackendType == DiskBackendType.Phy || disk.DeprecatedPrefixes.Contains("phy", StringComparer.Ordinal);
        if (isPhy && !target.StartsWith('/'))
        {
            // The block hotplug script expands a relative phy: target under /dev (xm's "phy:vg0/x" is /dev/vg0/x).
            target = "/dev/" + target;
        }

        while (target.Contains("//", StringComparison.Ordinal))
        {
            target = target.Replace("//", "/", StringComparison.Ordinal);
        }

        return target.Length > 1 ? target.TrimEnd('/') : target;
    }
}
