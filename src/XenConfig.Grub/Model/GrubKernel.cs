using XenConfig.Boot;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Model;

/// <summary>
/// The <c>kernel [--type=T] [--no-mem-option] FILE [ARGS]</c> line of an entry. For a Xen entry FILE is the hypervisor
/// and ARGS its options; for Linux, ARGS is the kernel command line.
/// </summary>
public sealed class GrubKernel
{
    internal GrubKernel(GrubLine line)
    {
        Line = line;
        var text = line.Argument;
        var options = new List<string>();
        var position = 0;
        while (true)
        {
            if (string.CompareOrdinal(text, position, "--type=", 0, 7) == 0 || string.CompareOrdinal(text, position, "--no-mem-option", 0, 15) == 0)
            {
                var (option, next) = GrubText.SplitWord(text, position);
                options.Add(option);
                position = next;
                continue;
            }

            break;
        }

        Options = options;
        Type = options.LastOrDefault(o => o.StartsWith("--type=", StringComparison.Ordinal))?[7..];
        var (path, rest) = GrubText.SplitWord(text, position);
        Path = path;
        ArgumentsStart = rest;
        ArgumentsText = rest < text.Length ? text[rest..] : null;
        Arguments = KernelCommandLine.Parse(ArgumentsText ?? string.Empty);
    }

    /// <summary>The image file as written, device prefix included.</summary>
    public string Path { get; }

    /// <summary>Options before the file (<c>--type=multiboot</c>, <c>--no-mem-option</c>), in order.</summary>
    public IReadOnlyList<string> Options { get; }

    /// <summary>The value of <c>--type=</c> (<c>linux</c>, <c>multiboot</c>, ...), or null.</summary>
    public string? Type { get; }

    /// <summary>The rest of the line after the file (trailing blanks kept, as GRUB passes them), or null when there is none.</summary>
    public string? ArgumentsText { get; }

    /// <summary>The arguments as a command line.</summary>
    public KernelCommandLine Arguments { get; }

    /// <summary>The <c>kernel</c> line.</summary>
    public GrubLine Line { get; }

    internal int ArgumentsStart { get; }

    /// <inheritdoc />
    public override string ToString() => Line.Argument;
}
