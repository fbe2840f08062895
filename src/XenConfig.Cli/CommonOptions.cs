using System.CommandLine;
using System.CommandLine.Parsing;

namespace XenConfig.Cli;

/// <summary>Arguments and options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Kind() => new("--kind")
    {
        Description = "Read the file as this kind instead of detecting it from its name and content.",
    };

    public static Option<bool> Force() => new("--force")
    {
        Description = "Save even when the file changed since it was read, is read-only, or has hard links (a hard-linked file is then written in place, not atomically).",
    };

    public static Argument<string> File() => new("FILE") { Description = "The file to read." };

    /// <summary>
    /// The parser of every <c>string[]</c> argument and option: the tokens' values, as System.CommandLine's own conversion
    /// gives them. That conversion makes the array with <c>Array.CreateInstance</c>, which in the native build starts the
    /// reflection type loader (about 1.7% of a one-guest <c>validate</c>).
    /// </summary>
    public static string[] TokenValues(ArgumentResult result)
    {
        var tokens = result.Tokens;
        var values = new string[tokens.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = tokens[i].Value;
        }

        return values;
    }

    /// <summary>
    /// The value of every absent <c>string[]</c> argument and option: no values. Without it System.CommandLine makes the
    /// empty array with <c>Array.CreateInstance</c> too (1.6% of a one-guest <c>validate</c>, which gives no
    /// <c>--allow-outside</c>; a <c>validate</c> of the current folder gives no PATH either).
    /// </summary>
    public static string[] NoValues(ArgumentResult result) => [];

    public static void AcceptKinds(Option<string?> kind) => kind.AcceptOnlyFromAmong("xl", "xm", "fstab", "grub", "grub2");
}
