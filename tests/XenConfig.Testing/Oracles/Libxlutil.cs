using System.Diagnostics;
using System.Text;
using XenConfig.Testing;

namespace XenConfig.Testing;

/// <summary>
/// libxlutil's device spec parsers as reference: <c>xlu_oracle.c</c> (beside this file) compiled with gcc once per
/// test run, fed one spec per line, answering one report line per spec. One instance per mode (disk, pci, rate); use
/// <see cref="Oracles.LibxlutilDisk"/>, <see cref="Oracles.LibxlutilPci"/>, <see cref="Oracles.LibxlutilRate"/>.
/// </summary>
public sealed class Libxlutil : IOracle<string, string>
{
    private static readonly Lazy<(string? Path, string Problem)> Binary =
        new(() => Compile("xlu_oracle.c", ["-lxlutil", "-lxenlight"]));

    private readonly string _mode;

    internal Libxlutil(string mode) => _mode = mode;

    /// <inheritdoc />
    public string Name => $"libxlutil {_mode} parser (gcc and libxen-dev build it from xlu_oracle.c)";

    /// <inheritdoc />
    public string? Missing => Binary.Value.Path is null ? Binary.Value.Problem : null;

    /// <inheritdoc />
    public IReadOnlyList<string> Run(IReadOnlyList<string> inputs) =>
        Run(Binary.Value.Path ?? throw new InvalidOperationException(Name + ": " + Missing), [_mode], inputs);

    /// <summary>
    /// Asserts that <paramref name="describe"/> (our answer, in the oracle's line format) equals the oracle's answer for
    /// every input, listing the first disagreements; writes the agreement count to the test output.
    /// </summary>
    public static void AssertAgreement(string label, string what, IReadOnlyList<string> inputs, IReadOnlyList<string> answers, Func<string, string> describe, Xunit.Abstractions.ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(output);
        var mismatches = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var ours = describe(inputs[i]);
            if (ours != answers[i])
            {
                mismatches.Add($"{label} {Quote(inputs[i])}\n  libxl: {answers[i]}\n  ours:  {ours}");
            }
        }

        output.WriteLine($"{label} {what}: {inputs.Count - mismatches.Count}/{inputs.Count} agree");
        Xunit.Assert.True(mismatches.Count == 0, $"{label} {what}: {mismatches.Count} of {inputs.Count} disagree:\n" + string.Join("\n", mismatches.Take(15)));
    }

    /// <summary>A string as the oracle prints a string field: a C string literal, or <c>-</c> for null.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "-";
        }

        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    builder.Append('\\').Append(c);
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case < ' ' or '\x7f':
                    builder.Append($"\\x{(int)c:x2}");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Runs <paramref name="path"/> with <paramref name="arguments"/>, one escaped input per line in, one answer per line out.</summary>
    internal static List<string> Run(string path, string[] arguments, IReadOnlyList<string> specs)
    {
        var start = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + path);
        var writer = Task.Run(() =>
        {
            foreach (var spec in specs)
            {
                process.StandardInput.Write(Escape(spec));
                process.StandardInput.Write('\n');
            }

            process.StandardInput.Close();
        });
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>(specs.Count);
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        writer.GetAwaiter().GetResult();
        process.WaitForExit();
        _ = stderr.GetAwaiter().GetResult();
        if (lines.Count != specs.Count)
        {
            throw new InvalidOperationException($"oracle answered {lines.Count} lines for {specs.Count} specs");
        }

        return lines;
    }

    private static string Escape(string spec) =>
        spec.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal);

    internal static string StaticLibrary(string name)
    {
        try
        {
            var start = new ProcessStartInfo("gcc", ["-print-file-name=" + name]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var gcc = Process.Start(start);
            var path = gcc?.StandardOutput.ReadToEnd().Trim() ?? name;
            gcc?.WaitForExit();
            return path;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return name;
        }
    }

    internal static (string? Path, string Problem) Compile(string sourceName, string[] libraries)
    {
        var source = Oracles.ScriptPath(sourceName);
        if (!File.Exists("/usr/include/libxlutil.h"))
        {
            return (null, "/usr/include/libxlutil.h is missing");
        }

        // built once per test run into the test output folder; a per-process name, then an atomic rename, so that two
        // concurrent runs never execute a half-written binary
        var folder = Path.Combine(AppContext.BaseDirectory, "oracle");
        Directory.CreateDirectory(folder);
        var final = Path.Combine(folder, Path.GetFileNameWithoutExtension(sourceName));
        var output = final + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("gcc")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-O1", "-Wall", "-o", output, source, .. libraries])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var gcc = Process.Start(start);
            if (gcc is null)
            {
                return (null, "cannot start gcc");
            }

            var errors = gcc.StandardError.ReadToEnd();
            gcc.StandardOutput.ReadToEnd();
            gcc.WaitForExit();
            if (gcc.ExitCode != 0 || !File.Exists(output))
            {
                return (null, "gcc failed: " + errors);
            }

            File.Move(output, final, overwrite: true);
            return (final, string.Empty);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, "gcc is not installed: " + e.Message);
        }
    }
}

/// <summary>
/// libxl's virtual device decoder (<c>libxl__device_disk_dev_number</c>, hidden in libxenlight.so, so
/// <c>xl_vdev_oracle.c</c> links the static archive): one device number or <c>invalid</c> per name. Use
/// <see cref="Oracles.LibxlVdev"/>.
/// </summary>
public sealed class LibxlVdev : IOracle<string, string>
{
    private static readonly Lazy<(string? Path, string Problem)> Binary =
        new(() => Libxlutil.Compile("xl_vdev_oracle.c", [
            Libxlutil.StaticLibrary("libxenlight.a"), "-lxentoollog", "-lxenevtchn", "-lxentoolcore", "-lxenstore", "-lxenhypfs",
            "-lxenguest", "-lxenctrl", "-lxengnttab", "-lxenforeignmemory", "-lxendevicemodel", "-lxencall",
            "-l:libyajl.so.2", "-luuid", "-lutil", "-lpthread",
        ]));

    internal LibxlVdev()
    {
    }

    /// <inheritdoc />
    public string Name => "libxl vdev decoder (gcc and libxen-dev's static libxenlight.a build it from xl_vdev_oracle.c)";

    /// <inheritdoc />
    public string? Missing => Binary.Value.Path is null ? Binary.Value.Problem : null;

    /// <inheritdoc />
    public IReadOnlyList<string> Run(IReadOnlyList<string> inputs) =>
        Libxlutil.Run(Binary.Value.Path ?? throw new InvalidOperationException(Name + ": " + Missing), [], inputs);
}
