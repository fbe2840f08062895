using System.CommandLine;
using XenConfig.Validation.Discovery;

namespace XenConfig.Cli;

/// <summary><c>xenconfig validate [PATH...]</c>: discovers the guests of a VM repository and checks them.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to validate (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Find the domain configs, fstabs and GRUB menus under PATH, group them into guests and check them.\n\nExample: xenconfig validate examples/")
        {
            paths,
        };
        command.SetAction(parseResult =>
        {
            var targets = parseResult.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            return Run(targets, stdout, stderr);
        });
        return command;
    }

    private static int Run(IReadOnlyList<string> targets, TextWriter stdout, TextWriter stderr)
    {
        RepositoryScan scan;
        try
        {
            scan = RepositoryScanner.Scan(targets);
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

        foreach (var guest in scan.Guests)
        {
            var parts = new List<string> { Path.GetFileName(guest.DomainConfig) };
            if (guest.Fstab is not null)
            {
                parts.Add($"fstab {Path.GetFileName(guest.Fstab)}");
            }

            if (guest.Menu is not null)
            {
                parts.Add($"menu {Path.GetFileName(guest.Menu)}");
            }

            stdout.WriteLine($"guest {guest.Name}: {string.Join(", ", parts)} ({Path.GetDirectoryName(guest.DomainConfig)})");
        }

        foreach (var menu in scan.HostMenus)
        {
            stdout.WriteLine($"host menu: {menu}");
        }

        foreach (var definition in scan.VmDefinitions)
        {
            stdout.WriteLine($"vm definition: {definition}");
        }

        foreach (var (path, kind) in scan.Other)
        {
            stdout.WriteLine($"{kind}: {path} (belongs to no guest)");
        }

        stdout.WriteLine($"{scan.Guests.Count} guests, {scan.HostMenus.Count} host menus, {scan.FileCount} files checked, {scan.Skipped.Count} skipped");
        return ExitCodes.Success;
    }
}
