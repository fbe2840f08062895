using XenConfig.Diagnostics;
using XenConfig.Domain.Model;
using XenConfig.Domain;
using XenConfig.Text;
using XenConfig.Xm.Python;

namespace XenConfig.Xm;

/// <summary>
/// One domain config file, xl or xm, read the way Xen's tools read its dialect: static xl.cfg text by the lossless xl
/// parser, Python (xend's <c>xm create</c> configs) by the safe evaluator and then converted to xl. The one entry every
/// consumer (the CLI, validation, YAML) uses, so that they all agree on what a file means.
/// </summary>
public sealed class DomainConfigSource
{
    private DomainConfigSource(SourceText source, DomainConfigDialect dialect, DomainConfigDocument document, XmEvaluation? evaluation, XmConversion? conversion)
    {
        SourceText = source;
        Dialect = dialect;
        Document = document;
        Evaluation = evaluation;
        Conversion = conversion;
        // A conversion's diagnostics begin with the evaluation's, so they are the evaluation's followed by the conversion's
        // own; kept in the conversion's compact list, they are not made into objects here.
        Diagnostics = evaluation is null || conversion is null
            ? document.Diagnostics
            : conversion.Diagnostics is XmConversionDiagnostics own
                ? own.WithoutRepeats()
                : evaluation.Diagnostics.Concat(conversion.Diagnostics).Distinct().ToList();
    }

    /// <summary>The file's text, exactly as read.</summary>
    public SourceText SourceText { get; }

    /// <summary>
    /// How the file was read: <see cref="DomainConfigDialect.Xl"/>, <see cref="DomainConfigDialect.Xm"/>, or
    /// <see cref="DomainConfigDialect.Unknown"/> for text that is neither valid xl nor Python (read as xl, whose
    /// diagnostics then say what is wrong).
    /// </summary>
    public DomainConfigDialect Dialect { get; }

    /// <summary>
    /// The xl document: for xl (and unknown) text the file's own lossless document, which edits and saves write back
    /// into; for xm the static xl config the evaluated script converts to (a new text, not the file's).
    /// </summary>
    public DomainConfigDocument Document { get; }

    /// <summary>The evaluation of an xm script; null for xl.</summary>
    public XmEvaluation? Evaluation { get; }

    /// <summary>The conversion of an evaluated xm script to xl; null for xl.</summary>
    public XmConversion? Conversion { get; }

    /// <summary>
    /// Everything found: for xl the document's diagnostics; for xm the evaluation's followed by the conversion's, each
    /// located in the xm file.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics is XmConversionDiagnostics own ? own.HasErrors : Diagnostics.Any(d => d.IsError);

    /// <summary>The typed model of <see cref="Document"/>.</summary>
    public DomainConfig ToModel() => DomainConfig.FromDocument(Document);

    /// <summary>Reads the file <paramref name="path"/> in its dialect. Never throws for any content; I/O errors propagate.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DomainConfigSource Load(string path, DomainConfigSourceOptions? options = null) => Parse(SourceText.Load(path), options);

    /// <summary>Reads <paramref name="text"/> (named <paramref name="path"/> in diagnostics) in its dialect. Never throws.</summary>
    public static DomainConfigSource Parse(string text, string? path = null, DomainConfigSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(SourceText.From(text, path), options);
    }

    /// <summary>Reads <paramref name="source"/> in its dialect (or the one <see cref="DomainConfigSourceOptions.Dialect"/> forces). Never throws.</summary>
    public static DomainConfigSource Parse(SourceText source, DomainConfigSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= DomainConfigSourceOptions.Default;
        PyModule? module = null;
        if (options.Dialect == DomainConfigDialect.Xm)
        {
            return FromXm(source, options, ref module);
        }

        if (options.Dialect == DomainConfigDialect.Xl)
        {
            return new DomainConfigSource(source, DomainConfigDialect.Xl, DomainConfigDocument.Parse(source, options.XlOptions), null, null);
        }

        // An xm script is told from xl at its first line xl cannot read, before the xl tree of the whole script is built.
        var document = DomainConfigDocument.ParseUnlessUnformattable(source, options.XlOptions);
        if (document is not null && DomainConfigFormatter.CanFormat(document))
        {
            return new DomainConfigSource(source, DomainConfigDialect.Xl, document, null, null);
        }

        module = XmConfig.ParsePython(source.Content);
        return module is not null
            ? FromXm(source, options, ref module)
            : new DomainConfigSource(source, DomainConfigDialect.Unknown, document ?? DomainConfigDocument.Parse(source, options.XlOptions), null, null);
    }

    // The parsed module is handed over to the evaluator, which lets it go before the settings and the conversion are made.
    private static DomainConfigSource FromXm(SourceText source, DomainConfigSourceOptions options, ref PyModule? parsed)
    {
        var evaluation = XmConfig.Evaluate(source, options.XmOptions, ref parsed);
        var conversion = XmToXlConverter.Convert(evaluation);
        return new DomainConfigSource(source, DomainConfigDialect.Xm, conversion.Document, evaluation, conversion);
    }
}
