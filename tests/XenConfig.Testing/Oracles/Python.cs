using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XenConfig.Testing;

/// <summary>
/// A Python running <c>xm_oracle.py</c> (beside this file): xend's way of evaluating a config (prologue, seeded locals,
/// exec, collection of str/list/int/float locals). Settings come back as canonical JSON, <c>[[name, value], ...]</c>
/// with atoms as <c>{"t": text, "num": is-a-number-token}</c>; render our side with <see cref="Canonical"/> to compare.
/// Python 2.7 is xend's own interpreter and the exact oracle; python3 agrees on the common part of the language. Use
/// <see cref="Oracles.Python27"/> and <see cref="Oracles.Python3"/>.
/// </summary>
public sealed class PythonXm : IOracle<PythonXm.Case, PythonXm.Result>
{
    private readonly Lazy<string?> _executable;
    private readonly int _major;

    internal PythonXm(string name, int major)
    {
        Name = name;
        _major = major;
        _executable = new Lazy<string?>(() => Find(name, major));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string? Missing => Path is null ? $"no {Name} on PATH or under pyenv's versions/{_major}.*" : null;

    /// <summary>True for Python 2, whose dicts have no order: its settings come sorted by name.</summary>
    public bool SortsSettings => _major == 2;

    /// <summary>The interpreter, or null when there is none.</summary>
    public string? Path => _executable.Value;

    /// <summary>One xm program with the variables xend would have seeded (e.g. <c>vmid</c>).</summary>
    public sealed record Case(string Text, IReadOnlyDictionary<string, string> Variables, string File = "");

    /// <summary>Python's outcome: the settings as canonical JSON, or the exception's type and message.</summary>
    public sealed record Result(bool Ok, string? Error, string? Message, string? Settings);

    /// <summary>Runs every case in one python process.</summary>
    public IReadOnlyList<Result> Run(IReadOnlyList<Case> inputs)
    {
        var cases = inputs;
        var script = Oracles.ScriptPath("xm_oracle.py");
        var request = new JsonObject
        {
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["text"] = c.Text,
                ["file"] = c.File,
                ["vars"] = new JsonObject(c.Variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))),
            }).ToArray()),
        };
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(Name + ": " + Missing), ["-E", "-s", script])
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
            throw new TimeoutException(Name + " oracle did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(Name + " oracle failed: " + stderr.Result);
        }

        var results = JsonNode.Parse(stdout.Result)!.AsArray();
        return results.Select(r => new Result(
            r!["ok"]!.GetValue<bool>(),
            r["error"]?.GetValue<string>(),
            r["message"]?.GetValue<string>(),
            r["settings"] is JsonArray settings
                ? Canonical(new JsonArray(settings.Select(s => (JsonNode)new JsonArray(s![0]!.GetValue<string>(), Normalize(s[1]!))).ToArray()), sorted: SortsSettings)
                : null)).ToList();
    }

    /// <summary>
    /// Settings in the oracle's canonical JSON: each item <c>[name, value]</c> with the value an atom
    /// <c>{"t","num"}</c> or an array of values; sorted by their JSON text when <paramref name="sorted"/>.
    /// </summary>
    public static string Canonical(JsonArray settings, bool sorted)
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
