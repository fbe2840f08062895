using System.Text.Json;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Grub.Model;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Json;

/// <summary>
/// The <c>xenconfig show --format json</c> projection of a GRUB menu (docs/json.md), written with
/// <see cref="Utf8JsonWriter"/> (no reflection; trimming- and AOT-safe).
/// </summary>
public static class GrubMenuJson
{
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText RootName = JsonEncodedText.Encode("root");
    private static readonly JsonEncodedText KernelName = JsonEncodedText.Encode("kernel");
    private static readonly JsonEncodedText ArgsName = JsonEncodedText.Encode("args");
    private static readonly JsonEncodedText InitrdName = JsonEncodedText.Encode("initrd");
    private static readonly JsonEncodedText ModulesName = JsonEncodedText.Encode("modules");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");

    /// <summary>
    /// Writes <c>{"kind":"grub","default","defaultSaved","timeout","entries":[...],"diagnostics":[...]}</c>:
    /// <c>default</c> is the entry GRUB boots (null without entries), <c>timeout</c> a number or null, each entry's
    /// <c>root</c> and paths as written, <c>kernel</c> the image path and <c>args</c> the rest of its line (null if none).
    /// <c>diagnostics</c> lists <paramref name="diagnostics"/> when given (e.g. the document's together with a validator's
    /// semantic checks), else the document's own. They are read once, after the entries, and written as they come, so
    /// a sequence made on the fly is never held whole.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, GrubMenuDocument document, IEnumerable<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var menu = GrubMenu.FromDocument(document);
        var lines = document.LineTable;
        var entries = document.EntryTable;
        writer.WriteStartObject();
        writer.WriteString("kind", "grub");
        WriteNumber(writer, "default", menu.DefaultEntryIndex);
        writer.WriteBoolean("defaultSaved", menu.IsDefaultSaved);
        WriteNumber(writer, "timeout", menu.Timeout);
        writer.WriteStartArray("entries");
        for (var entry = 0; entry < entries.Count; entry++)
        {
            // Each value is written from the menu's characters (its bytes, for an ASCII file), as the entry's string
            // properties would read them, without making those strings, the entry objects or what an entry caches (the
            // root, the kernel, the module list): a 10 MB menu made six strings per entry, and a list per Xen entry it
            // then held, to write them.
            writer.WriteStartObject();
            WriteChars(writer, TitleName, entries.TitleChars(entry), spaced: true);
            if (entries.RootLine(entry) < 0)
            {
                writer.WriteNull(RootName);
            }
            else
            {
                WriteChars(writer, RootName, entries.RootChars(entry), spaced: false);
            }

            if (entries.KernelLine(entry) is var kernelLine and >= 0)
            {
                // Not entry.Kernel: the entry would keep the object it makes.
                GrubKernel.Split(lines.ArgumentChars(kernelLine), out var path, out var arguments);
                WriteChars(writer, KernelName, path, spaced: false);
                WriteRest(writer, ArgsName, arguments);
            }
            else
            {
                writer.WriteNull(KernelName);
                writer.WriteNull(ArgsName);
            }

            if (entries.InitrdLine(entry) < 0)
            {
                writer.WriteNull(InitrdName);
            }
            else
            {
                WriteChars(writer, InitrdName, entries.InitrdChars(entry), spaced: false);
            }

            writer.WriteStartArray(ModulesName);
            if (entries.HasModules(entry))
            {
                // From the line table: entry.Commands keeps an array of line objects per entry (and the table one slot per line).
                for (var line = entries.TitleLine(entry) + 1; line <= entries.LastLine(entry); line++)
                {
                    if (GrubEntry.IsModule(lines, line))
                    {
                        GrubEntry.ReadModule(lines, line, out var path, out var arguments);
                        writer.WriteStartObject();
                        WriteChars(writer, PathName, path, spaced: false);
                        WriteRest(writer, ArgsName, arguments);
                        writer.WriteEndObject();
                        writer.FlushWhenFull();
                    }
                }
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
        return JsonText.Write(new JsonWriterOptions { Indented = indented }, writer => Write(writer, document));
    }

    // The arguments after a file (GrubKernel.ArgumentsText, GrubModule.ArgumentsText): null when there are none.
    private static void WriteRest(Utf8JsonWriter writer, JsonEncodedText name, GrubChars rest)
    {
        if (rest.IsEmpty)
        {
            writer.WriteNull(name);
        }
        else
        {
            WriteChars(writer, name, rest, spaced: true);
        }
    }

    // The characters as a JSON string; with spaced, tabs as spaces (GrubText.Spaced, as GRUB reads a line). A value with
    // a tab is rare: it goes through the string.
    private static void WriteChars(Utf8JsonWriter writer, JsonEncodedText name, GrubChars value, bool spaced)
    {
        if (spaced && value.Contains('\t'))
        {
            writer.WriteString(name, GrubText.Spaced(value));
        }
        else if (value.IsBytes)
        {
            writer.WriteString(name, value.Bytes);
        }
        else
        {
            writer.WriteString(name, value.Chars);
        }
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
