using System.CommandLine;
using System.Text;
using System.Text.Json;
using XenConfig.Domain;
using XenConfig.Fstab;

namespace XenConfig.Cli;

/// <summary><c>xenconfig show FILE [--kind] [--format json|yaml]</c>: the parsed file in the stable JSON contract.</summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommonOptions.File();
        var kind = CommonOptions.Kind();
        CommonOptions.AcceptKinds(kind);
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "yaml");
        var command = new Command("show", "Print a domain config, fstab or GRUB menu as parsed: settings, typed model and diagnostics.\n\nExample: xenconfig show /etc/xen/web01.cfg")
        {
            file, kind, format,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            return CliErrors.Guard(stderr, path, () =>
            {
                var input = CliInput.Load(path, CliInput.ParseKind(result.GetValue(kind)));
                var json = Render(input);
                stdout.Write(result.GetValue(format) == "yaml" ? XenConfig.Yaml.JsonToYaml.Convert(json) : json);
                stdout.WriteLine();
                return HasErrors(input) ? ExitCodes.Errors : ExitCodes.Success;
            });
        });
        return command;
    }

    public static string Render(CliInput input, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DomainConfigJson.WriterOptions))
        {
            switch (input.Kind)
            {
                case InputKind.Fstab:
                    FstabJson.Write(writer, FstabDocument.Parse(input.Text));
                    break;
                case InputKind.Grub:
                    GrubOutput.Write(writer, input);
                    break;
                default:
                    DomainOutput.Write(writer, input, variables);
                    break;
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool HasErrors(CliInput input) => input.Kind switch
    {
        InputKind.Fstab => FstabDocument.Parse(input.Text).HasErrors,
        InputKind.Grub => GrubOutput.HasErrors(input),
        _ => DomainOutput.HasErrors(input),
    };
}
