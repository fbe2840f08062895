using XenConfig.Diagnostics;
using System.Text.Json;
using XenConfig.Devices;
using XenConfig.Domain.Model;

namespace XenConfig.Domain.Json;

/// <summary>
/// The parsed device specs under <c>model</c> of the domain config projection, in libxl's words;
/// an item that does not parse has <c>"error"</c> instead of the fields.
/// </summary>
internal static class DeviceJson
{
    internal static void WriteDevices(Utf8JsonWriter writer, DomainConfig config)
    {
        WriteItems(writer, "disks", config.EnumerateParsedDisks(), (w, disk) =>
        {
            DomainConfigJson.WriteNullableString(w, "target", disk.Target);
            w.WriteString("format", disk.Format.ToXlName());
            w.WriteString("vdev", disk.Vdev);
            w.WriteString("access", disk.Access.ToXlName());
            w.WriteString("devtype", disk.DeviceType.ToXlName());
            DomainConfigJson.WriteNullableString(w, "backendtype", disk.BackendType?.ToXlName());
            DomainConfigJson.WriteNullableString(w, "backend", disk.BackendDomain);
            DomainConfigJson.WriteNullableString(w, "script", disk.Script);
        });
        WriteItems(writer, "vifs", config.EnumerateParsedVifs(), (w, vif) =>
        {
            DomainConfigJson.WriteNullableString(w, "mac", vif.Mac?.ToString());
            DomainConfigJson.WriteNullableString(w, "bridge", vif.Bridge);
            DomainConfigJson.WriteNullableString(w, "ip", vif.Ip);
            DomainConfigJson.WriteNullableString(w, "script", vif.Script);
            DomainConfigJson.WriteNullableString(w, "model", vif.Model);
            DomainConfigJson.WriteNullableString(w, "type", vif.Type?.ToXlName());
            DomainConfigJson.WriteNullableString(w, "vifname", vif.VifName);
            DomainConfigJson.WriteNullableString(w, "rate", vif.RateText);
            DomainConfigJson.WriteNullableString(w, "backend", vif.Backend);
        });
    }

    private static void WriteItems<T>(Utf8JsonWriter writer, string name, IEnumerable<(string Spec, T? Value, DeviceSpecError? Error)> items, Action<Utf8JsonWriter, T> writeFields)
        where T : class
    {
        writer.WriteStartArray(name);
        foreach (var (spec, parsed, error) in items)
        {
            writer.WriteStartObject();
            writer.WriteString("spec", spec);
            if (parsed is { } value)
            {
                writeFields(writer, value);
            }
            else
            {
                writer.WriteString("error", error!.Message);
            }

            writer.WriteEndObject();
            writer.FlushWhenFull();
        }

        writer.WriteEndArray();
    }
}
