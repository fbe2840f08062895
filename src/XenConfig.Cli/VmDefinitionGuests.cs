using XenConfig.Domain.Model;
using XenConfig.Validation;
using XenConfig.Validation.Discovery;
using XenConfig.Yaml;

namespace XenConfig.Cli;

/// <summary>YAML VM definitions (<c>*.vm.yaml</c>) as guests of a repository validation.</summary>
internal static class VmDefinitionGuests
{
    /// <summary>
    /// Loads every definition of the scan, and removes from the scan the files a definition names as its parts, so
    /// they are checked once, as parts of their guest.
    /// </summary>
    public static (RepositoryScan Scan, IReadOnlyList<GuestSource> Guests) Load(RepositoryScan scan)
    {
        var guests = new List<GuestSource>();
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in scan.VmDefinitions)
        {
            var definition = VmDefinition.Load(path);
            var guest = definition.DomainConfig is { } config
                ? new Guest(DomainConfig.FromDocument(config), definition.Fstab, definition.Menu)
                : null;
            var referenced = new[]
            {
                definition.IsDomainConfigInline ? null : definition.DomainConfig?.Path,
                definition.IsFstabInline ? null : definition.Fstab?.Path,
                definition.Menu?.Path,
            }.OfType<string>().Select(Path.GetFullPath).ToList();
            parts.UnionWith(referenced);
            guests.Add(new GuestSource(guest, definition.Diagnostics, 1 + referenced.Count, definition.Relocate));
        }

        if (parts.Count == 0)
        {
            return (scan, guests);
        }

        bool IsPart(string path) => parts.Contains(Path.GetFullPath(path));
        var remaining = scan with
        {
            Guests = scan.Guests.Where(g => !IsPart(g.DomainConfig)).ToList(),
            HostMenus = scan.HostMenus.Where(m => !IsPart(m)).ToList(),
            Other = scan.Other.Where(o => !IsPart(o.Path)).ToList(),
        };
        return (remaining, guests);
    }
}
