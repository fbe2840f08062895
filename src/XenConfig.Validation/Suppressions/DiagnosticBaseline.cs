using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>One finding recorded in a baseline: its id, its file relative to the repository root and its fingerprint.</summary>
/// <param name="Id">The diagnostic id.</param>
/// <param name="Path">The file, relative to the repository root, <c>/</c>-separated.</param>
/// <param name="Fingerprint">The <see cref="DiagnosticFingerprint"/> of the finding.</param>
/// <param name="Message">The message when it was recorded, for people reading the file; not used for matching.</param>
public sealed record BaselineEntry(string Id, string Path, string Fingerprint, string Message);

/// <summary>
/// Findings accepted as they are (<c>validate --baseline FILE</c>): a finding recorded here is dropped, so a team
/// adopting XenConfig on an existing repository fails only on new findings. Entries match by id, repository-relative
/// path and fingerprint (the trimmed text of the offending line), so they survive lines moving; each entry accepts one
/// finding.
/// </summary>
/// <remarks>
/// The file is JSON, sorted by path, id and fingerprint, so that it diffs well:
/// <c>{ "version": 1, "findings": [ { "id": "XC2022", "path": "guests/web01/web01.cfg", "fingerprint": "…", "message": "…" } ] }</c>.
/// </remarks>
public sealed class DiagnosticBaseline
{
    /// <summary>The version of the file format this class reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Creates a baseline of <paramref name="entries"/>, sorted.</summary>
    /// <param name="entries">The accepted findings.</param>
    public DiagnosticBaseline(IEnumerable<BaselineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)];
    }

    /// <summary>The accepted findings, sorted by path, id and fingerprint.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>Reads a baseline file's text; a malformed one gives error XC0007 at the offending line.</summary>
    /// <param name="text">The file's text (its path names the diagnostic).</param>
    /// <param name="baseline">The baseline, when the text is one.</param>
    /// <param name="problem">What is wrong with it, otherwise.</param>
    public static bool TryParse(SourceText text, [NotNullWhen(true)] out DiagnosticBaseline? baseline, [NotNullWhen(false)] out Diagnostic? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        baseline = null;
        try
        {
            using var document = JsonDocument.Parse(text.Content, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                problem = Problem(text, null, "expected an object with \"version\" and a \"findings\" array, as written by --write-baseline");
                return false;
            }

            if (!version.TryGetInt32(out var number) || number != FormatVersion)
            {
                problem = Problem(text, null, $"baseline version {version} is not supported (this xenconfig reads version {FormatVersion})");
                return false;
            }

            var entries = new List<BaselineEntry>();
            var index = 0;
            foreach (var finding in findings.EnumerateArray())
            {
                if (finding.ValueKind != JsonValueKind.Object
                    || String(finding, "id") is not { } id || String(finding, "path") is not { } path || String(finding, "fingerprint") is not { } fingerprint)
                {
                    problem = Problem(text, null, $"finding {index} needs the strings \"id\", \"path\" and \"fingerprint\"");
                    return false;
                }

                entries.Add(new BaselineEntry(id, path, fingerprint, String(finding, "message") ?? ""));
                index++;
            }

            baseline = new DiagnosticBaseline(entries);
            problem = null;
            return true;
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0);
            var column = (int)(exception.BytePositionInLine ?? 0);
            problem = Problem(text, new LinePosition(line, column), "not JSON: " + exception.Message.Split(" LineNumber:", 2)[0]);
            return false;
        }
    }

    /// <summary>
    /// Writes <see cref="ToJson"/> to <paramref name="path"/> (UTF-8, no BOM), atomically: a reader sees the old file or
    /// the new one, and a symbolic link is written through.
    /// </summary>
    /// <param name="path">The baseline file to create or replace.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToJson()));
    }

    /// <summary>The baseline as JSON text (two-space indents, LF line ends, a final newline): the file <c>--write-baseline</c> writes.</summary>
    public string ToJson() => JsonText.WriteFile(WriteFindings);

    private void WriteFindings(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        writer.WriteStartArray("findings");
        foreach (var entry in Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entry.Id);
            writer.WriteString("path", entry.Path);
            writer.WriteString("fingerprint", entry.Fingerprint);
            writer.WriteString("message", entry.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Diagnostic Problem(SourceText text, LinePosition? position, string message)
    {
        var location = position is { } at && at.Line < text.LineCount
            ? text.GetLocation(new TextSpan(Math.Min(text.GetLineSpan(at.Line).Start + at.Character, text.Length), 0))
            : SourceLocation.None(text.Path);
        return DiagnosticIds.BaselineFileInvalid.Create(location, message);
    }
}
