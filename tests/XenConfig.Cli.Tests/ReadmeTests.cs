using System.Text.RegularExpressions;
using XenConfig.Devices;
using XenConfig.Domain.Model;
using XenConfig.Testing;
using XenConfig.Validation;

namespace XenConfig.Cli.Tests;

/// <summary>The README's command lines and code run as written.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryPaths.InRepository("README.md"));

    private static IEnumerable<string> ShellLines() =>
        CodeBlockPattern().Matches(Readme).Where(m => m.Groups["language"].Value == "sh")
            .SelectMany(m => m.Groups["text"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public static TheoryData<string> QuickStartCommands =>
        [.. ShellLines().Where(l => l.StartsWith("dotnet run --project src/XenConfig.Cli -- ", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(QuickStartCommands))]
    public void The_quick_start_command_exits_0(string line)
    {
        var args = line["dotnet run --project src/XenConfig.Cli -- ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.StartsWith("examples/", StringComparison.Ordinal) ? RepositoryPaths.InRepository(a) : a).ToArray();

        var result = CliRunner.Run(args);

        Assert.True(result.ExitCode == 0, $"'{line}' exited {result.ExitCode}:\n{result.Stdout}{result.Stderr}");
    }

    [Fact]
    public void The_example_command_lines_run_in_order_on_a_copy_of_the_examples_with_the_exit_codes_and_results_they_name()
    {
        var lines = ShellLines().Where(l => l.StartsWith("xenconfig ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 5, "the README shows example command lines");
        using var folder = new TempFolder();
        Copy(RepositoryPaths.InRepository("examples"), Path.Combine(folder.Path, "examples"));

        foreach (var line in lines)
        {
            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            var note = comment < 0 ? "" : line[(comment + 2)..];
            var args = (comment < 0 ? line : line[..comment]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(a => a.StartsWith("examples/", StringComparison.Ordinal) ? Path.Combine(folder.Path, a) : a).ToArray();
            var expectedExit = ExitPattern().Match(note) is { Success: true } exit ? int.Parse(exit.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

            var result = CliRunner.Run(args);

            Assert.True(result.ExitCode == expectedExit, $"'{line}' exited {result.ExitCode}, not {expectedExit}:\n{result.Stdout}{result.Stderr}");
            if (PrintsPattern().Match(note) is { Success: true } prints)
            {
                Assert.Equal(prints.Groups["text"].Value, result.Stdout.TrimEnd('\n').Split('\n')[^1]);
            }
        }

        Assert.Equal(
            File.ReadAllText(RepositoryPaths.InRepository("examples", "guests", "web01", "fstab")),
            File.ReadAllText(Path.Combine(folder.Path, "examples", "guests", "web01", "fstab")));
    }

    [Fact]
    public void The_native_publish_command_yields_a_binary_named_xenconfig()
    {
        var publish = Assert.Single(Regex.Matches(Readme, @"`(dotnet publish [^`]+)`").Select(m => m.Groups[1].Value));
        var project = File.ReadAllText(RepositoryPaths.InRepository("src", "XenConfig.Cli", "XenConfig.Cli.csproj"));

        Assert.StartsWith("dotnet publish src/XenConfig.Cli ", publish, StringComparison.Ordinal);
        Assert.Contains("-p:PublishAot=true", publish, StringComparison.Ordinal);
        Assert.Matches(@"(`xenconfig`|\bxenconfig\b) into the publish folder", Readme);
        // AOT names the binary after the assembly: either the assembly is xenconfig, or the project renames it after publishing.
        Assert.True(
            project.Contains("<AssemblyName>xenconfig</AssemblyName>", StringComparison.Ordinal) ||
            (project.Contains("AfterTargets=\"Publish\"", StringComparison.Ordinal) && project.Contains("DestinationFiles=\"$(PublishDir)xenconfig\"", StringComparison.Ordinal)),
            "dotnet publish -p:PublishAot=true of src/XenConfig.Cli must write PublishDir/xenconfig, as the README says");
    }

    [Fact]
    public void The_code_first_example_in_the_readme_is_the_code_this_test_runs()
    {
        var source = File.ReadAllText(RepositoryPaths.InRepository("tests", "XenConfig.Cli.Tests", "ReadmeTests.cs"));
        // The markers are built here so that only the comments in the test below match them.
        var begin = "// README " + "begin\n";
        var end = "        // README " + "end";
        var region = source[(source.IndexOf(begin, StringComparison.Ordinal) + begin.Length)..source.IndexOf(end, StringComparison.Ordinal)];
        var code = string.Join('\n', region.Split('\n').Select(l => l.StartsWith("            ", StringComparison.Ordinal) ? l[12..] : l));
        var block = CodeBlockPattern().Matches(Readme).Select(m => m.Groups["text"].Value).Single(t => t.Contains("DomainConfig.Create(", StringComparison.Ordinal));
        var usings = block.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();

        Assert.Equal(code.TrimEnd(), string.Join('\n', block.Split('\n').Skip(usings.Count + 1)).TrimEnd());
        Assert.All(usings, u => Assert.Contains(u, source, StringComparison.Ordinal));
    }

    [Fact]
    public void The_code_first_example_builds_a_valid_config()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "web02.cfg");
        using var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // README begin
            var config = DomainConfig.Create("web02");                       // name = "web02", nothing else
            config.Type = GuestType.Pvh;
            config.Kernel = "/boot/guests/vmlinuz-6.1.0-28-amd64";
            config.Root = "/dev/xvda1 ro";
            config.Memory = 2048;
            config.Vcpus = 2;
            config.AddDisk(new DiskSpec { Target = "/dev/vg0/web02-root", Vdev = "xvda1", Access = DiskAccess.ReadWrite });
            config.AddVif(new VifSpec { Mac = MacAddress.Parse("00:16:3e:1a:00:02"), Bridge = "xenbr0" });
            config.OnCrashAction = DomainEventAction.CoredumpRestart;    // on_crash = "coredump-restart"
            config.Save(path);                                               // temp file + rename

            // Every check of a guest (root= device, fstab against disks, menu.lst), without choosing rule sets:
            var guest = new Guest(config, fstab: null, menu: null);
            var checks = new GuestValidator().Validate(guest);
            Console.WriteLine(checks.IsValidAt() ? "ok" : string.Join("\n", checks.ToDiagnostics()));  // infos do not fail
        // README end
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal("ok\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(0, CliRunner.Run("validate", path).ExitCode);
        Assert.Equal("format=raw, vdev=xvda1, access=rw, target=/dev/vg0/web02-root", DomainConfig.Load(path).DiskSpecs.Single());
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<text>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlockPattern();

    [GeneratedRegex(@"\bexit (?<code>\d)")]
    private static partial Regex ExitPattern();

    [GeneratedRegex("prints \"(?<text>[^\"]*)\"")]
    private static partial Regex PrintsPattern();
}
