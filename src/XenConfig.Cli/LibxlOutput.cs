using XenConfig.Diagnostics;
using XenConfig.Libxl;

namespace XenConfig.Cli;

/// <summary><c>show --format libxl</c>: what xl builds from a domain config (the JSON of <c>xl -N create</c>), or why it refuses it.</summary>
internal static class LibxlOutput
{
    public static int Write(CliInput input, string? hostText, TextWriter stdout, TextWriter stderr)
    {
        if (input.Kind is InputKind.Fstab or InputKind.Grub or InputKind.Grub2)
        {
            stderr.WriteLine($"{input.Path}: error {DiagnosticIds.CommandRefused.Id}: --format libxl shows domain configs only");
            return ExitCodes.UsageOrIo;
        }

        LibxlHost host;
        try
        {
            host = hostText is null ? LibxlHost.Default : LibxlHost.Parse(hostText);
        }
        catch (FormatException exception)
        {
            stderr.WriteLine($"error {DiagnosticIds.CommandRefused.Id}: --host: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }

        // An xm config means what its xl conversion means.
        var result = LibxlDomainConfig.Build(input.ReadDomainConfig().ToModel(), host);
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        if (result.Config is null)
        {
            return ExitCodes.Errors;
        }

        stdout.WriteLine(result.Config.ToJson());
        return ExitCodes.Success;
    }
}
