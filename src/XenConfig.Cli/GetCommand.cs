using System.CommandLine;
using System.Text.Json;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Domain.Json;
using XenConfig.Domain;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;
using XenConfig.Text;

namespace XenConfig.Cli;

/// <summary><c>xenconfig get FILE KEY</c>: prints one effective value.</summary>
internal static class GetCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommonOptions.File();
        var key = new Argument<string>("KEY")
        {
            Description = "A domain config key (memory), an fstab selector (/var/lib/mysql.options) or a GRUB selector (default, entries[0].kernel.args.dom0_mem).",
        };
        var kind = CommonOptions.Kind();
        CommonOptions.AcceptKinds(kind);
        var command = new Command("get", "Print one effective value: a string as it is, a list as JSON.\n\nExample: xenconfig get web01.cfg memory")
        {
            file, key, kind,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            return CliErrors.Guard(stderr, path, () =>
            {
                var input = CliInput.Load(path, CliInput.ParseKind(result.GetValue(kind)));
                var selector = result.GetValue(key)!;
                var value = input.Kind switch
                {
                    InputKind.Fstab => FstabSelector.Get(FstabFile.FromDocument(FstabDocument.Parse(input.Text)), selector),
                    InputKind.Grub => GrubOutput.Get(input, selector),
                    InputKind.Grub2 => GrubOutput.GetGrub2(input, selector),
                    _ => GetDomainValue(input.ReadDomainConfig().Document, selector),
                };
                if (value is null)
                {
                    stderr.WriteLine($"{path}: error {DiagnosticIds.NothingSelected.Id}: '{selector}' is not set");
                    return ExitCodes.Errors;
                }

                stdout.WriteLine(value);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static string? GetDomainValue(DomainConfigDocument document, string key)
    {
        if (document.GetValue(key) is not { } value)
        {
            return null;
        }

        if (!value.IsList)
        {
            return value.Text;
        }

        return JsonText.Write(
            new JsonWriterOptions { MaxDepth = DomainConfigJson.WriterOptions.MaxDepth },
            writer => DomainConfigJson.WriteValue(writer, value));
    }
}
