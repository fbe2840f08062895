using System.CommandLine;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Files;
using XenConfig.Text;
using XenConfig.Validation;
using XenConfig.Yaml;

namespace XenConfig.Cli;

/// <summary>
/// <c>xenconfig validate [PATH...] [--format text|json|sarif|github|codequality] [--warnaserror] [--strict] [--kind KIND]
/// [--allow-outside PATH] [--baseline FILE] [--write-baseline FILE]</c>. Suppressions come from the repository's
/// <c>.xenconfig.yaml</c> and inline comments (docs/ci.md).
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Above this many files a progress line is shown on an interactive terminal.</summary>
    private const int ProgressThreshold = 200;

    /// <summary>The format when none is given: <c>github</c> inside a GitHub Actions job, else <c>text</c>.</summary>
    public static string DefaultFormat(Func<string, string?> environment) =>
        string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase) ? "github" : "text";

    public static Command Create(TextWriter stdout, TextWriter stderr, bool interactive, Func<string, string?> environment)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to validate (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = CommonOptions.TokenValues,
            DefaultValueFactory = CommonOptions.NoValues,
        };
        var format = new Option<string?>("--format")
        {
            Description = "Output format: text (default), json, sarif, github (workflow commands: annotations; the default when GITHUB_ACTIONS=true) or codequality (GitLab).",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github", "codequality");
        var baseline = new Option<string?>("--baseline") { HelpName = "FILE", Description = "Do not report the findings recorded in this file (written by --write-baseline); only new findings count." };
        var writeBaseline = new Option<string?>("--write-baseline") { HelpName = "FILE", Description = "Record every current finding in this file (JSON, sorted) and exit 0." };
        var warningsAsErrors = new Option<bool>("--warnaserror") { Description = "Exit 1 when there are warnings, too." };
        var strict = new Option<bool>("--strict") { Description = "Also run the strict rules (style and likely mistakes)." };
        var kind = new Option<string?>("--kind") { Description = "Check every file named on the command line as this kind, whatever its name and content." };
        kind.AcceptOnlyFromAmong("xl", "fstab", "grub", "yaml");
        var allowOutside = new Option<string[]>("--allow-outside")
        {
            Description = "Let links and VM definitions read this folder or file outside the validated paths (repeatable); otherwise that is error XC0010.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = CommonOptions.TokenValues,
            DefaultValueFactory = CommonOptions.NoValues,
        };
        var command = new Command("validate", "Find the domain configs, fstabs and GRUB menus under PATH, group them into guests and check each file, each guest and the repository as a whole.\n\nExample: xenconfig validate --format sarif examples/ > results.sarif")
        {
            paths, format, warningsAsErrors, strict, kind, allowOutside, baseline, writeBaseline,
        };
        command.SetAction(result =>
        {
            var targets = result.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            var outputFormat = result.GetValue(format) ?? DefaultFormat(environment);
            var options = RepositoryValidationOptions.Default with
            {
                RuleSets = result.GetValue(strict) ? ValidationRuleSets.All : RepositoryValidationOptions.Default.RuleSets,
                AllowOutside = result.GetValue(allowOutside) ?? [],
                NamedFileKind = result.GetValue(kind) switch
                {
                    "xl" => FileKind.DomainConfig,
                    "fstab" => FileKind.Fstab,
                    "grub" => FileKind.GrubMenu,
                    "yaml" => FileKind.VmDefinition,
                    _ => null,
                },
            };
            var baselines = (Read: result.GetValue(baseline), Write: result.GetValue(writeBaseline));
            return Run(targets, options, outputFormat, result.GetValue(warningsAsErrors), baselines, stdout, stderr, interactive && outputFormat == "text");
        });
        return command;
    }

    private static int Run(string[] targets, RepositoryValidationOptions options, string format, bool warningsAsErrors, (string? Read, string? Write) baselines, TextWriter stdout, TextWriter stderr, bool showProgress)
    {
        RepositoryValidationReport report;
        DiagnosticSuppressions suppressions;
        var settingsProblems = new List<Diagnostic>();
        try
        {
            suppressions = Suppressions(targets, baselines, settingsProblems, stderr);
            options = options with { Suppressions = suppressions };

            if (showProgress)
            {
                options = options with { Progress = new Progress(stderr) };
            }

            report = RepositoryValidation.Validate(targets, options, new VmDefinitionGuestSource());
            if (options.Progress is Progress { Shown: true })
            {
                stderr.Write("\r\u001b[K");
            }
        }
        catch (BaselineException)
        {
            return ExitCodes.UsageOrIo;
        }
        catch (FileNotFoundException exception)
        {
            stderr.WriteLine($"{exception.FileName}: error XC0001: no such file or folder");
            return ExitCodes.UsageOrIo;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"xenconfig: error XC0001: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }

        if (baselines.Write is { } baselinePath)
        {
            return WriteBaseline(baselinePath, suppressions.CreateBaseline(report.Diagnostics, report.GetText), stderr);
        }

        List<Diagnostic> diagnostics = [.. settingsProblems, .. report.Diagnostics];
        var suppressed = report.Suppressed.Count;
        var locator = new FindingLocator(suppressions, report.GetText);
        switch (format)
        {
            case "json":
                ValidationOutput.WriteJson(stdout, report.FileCount, diagnostics, suppressed);
                break;
            case "sarif":
                ValidationOutput.WriteSarif(stdout, diagnostics, locator);
                break;
            case "github":
                ValidationOutput.WriteGitHub(stdout, report.FileCount, diagnostics, suppressed, locator);
                break;
            case "codequality":
                ValidationOutput.WriteCodeQuality(stdout, diagnostics, locator);
                break;
            default:
                ValidationOutput.WriteText(stdout, report.FileCount, diagnostics, suppressed);
                break;
        }

        var failed = diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error)
            || (warningsAsErrors && diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Warning));
        return failed ? ExitCodes.Errors : ExitCodes.Success;
    }

    /// <summary>
    /// The repository's suppressions: the rules of its <c>.xenconfig.yaml</c> (problems in it are reported with the
    /// findings), inline comments, and the baseline (not when a new one is being written: it records every finding).
    /// </summary>
    private static DiagnosticSuppressions Suppressions(string[] targets, (string? Read, string? Write) baselines, List<Diagnostic> problems, TextWriter stderr)
    {
        IReadOnlyList<SuppressionRule> rules = [];
        if (RepositoryRoot.FindSettingsFile(targets) is { } settingsPath)
        {
            var settings = Yaml.SuppressionSettings.Load(settingsPath);
            problems.AddRange(settings.Diagnostics);
            rules = settings.Rules;
        }

        DiagnosticBaseline? baseline = null;
        if (baselines.Read is { } path && baselines.Write is null)
        {
            if (!File.Exists(path))
            {
                stderr.WriteLine($"{path}: error {DiagnosticIds.FileUnreadable.Id}: no such baseline file (write one with --write-baseline)");
                throw new BaselineException();
            }

            if (!DiagnosticBaseline.TryParse(SourceText.Load(path), out baseline, out var problem))
            {
                stderr.WriteLine(problem);
                throw new BaselineException();
            }
        }

        return new DiagnosticSuppressions(RepositoryRoot.Find(targets)) { Rules = rules, Baseline = baseline };
    }

    private static int WriteBaseline(string path, DiagnosticBaseline baseline, TextWriter stderr)
    {
        try
        {
            baseline.Save(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{path}: error {DiagnosticIds.FileUnreadable.Id}: cannot write the baseline: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }

        var count = baseline.Entries.Count;
        stderr.WriteLine($"xenconfig: wrote {count} finding{(count == 1 ? "" : "s")} to the baseline {path}");
        return ExitCodes.Success;
    }

    /// <summary>The baseline named by --baseline is missing or malformed; the message is already printed (exit 2).</summary>
    private sealed class BaselineException : Exception
    {
    }

    /// <summary>"validated N/M files" on one rewritten stderr line, for big repositories; synchronous, so lines never interleave.</summary>
    private sealed class Progress(TextWriter stderr) : IProgress<ValidationProgress>
    {
        public bool Shown { get; private set; }

        public void Report(ValidationProgress value)
        {
            if (value.FileCount > ProgressThreshold && (value.FilesRead % 50 == 0 || value.FilesRead == value.FileCount))
            {
                Shown = true;
                stderr.Write($"\rvalidated {value.FilesRead}/{value.FileCount} files");
            }
        }
    }
}
