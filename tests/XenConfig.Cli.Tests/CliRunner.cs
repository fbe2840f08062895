namespace XenConfig.Cli.Tests;

/// <summary>Runs the xenconfig command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs with an empty environment, so a test's output does not depend on where it runs (GITHUB_ACTIONS).</summary>
    public static Result Run(params string[] args) => RunWithEnvironment(new Dictionary<string, string>(), args);

    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = XenConfigApp.Run(args, stdout, stderr, environment: name => environment.GetValueOrDefault(name));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
