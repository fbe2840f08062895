using System.CommandLine;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Xm;

namespace XenConfig.Cli;

/// <summary>
/// <c>xenconfig convert FILE --to xl|yaml|json|libvirt [--set VAR=VALUE] [--into CFG]</c>: xm to xl, domain configs to
/// YAML, JSON or libvirt domain XML, and libvirt domain XML back to xl.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommonOptions.File();
        var to = new Option<string>("--to") { Description = "The output form.", Required = true };
        to.AcceptOnlyFromAmong("xl", "yaml", "json", "libvirt");
        var into = new Option<string?>("--into")
        {
            Description = "With a libvirt domain XML input and --to xl: apply the result to this existing xl config in place (only changed values are rewritten; comments and layout stay).",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "A variable for an xm config, as 'xm create FILE vmid=3' gave it (repeatable).",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = CommonOptions.TokenValues,
            DefaultValueFactory = CommonOptions.NoValues,
        };
        var kind = CommonOptions.Kind();
        kind.AcceptOnlyFromAmong("xl", "xm");
        var command = new Command("convert", "Convert a domain config: an xm (Python) config to an equivalent static xl config, any domain config to YAML, JSON or libvirt domain XML (as libvirt's xen-xl / xen-xm converters write it), or libvirt domain XML back to an xl config. The result goes to standard output; notes on what changed or did not convert go to standard error.\n\nExamples:\n  xenconfig convert /etc/xen/old-guest --to xl --set vmid=3 > guest.cfg\n  xenconfig convert /etc/xen/web01.cfg --to libvirt > web01.xml\n  xenconfig convert web01.xml --to xl --into /etc/xen/web01.cfg")
        {
            file, to, set, kind, into,
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

                var target = result.GetValue(into);
                if (IsDomainXml(path))
                {
                    return ConvertDomainXml(path, result.GetValue(to)!, target, stdout, stderr);
                }

                if (target is not null)
                {
                    throw new ArgumentException("--into applies a libvirt domain XML conversion to an xl config; the input is not domain XML");
                }

                var input = CliInput.Load(path, CliInput.ParseKind(result.GetValue(kind)));

                // Converting to xl means the input is xm: an xm file that also reads as xl (most do) still gets xm's
                // meaning and defaults (on_crash restart, builder linux), each reported. --kind xl takes it as xl.
                if (result.GetValue(to) == "xl" && result.GetValue(kind) is null && input.Kind == InputKind.Xl)
                {
                    input = CliInput.Load(path, InputKind.Xm);
                }

                if (input.Kind is InputKind.Fstab or InputKind.Grub or InputKind.Grub2)
                {
                    throw new ArgumentException("convert reads domain configs; use 'show' for fstab files, GRUB menus and GRUB 2 configs");
                }

                return result.GetValue(to) switch
                {
                    "json" => WriteJson(input, variables, stdout),
                    "yaml" => WriteYaml(input, variables, stdout, stderr),
                    "libvirt" => WriteLibvirt(input, variables, stdout, stderr),
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

    private static int WriteLibvirt(CliInput input, IReadOnlyDictionary<string, string> variables, TextWriter stdout, TextWriter stderr)
    {
        var source = input.ReadDomainConfig(variables);
        if (source.HasErrors)
        {
            DiagnosticFormatter.Write(stderr, source.Diagnostics);
            return ExitCodes.Errors;
        }

        // libvirt reads an xm config with its own xen-xm converter, from the evaluated values, not from the xl conversion.
        var conversion = source.Evaluation is { } evaluation
            ? XenConfig.Libvirt.LibvirtConverter.ToDomainXml(evaluation.Settings, XenConfig.Libvirt.LibvirtNativeFormat.XenXm, input.Path, evaluation.GetLocation)
            : XenConfig.Libvirt.LibvirtConverter.ToDomainXml(source.Document);
        DiagnosticFormatter.Write(stderr, conversion.Diagnostics);
        stdout.Write(conversion.Text);
        return conversion.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static bool IsDomainXml(string path)
    {
        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!File.Exists(path))
        {
            return false;
        }

        using var reader = new StreamReader(path);
        var start = new char[256];
        var read = reader.Read(start, 0, start.Length);
        return new string(start, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');
    }

    private static int ConvertDomainXml(string path, string to, string? into, TextWriter stdout, TextWriter stderr)
    {
        if (to != "xl")
        {
            throw new ArgumentException($"a libvirt domain XML converts to xl only, not to {to}");
        }

        var conversion = XenConfig.Libvirt.LibvirtConverter.FromDomainXml(File.ReadAllText(path), path);
        DiagnosticFormatter.Write(stderr, conversion.Diagnostics);
        if (conversion.HasErrors)
        {
            return ExitCodes.Errors;
        }

        if (into is null)
        {
            stdout.Write(conversion.ToConfigText());
            return ExitCodes.Success;
        }

        var config = DomainConfig.FromDocument(DomainConfigDocument.Load(into));
        if (config.Document.HasErrors)
        {
            DiagnosticFormatter.Write(stderr, config.Document.Diagnostics);
            return ExitCodes.Errors;
        }

        var changed = conversion.ApplyTo(config);
        config.Save();
        stderr.WriteLine(changed.Count == 0 ? $"{into}: unchanged" : $"{into}: changed {string.Join(", ", changed)}");
        return ExitCodes.Success;
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

        // Refused rather than warned: YAML that reads back as other settings defines another VM, and nothing would
        // notice until that VM is built from it.
        var lost = XenConfig.Yaml.DomainConfigYaml.FindRoundTripLosses(source.Document);
        if (lost.Count > 0)
        {
            var at = source.Dialect == DomainConfigDialect.Xl && source.Document.TryGetSetting(lost[0], out var setting)
                ? source.Document.SourceText.GetLocation(setting.LastAssignment.Key.Span)
                : source.SourceText.GetLocation(default);
            DiagnosticFormatter.Write(stderr, [DiagnosticIds.YamlConvertNotRoundTrip.Create(at,
                $"the YAML would not convert back to the same settings for {string.Join(", ", lost.Select(k => $"'{k}'"))}; nothing was written")]);
            return ExitCodes.Errors;
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

        var input = new CliInput(path, document.SourceText.WithContent(document.ToString()), InputKind.Xl);
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
