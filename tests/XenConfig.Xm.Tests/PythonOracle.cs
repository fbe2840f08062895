using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using XenConfig.Domain;
using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

/// <summary>
/// A Python running <c>xm_oracle.py</c>: xend's way of evaluating a config (prologue, seeded locals, exec, collection of
/// str/list/int/float locals), with the result in the shape of <see cref="SettingValue"/>. Python 2.7 is xend's own
/// interpreter and the exact oracle; python3 agrees on the common part of the language.
/// </summary>
internal sealed class PythonOracle
{
    public static readonly PythonOracle Python3 = new("python3", 3);

    public static readonly PythonOracle Python27 = new("python2.7", 2);

    private readonly Lazy<string?> _executable;

    private PythonOracle(string name, int major)
    {
        Name = name;
        _executable = new Lazy<string?>(() => Find(name, major));
    }

    public string Name { get; }

    public string? Path => _executable.Value;

    public static string Script => RepositoryPaths.InRepository("tests", "XenConfig.Xm.Tests", "xm_oracle.py");

    public sealed record Case(string Text, IReadOnlyDictionary<string, string> Variables, string File = "");

    public sealed record Result(bool Ok, string? Error, string? Message, string? Settings);

    /// <summary>Runs every case in one python process. Python 2 dicts have no order, so its settings come sorted by name.</summary>
    public IReadOnlyList<Result> Run(IReadOnlyList<Case> cases)
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
        var start = new ProcessStartInfo(Path!, ["-E", "-s", Script])
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
            r["settings"] is JsonArray settings
                ? Canonical(new JsonArray(settings.Select(s => (JsonNode)new JsonArray(s![0]!.GetValue<string>(), Normalize(s[1]!))).ToArray()), sorted: Name == Python27.Name)
                : null)).ToList();
    }

    /// <summary>Our settings in the oracle's JSON shape: <c>[[name, value], ...]</c>, atoms as <c>{"t","num"}</c>.</summary>
    public static string Canonical(IReadOnlyDictionary<string, SettingValue> settings, bool sorted = false) =>
        Canonical(new JsonArray(settings.Select(kv => (JsonNode)new JsonArray(kv.Key, ToJson(kv.Value))).ToArray()), sorted);

    private static string Canonical(JsonArray settings, bool sorted)
    {
        var items = settings.Select(s => s!.ToJsonString()).ToList();
        if (sorted)
        {
            items.Sort(StringComparer.Ordinal);
        }

        return "[" + string.Join(",", items) + "]";
    }

    // Python 2's json writes object members in hash order; rebuild atoms as {"t","num"}.
    private static JsonNode Normalize(JsonNode node) =>
        node is JsonArray list
            ? new JsonArray(list.Select(item => Normalize(item!)).ToArray())
            : new JsonObject { ["t"] = node["t"]!.GetValue<string>(), ["num"] = node["num"]!.GetValue<bool>() };

    private static JsonNode ToJson(SettingValue value) =>
        value.IsList
            ? new JsonArray(value.Items.Select(ToJson).ToArray())
            : new JsonObject { ["t"] = value.Text, ["num"] = value.IsNumberToken };

    private static string? Find(string name, int major)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(directory => System.IO.Path.Combine(directory, name)).ToList();

        // pyenv keeps versions that are not on PATH (its shims refuse them unless selected).
        var pyenv = Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } root
            ? root
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        if (Directory.Exists(System.IO.Path.Combine(pyenv, "versions")))
        {
            candidates.AddRange(Directory.GetDirectories(System.IO.Path.Combine(pyenv, "versions"), major + ".*")
                .Order(StringComparer.Ordinal).Select(v => System.IO.Path.Combine(v, "bin", name)));
        }

        return candidates.FirstOrDefault(c => File.Exists(c) && Reports(c, major));
    }

    private static bool Reports(string executable, int major)
    {
        try
        {
            var start = new ProcessStartInfo(executable, ["-c", "import sys; sys.stdout.write(str(sys.version_info[0]))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output == major.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
