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
        RuleSet(ValidationRuleSets.CrossCheck, () =>
        {
            RuleFor(repository => repository).Custom(CheckNames);
            RuleFor(repository => repository).Custom(CheckUuids);
            RuleFor(repository => repository).Custom(CheckMacs);
            RuleFor(repository => repository).Custom(CheckTargets);
        });
    }

    private static void CheckNames(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var guest in repository.Summaries)
        {
            if (guest is { Name: { } name, NameLocation: { } location } && !first.TryAdd(name, location))
            {
                context.Report(DiagnosticIds.DuplicateDomainName, location,
                    $"domain name '{name}' is already used by {DomainDevices.Describe(first[name])}; xl refuses to start the second domain");
            }
        }
    }

    private static void CheckUuids(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var first = new Dictionary<Guid, SourceLocation>();
        foreach (var guest in repository.Summaries)
        {
            if (guest is { Uuid: { } uuid, UuidLocation: { } location } && !first.TryAdd(uuid, location))
            {
                context.Report(DiagnosticIds.DuplicateDomainUuid, location,
                    $"uuid {guest.UuidText} is already used by {DomainDevices.Describe(first[uuid])}; libxl refuses a second domain with the same UUID");
            }
        }
    }

    private static void CheckMacs(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var first = new Dictionary<MacAddress, (int Guest, SourceLocation Location)>();
        for (var index = 0; index < repository.Summaries.Count; index++)
        {
            foreach (var (mac, location) in repository.Summaries[index].Macs)
            {
                if (!first.TryAdd(mac, (index, location)) && first[mac].Guest != index)
                {
                    context.Report(DiagnosticIds.DuplicateMacAcrossDomains, location,
                        $"MAC {mac} is already used by a vif in {DomainDevices.Describe(first[mac].Location)}; two running guests with one MAC break each other's networking");
                }
            }
        }
    }

    private static void CheckTargets(GuestRepository repository, ValidationContext<GuestRepository> context)
    {
        var mappings = new Dictionary<string, List<(int Guest, bool IsWritable, SourceLocation Location)>>(StringComparer.Ordinal);
        for (var index = 0; index < repository.Summaries.Count; index++)
        {
            foreach (var (target, isWritable, location) in repository.Summaries[index].Disks)
            {
                if (!mappings.TryGetValue(target, out var earlier))
                {
                    mappings[target] = earlier = [];
                }

                var conflict = earlier.FindIndex(e => e.Guest != index && (isWritable || e.IsWritable));
                if (conflict >= 0)
                {
                    var other = earlier[conflict];
                    context.Report(DiagnosticIds.SharedWritableTarget, location,
                        $"'{target}' is also mapped by {DomainDevices.Describe(other.Location)}"
                        + $" ({(other.IsWritable ? "writable" : "read-only")} there, {(isWritable ? "writable" : "read-only")} here); two domains writing one file system corrupt it");
                }

                earlier.Add((index, isWritable, location));
            }
        }
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
