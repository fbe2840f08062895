using System.Text.Json.Nodes;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

/// <summary>Our evaluated settings in the Python oracle's canonical JSON (<see cref="PythonXm.Canonical"/>).</summary>
internal static class XmSettingsJson
{
    public static string Canonical(IReadOnlyDictionary<string, SettingValue> settings, bool sorted) =>
        PythonXm.Canonical(new JsonArray([.. settings.Select(kv => (JsonNode)new JsonArray(kv.Key, ToJson(kv.Value)))]), sorted);

    private static JsonNode ToJson(SettingValue value) =>
        value.IsList
            ? new JsonArray([.. value.Items.Select(ToJson)])
            : new JsonObject { ["t"] = value.Text, ["num"] = value.IsNumberToken };
}
