using XenConfig.Diagnostics;
using XenConfig.Domain.Syntax;
using XenConfig.Text;

namespace XenConfig.Domain;

// The parse side of the document: the fast pass for clean files, the full parse for everything else, and the tree and
// settings built on demand after a fast pass.
public sealed partial class DomainConfigDocument
{
    private static readonly Diagnostic[] NoDiagnostics = [];

    // The tree and settings of the current text, or both null after a fast pass until one is asked for.
    private Analysis? _analysis;

    // The fast pass's index of the current text; null when the full parse read it.
    private XlCleanScan? _scan;

    /// <summary>
    /// The fast pass's index of the current text: the settings' values (<see cref="GetValue"/>), numbers and keys can
    /// be read from it without building the tree. Null when the full parse read the text.
    /// </summary>
    internal XlCleanScan? FastScan => _scan;

    /// <summary>Whether the tree of the current text has been built (for tests of the paths that must not build it).</summary>
    internal bool IsTreeBuilt => _analysis is not null;

    /// <summary>The tree and the effective settings of one text.</summary>
    private sealed record Analysis(DomainConfigSyntax Syntax, IReadOnlyDictionary<string, Setting> Settings);

    // Parses the text: sets the index or the analysis, returns the diagnostics.
    private IReadOnlyList<Diagnostic> Analyze(SourceText text, Func<Diagnostic, bool>? stopAt = null)
    {
        _analysis = null;
        _scan = null;
        if (Options.FastPass && text.Length <= Options.MaxLength && XlCleanScan.TryScan(text) is { } scan)
        {
            _scan = scan;
            return ScanDiagnostics(scan, text);
        }

        var diagnostics = new List<Diagnostic>();
        _analysis = FullParse(text, Options, diagnostics, stopAt);
        if (_analysis is null)
        {
            return diagnostics;
        }

        diagnostics.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
        return DiagnosticLimit.CapPerFile(diagnostics, Options.MaxDiagnostics);
    }

    /// <summary>
    /// Parses <paramref name="text"/> as <see cref="Parse(SourceText, DomainConfigParseOptions?)"/> does, unless the
    /// parser meets an error <see cref="DomainConfigFormatter.CanFormat"/> cannot repair: then null, and the tree past
    /// that statement is never built. For telling xl from xm, where an xm script fails on nearly every line and a whole
    /// tree with its diagnostics would cost tens of bytes per byte of the script.
    /// </summary>
    internal static DomainConfigDocument? ParseUnlessUnformattable(SourceText text, DomainConfigParseOptions? options = null)
    {
        var document = new DomainConfigDocument(text, options ?? DomainConfigParseOptions.Default, DomainConfigFormatter.IsUnrepairable);
        return document._analysis is null && document._scan is null ? null : document;
    }

    // What a scanned file can be told, as the full parse tells it: a key assigned again with '=' (XC1014) and a digit
    // escape libxlu mangles (XC1004).
    private IReadOnlyList<Diagnostic> ScanDiagnostics(XlCleanScan scan, SourceText text)
    {
        var mangled = scan.FindMangledEscapes();
        if (mangled.Count == 0 && (!scan.HasRepeats || !Options.ReportDuplicateKeys))
        {
            return NoDiagnostics;
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var (start, literal, offset) in mangled)
        {
            diagnostics.Add(DiagnosticIds.MangledEscape.Create(text.GetLocation(new TextSpan(start, 2)), XlParser.MangledEscapeMessage(literal, offset)));
        }

        if (Options.ReportDuplicateKeys)
        {
            foreach (var (key, name, firstStart) in scan.Replacements)
            {
                diagnostics.Add(EffectiveSettings.DuplicateKey(text, name, key, firstStart));
            }
        }

        if (diagnostics.Count == 0)
        {
            return NoDiagnostics;
        }

        diagnostics.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
        return DiagnosticLimit.CapPerFile(diagnostics, Options.MaxDiagnostics);
    }

    // After a fast pass: the full parse of the same text, which finds nothing the pass did not report. Concurrent readers of one
    // document may race here; they all get the one analysis that was published first.
    private Analysis Build()
    {
        if (_analysis is { } analysis)
        {
            return analysis;
        }

        var text = SourceText;
        var built = FullParse(text, Options, [])!;
        return Interlocked.CompareExchange(ref _analysis, built, null) ?? built;
    }

    // Null when stopAt stopped the parse.
    private static Analysis? FullParse(SourceText text, DomainConfigParseOptions options, List<Diagnostic> diagnostics, Func<Diagnostic, bool>? stopAt = null)
    {
        if (text.Length > options.MaxLength)
        {
            diagnostics.Add(DiagnosticIds.FileTooLarge.Create(text.GetLocation(default),
                $"the file has {text.Length} characters, more than the limit of {options.MaxLength}; it was not parsed"));
            var skipped = new SyntaxTrivia(SyntaxKind.SkippedTextTrivia, new TextSpan(0, text.Length), text.Content);
            var endOfFile = new SyntaxToken(SyntaxKind.EndOfFileToken, new TextSpan(text.Length, 0), "", [skipped], []);
            return new Analysis(new DomainConfigSyntax([], endOfFile), new Dictionary<string, Setting>());
        }

        var syntax = stopAt is null ? XlParser.Parse(text, diagnostics) : XlParser.ParseUnless(text, diagnostics, stopAt);
        return syntax is null ? null : new Analysis(syntax, EffectiveSettings.Compute(syntax, text, diagnostics, options));
    }
}
