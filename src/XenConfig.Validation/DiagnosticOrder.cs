using XenConfig.Diagnostics;

namespace XenConfig.Validation;

/// <summary>
/// The orders diagnostics are sorted in, as comparers for one stable <c>OrderBy(d =&gt; d, order)</c>. Not chains of
/// <c>ThenBy</c>: each <c>ThenBy</c> is a generic virtual call, which the native build resolves through its type loader
/// on first use (0.5-1% of a one-guest <c>xenconfig validate</c> each, by perf record of the native binary).
/// </summary>
internal sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    private readonly bool _byCharacterOffset;
    private readonly bool _thenByIdAndMessage;

    private DiagnosticOrder(bool byCharacterOffset, bool thenByIdAndMessage)
    {
        _byCharacterOffset = byCharacterOffset;
        _thenByIdAndMessage = thenByIdAndMessage;
    }

    /// <summary>By path (ordinal), then the span's start: a validation result's order.</summary>
    public static DiagnosticOrder ByPosition { get; } = new(byCharacterOffset: true, thenByIdAndMessage: false);

    /// <summary>By path (ordinal), line and character.</summary>
    public static DiagnosticOrder ByLine { get; } = new(byCharacterOffset: false, thenByIdAndMessage: false);

    /// <summary>By path (ordinal), line, character, id and message (ordinal): a repository report's order.</summary>
    public static DiagnosticOrder ForReport { get; } = new(byCharacterOffset: false, thenByIdAndMessage: true);

    /// <inheritdoc />
    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var order = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (order != 0)
        {
            return order;
        }

        if (_byCharacterOffset)
        {
            return x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        }

        order = x.Location.Start.Line.CompareTo(y.Location.Start.Line);
        if (order == 0)
        {
            order = x.Location.Start.Character.CompareTo(y.Location.Start.Character);
        }

        if (order != 0 || !_thenByIdAndMessage)
        {
            return order;
        }

        order = string.CompareOrdinal(x.Id, y.Id);
        return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
    }
}
