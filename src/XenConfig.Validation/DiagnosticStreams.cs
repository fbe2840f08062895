using XenConfig.Diagnostics;

namespace XenConfig.Validation;

/// <summary>Diagnostics made one at a time, in file order, for outputs that write them as they come.</summary>
internal static class DiagnosticStreams
{
    /// <summary>
    /// Merges sequences that are each in file order (by <see cref="Diagnostic.Location"/>'s span start) into one, as a
    /// stable sort of their concatenation orders them: at a shared position the earlier sequence's first. Reads each
    /// sequence once, one diagnostic ahead.
    /// </summary>
    public static IEnumerable<Diagnostic> MergeInFileOrder(IReadOnlyList<IEnumerable<Diagnostic>> sequences)
    {
        var readers = new IEnumerator<Diagnostic>[sequences.Count];
        var heads = new Diagnostic?[sequences.Count];
        try
        {
            for (var s = 0; s < readers.Length; s++)
            {
                readers[s] = sequences[s].GetEnumerator();
                heads[s] = readers[s].MoveNext() ? readers[s].Current : null;
            }

            while (true)
            {
                var next = -1;
                for (var s = 0; s < heads.Length; s++)
                {
                    if (heads[s] is { } head && (next < 0 || head.Location.Span.Start < heads[next]!.Location.Span.Start))
                    {
                        next = s;
                    }
                }

                if (next < 0)
                {
                    yield break;
                }

                yield return heads[next]!;
                heads[next] = readers[next].MoveNext() ? readers[next].Current : null;
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader?.Dispose();
            }
        }
    }

    /// <summary>
    /// Sorts a short list by position, stably (List.Sort is not): the order checks found diagnostics in at a shared
    /// position is part of the output.
    /// </summary>
    public static void SortInFileOrder(List<Diagnostic> diagnostics)
    {
        for (var i = 1; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            var j = i - 1;
            for (; j >= 0 && diagnostics[j].Location.Span.Start > diagnostic.Location.Span.Start; j--)
            {
                diagnostics[j + 1] = diagnostics[j];
            }

            diagnostics[j + 1] = diagnostic;
        }
    }
}
