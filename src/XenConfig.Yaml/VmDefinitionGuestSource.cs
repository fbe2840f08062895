using XenConfig.Domain.Model;
using XenConfig.Files;
using XenConfig.Validation;

namespace XenConfig.Yaml;

/// <summary>
/// YAML VM definitions (<c>*.vm.yaml</c>) as guests of a repository validation:
/// <c>RepositoryValidation.Validate(paths, options, new VmDefinitionGuestSource())</c>. The files a definition names
/// as its parts are read inside the repository only, and are checked once, as parts of their guest.
/// </summary>
public sealed class VmDefinitionGuestSource : IGuestSource
{
    private readonly VmDefinitionOptions _options;

    /// <summary>Creates the source with the limits of <paramref name="options"/> (<see cref="VmDefinitionOptions.Default"/> when null).</summary>
    public VmDefinitionGuestSource(VmDefinitionOptions? options = null) => _options = options ?? VmDefinitionOptions.Default;

    /// <inheritdoc />
    public bool Accepts(string path, FileKind kind) => kind == FileKind.VmDefinition;

    /// <inheritdoc />
    public LoadedGuest Load(string path, RepositoryBoundary boundary)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(boundary);
        var definition = VmDefinition.Load(path, _options with { Boundary = boundary });
        var guest = definition.DomainConfig is { } config
            ? new Guest(DomainConfig.FromDocument(config), definition.Fstab, definition.Menu)
            : null;
        var parts = new[]
        {
            definition.IsDomainConfigInline ? null : definition.DomainConfig?.Path,
            definition.IsFstabInline ? null : definition.Fstab?.Path,
            definition.Menu?.Path,
        }.OfType<string>().Select(System.IO.Path.GetFullPath).ToList();
        return new LoadedGuest(guest, definition.Diagnostics, parts) { Relocator = definition };
    }
}
