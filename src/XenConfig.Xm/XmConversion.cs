using XenConfig.Diagnostics;
using XenConfig.Domain;

namespace XenConfig.Xm;

/// <summary>The static xl.cfg made from an evaluated xm config, and what the conversion decided.</summary>
public sealed class XmConversion
{
    internal XmConversion(DomainConfigDocument document, IReadOnlyList<Diagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The xl.cfg text (LF line endings, final line break).</summary>
    public string Text => Document.ToString();

    /// <summary>The xl.cfg text parsed as a document, ready for further edits or saving.</summary>
    public DomainConfigDocument Document { get; }

    /// <summary>
    /// The evaluation's diagnostics followed by one diagnostic per conversion decision (renamed, folded, dropped, defaulted),
    /// located at the xm assignment it concerns.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the xm config had errors or a value could not be converted.</summary>
    public bool HasErrors => Diagnostics is XmConversionDiagnostics own ? own.HasErrors : Diagnostics.Any(d => d.IsError);
}
