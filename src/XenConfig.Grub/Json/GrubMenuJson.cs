using System.Text.Json;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;

namespace XenConfig.Grub.Json;

/// <summary>
/// The <c>xenconfig show --format json</c> projection of a GRUB menu (docs/json.md), written with
/// <see cref="Utf8JsonWriter"/> (no reflection; trimming- and AOT-safe).
/// </summary>
public static class GrubMenuJson
{
    /// <summary>
    /// Writes <c>{"kind":"grub","default","defaultSaved","timeout","entries":[...],"diagnostics":[...]}</c>:
    /// <c>default</c> is the entry GRUB boots (null without entries), <c>timeout</c> a number or null, each entry's
    /// <c>root</c> and paths as written, <c>kernel</c> the image path and <c>args</c> the rest of its line (null if none).
    /// <c>diagnostics</c> lists <paramref name="diagnostics"/> when given (e.g. the document's together with a validator's
    /// semantic checks), else the document's own.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, GrubMenuDocument document, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var menu = GrubMenu.FromDocument(document);
        writer.WriteStartObject();
        writer.WriteString("kind", "grub");
        WriteNumber(writer, "default", menu.DefaultEntryIndex);
        writer.WriteBoolean("defaultSaved", menu.IsDefaultSaved);
        WriteNumber(writer, "timeout", menu.Timeout);
        writer.WriteStartArray("entries");
        foreach (var entry in menu.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("title", entry.Title);
            writer.WriteString("root", entry.Root);
            writer.WriteString("kernel", entry.Kernel?.Path);
            writer.WriteString("args", entry.Kernel?.ArgumentsText);
            writer.WriteString("initrd", entry.Initrd);
            writer.WriteStartArray("modules");
            foreach (var module in entry.Modules)
            {
                writer.WriteStartObject();
                writer.WriteString("path", module.Path);
                writer.WriteString("args", module.ArgumentsText);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.FlushWhenFull();
        }

        writer.WriteEndArray();
        DiagnosticJson.WriteProperty(writer, diagnostics ?? document.Diagnostics);
        writer.WriteEndObject();
    }

    /// <summary>The projection as a string.</summary>
    public static string ToJson(GrubMenuDocument document, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, document);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
