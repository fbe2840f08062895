using XenConfig.Boot;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Model;

/// <summary>
/// A multiboot module (<c>module FILE ARGS</c>, <c>modulenounzip</c>, GRUB 2 <c>module2 --nounzip FILE</c>): for Xen,
/// the first is the dom0 kernel with its command line, the second its initrd.
/// </summary>
public sealed class GrubModule
{
    // Made when first read: most readers of a menu never ask for a module's command line.
    private KernelCommandLine? _arguments;

    internal GrubModule(string path, string? argumentsText, bool noUnzip, GrubLine? line, int argumentsStart)
    {
        Path = path;
        ArgumentsText = string.IsNullOrEmpty(argumentsText) ? null : argumentsText;
        NoUnzip = noUnzip;
        Line = line;
        ArgumentsStart = argumentsStart;
    }

    /// <summary>The module file as written, device prefix included (<c>/boot/vmlinuz-6.1</c>, <c>(hd0,0)/initrd.img</c>).</summary>
    public string Path { get; }

    /// <summary>The rest of the line after the path, or null when there is none.</summary>
    public string? ArgumentsText { get; }

    /// <summary>The arguments as a command line (for the dom0 kernel module: dom0's command line).</summary>
    public KernelCommandLine Arguments => _arguments ??= KernelCommandLine.Parse(ArgumentsText ?? string.Empty);

    /// <summary>True for <c>modulenounzip</c> or <c>--nounzip</c>: GRUB hands the file over still compressed.</summary>
    public bool NoUnzip { get; }

    /// <summary>The menu.lst line of the module (null for GRUB 2).</summary>
    internal GrubLine? Line { get; }

    /// <summary>Where the arguments start inside the line's argument text.</summary>
    internal int ArgumentsStart { get; }

    /// <inheritdoc />
    public override string ToString() => ArgumentsText is null ? Path : Path + " " + ArgumentsText;
}
