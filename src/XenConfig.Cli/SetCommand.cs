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
        var force = CommonOptions.Force();
        var check = new Option<bool>("--check") { Description = "Change nothing: print 'unchanged' and exit 0 when the value is already that, else print 'would change' and exit 1." };
        var diff = new Option<bool>("--diff") { Description = "Print the change as a unified diff (before 'changed'; with --check, of what would change)." };
        var command = new Command("set", "Change one value in place, keeping every other byte; the file is replaced atomically, through symbolic links, keeping its mode, owner and group. Prints 'changed' or 'unchanged' on stdout (exit 0 either way). A value that would change anything else, or that the file's encoding cannot hold, is refused (exit 1). The save is refused (exit 1, XC0013) when the file changed since it was read, is read-only or has hard links, unless --force.\n\nExample: xenconfig set web01.cfg memory 2048\n         xenconfig set --check web01.cfg memory 2048   (exit 1: would change)")
        {
            file, key, value, kind, check, diff, force,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            return CliErrors.Guard(stderr, path, () =>
            {
                var input = CliInput.Load(path, CliInput.ParseKind(result.GetValue(kind)));
                var selector = result.GetValue(key)!;
                var newValue = result.GetValue(value)!;
                if (input.Kind == InputKind.Xm)
                {
                    throw new ArgumentException("set edits xl configs; this is an xm (Python) config: convert it first with 'xenconfig convert FILE --to xl'");
                }

                if (input.Kind == InputKind.Grub2)
                {
                    throw new ArgumentException(GrubOutput.Grub2IsReadOnly);
                }

                Edited? edited;
                try
                {
                    edited = Apply(input, selector, newValue, stderr);
                }
                catch (ArgumentException exception)
                {
                    // A value the format cannot hold, or that would change something else: refused, nothing written.
                    var message = exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : exception.Message;
                    stderr.WriteLine($"{path}: error {DiagnosticIds.CommandRefused.Id}: {message}");
                    return ExitCodes.Errors;
                }

                if (edited is null)
                {
                    return ExitCodes.Errors;
                }

                var updated = edited.Text;
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
                    // Through the model's own Save: atomic, refused when the file changed since it was read.
                    edited.Save(path, new AtomicFileOptions { ExpectedContent = input.Text.ReadFingerprint, Force = result.GetValue(force) });
                }

                stdout.WriteLine(changed ? "changed" : "unchanged");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>An edited model: its new text, and its own <c>Save(path, options)</c>.</summary>
    private sealed record Edited(string Text, Action<string, AtomicFileOptions> Save);

    // The edited model, or null after printing the errors that stop an edit.
    private static Edited? Apply(CliInput input, string selector, string newValue, TextWriter stderr)
    {
        Edited edited;
        switch (input.Kind)
        {
            case InputKind.Fstab:
                var fstab = FstabFile.FromDocument(FstabDocument.Parse(input.Text));
                FstabSelector.Set(fstab, selector, newValue);
                edited = new Edited(fstab.ToString(), fstab.Save);
                break;
            case InputKind.Grub:
                var menu = GrubOutput.Set(input, selector, newValue);
                edited = new Edited(menu.ToString(), menu.Save);
                break;
            default:
                var config = input.ReadDomainConfig().ToModel();
                if (config.Document.HasErrors)
                {
                    DiagnosticFormatter.Write(stderr, config.Document.Diagnostics.Where(d => d.IsError));
                    return null;
                }

                config.Set(selector, ParseDomainValue(newValue));
                edited = new Edited(config.ToString(), config.Save);
                break;
        }

        input.Text.EnsureEncodable(edited.Text);
        return edited;
    }

    /// <summary>
    /// An xl literal (<c>1024</c>, <c>'x'</c>, <c>[ 'a' ]</c>) as written; other text (<c>4-7</c>, <c>hello</c>) is a
    /// plain string. Text that starts like a literal and carries more (<c>1;name='x'</c>, <c>1024 # c</c>, <c>1 2</c>) is refused
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
        var meantAsLiteral = trimmed.Length > 0 && (trimmed[0] is '\'' or '"' or '[' || (char.IsAsciiDigit(trimmed[0]) && trimmed.AsSpan().IndexOfAny(";# \t") >= 0));
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
