using System.Diagnostics;
using XenConfig.Testing;

namespace XenConfig.Cli.Tests;

/// <summary>
/// The native binary's start-up prefault (src/XenConfig.Cli/Native): hydrated.ld and prefault.c linked, as the native
/// publish links them, into a probe (Native/hydrated_probe.c) whose .hydrated section has the size ILC emits for xenconfig
/// and whose code holds 4 MB that nothing runs (without the prefault, the kernel maps only the pages around those touched:
/// 16 KB to half of them, depending on how the page cache holds the file).
/// The published binary itself takes minutes to build, so the probe stands in for it.
/// </summary>
public sealed partial class NativePrefaultTests
{
    private const int SectionBytes = 2936016;
    private const int HugePage = 2 << 20;

    [SkippableFact]
    public void The_hydrated_section_lies_between_two_2_MB_margins_and_is_resident_before_main()
    {
        var report = RunProbe(withPrefault: true);

        Assert.Equal(SectionBytes, report.Section);
        Assert.True(report.MarginBefore >= HugePage, $"margin before .hydrated: {report.MarginBefore} bytes");
        Assert.True(report.MarginAfter >= HugePage, $"margin after .hydrated: {report.MarginAfter} bytes");
        Assert.Equal(report.Pages, report.Resident);
    }

    [SkippableFact]
    public void The_executables_code_is_mapped_whole_before_main()
    {
        var report = RunProbe(withPrefault: true);

        Assert.True(report.CodeKb >= 4096, $"code mappings: {report.CodeKb} KB");
        Assert.Equal(report.CodeKb, report.CodeMappedKb);
    }

    [SkippableFact]
    public void Without_the_prefault_no_page_of_the_section_is_resident_before_main()
    {
        var report = RunProbe(withPrefault: false);

        Assert.Equal(SectionBytes, report.Section);
        Assert.Equal(0, report.Resident);
    }

    private sealed record Report(int Section, int MarginBefore, int MarginAfter, int Resident, int Pages, int CodeMappedKb, int CodeKb);

    private static Report RunProbe(bool withPrefault)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the native publish links the prefault on Linux only");
        using var folder = new TempFolder();
        var native = RepositoryPaths.InRepository("src", "XenConfig.Cli", "Native");
        var probe = Path.Combine(folder.Path, "probe");
        string[] sources = withPrefault
            ? [RepositoryPaths.InRepository("tests", "XenConfig.Cli.Tests", "Native", "hydrated_probe.c"), Path.Combine(native, "prefault.c")]
            : [RepositoryPaths.InRepository("tests", "XenConfig.Cli.Tests", "Native", "hydrated_probe.c")];
        var (compiled, errors) = Run("gcc", ["-O2", "-Wall", "-Werror", "-o", probe, .. sources, "-Wl,-T," + Path.Combine(native, "hydrated.ld")]);
        Oracles.Require(compiled is not null, "gcc (the native publish's compiler) " + errors);
        Assert.True(compiled == 0, "gcc failed: " + errors);

        var (exit, output) = Run(probe, []);
        Assert.Equal(0, exit);
        var match = ReportPattern().Match(output ?? string.Empty);
        Assert.True(match.Success, "probe output: " + output);
        int Group(string name) => int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new Report(Group("section"), Group("before"), Group("after"), Group("resident"), Group("pages"), Group("mapped"), Group("code"));
    }

    /// <summary>Runs a program; its exit code (null when it cannot be started) and its standard output, or error when it failed.</summary>
    private static (int? Exit, string? Output) Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, process.ExitCode == 0 ? output.Result : error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, e.Message);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^section (?<section>\d+), margin before (?<before>\d+), margin after (?<after>\d+), resident (?<resident>\d+) of (?<pages>\d+) pages\ncode mapped (?<mapped>\d+) of (?<code>\d+) KB$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ReportPattern();
}
