using XenConfig.Boot;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Model;

/// <summary>
/// The <c>kernel [--type=T] [--no-mem-option] FILE [ARGS]</c> line of an entry. For a Xen entry FILE is the hypervisor
/// and ARGS its options; for Linux, ARGS is the kernel command line.
/// </summary>
public sealed class GrubKernel
{
    // A menu keeps one kernel per entry once its entries' kernels are read: what most kernel lines lack (options before
    // the file) and what few readers ask for (the parsed command line) live in one object made when needed, so a
    // kernel is 48 bytes instead of 64.
    private readonly GrubLineTable _lines;
    private readonly int _pathStart;
    private readonly int _pathLength;
    private Extras? _extras;

    internal GrubKernel(GrubLineTable lines, int line)
    {
        _lines = lines;
        LineIndex = line;
        var (pathStart, pathEnd, rest) = Locate(lines.ArgumentChars(line));
        (_pathStart, _pathLength) = (pathStart, pathEnd - pathStart);
        ArgumentsStart = rest;
    }

    /// <summary>The image file as written, device prefix included.</summary>
    public string Path => PathChars.ToString();

    /// <summary>Options before the file (<c>--type=multiboot</c>, <c>--no-mem-option</c>), in order.</summary>
    /// <remarks>Read from the line when first asked for: a reader of the file and its arguments (every parse that
    /// reads an entry's kernel) needs no list.</remarks>
    public IReadOnlyList<string> Options => _pathStart == 0 ? [] : More.Options ??= ReadOptions();

    /// <summary>The value of <c>--type=</c> (<c>linux</c>, <c>multiboot</c>, ...), or null.</summary>
    public string? Type
    {
        get
        {
            var options = Options;
            for (var i = options.Count - 1; i >= 0; i--)
            {
                if (options[i].StartsWith("--type=", StringComparison.Ordinal))
                {
                    return options[i][7..];
                }
            }

            return null;
        }
    }

    /// <summary>The rest of the line after the file (trailing blanks kept, as GRUB passes them), or null when there is none.</summary>
    public string? ArgumentsText => ArgumentsStart < ArgumentChars.Length ? GrubText.Spaced(ArgumentsChars) : null;

    /// <summary>The arguments as a command line.</summary>
    public KernelCommandLine Arguments => More.Arguments ??= KernelCommandLine.Parse(ArgumentsText ?? string.Empty);

    /// <summary>The <c>kernel</c> line.</summary>
    public GrubLine Line => _lines[LineIndex];

    /// <summary>The index of <see cref="Line"/> in the document's lines.</summary>
    internal int LineIndex { get; }

    internal int ArgumentsStart { get; }

    /// <summary>The characters of <see cref="Path"/> (as in the line: see <see cref="GrubLine.ArgumentChars"/>).</summary>
    internal GrubChars PathChars => ArgumentChars.Slice(_pathStart, _pathLength);

    /// <summary>The characters of <see cref="ArgumentsText"/>, tabs as written; empty when there are none.</summary>
    internal GrubChars ArgumentsChars => ArgumentChars.Slice(ArgumentsStart);

    /// <summary>The characters of the line's argument (see <see cref="GrubLine.ArgumentChars"/>).</summary>
    internal GrubChars ArgumentChars => _lines.ArgumentChars(LineIndex);

    /// <inheritdoc />
    public override string ToString() => _lines.Argument(LineIndex);

    /// <summary>
    /// The file (as <see cref="Path"/>) and the rest (as <see cref="ArgumentsText"/>, tabs as written; empty when there
    /// is none) of a kernel line's argument, read where they lie: the one reading for the JSON, the pygrub comparison
    /// and the validator, which need no object per entry.
    /// </summary>
    internal static void Split(GrubChars argument, out GrubChars path, out GrubChars arguments)
    {
        var (pathStart, pathEnd, rest) = Locate(argument);
        path = argument.Slice(pathStart, pathEnd - pathStart);
        arguments = argument.Slice(rest);
    }

    private List<string> ReadOptions()
    {
        var text = ArgumentChars;
        var options = new List<string>();
        for (var position = 0; position < _pathStart;)
        {
            var (start, end, next) = GrubText.SplitWord(text, position);
            options.Add(text.Slice(start, end - start).ToString());
            position = next;
        }

        return options;
    }

    /// <summary>
    /// Where the file and the rest are in a kernel line's argument: past the options GRUB's kernel command reads
    /// before the file.
    /// </summary>
    private static (int PathStart, int PathEnd, int ArgumentsStart) Locate(GrubChars argument)
    {
        var position = 0;
        while (IsOption(argument.Slice(position)))
        {
            position = GrubText.SplitWord(argument, position).RestStart;
        }

        return GrubText.SplitWord(argument, position);
    }

    /// <summary>True when <paramref name="text"/> starts with an option GRUB's kernel command reads before the file.</summary>
    internal static bool IsOption(GrubChars text) => text.StartsWith("--type=") || text.StartsWith("--no-mem-option");

    // Concurrent first readers may both make one; all use the one published.
    private Extras More => _extras ?? Interlocked.CompareExchange(ref _extras, new Extras(), null) ?? _extras;

    /// <summary>The options before the file and the parsed arguments, each read when first asked for.</summary>
    private sealed class Extras
    {
        public IReadOnlyList<string>? Options;

        public KernelCommandLine? Arguments;
    }
}
