using XenConfig.Text;

namespace XenConfig.Diagnostics;

/// <summary>The fixed facts about one diagnostic id: its default severity, its category and what it means in one line.</summary>
/// <param name="Id">The stable id, e.g. <c>XC2012</c>.</param>
/// <param name="DefaultSeverity">The severity a diagnostic of this id gets unless a rule says otherwise.</param>
/// <param name="Category">What kind of problem the id reports (xl's verdict, boot, policy, syntax).</param>
/// <param name="Title">One line saying what the id means.</param>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity DefaultSeverity, DiagnosticCategory Category, string Title)
{
    /// <summary>Creates a diagnostic of this id with its default severity.</summary>
    public Diagnostic Create(SourceLocation location, string message) => new(Id, DefaultSeverity, message, location);

    /// <summary>Creates a diagnostic of this id with an explicit severity.</summary>
    public Diagnostic Create(SourceLocation location, string message, DiagnosticSeverity severity) =>
        new(Id, severity, message, location);

    /// <summary>
    /// Creates a diagnostic of this id whose message is <paramref name="subject"/> followed by <paramref name="tail"/>,
    /// kept as the two strings (see <see cref="Diagnostic"/>): for a finding repeated once per name of a large file.
    /// </summary>
    internal Diagnostic CreateJoined(SourceLocation location, string subject, string tail) => new(Id, DefaultSeverity, subject, tail, location);

    /// <summary>The lowercase word for a category: <c>syntax</c>, <c>xl</c>, <c>boot</c> or <c>policy</c>.</summary>
    public static string CategoryText(DiagnosticCategory category) => category switch
    {
        DiagnosticCategory.Syntax => "syntax",
        DiagnosticCategory.Xl => "xl",
        DiagnosticCategory.Boot => "boot",
        _ => "policy",
    };
}
