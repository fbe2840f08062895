using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Tests.Xm;

/// <summary>
/// python3 running <c>xm_oracle.py</c>: xend's way of evaluating a config (prologue, seeded locals, exec, collection of
/// str/list/int/float locals), with the result in the shape of <see cref="SettingValue"/>.
/// </summary>
internal static class Python3Oracle
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static string? Path => Executable.Value;

    public static string Script => RepositoryPaths.InRepository("tests", "XenConfig.Tests", "Xm", "xm_oracle.py");

    public sealed record Case(string Text, IReadOnlyDictionary<string, string> Variables, string File = "");

    public sealed record Result(bool Ok, string? Error, string? Message, string? Settings);

    public static IReadOnlyList<Result> Run(IReadOnlyList<Case> cases)
    {
        var request = new JsonObject
        {
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["text"] = c.Text,
                ["file"] = c.File,
                ["vars"] = new JsonObject(c.Variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))),
            }).ToArray()),
        };
        var start = new ProcessStartInfo(Path!, ["-I", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException("python3 oracle did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("python3 oracle failed: " + stderr.Result);
        }

        var results = JsonNode.Parse(stdout.Result)!.AsArray();
        return results.Select(r => new Result(
            r!["ok"]!.GetValue<bool>(),
            r["error"]?.GetValue<string>(),
            r["message"]?.GetValue<string>(),
            r["settings"] is JsonArray settings ? Canonical(settings) : null)).ToList();
    }

    /// <summary>Our settings in the oracle's JSON shape: <c>[[name, value], ...]</c>, atoms as <c>{"t","num"}</c>.</summary>
    public static string Canonical(IReadOnlyDictionary<string, SettingValue> settings) =>
        Canonical(new JsonArray(settings.Select(kv => (JsonNode)new JsonArray(kv.Key, ToJson(kv.Value))).ToArray()));

    private static string Canonical(JsonArray settings) => settings.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonNode ToJson(SettingValue value) =>
        value.IsList
            ? new JsonArray(value.Items.Select(ToJson).ToArray())
            : new JsonObject { ["t"] = value.Text, ["num"] = value.IsNumberToken };

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(directory, "python3");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
