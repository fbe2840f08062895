using System.CommandLine;
using XenConfig.Diagnostics;
using XenConfig.Files;
using XenConfig.Validation;
using XenConfig.Yaml;

namespace XenConfig.Cli;

/// <summary><c>xenconfig validate [PATH...] [--format text|json|sarif] [--warnaserror] [--strict] [--kind KIND] [--allow-outside PATH]</c>.</summary>
internal static class ValidateCommand
{
    /// <summary>Above this many files a progress line is shown on an interactive terminal.</summary>
    private const int ProgressThreshold = 200;

    public static Command Create(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to validate (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var warningsAsErrors = new Option<bool>("--warnaserror") { Description = "Exit 1 when there are warnings, too." };
        var strict = new Option<bool>("--strict") { Description = "Also run the strict rules (style and likely mistakes)." };
        var kind = new Option<string?>("--kind") { Description = "Check every file named on the command line as this kind, whatever its name and content." };
        kind.AcceptOnlyFromAmong("xl", "fstab", "grub", "yaml");
        var allowOutside = new Option<string[]>("--allow-outside")
        {
            Description = "Let links and VM definitions read this folder or file outside the validated paths (repeatable); otherwise that is error XC0010.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("validate", "Find the domain configs, fstabs and GRUB menus under PATH, group them into guests and check each file, each guest and the repository as a whole.\n\nExample: xenconfig validate --format sarif examples/ > results.sarif")
        {
            paths, format, warningsAsErrors, strict, kind, allowOutside,
        };
        command.SetAction(result =>
        {
            var targets = result.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            var outputFormat = result.GetValue(format)!;
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
            return Run(targets, options, outputFormat, result.GetValue(warningsAsErrors), stdout, stderr, interactive && outputFormat == "text");
        });
        return command;
    }

    private static int Run(string[] targets, RepositoryValidationOptions options, string format, bool warningsAsErrors, TextWriter stdout, TextWriter stderr, bool showProgress)
    {
        RepositoryValidationReport report;
        try
        {
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

        var diagnostics = report.Diagnostics;
        switch (format)
        {
            case "json":
                ValidationOutput.WriteJson(stdout, report.FileCount, diagnostics);
                break;
            case "sarif":
                ValidationOutput.WriteSarif(stdout, diagnostics, Directory.GetCurrentDirectory());
                break;
            default:
                ValidationOutput.WriteText(stdout, report.FileCount, diagnostics);
                break;
        }

        var failed = report.ErrorCount > 0 || (warningsAsErrors && report.WarningCount > 0);
        return failed ? ExitCodes.Errors : ExitCodes.Success;
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
