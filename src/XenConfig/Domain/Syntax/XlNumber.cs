namespace XenConfig.Domain.Syntax;

/// <summary>Reads numbers the way xl does: C <c>strtol</c> with base 0 over the whole text (<c>010</c> is 8, <c>0x200</c> is 512).</summary>
internal static class XlNumber
{
    /// <summary>
    /// Reads <paramref name="text"/> as xl reads a number: leading blanks skipped, an optional sign, <c>0x</c> for hex,
    /// a leading <c>0</c> for octal, and nothing may follow. Fails on empty text, trailing characters and overflow.
    /// </summary>
    public static bool TryParse(string text, out long value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = Devices.CNumbers.Strtol(text, 0, 0, out var end, out var outOfRange);
        return end > 0 && end == text.Length && !outOfRange;
    }

    /// <summary>Reads a number as xl does; 0 is false and any other number true (xl's booleans are numbers).</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        var ok = TryParse(text, out var number);
        value = number != 0;
        return ok;
    }
}
