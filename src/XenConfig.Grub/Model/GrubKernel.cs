using XenConfig.Boot;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Model;

/// <summary>
/// The <c>kernel [--type=T] [--no-mem-option] FILE [ARGS]</c> line of an entry. For a Xen entry FILE is the hypervisor
/// and ARGS its options; for Linux, ARGS is the kernel command line.
/// </summary>
public sealed class GrubKernel
{
    // A menu keeps one kernel per entry once its entries' kernels are read, alive as long as the document: the kernel
    // is its entry's view of the entry's kernel line, so its one field is the entry (24 bytes; it was 48 with the line
    // table, the line and the offsets in the line). Where the file and the arguments lie is read again from the line's
    // characters on each request (a few characters past the options), and what few readers ask for (the options list,
    // the parsed command line) is kept with the entry's other caches.
    private readonly GrubEntry _entry;

    internal GrubKernel(GrubEntry entry) => _entry = entry;

    /// <summary>The image file as written, device prefix included.</summary>
    public string Path => PathChars.ToString();

    /// <summary>Options before the file (<c>--type=multiboot</c>, <c>--no-mem-option</c>), in order.</summary>
    /// <remarks>Read from the line when first asked for: a reader of the file and its arguments (every parse that
    /// reads an entry's kernel) needs no list.</remarks>
    public IReadOnlyList<string> Options => Locate(ArgumentChars).PathStart == 0 ? [] : _entry.More.KernelOptions ??= ReadOptions();

    /// <summary>The value of <c>--type=</c> (<c>linux</c>, <c>multiboot</c>, ...), or null.</summary>
    public string? Type => TypeOf(ArgumentChars);

    /// <summary>The rest of the line after the file (trailing blanks kept, as GRUB passes them), or null when there is none.</summary>
    public string? ArgumentsText => ArgumentsChars is { IsEmpty: false } arguments ? GrubText.Spaced(arguments) : null;

    /// <summary>The arguments as a command line.</summary>
    public KernelCommandLine Arguments => _entry.More.KernelArguments ??= KernelCommandLine.Parse(ArgumentsText ?? string.Empty);

    /// <summary>The <c>kernel</c> line.</summary>
    public GrubLine Line => _entry.Lines[LineIndex];

    /// <summary>The index of <see cref="Line"/> in the document's lines.</summary>
    internal int LineIndex => _entry.KernelLine;

    /// <summary>Where <see cref="ArgumentsText"/> starts in the line's argument (its length when there are no arguments).</summary>
    internal int ArgumentsStart => Locate(ArgumentChars).ArgumentsStart;

    /// <summary>The characters of <see cref="Path"/> (as in the line: see <see cref="GrubLine.ArgumentChars"/>).</summary>
    internal GrubChars PathChars
    {
        get
        {
            Split(ArgumentChars, out var path, out _);
            return path;
        }
    }

    /// <summary>The characters of <see cref="ArgumentsText"/>, tabs as written; empty when there are none.</summary>
    internal GrubChars ArgumentsChars
    {
        get
        {
            Split(ArgumentChars, out _, out var arguments);
            return arguments;
        }
    }

    /// <summary>The characters of the line's argument (see <see cref="GrubLine.ArgumentChars"/>).</summary>
    internal GrubChars ArgumentChars => _entry.Lines.ArgumentChars(LineIndex);

    /// <inheritdoc />
    public override string ToString() => _entry.Lines.Argument(LineIndex);

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

    /// <summary>
    /// The value of the last <c>--type=</c> among the options before the file of a kernel line's argument, or null (as
    /// <see cref="Type"/>): what the validator asks of a kernel line without an entry's kernel object.
    /// </summary>
    internal static string? TypeOf(GrubChars argument)
    {
        string? type = null;
        var position = 0;
        while (IsOption(argument.Slice(position)))
        {
            var (start, end, next) = GrubText.SplitWord(argument, position);
            var option = argument.Slice(start, end - start);
            if (option.StartsWith("--type="))
            {
                type = option.Slice(7).ToString();
            }

            position = next;
        }

        return type;
    }

    private List<string> ReadOptions()
    {
        var text = ArgumentChars;
        var pathStart = Locate(text).PathStart;
        var options = new List<string>();
        for (var position = 0; position < pathStart;)
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
    /// <remarks>Nearly every kernel line starts with its file: one character tells, before the two comparisons.</remarks>
    internal static bool IsOption(GrubChars text) =>
        text.Length >= 7 && text[0] == '-' && (text.StartsWith("--type=") || text.StartsWith("--no-mem-option"));
}
