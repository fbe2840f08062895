using System.CommandLine;

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

    public static void AcceptKinds(Option<string?> kind) => kind.AcceptOnlyFromAmong("xl", "xm", "fstab", "grub", "grub2");
}
