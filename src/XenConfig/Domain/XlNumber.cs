namespace XenConfig.Domain;

/// <summary>Reads numbers the way xl does: C <c>strtol</c> with base 0 over the whole text (<c>010</c> is 8, <c>0x200</c> is 512).</summary>
public static class XlNumber
{
    /// <summary>
    /// Reads <paramref name="text"/> as xl reads a number: leading blanks skipped, an optional sign, <c>0x</c> for hex,
    /// a leading <c>0</c> for octal, and nothing may follow. Fails on empty text, trailing characters and overflow.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        var radix = 10;
        if (i + 1 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 2]))
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }

        var digitsStart = i;
        ulong magnitude = 0;
        var overflow = false;
        while (i < text.Length)
        {
            var digit = DigitValue(text[i]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            if (!overflow)
            {
                var next = (magnitude * (ulong)radix) + (ulong)digit;
                if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix || next > (negative ? 1UL << 63 : long.MaxValue))
                {
                    overflow = true;
                }
                else
                {
                    magnitude = next;
                }
            }

            i++;
        }

        if (i == digitsStart || i != text.Length || overflow)
        {
            return false;
        }

        value = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>Reads a number as xl does; 0 is false and any other number true (xl's booleans are numbers).</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        var ok = TryParse(text, out var number);
        value = number != 0;
        return ok;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
