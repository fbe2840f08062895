namespace XenConfig.Cli;

/// <summary>The exit codes of every command (docs/json.md).</summary>
internal static class ExitCodes
{
    /// <summary>Clean: no errors (warnings allowed unless --warnaserror).</summary>
    public const int Success = 0;

    /// <summary>The input has errors, or (fmt --check) a file would change.</summary>
    public const int Errors = 1;

    /// <summary>Bad usage or an I/O problem.</summary>
    public const int UsageOrIo = 2;
}
