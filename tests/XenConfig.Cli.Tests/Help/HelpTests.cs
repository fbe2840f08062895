using System.Text.RegularExpressions;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests.Help;

/// <summary>
/// The help text of <c>xenconfig</c> and of each of its commands, compared with the approved text checked in under
/// <c>Help/Approvals/</c> (System.CommandLine's own approach). The help is the CLI's contract with its users: a changed
/// option, description or default fails here until the approved file is updated (run with
/// <c>XENCONFIG_APPROVE_API=1</c> to write the new text, then review the diff).
/// </summary>
public sealed partial class HelpTests
{
    private static string ApprovedFolder => RepositoryPaths.InRepository("tests", "XenConfig.Cli.Tests", "Help", "Approvals");

    /// <summary>The root and every command the root's help lists, so a new command is covered without a list to update.</summary>
    public static TheoryData<string> Commands() => new(CommandNames());

    private static List<string> CommandNames() => ["xenconfig", .. ListedCommands(Help([]))];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_matches_the_approved_text(string command)
    {
        var help = Help(command == "xenconfig" ? [] : [command]);
        var approvedPath = Path.Combine(ApprovedFolder, command + ".approved.txt");

        if (Environment.GetEnvironmentVariable("XENCONFIG_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, help);
        }

        Assert.True(File.Exists(approvedPath), $"No approved help for '{command}'; run with XENCONFIG_APPROVE_API=1 to create {approvedPath}");
        Assert.Equal(File.ReadAllText(approvedPath), help);
    }

    [Fact]
    public void The_root_help_lists_the_commands_the_readme_documents()
    {
        Assert.Equal(["convert", "fmt", "get", "set", "show", "validate"], ListedCommands(Help([])).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_approved_file_belongs_to_a_command()
    {
        var commands = CommandNames().ToHashSet(StringComparer.Ordinal);
        Assert.All(Directory.EnumerateFiles(ApprovedFolder, "*.approved.txt"), file =>
            Assert.Contains(Path.GetFileName(file)[..^".approved.txt".Length], commands));
    }

    [Fact]
    public void The_usage_line_names_the_tool_command_not_the_running_executable()
    {
        // Run here by the test host, installed as XenConfig.Cli.dll: the user types "xenconfig" either way.
        Assert.Contains("\nUsage:\n  xenconfig [command] [options]\n", Help([]), StringComparison.Ordinal);
        Assert.Contains("\nUsage:\n  xenconfig validate [<PATH>...] [options]\n", Help(["validate"]), StringComparison.Ordinal);
    }

    /// <summary><c>--help</c> output as printed (no rewriting), exit code checked.</summary>
    private static string Help(string[] command)
    {
        var result = CliRunner.Run([.. command, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        return result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static List<string> ListedCommands(string rootHelp)
    {
        var section = rootHelp[(rootHelp.IndexOf("Commands:", StringComparison.Ordinal) + "Commands:".Length)..];
        return [.. CommandLine().Matches(section).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"(?m)^  ([a-z][a-z0-9-]*)\b")]
    private static partial Regex CommandLine();
}
