using System.Text.Json;
using XenConfig.Domain.Model;

namespace XenConfig.Cli;

/// <summary>The parsed device specs under <c>model</c> in <c>show</c> for domain configs (DESIGN.md §6).</summary>
internal static class DeviceJson
{
    public static void WriteDevices(Utf8JsonWriter writer, DomainConfig config)
    {
        writer.WriteStartArray("disks");
        foreach (var spec in config.DiskSpecs)
        {
            writer.WriteStartObject();
            writer.WriteString("spec", spec);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("vifs");
        foreach (var spec in config.VifSpecs)
        {
            writer.WriteStartObject();
            writer.WriteString("spec", spec);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
