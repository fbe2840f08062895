using System.Text.RegularExpressions;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>Findings split into those still reported and those a suppression or the baseline dropped.</summary>
/// <param name="Kept">The findings to report, in the order given.</param>
/// <param name="Suppressed">The findings dropped, in the order given.</param>
public sealed record SuppressionResult(IReadOnlyList<Diagnostic> Kept, IReadOnlyList<Diagnostic> Suppressed);

/// <summary>
/// Which findings not to report: ids ignored per path (<c>.xenconfig.yaml</c>'s <c>ignore</c> list), inline
/// <c># xenconfig: ignore XC2022, XC5003</c> comments (on the line before the finding, or at the end of its line), and
/// a <see cref="DiagnosticBaseline"/> of accepted findings. Paths are taken relative to <see cref="RootFolder"/>.
/// An inline comment that suppresses nothing is reported as XC0018.
/// </summary>
public sealed partial class DiagnosticSuppressions
{
    /// <summary>Creates suppressions for the repository at <paramref name="rootFolder"/>.</summary>
    /// <param name="rootFolder">The repository root (see <see cref="RepositoryRoot.Find(IEnumerable{string})"/>).</param>
    public DiagnosticSuppressions(string rootFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootFolder);
        RootFolder = Path.GetFullPath(rootFolder);
    }

    /// <summary>The repository root, a full path: rule globs and baseline paths are relative to it.</summary>
    public string RootFolder { get; }

    /// <summary>Ids ignored everywhere or per path glob.</summary>
    public IReadOnlyList<SuppressionRule> Rules { get; init; } = [];

    /// <summary>Accepted findings, or null for none.</summary>
    public DiagnosticBaseline? Baseline { get; init; }

    /// <summary>Whether <c># xenconfig: ignore XCnnnn</c> comments suppress findings (default true).</summary>
    public bool InlineComments { get; init; } = true;

    /// <summary>
    /// <paramref name="path"/> relative to <see cref="RootFolder"/> with <c>/</c> between folders; a file outside it
    /// keeps its full path (never <c>../</c>).
    /// </summary>
    /// <param name="path">A file path, relative to the working folder or full.</param>
    public string RelativePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(RootFolder, full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return (outside ? full : relative).Replace(Path.DirectorySeparatorChar, '/');
    }

    // The baseline entry that records the finding.
    private BaselineEntry ToBaselineEntry(Diagnostic diagnostic, SourceText? text)
    {
        var path = diagnostic.Location.Path is { } file ? RelativePath(file) : "";
        return new BaselineEntry(diagnostic.Id, path, DiagnosticFingerprint.Compute(diagnostic, text), diagnostic.Message);
    }

    /// <summary>A baseline that accepts every one of <paramref name="diagnostics"/> (<c>--write-baseline</c>).</summary>
    /// <param name="diagnostics">The findings to accept.</param>
    /// <param name="readText">The text of a file, or null when it cannot be read (then messages stand in for lines).</param>
    public DiagnosticBaseline CreateBaseline(IEnumerable<Diagnostic> diagnostics, Func<string, SourceText?> readText)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(readText);
        return new DiagnosticBaseline(diagnostics.Select(d => ToBaselineEntry(d, d.Location.Path is { } path ? readText(path) : null)));
    }

    /// <summary>Splits <paramref name="diagnostics"/> into the findings to report and those suppressed.</summary>
    /// <param name="diagnostics">The findings, e.g. <see cref="RepositoryValidationReport.Diagnostics"/>.</param>
    /// <param name="readText">
    /// The text of a file the findings point into, or null when it cannot be read (then its inline comments are not
    /// seen and its fingerprints use messages). <see cref="RepositoryValidation"/> reads only inside the repository.
    /// </param>
    /// <remarks>
    /// The inline comments of the files the findings point into are checked: an id a comment names that suppressed
    /// nothing is XC0018. <see cref="RepositoryValidation"/> (through <see cref="RepositoryValidationOptions.Suppressions"/>)
    /// also checks the comments of files without findings, and leaves out ids its rule sets do not report.
    /// </remarks>
    public SuppressionResult Apply(IEnumerable<Diagnostic> diagnostics, Func<string, SourceText?> readText) =>
        Apply(diagnostics, readText, [], ValidationRuleSets.All);

    /// <summary>
    /// <see cref="Apply(IEnumerable{Diagnostic}, Func{string, SourceText?})"/> for a validation run: the comments of
    /// <paramref name="commentedFiles"/> are checked even when those files have no findings, and an id is judged
    /// unused only when <paramref name="ruleSets"/> could have reported it.
    /// </summary>
    internal SuppressionResult Apply(IEnumerable<Diagnostic> diagnostics, Func<string, SourceText?> readText, IEnumerable<string> commentedFiles, IEnumerable<string> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(readText);
        // Only the texts that can hold an inline comment are kept for the XC0018 pass below (a text without the marker
        // has none); of the others only the last one read, as the findings come grouped by file. Keeping every text
        // with a finding made the memory of a repository run grow with its number of files with findings.
        var texts = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
        (string Path, SourceText? Text)? last = null;
        SourceText? Text(string? path)
        {
            if (path is null)
            {
                return null;
            }

            if (last is { } recent && string.Equals(recent.Path, path, StringComparison.Ordinal))
            {
                return recent.Text;
            }

            if (!texts.TryGetValue(path, out var text))
            {
                text = readText(path);
                if (text is not null && text.Content.Contains(InlineCommentMarker, StringComparison.OrdinalIgnoreCase))
                {
                    texts.Add(path, text);
                }
            }

            last = (path, text);
            return text;
        }

        // Each baseline entry accepts one finding: two equal findings on two equal lines need two entries.
        var accepted = (Baseline?.Entries ?? [])
            .GroupBy(e => (e.Id, e.Path, e.Fingerprint))
            .ToDictionary(g => g.Key, g => g.Count());
        var kept = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var usedComments = new HashSet<(string Path, int Line, string Id)>();
        // A file with a syntax error is not checked as a whole (a domain config xl rejects gets no other checks), so
        // what its comments ignore cannot be judged.
        var notChecked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var path = diagnostic.Location.Path;
            if (path is not null && diagnostic is { Severity: DiagnosticSeverity.Error, Category: DiagnosticCategory.Syntax })
            {
                notChecked.Add(path);
            }

            var relative = path is null ? null : RelativePath(path);
            // The inline comment is looked at even when a rule suppresses the finding too, so the comment counts as used.
            var commentLine = InlineComments && path is not null ? IgnoredInline(diagnostic, Text(path)) : null;
            if (commentLine is { } at)
            {
                usedComments.Add((path!, at, diagnostic.Id.ToUpperInvariant()));
            }

            var isSuppressed = Rules.Any(r => r.Matches(diagnostic.Id, relative)) || commentLine is not null;
            if (!isSuppressed && accepted.Count > 0)
            {
                var key = (diagnostic.Id, relative ?? "", DiagnosticFingerprint.Compute(diagnostic, Text(path)));
                if (accepted.TryGetValue(key, out var left) && left > 0)
                {
                    accepted[key] = left - 1;
                    isSuppressed = true;
                }
            }

            (isSuppressed ? suppressed : kept).Add(diagnostic);
        }

        if (InlineComments)
        {
            ArgumentNullException.ThrowIfNull(commentedFiles);
            ArgumentNullException.ThrowIfNull(ruleSets);
            var notJudged = ValidationRuleSets.IdsNotRun(ruleSets);
            notJudged.UnionWith(ValidationRuleSets.AcrossGuests);
            foreach (var path in commentedFiles)
            {
                Text(path);
            }

            foreach (var (path, text) in texts.Where(t => !notChecked.Contains(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                foreach (var unused in UnusedInlineIgnores(path, text, usedComments, notJudged))
                {
                    (Rules.Any(r => r.Matches(unused.Id, RelativePath(path))) ? suppressed : kept).Add(unused);
                }
            }

            kept = [.. kept.OrderBy(d => d, DiagnosticOrder.ByLine)];
        }

        return new SuppressionResult(kept, suppressed);
    }

    // XC0018 for each id an inline comment names that suppressed no finding, leaving out the ids that cannot be judged.
    private static IEnumerable<Diagnostic> UnusedInlineIgnores(string path, SourceText? text, HashSet<(string Path, int Line, string Id)> used, HashSet<string> notJudged)
    {
        if (text is null)
        {
            yield break;
        }

        for (var line = 0; line < text.LineCount; line++)
        {
            var span = text.GetLineSpan(line);
            var content = text.ToString(span);
            var ids = InlineIgnoredIds(content);
            foreach (var id in ids.Where(id => !used.Contains((path, line, id.ToUpperInvariant())) && !notJudged.Contains(id.ToUpperInvariant())))
            {
                var start = span.Start + (CommentStart(content) ?? 0);
                var target = content.TrimStart().StartsWith('#') ? "on the line below" : "on this line";
                yield return DiagnosticIds.UnusedInlineIgnore.Create(text.GetLocation(new TextSpan(start, span.End - start)),
                    $"the inline ignore of {id} suppresses nothing: there is no {id} finding {target}; remove it from the comment");
            }
        }
    }

    /// <summary>
    /// The ids an inline comment on <paramref name="line"/> names: <c># xenconfig: ignore XC2022, XC5003</c>. Empty
    /// when the line has no such comment. Only a real comment counts: the text from the first <c>#</c> outside a
    /// quoted string (<c>'...'</c> or <c>"..."</c>, with backslash escapes), so a value such as
    /// <c>extra = "# xenconfig: ignore XC2012"</c> suppresses nothing.
    /// </summary>
    /// <param name="line">One line of a file.</param>
    internal static IReadOnlyList<string> InlineIgnoredIds(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // The marker first: most comments are not ours, and the regex's first use builds it (0.3% of a one-guest validate).
        if (CommentStart(line) is not { } start || !line.AsSpan(start).Contains(InlineCommentMarker, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var match = InlineComment().Match(line, start);
        return match.Success ? [.. match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : [];
    }

    // Where the line's comment starts: the first '#' outside a quoted string; null when there is none.
    private static int? CommentStart(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } open)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == open)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#')
            {
                return i;
            }
        }

        return null;
    }

    // The line of the comment that ignores the finding, or null when none does.
    private static int? IgnoredInline(Diagnostic diagnostic, SourceText? text)
    {
        if (text is null || !diagnostic.Location.HasPosition)
        {
            return null;
        }

        var line = diagnostic.Location.Start.Line;
        bool Names(int index, bool wholeLineComment)
        {
            if (index < 0 || index >= text.LineCount)
            {
                return false;
            }

            var content = text.ToString(text.GetLineSpan(index));
            return (!wholeLineComment || content.TrimStart().StartsWith('#'))
                && InlineIgnoredIds(content).Contains(diagnostic.Id, StringComparer.OrdinalIgnoreCase);
        }

        // The comment at the end of the finding's own line, or a comment line right above it.
        return Names(line, wholeLineComment: false) ? line : Names(line - 1, wholeLineComment: true) ? line - 1 : null;
    }

    // Every inline comment holds it (any case): a text without it has none.
    internal const string InlineCommentMarker = "xenconfig:";

    [GeneratedRegex(@"#\s*xenconfig:\s*ignore\s+(?<ids>XC[0-9]{4}(?:\s*,\s*XC[0-9]{4})*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineComment();
}
