using System.Text.Json;
using XenConfig.Diagnostics;
using XenConfig.Fstab.Model;
using XenConfig.Fstab.Syntax;
using XenConfig.Text;

namespace XenConfig.Fstab.Json;

/// <summary>
/// The <c>xenconfig show --format json</c> projection of an fstab (docs/json.md):
/// <c>{"kind":"fstab","entries":[{"source","target","fstype","options","freq","passno","line"}],"diagnostics":[...]}</c>.
/// Values are decoded as libmount decodes them; <c>options</c> is the option string as libmount returns it (null when
/// the field is absent). Written with <see cref="Utf8JsonWriter"/> only, so it works trimmed and AOT-compiled.
/// </summary>
public static class FstabJson
{
    /// <summary>Writes the projection of a document (lines libmount rejects appear only as diagnostics).</summary>
    public static void Write(Utf8JsonWriter writer, FstabDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        writer.WriteStartObject();
        writer.WriteString("kind", "fstab");
        writer.WriteStartArray("entries");
        for (var i = 0; i < document.Lines.Count; i++)
        {
            if (document.Lines[i] is not FstabEntryLine entry)
            {
                continue;
            }

            writer.WriteStartObject();
            // Values read straight from the text (the bytes of an ASCII file): no field objects, and the file is never
            // decoded into a string, which was a fifth of the peak memory of `show` on a 10 MB fstab.
            writer.WriteString("source", entry.GetValue(FstabFieldKind.Source));
            writer.WriteString("target", entry.GetValue(FstabFieldKind.Target));
            writer.WriteString("fstype", entry.GetValue(FstabFieldKind.FileSystemType));
            if (entry.GetValue(FstabFieldKind.Options) is { } options)
            {
                writer.WriteString("options", options);
            }
            else
            {
                writer.WriteNull("options");
            }

            writer.WriteNumber("freq", entry.DumpNumber);
            writer.WriteNumber("passno", entry.PassNumber);
            writer.WriteNumber("line", i + 1);
            writer.WriteEndObject();
            writer.FlushWhenFull();
        }

        writer.WriteEndArray();
        DiagnosticJson.WriteProperty(writer, document.Diagnostics);
        writer.WriteEndObject();
    }

    /// <summary>Writes the projection of an fstab model.</summary>
    public static void Write(Utf8JsonWriter writer, FstabFile fstab)
    {
        ArgumentNullException.ThrowIfNull(fstab);
        Write(writer, fstab.Document);
    }

    /// <summary>The projection as a string (indented when asked).</summary>
    public static string Serialize(FstabDocument document, bool indented = false)
    {
        return JsonText.Write(new JsonWriterOptions { Indented = indented }, writer => Write(writer, document));
    }
}
