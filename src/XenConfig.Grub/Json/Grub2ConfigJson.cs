using System.Text;
using System.Text.Json;
using XenConfig.Diagnostics;
using XenConfig.Grub.Grub2;
using XenConfig.Text;

namespace XenConfig.Grub.Json;

/// <summary>
/// The <c>xenconfig show --format json</c> projection of a GRUB 2 <c>grub.cfg</c> (docs/json.md), written with
/// <see cref="Utf8JsonWriter"/> (no reflection; trimming- and AOT-safe).
/// </summary>
public static class Grub2ConfigJson
{
    /// <summary>
    /// Writes <c>{"kind":"grub2","default","timeout","entries":[...],"diagnostics":[]}</c>: <c>default</c> and
    /// <c>timeout</c> are the last top-level <c>set</c> values as written, unquoted (a number, a title, an id or
    /// <c>${saved_entry}</c>), or null; each entry has its <c>title</c>, its <c>submenu</c> path (<c>A&gt;B</c>, null at
    /// the top level), its 1-based <c>line</c>, the multiboot <c>loader</c> with its <c>hypervisor</c> and
    /// <c>hypervisorArgs</c>, the <c>linux</c> kernel with its <c>args</c>, the <c>initrd</c> and the <c>modules</c>
    /// (<c>{"path","args"}</c>), each null (or empty) when the entry does not have it. <c>diagnostics</c> is always
    /// empty: a grub.cfg is read for its entries, not checked.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Grub2Config config)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(config);
        writer.WriteStartObject();
        writer.WriteString("kind", "grub2");
        writer.WriteString("default", config.Default);
        writer.WriteString("timeout", config.Timeout);
        writer.WriteStartArray("entries");
        foreach (var entry in config.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("title", entry.Title);
            writer.WriteString("submenu", entry.Submenu);
            writer.WriteNumber("line", entry.Line + 1);
            writer.WriteString("loader", entry.MultibootCommand);
            writer.WriteString("hypervisor", entry.Hypervisor);
            writer.WriteString("hypervisorArgs", entry.HypervisorArguments);
            writer.WriteString("linux", entry.Linux);
            writer.WriteString("args", entry.LinuxArguments);
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
        DiagnosticJson.WriteProperty(writer, config.Diagnostics);
        writer.WriteEndObject();
    }

    /// <summary>The projection as a string.</summary>
    public static string ToJson(Grub2Config config, bool indented = false)
    {
        return JsonText.Write(new JsonWriterOptions { Indented = indented }, writer => Write(writer, config));
    }
}
