using System.Globalization;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Yaml;

/// <summary>One xl setting of an inline <c>config</c> mapping, with the YAML nodes it came from.</summary>
internal sealed record InlineSetting(string Key, SettingValue Value, YamlNode KeyNode, YamlNode ValueNode);

/// <summary>One inline fstab entry with the YAML node it came from.</summary>
internal sealed record InlineFstabEntry(string Source, string Target, string FileSystemType, string Options, int Freq, int PassNo, YamlNode Node);

/// <summary>A path to another file, as written, with its node.</summary>
internal sealed record PathReference(string Path, YamlNode Node);

/// <summary>
/// The shape of a VM definition after YAML reading and checking, before any file is loaded: the settings of an
/// inline config (name first when it comes from the top level) or a config path, the fstab and the menu.
/// </summary>
internal sealed class VmDefinitionReader
{
    /// <summary>The top-level fields, in the order the documentation lists them.</summary>
    public static readonly string[] Fields = ["name", "config", "fstab", "menu"];

    /// <summary>The fields of an inline fstab entry, in fstab(5) order.</summary>
    public static readonly string[] FstabFields = ["source", "target", "fstype", "options", "freq", "passno"];

    private readonly VmDefinitionOptions _options;

    private VmDefinitionReader(SourceText source, VmDefinitionOptions options)
    {
        Source = source;
        _options = options;
    }

    public SourceText Source { get; }

    public List<Diagnostic> Diagnostics { get; } = [];

    public YamlNode? Root { get; private set; }

    public string? Name { get; private set; }

    public YamlNode? NameNode { get; private set; }

    public YamlNode? ConfigNode { get; private set; }

    /// <summary>The inline settings in the order they are to be written; null when config is a path or missing.</summary>
    public List<InlineSetting>? Settings { get; private set; }

    public PathReference? ConfigPath { get; private set; }

    public PathReference? FstabPath { get; private set; }

    /// <summary>The inline fstab entries; null when fstab is a path or missing.</summary>
    public List<InlineFstabEntry>? FstabEntries { get; private set; }

    public PathReference? MenuPath { get; private set; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public static VmDefinitionReader Read(SourceText source, VmDefinitionOptions options)
    {
        var reader = new VmDefinitionReader(source, options);
        if (source.Length > options.MaxLength)
        {
            reader.Diagnostics.Add(DiagnosticIds.FileTooLarge.Create(SourceLocation.None(source.Path),
                $"the file has {source.Length} characters, more than the limit of {options.MaxLength}; it was not read"));
            return reader;
        }

        reader.Root = YamlTreeReader.Read(source, reader.Diagnostics, options.MaxDepth);
        if (reader.Root is not null)
        {
            reader.ReadDefinition(reader.Root);
        }

        return reader;
    }

    public SourceLocation Location(YamlNode node) => YamlTreeReader.Location(Source, node);

    private void ReadDefinition(YamlNode root)
    {
        if (root.Kind != YamlNodeKind.Mapping)
        {
            WrongType(root, $"a VM definition is a mapping with the fields {string.Join(", ", Fields)}; this is {root.Describe()}");
            return;
        }

        YamlNode? configName = null;
        foreach (var (keyNode, value) in UniqueFields(root, "field"))
        {
            switch (keyNode.Value)
            {
                case "name":
                    NameNode = value;
                    Name = ReadName(value);
                    break;
                case "config":
                    ConfigNode = value;
                    if (value.Kind == YamlNodeKind.Mapping)
                    {
                        if (TooMany(value, value.Pairs.Count, "keys"))
                        {
                            break;
                        }

                        Settings = ReadSettings(value, out configName);
                    }
                    else
                    {
                        ConfigPath = ReadPath(value, "config", "a mapping of xl keys or the path of a domain config");
                    }

                    break;
                case "fstab":
                    if (value.Kind == YamlNodeKind.Sequence)
                    {
                        if (TooMany(value, value.Items.Count, "fstab entries"))
                        {
                            break;
                        }

                        FstabEntries = [.. value.Items.Select(ReadFstabEntry).OfType<InlineFstabEntry>()];
                    }
                    else
                    {
                        FstabPath = ReadPath(value, "fstab", "a list of entries or the path of an fstab");
                    }

                    break;
                case "menu":
                    MenuPath = ReadPath(value, "menu", "the path of a GRUB menu.lst");
                    break;
                default:
                    WrongType(keyNode, $"unknown field '{keyNode.Value}'; a VM definition has the fields {string.Join(", ", Fields)}");
                    break;
            }
        }

        ResolveName(root, configName);
    }

    // The name comes from the top level, or from config's own 'name'; when both are given they must agree.
    private void ResolveName(YamlNode root, YamlNode? configName)
    {
        var configNameValue = configName is null ? null : Settings?.First(s => s.Key == "name").Value;
        if (NameNode is not null && Name is not null && configNameValue is not null &&
            (configNameValue.IsList || !string.Equals(configNameValue.Text, Name, StringComparison.Ordinal)))
        {
            WrongType(configName!, $"config sets name to {configNameValue}, but the definition's name is \"{Name}\"");
        }

        if (Name is null && configNameValue is { IsList: false })
        {
            Name = configNameValue.Text;
        }

        if (Settings is not null && configName is null && Name is not null && NameNode is not null)
        {
            Settings.Insert(0, new InlineSetting("name", SettingValue.String(Name), NameNode, NameNode));
        }
    }

    private List<InlineSetting> ReadSettings(YamlNode mapping, out YamlNode? nameNode)
    {
        nameNode = null;
        var settings = new List<InlineSetting>();
        foreach (var (keyNode, valueNode) in UniqueFields(mapping, "key"))
        {
            var key = keyNode.Value;
            if (!XlYamlValues.IsValidKey(key))
            {
                Diagnostics.Add(DiagnosticIds.InvalidKey.Create(Location(keyNode),
                    $"'{key}' is not a key xl accepts: a lowercase letter, then lowercase letters, digits, '.' or '_'"));
                continue;
            }

            var value = XlYamlValues.ToSettingValue(valueNode, Source, key, Diagnostics);
            if (value is null)
            {
                continue;
            }

            if (key == "name")
            {
                nameNode = valueNode;
            }

            settings.Add(new InlineSetting(key, value, keyNode, valueNode));
        }

        return settings;
    }

    private InlineFstabEntry? ReadFstabEntry(YamlNode node)
    {
        if (node.Kind != YamlNodeKind.Mapping)
        {
            WrongType(node, $"an fstab entry is a mapping with the fields {string.Join(", ", FstabFields)}; this is {node.Describe()}");
            return null;
        }

        var errors = Diagnostics.Count(d => d.IsError);
        string? source = null, target = null, type = null, options = null;
        int freq = 0, passNo = 0;
        foreach (var (keyNode, value) in UniqueFields(node, "field"))
        {
            switch (keyNode.Value)
            {
                case "source": source = ReadText(value, "source"); break;
                case "target": target = ReadText(value, "target"); break;
                case "fstype": type = ReadText(value, "fstype"); break;
                case "options": options = ReadText(value, "options"); break;
                case "freq": freq = ReadCount(value, "freq"); break;
                case "passno": passNo = ReadCount(value, "passno"); break;
                default:
                    WrongType(keyNode, $"unknown fstab field '{keyNode.Value}'; an entry has the fields {string.Join(", ", FstabFields)}");
                    break;
            }
        }

        foreach (var (field, value) in new[] { ("source", source), ("target", target), ("fstype", type) })
        {
            if (value is null && !node.Pairs.Any(p => p.Key.Value == field))
            {
                WrongType(node, $"the fstab entry has no {field}");
            }
        }

        return Diagnostics.Count(d => d.IsError) > errors || source is null || target is null || type is null
            ? null
            : new InlineFstabEntry(source, target, type, options ?? "defaults", freq, passNo, node);
    }

    private PathReference? ReadPath(YamlNode node, string field, string expected)
    {
        if (node.Kind != YamlNodeKind.Scalar)
        {
            WrongType(node, $"{field} must be {expected}; this is {node.Describe()}");
            return null;
        }

        var text = ReadText(node, field);
        return text is null ? null : new PathReference(text, node);
    }

    // The name is a string; a plain word YAML reads as a boolean or a non-decimal number must be quoted, as in config.
    private string? ReadName(YamlNode node)
    {
        if (node.IsPlain && XlYamlValues.Classify(node.Value) is PlainScalarKind.Boolean or PlainScalarKind.OtherNumber)
        {
            WrongType(node, $"name: '{node.Value}' is not a string to YAML; quote it (\"{node.Value}\")");
            return null;
        }

        return ReadText(node, "name");
    }

    // Text fields (name, paths, fstab fields): any scalar is taken as written, except null and text a file cannot hold.
    private string? ReadText(YamlNode node, string field)
    {
        if (node.Kind != YamlNodeKind.Scalar)
        {
            WrongType(node, $"{field} must be a string; this is {node.Describe()}");
            return null;
        }

        if (node.Value.Length == 0 || (node.IsPlain && XlYamlValues.Classify(node.Value) == PlainScalarKind.Null))
        {
            WrongType(node, $"{field} is empty");
            return null;
        }

        if (node.Value.AsSpan().IndexOfAny('\n', '\0') >= 0)
        {
            WrongType(node, $"{field} cannot hold a line feed or a NUL character");
            return null;
        }

        return node.Value;
    }

    private int ReadCount(YamlNode node, string field)
    {
        if (node.Kind == YamlNodeKind.Scalar && node.Value.Length is > 0 and <= 9 && node.Value.All(char.IsAsciiDigit))
        {
            return int.Parse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        WrongType(node, $"{field} must be a small whole number (0, 1, 2...)");
        return 0;
    }

    // The mapping's pairs with scalar keys, each key once; a repeated key is an error (YAML forbids it).
    private IEnumerable<(YamlNode Key, YamlNode Value)> UniqueFields(YamlNode mapping, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Pairs)
        {
            if (!seen.Add(key.Value))
            {
                WrongType(key, $"the {what} '{key.Value}' is given more than once");
                continue;
            }

            yield return (key, value);
        }
    }

    private bool TooMany(YamlNode node, int count, string what)
    {
        if (count <= _options.MaxItems)
        {
            return false;
        }

        Diagnostics.Add(DiagnosticIds.FileTooLarge.Create(Location(node), $"{count} {what}, more than the limit of {_options.MaxItems}; they were not read"));
        return true;
    }

    private void WrongType(YamlNode node, string message) =>
        Diagnostics.Add(DiagnosticIds.VmDefinitionShape.Create(Location(node), message));
}
