using System.Text;
using System.Text.Json;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>
/// Seeded mutants of the corpus files of each format through the CLI, in process: whatever the input, the exit code
/// is 0, 1 or 2, there is no internal error (XC0009), JSON and SARIF output parse, and the output is bounded by a
/// linear function of the input size. The number of mutants is fixed (not a time budget), so a run is reproducible.
/// </summary>
public sealed class CliMutationTests
{
    private const int MutantsPerFormat = 3_000;

    private static readonly string[][] Insertions =
    [
        ["\""], ["'"], ["["], ["]"], ["\\"], ["\0"], ["\n"], ["#"], ["="], ["+="], ["("], [")"], ["{"], ["\t"], ["\r"], ["\\777"], ["\u00e9"],
    ];

    public static TheoryData<string, string> Formats() => new()
    {
        { "xl", "cfg" },
        { "xm", "cfg" },
        { "fstab", "fstab" },
        { "grub", "menu.lst" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Mutants_never_crash_and_give_bounded_parseable_output(string format, string fileName)
    {
        var seeds = Directory.GetFiles(RepositoryPaths.Corpus(format)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes).Where(b => b.Length < 20_000).ToArray();
        Assert.NotEmpty(seeds);
        var random = new Random(format.Length * 7919 + seeds.Length);
        using var folder = new TempFolder();
        var path = folder.Write(format == "fstab" ? "fstab" : format == "grub" ? "menu.lst" : "guest." + fileName, "");
        var kind = format == "grub" ? "grub" : format == "fstab" ? "fstab" : format;
        var failures = new List<string>();
        var exitCodes = new int[3];
        for (var i = 0; i < MutantsPerFormat && failures.Count < 5; i++)
        {
            var mutant = Mutate(seeds[random.Next(seeds.Length)], random);
            File.WriteAllBytes(path, mutant);
            var (args, output) = (i % 4) switch
            {
                0 => (new[] { "show", path, "--kind", kind, "--format", "json" }, "json"),
                1 => (["validate", path, "--format", "sarif"], "json"),
                2 => (["get", path, Key(format), "--kind", kind], "text"),
                _ => (format is "xl" ? ["fmt", path, "--check"] : ["show", path, "--kind", kind, "--format", "json"], format is "xl" ? "text" : "json"),
            };

            var result = CliRunner.Run(args);
            exitCodes[Math.Clamp(result.ExitCode, 0, 2)]++;
            var problem = Check(result, output, mutant.Length);
            if (problem is not null)
            {
                failures.Add($"mutant {i} ({string.Join(' ', args.Skip(2))}): {problem}\n{Convert.ToBase64String(mutant)}");
            }
        }

        Assert.Empty(failures);

        // The mutants reach the parsers and checkers: most runs read the file (exit 0 or 1), not refuse the command.
        Assert.True(exitCodes[0] + exitCodes[1] > MutantsPerFormat / 2, $"exit codes 0/1/2: {string.Join('/', exitCodes)}");
    }

    private static string Key(string format) => format switch
    {
        "fstab" => "/.options",
        "grub" => "entries[0].kernel",
        _ => "memory",
    };

    private static string? Check(CliRunner.Result result, string output, int inputLength)
    {
        if (result.ExitCode is < 0 or > 2)
        {
            return $"exit code {result.ExitCode}";
        }

        // SARIF lists every rule, XC0009 among them; a result of it would be its ruleId.
        var reported = result.Stdout.Contains("\"$schema\"", StringComparison.Ordinal)
            ? result.Stdout.Contains("\"ruleId\": \"XC0009\"", StringComparison.Ordinal)
            : result.Stdout.Contains("XC0009", StringComparison.Ordinal);
        if (reported || result.Stderr.Contains("XC0009", StringComparison.Ordinal))
        {
            return "internal error: " + result.Stderr + result.Stdout[..Math.Min(2_000, result.Stdout.Length)];
        }

        // Linear bound: fixed SARIF rule metadata plus a constant factor of the input.
        var limit = 400_000 + 200L * inputLength;
        if (result.Stdout.Length + result.Stderr.Length > limit)
        {
            return $"{result.Stdout.Length + result.Stderr.Length} characters of output for {inputLength} bytes of input";
        }

        if (output == "json" && result.Stdout.Length > 0)
        {
            try
            {
                using var _ = JsonDocument.Parse(result.Stdout, new JsonDocumentOptions { MaxDepth = 10_000 });
            }
            catch (JsonException exception)
            {
                return "output is not JSON: " + exception.Message;
            }
        }

        return null;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits; e++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: // flip a byte
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0: // delete a span
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 2 when bytes.Count > 0: // duplicate a span
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(at, length));
                    break;
                case 3: // a long run of one character
                    var run = "[a\"'\\ (#0"[random.Next(9)];
                    bytes.InsertRange(at, Enumerable.Repeat((byte)run, 1 + random.Next(5_000)));
                    break;
                default: // a quote, bracket, backslash, NUL, line break...
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)][0]));
                    break;
            }
        }

        return [.. bytes];
    }
}
