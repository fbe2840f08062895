using System.Text.Json;
using XenConfig.Domain;

namespace XenConfig.Cli;

/// <summary>The <c>show</c> projection of domain configs.</summary>
internal static class DomainOutput
{
    public static void Write(Utf8JsonWriter writer, CliInput input)
    {
        var document = DomainConfigDocument.Parse(input.Text);
        DomainConfigJson.Write(writer, document, "xl", DeviceJson.WriteDevices);
    }
}
