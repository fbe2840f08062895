using System.Diagnostics;
using System.Text;
using System.Text.Json;
using XenConfig.Testing;

namespace XenConfig.Grub.Tests;

/// <summary>What pygrub's GrubConf.py reports for one menu (see pygrub_driver.py).</summary>
public sealed record PygrubResult(string? Error, IReadOnlyList<PygrubImageResult> Images, string? Default, int? Boot, string? Timeout);

/// <summary>One pygrub image.</summary>
public sealed record PygrubImageResult(string Title, string? Root, string? Kernel, string? Args, string? Initrd);

/// <summary>Runs pygrub's GrubConfigFile with python3 on many menus per process.</summary>
public static class PygrubOracle
{
    public static bool Available => Oracles.PygrubDirectory is { } dir && File.Exists(Path.Combine(dir, "grub", "GrubConf.py"));

    public static IReadOnlyList<PygrubResult> Run(IReadOnlyList<string> menus)
    {
        var driver = RepositoryPaths.InRepository("tests", "XenConfig.Grub.Tests", "pygrub_driver.py");
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(driver);
        start.ArgumentList.Add(Oracles.PygrubDirectory!);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(JsonSerializer.Serialize(menus));
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("pygrub driver failed: " + error.Result);
        }

        using var json = JsonDocument.Parse(output.Result);
        var results = new List<PygrubResult>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("error", out var failure))
            {
                results.Add(new PygrubResult(failure.GetString(), [], null, null, null));
                continue;
            }

            var images = item.GetProperty("images").EnumerateArray()
                .Select(i => new PygrubImageResult(i.GetProperty("title").GetString()!, Str(i, "root"), Str(i, "kernel"), Str(i, "args"), Str(i, "initrd")))
                .ToList();
            var boot = item.GetProperty("boot");
            results.Add(new PygrubResult(null, images, Str(item, "default"), boot.ValueKind == JsonValueKind.Null ? null : boot.GetInt32(), Str(item, "timeout")));
        }

        return results;
    }

    private static string? Str(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
