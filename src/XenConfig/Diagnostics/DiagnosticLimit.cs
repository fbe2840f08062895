using XenConfig.Text;

namespace XenConfig.Diagnostics;

/// <summary>
/// The per-file diagnostic cap: a file with a million bad lines gives a bounded report, the first diagnostics of the
/// file and one XC0014 that counts the rest.
/// </summary>
internal static class DiagnosticLimit
{
    /// <summary>The default number of diagnostics shown per file (100).</summary>
    public const int DefaultPerFile = 100;

    /// <summary>
    /// Keeps the first <paramref name="maxPerFile"/> diagnostics of each file (by <see cref="SourceLocation.Path"/>, in
    /// the given order) and replaces the rest of that file's by one XC0014 at the first one left out, with the highest
    /// severity among those left out (so an error is never hidden by the cap). Zero or less keeps everything.
    /// </summary>
    /// <param name="diagnostics">The diagnostics, in the order they are to be shown.</param>
    /// <param name="maxPerFile">How many to keep per file.</param>
    /// <returns>The diagnostics to show; the same list when nothing was left out.</returns>
    public static IReadOnlyList<Diagnostic> CapPerFile(IReadOnlyList<Diagnostic> diagnostics, int maxPerFile)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (maxPerFile <= 0 || diagnostics.Count <= maxPerFile)
        {
            return diagnostics;
        }

        var files = new Dictionary<string, Overflow>(StringComparer.Ordinal);
        var kept = new List<Diagnostic>(Math.Min(diagnostics.Count, maxPerFile * 4));
        foreach (var diagnostic in diagnostics)
        {
            var path = diagnostic.Location.Path ?? "";
            if (!files.TryGetValue(path, out var file))
            {
                files[path] = file = new Overflow();
            }

            if (++file.Seen <= maxPerFile)
            {
                kept.Add(diagnostic);
                continue;
            }

            if (file.First is null)
            {
                file.First = diagnostic;
                file.Index = kept.Count;
                kept.Add(diagnostic);
            }

            file.Severity = (DiagnosticSeverity)Math.Max((int)file.Severity, (int)diagnostic.Severity);
        }

        foreach (var file in files.Values.Where(f => f.First is not null))
        {
            var count = file.Seen - maxPerFile;
            kept[file.Index] = MoreDiagnostics(file.First!.Location, count, maxPerFile, file.Severity);
        }

        return kept.Count == diagnostics.Count && files.Values.All(f => f.First is null) ? diagnostics : kept;
    }

    private static Diagnostic MoreDiagnostics(SourceLocation location, int count, int maxPerFile, DiagnosticSeverity severity) =>
        DiagnosticIds.MoreDiagnostics.Create(location,
            $"{count} more diagnostic{(count == 1 ? " is" : "s are")} not shown for this file (the limit is {maxPerFile} per file)", severity);

    private sealed class Overflow
    {
        public int Seen { get; set; }

        public Diagnostic? First { get; set; }

        public int Index { get; set; }

        public DiagnosticSeverity Severity { get; set; } = DiagnosticSeverity.Info;
    }
}
