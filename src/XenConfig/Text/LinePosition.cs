namespace XenConfig.Text;

/// <summary>
/// A zero-based line and column. Printed one-based (<c>3,17</c>), the way compilers and editors show positions.
/// </summary>
/// <param name="Line">Zero-based line number.</param>
/// <param name="Character">Zero-based column, counted in Unicode scalar values (a tab and a non-ASCII letter are one column each).</param>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    /// <summary>One-based line number, as shown to people.</summary>
    public int DisplayLine => Line + 1;

    /// <summary>One-based column, as shown to people.</summary>
    public int DisplayColumn => Character + 1;

    /// <inheritdoc />
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    /// <summary>Compares two positions.</summary>
    public static bool operator <(LinePosition left, LinePosition right) => left.CompareTo(right) < 0;

    /// <summary>Compares two positions.</summary>
    public static bool operator >(LinePosition left, LinePosition right) => left.CompareTo(right) > 0;

    /// <summary>Compares two positions.</summary>
    public static bool operator <=(LinePosition left, LinePosition right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two positions.</summary>
    public static bool operator >=(LinePosition left, LinePosition right) => left.CompareTo(right) >= 0;

    /// <summary>The one-based form <c>line,column</c>.</summary>
    public override string ToString() => $"{DisplayLine},{DisplayColumn}";
}
