using XenConfig.Text;

namespace XenConfig.Diagnostics;

/// <summary>The fixed facts about one diagnostic id: its default severity and what it means in one line.</summary>
/// <param name="Id">The stable id, e.g. <c>XC2012</c>.</param>
/// <param name="DefaultSeverity">The severity a diagnostic of this id gets unless a rule says otherwise.</param>
/// <param name="Title">One line saying what the id means.</param>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity DefaultSeverity, string Title)
{
    /// <summary>Creates a diagnostic of this id with its default severity.</summary>
    public Diagnostic Create(SourceLocation location, string message) => new(Id, DefaultSeverity, message, location);

    /// <summary>Creates a diagnostic of this id with an explicit severity.</summary>
    public Diagnostic Create(SourceLocation location, string message, DiagnosticSeverity severity) =>
        new(Id, severity, message, location);
}
