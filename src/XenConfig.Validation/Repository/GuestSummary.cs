using XenConfig.Devices;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// What the repository-wide checks read of one guest: its name, UUID, vif MACs and disk targets, each with where it is
/// written. Small on purpose: repository validation keeps one per guest and lets the guest's documents go, so the memory
/// of a run grows with these indexes and not with the text of 100,000 guests.
/// </summary>
internal sealed record GuestSummary(
    string? Name,
    SourceLocation? NameLocation,
    Guid? Uuid,
    string? UuidText,
    SourceLocation? UuidLocation,
    IReadOnlyList<(MacAddress Mac, SourceLocation Location)> Macs,
    IReadOnlyList<(string Target, bool IsWritable, SourceLocation Location)> Disks)
{
    public static GuestSummary Of(DomainConfig config)
    {
        var document = config.Document;
        var name = config.Name is { } n && document.TryGetSetting("name", out var nameSetting)
            ? (n, DomainConfigValidator.ValueLocation(config, nameSetting))
            : ((string?)null, (SourceLocation?)null);
        var uuid = config.Uuid is { } u && document.TryGetSetting("uuid", out var uuidSetting)
            ? (u, config.UuidText, DomainConfigValidator.ValueLocation(config, uuidSetting))
            : ((Guid?)null, (string?)null, (SourceLocation?)null);

        var macs = new List<(MacAddress, SourceLocation)>();
        foreach (var vif in DomainDevices.Vifs(config))
        {
            if (vif.Spec.Mac is { } mac)
            {
                macs.Add((mac, vif.Location));
            }
        }

        var disks = new List<(string, bool, SourceLocation)>();
        foreach (var disk in DomainDevices.Disks(config))
        {
            // CD-ROMs and empty targets are not compared.
            if (!disk.Spec.IsCdrom && RepositoryValidator.NormalizeTarget(disk.Spec) is { } target)
            {
                disks.Add((target, disk.IsWritable, disk.Location));
            }
        }

        return new GuestSummary(name.Item1, name.Item2, uuid.Item1, uuid.Item2, uuid.Item3, macs, disks);
    }
}
