using Sprache;

namespace XenConfig.Devices;

/// <summary>
/// A Sprache input that starts at an arbitrary position of a string, so the device grammars can run a sub-parser
/// at any offset without copying the rest of the spec (Sprache's own <see cref="Input"/> always starts at 0).
/// </summary>
internal sealed class OffsetInput : IInput
{
    private Dictionary<object, object>? _memos;

    public OffsetInput(string source, int position, int end)
    {
        Source = source;
        Position = position;
        End = end;
    }

    public string Source { get; }

    public int Position { get; }

    /// <summary>Exclusive end: the scanners stop here (libxlutil stops at a NUL, C's end of string).</summary>
    public int End { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= End;

    public int Line => 1;

    public int Column => Position + 1;

    public IDictionary<object, object> Memos => _memos ??= [];

    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("The input is already at its end.");
        }

        return new OffsetInput(Source, Position + 1, End);
    }

    public bool Equals(IInput? other) =>
        other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Source, Position);

    /// <summary>How many characters <paramref name="parser"/> consumes at <paramref name="position"/>, or -1 when it fails.</summary>
    public static int MatchLength<T>(Parser<T> parser, string source, int position, int end)
    {
        var result = parser(new OffsetInput(source, position, end));
        return result.WasSuccessful ? result.Remainder.Position - position : -1;
    }
}
