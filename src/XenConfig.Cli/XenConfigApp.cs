using System.CommandLine;
using System.CommandLine.Help;
using XenConfig.Diagnostics;

namespace XenConfig.Cli;

/// <summary>The <c>xenconfig</c> command tree. Output goes to the writers given, so tests run it in-process.</summary>
internal static class XenConfigApp
{
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="interactive">Whether standard error is a terminal (progress lines).</param>
    /// <param name="environment">Environment variables (GITHUB_ACTIONS); the process environment when null.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        // Named "xenconfig", the installed tool's command, not after the executable (RootCommand's name): help and
        // usage lines say what a user types whether the tool runs as XenConfig.Cli.dll, a native binary or a test host.
        var root = new Command("xenconfig", "xenconfig: validate, show and edit Xen domain configs, GRUB menus and fstab files.");

        (string Name, Func<Command> Create)[] commands =
        [
            ("validate", () => ValidateCommand.Create(stdout, stderr, interactive, environment)),
            ("show", () => ShowCommand.Create(stdout, stderr)),
            ("get", () => GetCommand.Create(stdout, stderr)),
            ("set", () => SetCommand.Create(stdout, stderr)),
            ("fmt", () => FmtCommand.Create(stdout, stderr)),
            ("convert", () => ConvertCommand.Create(stdout, stderr)),
        ];

        // Only the command that runs is built when the first argument names one: building the whole tree was a
        // measurable part of a one-file run. Anything else (help, a typo) gets every command, for help and suggestions.
        var named = args.Length > 0 && Array.Exists(commands, c => c.Name == args[0]);

        // --help and --version take their descriptions from System.CommandLine's resources, and creating its
        // ResourceManager was a measurable part of a one-guest run. When a command is named they are left out unless
        // a token could name them (or bundle or delimit them: -h?, --help:x): without one neither could match, and
        // parsing is the same.
        if (!named || Array.Exists(args, MayNameHelpOrVersion))
        {
            root.Options.Add(new HelpOption());
            root.Options.Add(new VersionOption());
        }

        foreach (var (name, create) in commands)
        {
            if (!named || name == args[0])
            {
                root.Subcommands.Add(create());
            }
        }

        // No response files: a value such as '@NAME@' (a template placeholder get prints) is a value, not a file to
        // read arguments from.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"xenconfig: error {DiagnosticIds.CommandRefused.Id}: {error.Message}");
            }

            stderr.WriteLine("Run 'xenconfig --help' for usage.");
            return ExitCodes.UsageOrIo;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IOException exception)
        {
            // Commands handle their own input; what reaches here is the output failing (validate > /dev/full).
            try
            {
                stderr.WriteLine($"xenconfig: error XC0001: the output cannot be written ({exception.Message})");
            }
            catch (IOException)
            {
                // stderr is gone too: the exit code is all that is left.
            }

            return ExitCodes.UsageOrIo;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A safety net: no input may end in a stack trace. Known failures (I/O, bad arguments) are handled by each command.
            stderr.WriteLine($"xenconfig: error {DiagnosticIds.InternalError.Id}: internal error ({exception.GetType().Name}: {exception.Message}); please report the input");
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>Whether a token may be, bundle or delimit an alias of --help (-h, /h, -?, /?) or of --version.</summary>
    private static bool MayNameHelpOrVersion(string token) =>
        token.StartsWith('-')
            ? token.Contains('h') || token.Contains('?') || token.Contains("version", StringComparison.Ordinal)
            : token.StartsWith("/h", StringComparison.Ordinal) || token.StartsWith("/?", StringComparison.Ordinal);
}
