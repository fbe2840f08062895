using System.CommandLine;
using System.Text.Json;
using System.Text;
using XenConfig.Domain.Json;
using XenConfig.Domain;
using XenConfig.Fstab.Json;
using XenConfig.Fstab;
using XenConfig.Grub.Grub2;
using XenConfig.Grub.Json;

namespace XenConfig.Cli;

/// <summary><c>xenconfig show FILE [--kind] [--format json|yaml]</c>: the parsed file in the stable JSON contract.</summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommonOptions.File();
        var kind = CommonOptions.Kind();
        CommonOptions.AcceptKinds(kind);
        var format = new Option<string>("--format")
        {
            Description = "Output format: json, yaml, or libxl (a domain config as xl builds it: the JSON of 'xl -N create'; exit 1 with xl's reasons on stderr when xl would refuse it).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "yaml", "libxl");
        var host = new Option<string>("--host")
        {
            Description = "With --format libxl: the Xen host's facts, e.g. cpus=16,nodes=8,memory=64G (the default).",
        };
        var command = new Command("show", "Print a domain config, fstab, GRUB menu or GRUB 2 grub.cfg as parsed: settings, typed model and diagnostics.\n\nExamples: xenconfig show /etc/xen/web01.cfg\n          xenconfig show /etc/xen/web01.cfg --format libxl --host cpus=16,nodes=8,memory=64G")
        {
            file, kind, format, host,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            return CliErrors.Guard(stderr, path, () =>
            {
                var input = CliInput.Load(path, CliInput.ParseKind(result.GetValue(kind)));
                if (result.GetValue(format) == "libxl")
                {
                    return LibxlOutput.Write(input, result.GetValue(host), stdout, stderr);
                }

                bool hasErrors;
                if (result.GetValue(format) == "yaml")
                {
                    using var json = new MemoryStream();
                    hasErrors = RenderTo(json, input);
                    stdout.Write(XenConfig.Yaml.JsonToYaml.Convert(Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length)));
                }
                else
                {
                    // Straight to the output as it is written: a copy of the whole JSON was most of the peak memory.
                    using var output = new TextWriterStream(stdout);
                    hasErrors = RenderTo(output, input);
                }

                stdout.WriteLine();
                return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>The JSON projection and whether the file has errors, from one parse (or one xm evaluation).</summary>
    public static (string Json, bool HasErrors) Render(CliInput input, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var stream = new MemoryStream();
        var hasErrors = RenderTo(stream, input, variables);
        return (Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length), hasErrors);
    }

    /// <summary>Writes the JSON projection as UTF-8 to <paramref name="stream"/>; true when the file has errors.</summary>
    public static bool RenderTo(Stream stream, CliInput input, IReadOnlyDictionary<string, string>? variables = null)
    {
        bool hasErrors;
        using (var writer = new Utf8JsonWriter(stream, DomainConfigJson.WriterOptions))
        {
            switch (input.Kind)
            {
                case InputKind.Fstab:
                    var fstab = FstabDocument.Parse(input.Text);
                    FstabJson.Write(writer, fstab);
                    hasErrors = fstab.HasErrors;
                    break;
                case InputKind.Grub:
                    hasErrors = GrubOutput.Write(writer, input);
                    break;
                case InputKind.Grub2:
                    Grub2ConfigJson.Write(writer, Grub2Config.Parse(input.Text));
                    hasErrors = false;
                    break;
                default:
                    hasErrors = DomainOutput.Write(writer, input, variables);
                    break;
            }
        }

        return hasErrors;
    }
}
