using System.CommandLine;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Cli;

/// <summary><c>xenconfig fmt FILE... [--check]</c>: rewrites domain configs in the canonical layout.</summary>
internal static class FmtCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "Domain configs to format.", Arity = ArgumentArity.OneOrMore, CustomParser = CommonOptions.TokenValues };
        var check = new Option<bool>("--check") { Description = "Change nothing; exit 1 when a file would change." };
        var force = CommonOptions.Force();
        var command = new Command("fmt", "Rewrite domain configs in the canonical layout (LF, one statement per line, 'key = value', long lists one item per line). Values never change; CRLF, a BOM and uppercase keys are repaired. Files are replaced atomically, through symbolic links, keeping mode, owner and group; a file that changed since it was read, is read-only or has hard links is refused (exit 1, XC0013) unless --force.\n\nExample: xenconfig fmt --check /etc/xen/*.cfg")
        {
            files, check, force,
        };
        command.SetAction(result =>
        {
            var exit = ExitCodes.Success;
            foreach (var path in result.GetValue(files)!)
            {
                var code = CliErrors.Guard(stderr, path, () => FormatOne(path, result.GetValue(check), result.GetValue(force), stdout, stderr));
                exit = Math.Max(exit, code);
            }

            return exit;
        });
        return command;
    }

    private static int FormatOne(string path, bool check, bool force, TextWriter stdout, TextWriter stderr)
    {
        var input = CliInput.Load(path, forced: null);
        if (input.Kind is not InputKind.Xl)
        {
            stderr.WriteLine($"{path}: error {DiagnosticIds.CommandRefused.Id}: fmt formats xl domain configs; this file reads as {input.Kind.ToString().ToLowerInvariant()} (use 'convert --to xl' for xm configs)");
            return ExitCodes.UsageOrIo;
        }

        var document = input.ReadDomainConfig().Document;
        if (!DomainConfigFormatter.CanFormat(document))
        {
            DiagnosticFormatter.Write(stderr, document.Diagnostics.Where(d => d.IsError));
            stderr.WriteLine($"{path}: error {DiagnosticIds.NotFormattable.Id}: not formatted: the file has syntax errors that formatting cannot repair");
            return ExitCodes.Errors;
        }

        var formatted = DomainConfigFormatter.Format(document);
        if (string.Equals(formatted, document.SourceText.Content, StringComparison.Ordinal))
        {
            return ExitCodes.Success;
        }

        if (check)
        {
            stdout.WriteLine($"{path}: would be reformatted");
            return ExitCodes.Errors;
        }

        // The formatted text keeps the read's path, encoding and fingerprint, and is saved through the model's own Save.
        var model = DomainConfig.FromDocument(DomainConfigDocument.Parse(document.SourceText.WithContent(formatted), document.Options));
        model.Save(path, new AtomicFileOptions { ExpectedContent = input.Text.ReadFingerprint, Force = force });
        stdout.WriteLine($"{path}: formatted");
        return ExitCodes.Success;
    }
}
