using System.Globalization;
using XenConfig.Text;

namespace XenConfig.Diagnostics;

/// <summary>One finding about a file: an id, a severity, a message and where it is.</summary>
/// <param name="Id">Stable id (see <see cref="DiagnosticIds"/>); users suppress and search by it.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="Location">File, span, line and column.</param>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The kind of problem (from the id's descriptor): xl's verdict, boot, policy or syntax.</summary>
    public DiagnosticCategory Category => DiagnosticIds.Find(Id)?.Category ?? DiagnosticCategory.Policy;

    /// <summary>
    /// The MSBuild-canonical form that CI systems annotate, with the category at the end:
    /// <c>path(line,col): error XC2012: message [boot]</c>.
    /// </summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Location}: {SeverityText(Severity)} {Id}: {Message} [{DiagnosticDescriptor.CategoryText(Category)}]");

    /// <summary>The lowercase word used in the text form: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
