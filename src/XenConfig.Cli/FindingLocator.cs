using XenConfig.Diagnostics;
using XenConfig.Text;
using XenConfig.Validation;

namespace XenConfig.Cli;

/// <summary>
/// Where a finding is, for the CI formats: its path relative to the repository root (never <c>../</c>; a file outside
/// keeps its full path), its end position when its span is known, and its fingerprint.
/// </summary>
internal sealed class FindingLocator(DiagnosticSuppressions repository, Func<string, SourceText?> readText)
{
    /// <summary>The repository root, a full path.</summary>
    public string Root => repository.RootFolder;

    /// <summary>The repository-relative path, or null for a finding without a file.</summary>
    public string? RelativePath(Diagnostic diagnostic) => diagnostic.Location.Path is { } path ? repository.RelativePath(path) : null;

    /// <summary>True when the finding has a line and column (not a whole-file finding).</summary>
    public static bool HasPosition(Diagnostic diagnostic) => diagnostic.Location.HasPosition;

    /// <summary>The position just after the finding's span (one-based column is exclusive), when the span is not empty and its text is readable.</summary>
    public LinePosition? End(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        if (location.Span.IsEmpty || location.Path is not { } path || readText(path) is not { } text || location.Span.End > text.Length)
        {
            return null;
        }

        return text.GetLinePosition(location.Span.End);
    }

    /// <summary>The finding's <see cref="DiagnosticFingerprint"/> (id and the trimmed text of its line).</summary>
    public string Fingerprint(Diagnostic diagnostic) =>
        DiagnosticFingerprint.Compute(diagnostic, diagnostic.Location.Path is { } path ? readText(path) : null);
}
