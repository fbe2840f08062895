using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Files;
using XenConfig.Fstab;
using XenConfig.Fstab.Model;
using XenConfig.Grub;
using XenConfig.Text;
using XenConfig.Validation;

namespace XenConfig.Yaml;

/// <summary>
/// A YAML VM definition (<c>*.vm.yaml</c>, see <c>docs/vm-definition.md</c>): a guest's domain config, fstab and GRUB
/// menu, each inline or by a path relative to the YAML file, turned into the real documents of each format.
/// </summary>
/// <remarks>
/// Reading never throws on bad input: YAML errors, unknown fields, values of the wrong type, keys xl rejects and
/// missing files are <see cref="Diagnostics"/> with the line and column of the YAML node. An inline config is built
/// with <see cref="Domain.Model.DomainConfig.Set(string, SettingValue)"/>, so its text is valid xl whatever the YAML holds.
/// Inline parts have the path <c>FILE#config</c> or <c>FILE#fstab</c>; <see cref="Relocate"/> maps their diagnostics
/// (for instance from validators) back to YAML positions. Do not save inline parts over those paths.
/// </remarks>
public sealed class VmDefinition : IDiagnosticRelocator
{
    private readonly Dictionary<string, SourceLocation> _settingLocations;
    private readonly List<SourceLocation> _fstabEntryLocations;
    private readonly SourceLocation _rootLocation;
    private readonly RepositoryBoundary _boundary;

    private VmDefinition(SourceText source, VmDefinitionReader reader, RepositoryBoundary boundary)
    {
        SourceText = source;
        _boundary = boundary;
        _rootLocation = reader.Root is null ? SourceLocation.None(source.Path) : reader.Location(reader.Root);
        var diagnostics = reader.Diagnostics;
        Name = reader.Name;
        _settingLocations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        _fstabEntryLocations = [];
        if (reader.Root is not null && !diagnostics.Any(d => d.Id == DiagnosticIds.FileUnreadable.Id || d.Id == DiagnosticIds.YamlSyntaxError.Id))
        {
            BuildDomainConfig(reader, diagnostics);
            BuildFstab(reader, diagnostics);
            BuildMenu(reader, diagnostics);
        }

        diagnostics.Sort((a, b) => a.Location.Start.CompareTo(b.Location.Start));
        Diagnostics = [.. diagnostics, .. PartDiagnostics()];
    }

    /// <summary>The YAML text, with its path.</summary>
    public SourceText SourceText { get; }

    /// <summary>The YAML file's path, or null for text without a file.</summary>
    public string? Path => SourceText.Path;

    /// <summary>The VM's name: the top-level <c>name</c>, else the config's <c>name</c>; null when neither is readable.</summary>
    public string? Name { get; private set; }

    /// <summary>The domain config: built from the inline mapping, or loaded from the referenced file; null when neither worked.</summary>
    public DomainConfigDocument? DomainConfig { get; private set; }

    /// <summary>True when the domain config is written inline in the YAML.</summary>
    public bool IsDomainConfigInline { get; private set; }

    /// <summary>The guest's fstab, built from the inline entries or loaded from the referenced file; null when there is none.</summary>
    public FstabDocument? Fstab { get; private set; }

    /// <summary>True when the fstab is written inline in the YAML.</summary>
    public bool IsFstabInline { get; private set; }

    /// <summary>The guest's GRUB menu (what pygrub reads), loaded from the referenced file; null when there is none.</summary>
    public GrubMenuDocument? Menu { get; private set; }

    /// <summary>
    /// The definition's own findings (YAML, fields, types, keys, files) in YAML order, followed by the parse diagnostics of
    /// its parts: a referenced file's with that file's positions, an inline part's relocated to the YAML.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Parses YAML text; relative paths resolve against the folder of <paramref name="path"/> (the current folder when null). Never throws on bad input.</summary>
    public static VmDefinition Parse(string text, string? path = null, VmDefinitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(SourceText.From(text, path), options);
    }

    /// <summary>Parses a <see cref="SourceText"/>. Never throws on bad input.</summary>
    public static VmDefinition Parse(SourceText source, VmDefinitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= VmDefinitionOptions.Default;
        return new VmDefinition(source, VmDefinitionReader.Read(source, options), options.Boundary ?? RepositoryBoundary.Unconfined);
    }

    /// <summary>
    /// Reads and parses a YAML file through <see cref="VmDefinitionOptions.Boundary"/>. A file that cannot be read gives a
    /// definition with its error (XC0001, or XC0010/XC0011/XC0002 when the boundary refuses it), not an exception.
    /// </summary>
    public static VmDefinition Load(string path, VmDefinitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var boundary = options?.Boundary ?? RepositoryBoundary.Unconfined;
        return boundary.TryRead(path, reference: null, "VM definition", out var source, out var problem)
            ? Parse(source, options)
            : new VmDefinition(SourceText.From("", path), problem);
    }

    /// <summary>Where an inline config key is written in the YAML (its value), or null when the key is not inline.</summary>
    public SourceLocation? GetLocation(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _settingLocations.GetValueOrDefault(key);
    }

    /// <summary>
    /// Maps a diagnostic about an inline part (path <c>FILE#config</c> or <c>FILE#fstab</c>) to the YAML node it came
    /// from, keeping id, severity and message; any other diagnostic is returned unchanged.
    /// </summary>
    public Diagnostic Relocate(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var path = diagnostic.Location.Path;
        if (IsDomainConfigInline && DomainConfig is not null && string.Equals(path, DomainConfig.Path, StringComparison.Ordinal))
        {
            var position = diagnostic.Location.Span.Start;
            var assignment = DomainConfig.Syntax.Assignments.FirstOrDefault(a => a.FullSpan.Start <= position && position <= a.FullSpan.End);
            var location = assignment is not null ? _settingLocations.GetValueOrDefault(assignment.Name) : null;
            return diagnostic with { Location = location ?? _rootLocation };
        }

        if (IsFstabInline && Fstab is not null && string.Equals(path, Fstab.Path, StringComparison.Ordinal))
        {
            var line = diagnostic.Location.Start.Line;
            var location = line >= 0 && line < _fstabEntryLocations.Count ? _fstabEntryLocations[line] : _rootLocation;
            return diagnostic with { Location = location };
        }

        return diagnostic;
    }

    // A definition whose file could not be read: no parts, one diagnostic.
    private VmDefinition(SourceText source, Diagnostic diagnostic)
    {
        SourceText = source;
        _boundary = RepositoryBoundary.Unconfined;
        _settingLocations = [];
        _fstabEntryLocations = [];
        _rootLocation = SourceLocation.None(source.Path);
        Diagnostics = [diagnostic];
    }

    private string InlinePath(string part) => (Path ?? "<text>") + "#" + part;

    // Lexical, as a reader expects "../x" to read; the boundary checks the file this path reaches, links resolved.
    private string Resolve(string relative) =>
        System.IO.Path.GetFullPath(relative, Path is null ? Environment.CurrentDirectory : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);

    private void BuildDomainConfig(VmDefinitionReader reader, List<Diagnostic> diagnostics)
    {
        if (reader.Settings is { } settings)
        {
            IsDomainConfigInline = true;
            if (Name is null && reader.NameNode is null)
            {
                diagnostics.Add(DiagnosticIds.NameMissing.Create(_rootLocation, "the VM definition has no name"));
            }

            // Each key is written by Set into a document of its own and the statements joined: the same text as
            // setting every key on one document (an empty file's spacing and quotes), without re-parsing it per key.
            var text = new StringBuilder();
            foreach (var setting in settings)
            {
                if (XlYamlValues.Unwritable(setting.Value) is { } problem)
                {
                    diagnostics.Add(DiagnosticIds.ValueWrongType.Create(reader.Location(setting.ValueNode), $"'{setting.Key}': {problem}"));
                    continue;
                }

                // Keys were checked while reading and the value just now, so Set accepts them and escapes every string.
                var statement = Domain.Model.DomainConfig.FromDocument(DomainConfigDocument.Parse(""));
                statement.Set(setting.Key, setting.Value);
                text.Append(statement.ToString());
                _settingLocations[setting.Key] = reader.Location(setting.ValueNode);
            }

            DomainConfig = DomainConfigDocument.Parse(text.ToString(), InlinePath("config"));
            return;
        }

        if (reader.ConfigPath is not { } reference)
        {
            if (reader.ConfigNode is null && reader.Root is { Kind: YamlNodeKind.Mapping })
            {
                diagnostics.Add(DiagnosticIds.VmDefinitionShape.Create(_rootLocation, "the VM definition has no config (a mapping of xl keys or the path of a domain config)"));
            }

            return;
        }

        DomainConfig = LoadPart(reference, "domain config", text => DomainConfigDocument.Parse(text), diagnostics);
        if (DomainConfig?.GetValue("name") is { IsList: false } fileName)
        {
            if (reader.NameNode is not null && Name is not null && !string.Equals(fileName.Text, Name, StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticIds.VmDefinitionShape.Create(reader.Location(reader.NameNode),
                    $"the definition's name is \"{Name}\", but {reference.Path} sets name to \"{fileName.Text}\""));
            }

            Name ??= fileName.Text;
        }
        else if (DomainConfig is not null && Name is null)
        {
            diagnostics.Add(DiagnosticIds.NameMissing.Create(_rootLocation, $"neither the VM definition nor {reference.Path} gives a name"));
        }
    }

    private void BuildFstab(VmDefinitionReader reader, List<Diagnostic> diagnostics)
    {
        if (reader.FstabPath is { } reference)
        {
            Fstab = LoadPart(reference, "fstab", FstabDocument.Parse, diagnostics);
            return;
        }

        if (reader.FstabEntries is not { } entries)
        {
            return;
        }

        IsFstabInline = true;
        var document = FstabDocument.Parse("", InlinePath("fstab"));
        var fstab = FstabFile.FromDocument(document);
        foreach (var entry in entries)
        {
            try
            {
                fstab.AddEntry(entry.Source, entry.Target, entry.FileSystemType, entry.Options, entry.Freq, entry.PassNo, index: fstab.Entries.Count);
                _fstabEntryLocations.Add(reader.Location(entry.Node));
            }
            catch (ArgumentException exception)
            {
                 diagnostics.Add(DiagnosticIds.VmDefinitionShape.Create(reader.Location(entry.Node), "the fstab entry cannot be written: " + exception.Message));
            }
        }

        // Entries were inserted into a tree; parse its text again so positions and diagnostics describe the text.
        Fstab = FstabDocument.Parse(document.ToString(), document.Path);
    }

    private void BuildMenu(VmDefinitionReader reader, List<Diagnostic> diagnostics)
    {
        if (reader.MenuPath is { } reference)
        {
            Menu = LoadPart(reference, "GRUB menu", text => GrubMenuDocument.Parse(text), diagnostics);
        }
    }

    private T? LoadPart<T>(PathReference reference, string what, Func<SourceText, T> parse, List<Diagnostic> diagnostics)
        where T : class
    {
        var location = YamlTreeReader.Location(SourceText, reference.Node);
        string full;
        try
        {
            full = Resolve(reference.Path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Add(DiagnosticIds.FileUnreadable.Create(location, $"'{reference.Path}' is not a valid path: {exception.Message}"));
            return null;
        }

        if (!_boundary.TryRead(full, location, what, out var text, out var problem))
        {
            diagnostics.Add(problem);
            return null;
        }

        return parse(text);
    }

    private List<Diagnostic> PartDiagnostics()
    {
        IEnumerable<Diagnostic> config = DomainConfig?.Diagnostics ?? [];
        IEnumerable<Diagnostic> fstab = Fstab?.Diagnostics ?? [];
        IEnumerable<Diagnostic> menu = Menu?.Diagnostics ?? [];
        return config.Concat(fstab).Concat(menu).Select(Relocate).ToList();
    }
}
