using System.Security.Cryptography;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// A short, stable hash that tells one finding from another without its line number, so that a finding recorded in a
/// baseline is still recognized after lines above it were added or removed.
/// </summary>
public static class DiagnosticFingerprint
{
    /// <summary>
    /// The fingerprint of <paramref name="diagnostic"/>: 16 hex digits of the SHA-256 of its id and the trimmed text of
    /// the line it points at (its message, when it has no position or the text is not available).
    /// </summary>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="text">The text of the file it points into, or null when it cannot be read.</param>
    public static string Compute(Diagnostic diagnostic, SourceText? text)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var content = LineText(diagnostic, text) is { } line ? "line:" + line.Trim() : "message:" + diagnostic.Message;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(diagnostic.Id + "\n" + content));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    // The text of the line the finding starts on, or null when it has no position or no text.
    private static string? LineText(Diagnostic diagnostic, SourceText? text)
    {
        var location = diagnostic.Location;
        if (text is null || !location.HasPosition || location.Start.Line >= text.LineCount)
        {
            return null;
        }

        return text.ToString(text.GetLineSpan(location.Start.Line));
    }
}
