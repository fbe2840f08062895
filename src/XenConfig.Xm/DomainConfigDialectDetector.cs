using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Xm;

/// <summary>Tells xl.cfg text from xm (Python) text, so that callers can pick the parser.</summary>
public static class DomainConfigDialectDetector
{
    /// <summary>
    /// <see cref="DomainConfigDialect.Xl"/> when <see cref="DomainConfigDocument.Parse(string, string?, DomainConfigParseOptions?)"/>
    /// reports no error, or only errors of an xl config a person clearly meant (CRLF, a BOM, an uppercase key:
    /// <see cref="DomainConfigFormatter.RepairableIds"/>); otherwise <see cref="DomainConfigDialect.Xm"/> when the text is valid Python 2 of the subset the
    /// evaluator reads (constructs it does not run still count, they are reported when evaluated); otherwise
    /// <see cref="DomainConfigDialect.Unknown"/>. Never throws for any text.
    /// </summary>
    public static DomainConfigDialect Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DomainConfigDocument.ParseUnlessUnformattable(SourceText.From(text)) is { } document && DomainConfigFormatter.CanFormat(document))
        {
            return DomainConfigDialect.Xl;
        }

        // Same rule as DomainConfigSource.Parse, without evaluating the script.
        return XmConfig.IsPython(text) ? DomainConfigDialect.Xm : DomainConfigDialect.Unknown;
    }
}
