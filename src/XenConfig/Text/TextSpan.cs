namespace XenConfig.Text;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 code units in a <see cref="SourceText"/>.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters; zero for an empty span.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>True when the span covers no character.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Creates the span <c>[start, end)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    /// <summary>True when <paramref name="position"/> lies inside the span (the end is excluded).</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>The span moved right by <paramref name="offset"/> characters.</summary>
    public TextSpan Shift(int offset) => new(Start + offset, Length);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
