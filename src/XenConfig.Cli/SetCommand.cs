using System.CommandLine;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;
using XenConfig.Text;

namespace XenConfig.Cli;

/// <summary><c>xenconfig set FILE KEY VALUE</c>: changes one value in place; only its bytes change; the write is atomic.</summary>
internal static class SetCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommonOptions.File();
        var key = new Argument<string>("KEY") { Description = "What to change (as for 'get')." };
        var value = new Argument<string>("VALUE")
        {
            Description = "The new value. For domain configs an xl literal (1024, 'text', ['a','b']) is taken as written; anything else is a string.",
        };
        var kind = CommonOptions.Kind();
        CommonOptions.AcceptKinds(kind);
        var command = new Command("set", "Change one value in place, keeping every other byte; the file is replaced atomically.\n\nExample: xenconfig set web01.cfg memory 2048")
        {
            file, key, value, kind,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            return CliErrors.Guard(stderr, path, () =>
            {
                var input = CliInput.Load(path, CliInput.ParseKind(result.GetValue(kind)));
                var selector = result.GetValue(key)!;
                var newValue = result.GetValue(value)!;
                string updated;
                switch (input.Kind)
                {
                    case InputKind.Fstab:
                        var fstab = FstabFile.FromDocument(FstabDocument.Parse(input.Text));
                        FstabSelector.Set(fstab, selector, newValue);
                        updated = fstab.ToString();
                        break;
                    case InputKind.Grub:
                        updated = GrubOutput.Set(input, selector, newValue);
                        break;
                    case InputKind.Xm:
                        throw new ArgumentException("set edits xl configs; this is an xm (Python) config: convert it first with 'xenconfig convert FILE --to xl'");
                    default:
                        var document = DomainConfigDocument.Parse(input.Text);
                        if (document.HasErrors)
                        {
                            DiagnosticFormatter.Write(stderr, document.Diagnostics.Where(d => d.IsError));
                            return ExitCodes.Errors;
                        }

                        document.Set(selector, ParseDomainValue(newValue));
                        updated = document.ToString();
                        break;
                }

                if (!string.Equals(updated, input.Text.Content, StringComparison.Ordinal))
                {
                    AtomicFile.WriteAllBytes(path, input.Text.GetBytes(updated));
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>An xl literal (<c>1024</c>, <c>'x'</c>, <c>[ 'a' ]</c>) as written; anything else as a plain string.</summary>
    public static SettingValue ParseDomainValue(string text)
    {
        var probe = DomainConfigDocument.Parse("v = " + text + "\n");
        return !probe.HasErrors && probe.GetValue("v") is { } literal ? literal : SettingValue.String(text);
    }
}
