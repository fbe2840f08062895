using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace XenConfig.Yaml;

/// <summary>
/// Export of a domain config to a YAML VM definition and import of such YAML onto an existing document
/// (<c>docs/vm-definition.md</c>). Export writes the effective settings as libxlu sees them; import changes a document
/// only through its put operations, so comments and layout of the original survive.
/// </summary>
public static class DomainConfigYaml
{
    /// <summary>
    /// Writes the effective settings of <paramref name="document"/> as a VM definition: <c>name</c> at the top, then a
    /// <c>config</c> mapping. Number tokens in plain decimal (<c>512</c>) become YAML integers; every other atom, including
    /// number tokens such as <c>0x200</c> or <c>010</c> and quoted numbers (<c>"512"</c>), becomes a YAML string, quoted
    /// whenever YAML would read it as something else. Lists become YAML sequences.
    /// </summary>
    /// <remarks>
    /// When <c>name</c> is the first setting it appears only at the top; otherwise it also stays in <c>config</c> at its
    /// place, so that importing the YAML gives the settings in the original order.
    /// </remarks>
    public static string Export(DomainConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = document.Settings.Values.ToList();
        var output = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(output, 2, int.MaxValue);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
        var name = document.GetValue("name");
        if (name is { IsList: false })
        {
            Key(emitter, "name");
            Atom(emitter, SettingValue.String(name.Text!));
            if (settings.Count > 0 && settings[0].Name == "name")
            {
                settings.RemoveAt(0);
            }
        }

        Key(emitter, "config");
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, settings.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var setting in settings)
        {
            Key(emitter, setting.Name);
            Value(emitter, setting.Value);
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return output.ToString();
    }

    /// <summary>
    /// The keys of <paramref name="document"/> that do not survive a round trip: <see cref="Export"/> it, read the YAML
    /// back as a VM definition, and compare the effective settings with the document's. A key is listed when it is
    /// missing after the round trip, has a different value, or appears only in the YAML read back.
    /// </summary>
    /// <returns>The keys in the document's order (then any key that only the YAML has); empty when the YAML converts back.</returns>
    public static IReadOnlyList<string> FindRoundTripLosses(DomainConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var readBack = VmDefinition.Parse(Export(document)).DomainConfig;
        var lost = document.Settings.Keys.Where(key => readBack?.GetValue(key) != document.GetValue(key)).ToList();
        if (readBack is not null)
        {
            lost.AddRange(readBack.Settings.Keys.Where(key => !document.Settings.ContainsKey(key)));
        }

        return lost;
    }

    /// <summary>
    /// Applies a YAML VM definition's inline <c>config</c> (and top-level <c>name</c>) to <paramref name="target"/>: keys whose
    /// effective value differs are set, new keys appended, and, with <see cref="DomainConfigApplyOptions.RemoveMissing"/>,
    /// keys the YAML does not mention removed. Equal values change no byte. <c>fstab</c> and <c>menu</c> are read and
    /// checked but are not part of a domain config. When the YAML has an error, nothing is changed.
    /// </summary>
    /// <returns>The diagnostics (with YAML lines and columns) and the keys changed and removed.</returns>
    public static DomainConfigApplyResult Apply(DomainConfig target, string yaml, DomainConfigApplyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(yaml);
        options ??= DomainConfigApplyOptions.Default;
        var reader = VmDefinitionReader.Read(SourceText.From(yaml, options.YamlPath), options.Limits);
        var diagnostics = reader.Diagnostics;
        if (reader.Root is not null && reader.Settings is null)
        {
            var node = reader.ConfigNode ?? reader.Root;
            diagnostics.Add(DiagnosticIds.VmDefinitionShape.Create(reader.Location(node),
                reader.ConfigPath is null ? "the YAML has no config mapping to apply" : "config names a file; only an inline config mapping can be applied"));
        }

        var settings = reader.Settings ?? [];
        var changes = new List<InlineSetting>();
        foreach (var setting in settings)
        {
            if (target.Document.GetValue(setting.Key) == setting.Value)
            {
                continue;
            }

            if (XlYamlValues.Unwritable(setting.Value) is { } problem)
            {
                diagnostics.Add(DiagnosticIds.ValueWrongType.Create(reader.Location(setting.ValueNode), $"'{setting.Key}': {problem}"));
                continue;
            }

            changes.Add(setting);
        }

        diagnostics.Sort((a, b) => a.Location.Start.CompareTo(b.Location.Start));
        if (diagnostics.Any(d => d.IsError))
        {
            return new DomainConfigApplyResult(diagnostics, [], []);
        }

        foreach (var change in changes)
        {
            target.Set(change.Key, change.Value);
        }

        var removed = new List<string>();
        if (options.RemoveMissing)
        {
            var keep = settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Document.Settings.Keys.Where(k => !keep.Contains(k)).ToList())
            {
                if (target.Remove(key))
                {
                    removed.Add(key);
                }
            }
        }

        return new DomainConfigApplyResult(diagnostics, [.. changes.Select(c => c.Key)], removed);
    }

    // xl keys are plain words, but some (on, no, y, null...) are booleans or null to other YAML readers: quote those.
    private static void Key(Emitter emitter, string key)
    {
        var style = XlYamlValues.CanBePlainString(key) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, style, style == ScalarStyle.Plain, true));
    }

    // Lists nest as deep as the document allows; walk them with a stack.
    private static void Value(Emitter emitter, SettingValue value)
    {
        var stack = new Stack<SettingValue?>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is null)
            {
                emitter.Emit(new SequenceEnd());
                continue;
            }

            if (!current.IsList)
            {
                Atom(emitter, current);
                continue;
            }

            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, current.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
            stack.Push(null);
            for (var i = current.Items.Count - 1; i >= 0; i--)
            {
                stack.Push(current.Items[i]);
            }
        }
    }

    private static void Atom(Emitter emitter, SettingValue atom)
    {
        var text = atom.Text!;
        if (atom.IsNumberToken && XlYamlValues.Classify(text) == PlainScalarKind.Decimal)
        {
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false));
            return;
        }

        var style = XlYamlValues.CanBePlainString(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, style == ScalarStyle.Plain, true));
    }
}
