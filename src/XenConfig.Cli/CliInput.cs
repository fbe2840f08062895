using XenConfig.Files;
using XenConfig.Text;
using XenConfig.Xm;

namespace XenConfig.Cli;

/// <summary>One input file, read byte for byte, with its kind (forced, or detected from the name and content).</summary>
internal sealed class CliInput(string path, SourceText text, InputKind kind, DomainConfigSource? detected = null)
{
    public string Path { get; } = path;

    public SourceText Text { get; } = text;

    public InputKind Kind { get; } = kind;

    public static CliInput Load(string path, InputKind? forced)
    {
        var text = SourceText.Load(path);
        if (forced is { } kind)
        {
            return new CliInput(path, text, kind);
        }

        // By name first, then by the first lines of the content (an ASCII file is not decoded for it).
        var byName = FileClassifier.ClassifyByName(path);
        switch (byName != FileKind.Unknown ? byName : FileClassifier.ClassifyByContent(text))
        {
            case FileKind.Fstab:
                return new CliInput(path, text, InputKind.Fstab);
            case FileKind.GrubMenu:
                return new CliInput(path, text, InputKind.Grub);
            case FileKind.Grub2Config:
                return new CliInput(path, text, InputKind.Grub2);
            default:
                // Telling xl from xm reads the file in its dialect; the command reuses that reading.
                var source = DomainConfigSource.Parse(text);
                return new CliInput(path, text, source.Dialect == DomainConfigDialect.Xm ? InputKind.Xm : InputKind.Xl, source);
        }
    }

    /// <summary>
    /// This domain config read through the library's one loader: as xm when the kind says so (forced or detected), else
    /// as xl, with <paramref name="variables"/> given to an xm script as <c>xm create</c> would.
    /// </summary>
    public DomainConfigSource ReadDomainConfig(IReadOnlyDictionary<string, string>? variables = null)
    {
        if (detected is not null && (variables is null || variables.Count == 0))
        {
            return detected;
        }

        var xmOptions = variables is null ? XmEvaluationOptions.Default : XmEvaluationOptions.Default with { Variables = variables };
        var dialect = Kind == InputKind.Xm ? DomainConfigDialect.Xm : DomainConfigDialect.Xl;
        return DomainConfigSource.Parse(Text, new DomainConfigSourceOptions { Dialect = dialect, XmOptions = xmOptions });
    }

    public static InputKind? ParseKind(string? kind) => kind switch
    {
        null => null,
        "xl" => InputKind.Xl,
        "xm" => InputKind.Xm,
        "fstab" => InputKind.Fstab,
        "grub" => InputKind.Grub,
        "grub2" => InputKind.Grub2,
        _ => throw new ArgumentException($"unknown kind '{kind}'"),
    };
}
