using XenConfig.Text;
using XenConfig.Validation.Discovery;
using XenConfig.Xm;

namespace XenConfig.Cli;

/// <summary>One input file, read byte for byte, with its kind (forced, or detected from the name and content).</summary>
internal sealed record CliInput(string Path, SourceText Text, InputKind Kind)
{
    public static CliInput Load(string path, InputKind? forced)
    {
        var text = SourceText.Load(path);
        return new CliInput(path, text, forced ?? Detect(path, text.Content));
    }

    public static InputKind Detect(string path, string content) => FileClassifier.Classify(path, content) switch
    {
        FileKind.Fstab => InputKind.Fstab,
        FileKind.GrubMenu or FileKind.Grub2Config => InputKind.Grub,
        _ => DomainConfigDialectDetector.Detect(content) == DomainConfigDialect.Xm ? InputKind.Xm : InputKind.Xl,
    };

    /// <summary>
    /// This domain config read through the library's one loader: as xm when the kind says so (forced or detected), else
    /// as xl, with <paramref name="variables"/> given to an xm script as <c>xm create</c> would.
    /// </summary>
    public DomainConfigSource ReadDomainConfig(IReadOnlyDictionary<string, string>? variables = null)
    {
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
        _ => throw new ArgumentException($"unknown kind '{kind}'"),
    };
}
