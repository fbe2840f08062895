using System.CommandLine;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Fstab.Model;
using XenConfig.Fstab;
using XenConfig.Text;

namespace XenConfig.Cli;

/// <summary>
/// <c>xenconfig set FILE KEY VALUE [--check] [--diff]</c>: changes one value in place; only its bytes change; the write
/// is atomic. Prints <c>changed</c> or <c>unchanged</c> (with <c>--check</c>: <c>would change</c> or <c>unchanged</c>)
/// as the last line on stdout, so a configuration tool can tell whether it acted (Ansible's <c>changed_when</c>).
/// </summary>
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
        var check = new Option<bool>("--check") { Description = "Change nothing: print 'unchanged' and exit 0 when the value is already that, else print 'would change' and exit 1." };
        var diff = new Option<bool>("--diff") { Description = "Print the change as a unified diff (before 'changed'; with --check, of what would change)." };
        var command = new Command("set", "Change one value in place, keeping every other byte; the file is replaced atomically. Prints 'changed' or 'unchanged' on stdout (exit 0 either way).\n\nExample: xenconfig set web01.cfg memory 2048\n         xenconfig set --check web01.cfg memory 2048   (exit 1: would change)")
        {
            file, key, value, kind, check, diff,
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
                        var document = input.ReadDomainConfig().Document;
                        if (document.HasErrors)
                        {
                            DiagnosticFormatter.Write(stderr, document.Diagnostics.Where(d => d.IsError));
                            return ExitCodes.Errors;
                        }

                        document.Set(selector, ParseDomainValue(newValue));
                        updated = document.ToString();
                        break;
                }

                var changed = !string.Equals(updated, input.Text.Content, StringComparison.Ordinal);
                if (result.GetValue(diff))
                {
                    stdout.Write(UnifiedDiff.Create(input.Text.Content, updated, path));
                }

                if (result.GetValue(check))
                {
                    stdout.WriteLine(changed ? "would change" : "unchanged");
                    return changed ? ExitCodes.Errors : ExitCodes.Success;
                }

                if (changed)
                {
                    AtomicFile.WriteAllBytes(path, input.Text.GetBytes(updated));
                }

                stdout.WriteLine(changed ? "changed" : "unchanged");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>
    /// An xl literal (<c>1024</c>, <c>'x'</c>, <c>[ 'a' ]</c>) as written; other text (<c>4-7</c>, <c>hello</c>) is a
    /// plain string. Text that starts like a literal and carries more (<c>1;name='x'</c>, <c>1024 # c</c>) is refused
    /// rather than cut short.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds more than one value, or a quoted/list literal that is not valid.</exception>
    public static SettingValue ParseDomainValue(string text)
    {
        if (SettingValue.TryParse(text, out var literal))
        {
            return literal;
        }

        var trimmed = text.TrimStart();
        var meantAsLiteral = trimmed.Length > 0 && (trimmed[0] is '\'' or '"' or '[' || (char.IsAsciiDigit(trimmed[0]) && trimmed.AsSpan().IndexOfAny(';', '#') >= 0));
        if (!meantAsLiteral)
        {
            return SettingValue.String(text);
        }

        try
        {
            return SettingValue.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(exception.Message, nameof(text), exception);
        }
    }
}
