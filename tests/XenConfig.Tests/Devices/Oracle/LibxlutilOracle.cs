using System.Diagnostics;
using System.Text;
using XenConfig.Testing;

namespace XenConfig.Tests.Devices.Oracle;

/// <summary>
/// The real libxlutil as a reference parser: <c>xlu_oracle.c</c> (next to this file) compiled with gcc once per test
/// run, fed one spec per line, answering one line per spec.
/// </summary>
internal static class LibxlutilOracle
{
    private static readonly Lazy<(string? Path, string Problem)> Binary = new(Compile);

    public static bool Available => Binary.Value.Path is not null;

    public static string What => "gcc and libxen-dev (libxlutil, libxenlight) to build the libxlutil oracle: " + Binary.Value.Problem;

    /// <summary>Runs the oracle in <paramref name="mode"/> (disk, pci, rate) over <paramref name="specs"/>.</summary>
    public static IReadOnlyList<string> Run(string mode, IReadOnlyList<string> specs)
    {
        var path = Binary.Value.Path ?? throw new InvalidOperationException(What);
        var start = new ProcessStartInfo(path, mode)
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

    /// <summary>A C string literal body for a report comparison: how the oracle prints a string field.</summary>
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

    private static string Escape(string spec) =>
        spec.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal);

    private static (string? Path, string Problem) Compile()
    {
        var source = RepositoryPaths.InRepository("tests", "XenConfig.Tests", "Devices", "Oracle", "xlu_oracle.c");
        if (!File.Exists("/usr/include/libxlutil.h"))
        {
            return (null, "/usr/include/libxlutil.h is missing");
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "oracle", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "xlu_oracle");
        var start = new ProcessStartInfo("gcc")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-O1", "-Wall", "-o", output, source, "-lxlutil", "-lxenlight" })
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
            return gcc.ExitCode == 0 && File.Exists(output) ? (output, string.Empty) : (null, "gcc failed: " + errors);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, "gcc is not installed: " + e.Message);
        }
    }
}
