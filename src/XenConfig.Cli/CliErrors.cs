using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Cli;

/// <summary>
/// Runs a command body and turns I/O failures into the usage/IO exit code with a one-line message; a refused save
/// (XC0013) is exit 1.
/// </summary>
internal static class CliErrors
{
    public static int Guard(TextWriter stderr, string path, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (SaveRefusedException exception)
        {
            stderr.WriteLine($"{path}: error {DiagnosticIds.SaveRefused.Id}: {exception.Message}");
            return ExitCodes.Errors;
        }
        catch (FileNotFoundException)
        {
            stderr.WriteLine($"{path}: error XC0001: no such file");
            return ExitCodes.UsageOrIo;
        }
        catch (DirectoryNotFoundException)
        {
            stderr.WriteLine($"{path}: error XC0001: no such file or folder");
            return ExitCodes.UsageOrIo;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(Directory.Exists(path)
                ? $"{path}: error XC0001: this is a folder; the command reads one file (validate reads folders)"
                : $"{path}: error XC0001: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (ArgumentException exception)
        {
            stderr.WriteLine($"{path}: error {DiagnosticIds.CommandRefused.Id}: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}
