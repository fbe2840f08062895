using System.Text.Json.Nodes;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Libxl;
using XenConfig.Testing;

namespace XenConfig.Tests.Libxl;

/// <summary>One config through xl (the dry-run oracle) and through our projection: same verdict, same JSON.</summary>
internal static class LibxlComparison
{
    /// <summary>Keys whose meaning the projection does not model yet (a config using them is not compared).</summary>
    /// <summary>Null when both agree, else what differs. <paramref name="file"/> holds <paramref name="text"/>.</summary>
    public static string? Compare(string file, string text, XlDryRun.Outcome? knownOutcome = null)
    {
        var outcome = knownOutcome ?? XlDryRun.Run(file);
        if (outcome.ExitCode == XlDryRun.OracleLimitExitCode)
        {
            return "oracle limit: " + outcome.Messages.Trim();
        }

        var document = DomainConfigDocument.Parse(text, file);
        var ours = LibxlDomainConfig.Build(DomainConfig.FromDocument(document));
        if (ours.Accepted != outcome.Accepted)
        {
            return $"verdict: xl {(outcome.Accepted ? "accepts" : "refuses")} (exit {outcome.ExitCode}: {Last(outcome.Messages)}), we {(ours.Accepted ? "accept" : "refuse")}"
                + (ours.Accepted ? "" : $" ({ours.Diagnostics.LastOrDefault(d => d.IsError)})");
        }

        if (!outcome.Accepted)
        {
            return null;
        }

        var expected = JsonNode.Parse(outcome.Json)!;
        var actual = JsonNode.Parse(ours.Config!.ToJson())!;
        if (!document.Settings.ContainsKey("uuid"))
        {
            // Without uuid= xl makes one up (the oracle a fixed one): any uuid is right.
            expected["c_info"]!.AsObject().Remove("uuid");
            actual["c_info"]!.AsObject().Remove("uuid");
        }

        var differences = new List<string>();
        // The editing model lists the devices xl builds: one nic per vif item (pieces xl ignores included), one disk per disk item.
        var model = DomainConfig.FromDocument(document);
        var (nics, disks) = ((expected["nics"] as JsonArray)?.Count ?? 0, (expected["disks"] as JsonArray)?.Count ?? 0);
        if (model.Vifs.Count != nics || model.Disks.Count != disks)
        {
            differences.Add($"model devices: {model.Vifs.Count} vifs and {model.Disks.Count} disks, xl {nics} nics and {disks} disks");
        }

        Diff(actual, expected, "", differences);
        return differences.Count == 0 ? null : "json: " + string.Join("; ", differences.Take(8));
    }

    private static void Diff(JsonNode? ours, JsonNode? xl, string path, List<string> differences)
    {
        switch (ours, xl)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    if (!a.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key} missing (xl: {b[key]?.ToJsonString()})");
                    }
                    else if (!b.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key} extra (ours: {a[key]?.ToJsonString()})");
                    }
                    else
                    {
                        Diff(a[key], b[key], $"{path}.{key}", differences);
                    }
                }

                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    Diff(a[i], b[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(ours, xl))
                {
                    differences.Add($"{path}: ours {ours?.ToJsonString()}, xl {xl?.ToJsonString()}");
                }

                break;
        }
    }

    private static string Last(string messages) =>
        messages.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
