using System.Text.Json;
using XenConfig.Diagnostics;
using XenConfig.Domain.Model;

namespace XenConfig.Domain.Json;

/// <summary>
/// The JSON contract of domain configs (what <c>xenconfig show</c> prints, documented in docs/json.md):
/// <c>{"kind","settings","model","diagnostics"}</c>, where <c>settings</c> are the effective values exactly as libxlu
/// returns them (strings and nested lists of strings).
/// </summary>
public static class DomainConfigJson
{
    /// <summary>
    /// Writer options deep enough for every nesting libxlu accepts (its parser stops near 5000 levels), indented, and
    /// escaping only what JSON requires, so quotes and <c>'</c> in messages stay readable (the output is not HTML).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        MaxDepth = 6000,
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the projection of <paramref name="document"/>.</summary>
    /// <param name="writer">Where to write; create it with <see cref="WriterOptions"/> for deeply nested files.</param>
    /// <param name="document">The parsed document.</param>
    /// <param name="kind"><c>xl</c>, or <c>xm</c> for a document converted from an xm config.</param>
    /// <param name="settings">The settings to print instead of the document's (an xm config's evaluated values).</param>
    /// <param name="diagnostics">The diagnostics to print instead of the document's (an xm evaluation and conversion).</param>
    public static void Write(
        Utf8JsonWriter writer,
        DomainConfigDocument document,
        string kind = "xl",
        IEnumerable<KeyValuePair<string, SettingValue>>? settings = null,
        IEnumerable<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        writer.WriteStartObject();
        writer.WriteString("kind", kind);
        writer.WritePropertyName("settings");
        // A file the fast pass read is written from that pass (values read from the text one at a time), without
        // building the lossless tree: the tree was most of the peak memory of `show`.
        WriteSettings(writer, settings ?? document.FastScan?.Settings ?? document.Settings.Select(s => KeyValuePair.Create(s.Key, s.Value.Value)));
        writer.WritePropertyName("model");
        writer.WriteStartObject();
        var config = DomainConfig.FromDocument(document);
        WriteModel(writer, config);
        DeviceJson.WriteDevices(writer, config);
        writer.WriteEndObject();
        DiagnosticJson.WriteProperty(writer, diagnostics ?? document.Diagnostics);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{KEY: string | [nested lists of strings]}</c>.</summary>
    public static void WriteSettings(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, SettingValue>> settings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(settings);
        writer.WriteStartObject();
        foreach (var (name, value) in settings)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
            writer.FlushWhenFull();
        }

        writer.WriteEndObject();
    }

    /// <summary>Nesting level from which an indented writer writes a nested list on one line.</summary>
    private const int CompactDepth = 8;

    /// <summary>
    /// Writes a value as a JSON string or nested arrays, without recursion. An indented writer writes lists nested
    /// deeper than a few levels on one line, so the output stays linear in the input (indenting each of N levels
    /// would cost N squared).
    /// </summary>
    public static void WriteValue(Utf8JsonWriter writer, SettingValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsList && writer.Options.Indented && writer.CurrentDepth >= CompactDepth)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var compact = new Utf8JsonWriter(buffer, WriterOptions with { Indented = false }))
            {
                WriteValue(compact, value);
            }

            writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
            return;
        }

        var stack = new Stack<(SettingValue Value, int Next)>();
        stack.Push((value, -1));
        while (stack.Count > 0)
        {
            var (current, next) = stack.Pop();
            if (!current.IsList)
            {
                writer.WriteStringValue(current.Text);
                writer.FlushWhenFull();
                continue;
            }

            if (next < 0)
            {
                if (writer.Options.Indented && writer.CurrentDepth >= CompactDepth)
                {
                    WriteValue(writer, current);
                    continue;
                }

                writer.WriteStartArray();
                next = 0;
            }

            if (next >= current.Items.Count)
            {
                writer.WriteEndArray();
                continue;
            }

            stack.Push((current, next + 1));
            stack.Push((current.Items[next], -1));
        }
    }

    private static void WriteModel(Utf8JsonWriter writer, DomainConfig config)
    {
        WriteNullableString(writer, "name", config.Name);
        WriteNullableString(writer, "type", config.Type?.ToString().ToLowerInvariant());
        WriteNullableString(writer, "uuid", config.UuidText);
        WriteNullableNumber(writer, "memory", config.Memory);
        WriteNullableNumber(writer, "maxmem", config.MaxMemory);
        WriteNullableNumber(writer, "vcpus", config.Vcpus);
        WriteNullableNumber(writer, "maxvcpus", config.MaxVcpus);
        WriteNullableString(writer, "kernel", config.Kernel);
        WriteNullableString(writer, "ramdisk", config.Ramdisk);
        WriteNullableString(writer, "bootloader", config.Bootloader);
        WriteNullableString(writer, "cmdline", config.KernelCommandLine);
        writer.WriteStartArray("unknownKeys");
        foreach (var key in config.UnknownKeys)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a string property, or null.</summary>
    internal static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullableNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }
}
