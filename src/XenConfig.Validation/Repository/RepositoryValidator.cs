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

    // The indexes map each name, UUID, MAC and target to the guest (and device) that used it first, as numbers: a
    // location is made only for a finding. Each is sized once for what it will hold.
    private static void CheckNames(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        // Guest numbers compared by the names in their summaries' bytes: no string per name.
        var first = new HashSet<int>(summaries.Count, new SameName(summaries));
        for (var index = 0; index < summaries.Count; index++)
        {
            if (summaries[index].IsNamed && !first.Add(index))
            {
                first.TryGetValue(index, out var earlier);
                context.Report(DiagnosticIds.DuplicateDomainName, summaries[index].NameLocation,
                    $"domain name '{summaries[index].Name}' is already used by {DomainDevices.Describe(summaries[earlier].NameLocation)}; xl refuses to start the second domain");
            }
        }
    }

    private static void CheckUuids(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        var first = new Dictionary<Guid, int>(summaries.Count);
        for (var index = 0; index < summaries.Count; index++)
        {
            var guest = summaries[index];
            if (guest.Uuid is { } uuid && !first.TryAdd(uuid, index))
            {
                context.Report(DiagnosticIds.DuplicateDomainUuid, guest.UuidLocation,
                    $"uuid {guest.UuidText} is already used by {DomainDevices.Describe(summaries[first[uuid]].UuidLocation)}; libxl refuses a second domain with the same UUID");
            }
        }
    }

    private static void CheckMacs(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        var first = new Dictionary<MacAddress, (int Guest, int Vif)>(summaries.Sum(s => s.MacCount));
        for (var index = 0; index < summaries.Count; index++)
        {
            var count = summaries[index].MacCount;
            for (var vif = 0; vif < count; vif++)
            {
                var (mac, place) = summaries[index].Mac(vif);
                if (!first.TryAdd(mac, (index, vif)) && first[mac] is var earlier && earlier.Guest != index)
                {
                    context.Report(DiagnosticIds.DuplicateMacAcrossDomains, summaries[index].At(place),
                        $"MAC {mac} is already used by a vif in {DomainDevices.Describe(summaries[earlier.Guest].At(summaries[earlier.Guest].Mac(earlier.Vif).Place))}; two running guests with one MAC break each other's networking");
                }
            }
        }
    }

    private static void CheckTargets(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var summaries = repository.Summaries;
        // Each target's first mapping, as (guest, disk) packed in a long and compared by the target it names: 16 bytes a
        // disk, and no string per target. The later mappings of a target mapped more than once, by its first.
        var firsts = new HashSet<long>(summaries.Sum(s => s.DiskCount), new SameTarget(summaries));
        var laters = new Dictionary<long, List<(int Guest, int Disk)>>();
        for (var index = 0; index < summaries.Count; index++)
        {
            var count = summaries[index].DiskCount;
            for (var disk = 0; disk < count; disk++)
            {
                var mapping = Pack(index, disk);
                if (firsts.Add(mapping))
                {
                    continue;
                }

                firsts.TryGetValue(mapping, out var first);
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

    private static long Pack(int guest, int disk) => ((long)guest << 32) | (uint)disk;

    private static (int Guest, int Disk) Unpack(long mapping) => ((int)(mapping >> 32), (int)mapping);

    /// <summary>Compares packed (guest, disk) mappings by the targets they name.</summary>
    private sealed class SameTarget(IReadOnlyList<GuestSummary> summaries) : IEqualityComparer<long>
    {
        public bool Equals(long x, long y)
        {
            var (xGuest, xDisk) = Unpack(x);
            var (yGuest, yDisk) = Unpack(y);
            return summaries[xGuest].SameTarget(xDisk, summaries[yGuest], yDisk);
        }

        public int GetHashCode(long obj)
        {
            var (guest, disk) = Unpack(obj);
            return summaries[guest].TargetHash(disk);
        }
    }

    /// <summary>Compares guest numbers by their names (every guest added has one).</summary>
    private sealed class SameName(IReadOnlyList<GuestSummary> summaries) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => summaries[x].SameName(summaries[y]);

        public int GetHashCode(int obj) => summaries[obj].NameHash();
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
