using System.CommandLine;
using XenConfig.Diagnostics;
using XenConfig.Domain;

namespace XenConfig.Cli;

/// <summary><c>xenconfig convert FILE --to xl|yaml|json [--set VAR=VALUE]</c>: xm to xl, and domain configs to YAML or JSON.</summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommonOptions.File();
        var to = new Option<string>("--to") { Description = "The output form.", Required = true };
        to.AcceptOnlyFromAmong("xl", "yaml", "json");
        var set = new Option<string[]>("--set")
        {
            Description = "A variable for an xm config, as 'xm create FILE vmid=3' gave it (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var kind = CommonOptions.Kind();
        kind.AcceptOnlyFromAmong("xl", "xm");
        var command = new Command("convert", "Convert a domain config: an xm (Python) config to an equivalent static xl config, or any domain config to YAML or JSON. The result goes to standard output; notes on what changed go to standard error.\n\nExample: xenconfig convert /etc/xen/old-guest --to xl --set vmid=3 > guest.cfg")
        {
            file, to, set, kind,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            return CliErrors.Guard(stderr, path, () =>
            {
                var variables = ParseVariables(result.GetValue(set) ?? []);
                if (path.EndsWith(".vm.yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".vm.yml", StringComparison.OrdinalIgnoreCase))
                {
                    return ConvertDefinition(path, result.GetValue(to)!, stdout, stderr);
                }

                var input = CliInput.Load(path, CliInput.ParseKind(result.GetValue(kind)));
                if (input.Kind is InputKind.Fstab or InputKind.Grub)
                {
                    throw new ArgumentException("convert reads domain configs; use 'show' for fstab and GRUB menus");
                }

                return result.GetValue(to) switch
                {
                    "json" => WriteJson(input, variables, stdout),
                    "yaml" => WriteYaml(input, variables, stdout, stderr),
                    _ => WriteXl(input, variables, stdout, stderr),
                };
            });
        });
        return command;
    }

    private static int WriteXl(CliInput input, IReadOnlyDictionary<string, string> variables, TextWriter stdout, TextWriter stderr)
    {
        var source = input.ReadDomainConfig(variables);
        DiagnosticFormatter.Write(stderr, source.Diagnostics);

        // An xl file is printed as it is even with errors (it is the file); a failed xm conversion has no text to print.
        if (source.Evaluation is null || !source.HasErrors)
        {
            stdout.Write(source.Document.ToString());
        }

        return source.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static int WriteJson(CliInput input, IReadOnlyDictionary<string, string> variables, TextWriter stdout)
    {
        var (json, hasErrors) = ShowCommand.Render(input, variables);
        stdout.WriteLine(json);
        return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static int WriteYaml(CliInput input, IReadOnlyDictionary<string, string> variables, TextWriter stdout, TextWriter stderr)
    {
        var source = input.ReadDomainConfig(variables);
        if (source.HasErrors)
        {
            DiagnosticFormatter.Write(stderr, source.Diagnostics);
            return ExitCodes.Errors;
        }

        if (source.Evaluation is not null)
        {
            DiagnosticFormatter.Write(stderr, source.Diagnostics);
        }

        stdout.Write(XenConfig.Yaml.DomainConfigYaml.Export(source.Document));
        return ExitCodes.Success;
    }

    /// <summary>A YAML VM definition to the xl config it defines (or its JSON/YAML projection).</summary>
    private static int ConvertDefinition(string path, string to, TextWriter stdout, TextWriter stderr)
    {
        var definition = XenConfig.Yaml.VmDefinition.Load(path);
        DiagnosticFormatter.Write(stderr, definition.Diagnostics);
        if (definition.HasErrors || definition.DomainConfig is not { } document)
        {
            return ExitCodes.Errors;
        }

        var input = new CliInput(path, document.Text.WithContent(document.ToString()), InputKind.Xl);
        switch (to)
        {
            case "json":
                stdout.WriteLine(ShowCommand.Render(input).Json);
                break;
            case "yaml":
                stdout.Write(XenConfig.Yaml.DomainConfigYaml.Export(document));
                break;
            default:
                stdout.Write(document.ToString());
                break;
        }

        return ExitCodes.Success;
    }

    private static Dictionary<string, string> ParseVariables(string[] assignments)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--set takes VAR=VALUE, not '{assignment}'");
            }

            variables[assignment[..equals]] = assignment[(equals + 1)..];
        }

        return variables;
    }
}
