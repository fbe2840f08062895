using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace XenConfig.Testing;

/// <summary>What pygrub's GrubConf.py reports for one menu (see pygrub_driver.py).</summary>
public sealed record PygrubResult(string? Error, IReadOnlyList<PygrubImageResult> Images, string? Default, int? Boot, string? Timeout);

/// <summary>One pygrub image.</summary>
public sealed record PygrubImageResult(string Title, string? Root, string? Kernel, string? Args, string? Initrd);

/// <summary>
/// pygrub's <c>GrubConf.GrubConfigFile</c> (GRUB legacy) or <c>GrubConf.Grub2ConfigFile</c> (GRUB 2) under python3,
/// many menus per process (<c>pygrub_driver.py</c> beside this file). pygrub comes from Debian's xen-utils package,
/// unpacked by <c>.ci/run</c> into <c>XENCONFIG_PYGRUB_DIR</c>. Use <see cref="Oracles.Pygrub"/> or
/// <see cref="Oracles.PygrubGrub2"/>.
/// </summary>
public sealed class Pygrub : IOracle<string, PygrubResult>
{
    private readonly bool _grub2;

    internal Pygrub(bool grub2 = false)
    {
        _grub2 = grub2;
    }

    /// <inheritdoc />
    public string Name => $"pygrub GrubConf.py {(_grub2 ? "Grub2ConfigFile" : "GrubConfigFile")} (XENCONFIG_PYGRUB_DIR, from Debian xen-utils-4.17)";

    /// <inheritdoc />
    public string? Missing => Oracles.PygrubDirectory is not { } dir
        ? "XENCONFIG_PYGRUB_DIR is not set to an existing folder"
        : File.Exists(Path.Combine(dir, "grub", "GrubConf.py")) ? null : $"{dir}/grub/GrubConf.py does not exist";

    /// <inheritdoc />
    public IReadOnlyList<PygrubResult> Run(IReadOnlyList<string> inputs)
    {
        var menus = inputs;
        var driver = Oracles.ScriptPath("pygrub_driver.py");
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
        if (_grub2)
        {
            start.ArgumentList.Add("grub2");
        }

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
