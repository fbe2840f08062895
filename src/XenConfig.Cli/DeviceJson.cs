using System.Text.Json;
using XenConfig.Devices;
using XenConfig.Domain;
using XenConfig.Domain.Model;

namespace XenConfig.Cli;

/// <summary>
/// The parsed device specs under <c>model</c> in <c>show</c> for domain configs (DESIGN.md §6), in libxl's words;
/// an item that does not parse has <c>"error"</c> instead of the fields.
/// </summary>
internal static class DeviceJson
{
    public static void WriteDevices(Utf8JsonWriter writer, DomainConfig config)
    {
        writer.WriteStartArray("disks");
        foreach (var item in config.DiskItems)
        {
            writer.WriteStartObject();
            writer.WriteString("spec", item.Spec);
            if (item.Value is { } disk)
            {
                DomainConfigJson.WriteNullableString(writer, "target", disk.Target);
                writer.WriteString("format", disk.Format.ToXlName());
                writer.WriteString("vdev", disk.Vdev);
                writer.WriteString("access", disk.Access.ToXlName());
                writer.WriteString("devtype", disk.DeviceType.ToXlName());
                DomainConfigJson.WriteNullableString(writer, "backendtype", disk.BackendType?.ToXlName());
                DomainConfigJson.WriteNullableString(writer, "backend", disk.BackendDomain);
                DomainConfigJson.WriteNullableString(writer, "script", disk.Script);
            }
            else
            {
                writer.WriteString("error", item.Error!.Message);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("vifs");
        foreach (var item in config.VifItems)
        {
            writer.WriteStartObject();
            writer.WriteString("spec", item.Spec);
            if (item.Value is { } vif)
            {
                DomainConfigJson.WriteNullableString(writer, "mac", vif.Mac?.ToString());
                DomainConfigJson.WriteNullableString(writer, "bridge", vif.Bridge);
                DomainConfigJson.WriteNullableString(writer, "ip", vif.Ip);
                DomainConfigJson.WriteNullableString(writer, "script", vif.Script);
                DomainConfigJson.WriteNullableString(writer, "model", vif.Model);
                DomainConfigJson.WriteNullableString(writer, "type", vif.Type?.ToXlName());
                DomainConfigJson.WriteNullableString(writer, "vifname", vif.VifName);
                DomainConfigJson.WriteNullableString(writer, "rate", vif.RateText);
                DomainConfigJson.WriteNullableString(writer, "backend", vif.Backend);
            }
            else
            {
                writer.WriteString("error", item.Error!.Message);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
