namespace XenConfig.Devices;

/// <summary>The C library number conversions libxlutil uses (glibc behaviour on LP64), reproduced exactly.</summary>
internal static class CNumbers
{
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>C <c>atoi</c> as glibc implements it: <c>(int)strtol(s, NULL, 10)</c>.</summary>
    public static int Atoi(string s) => unchecked((int)Strtol(s, 0, 10, out _));

    /// <summary>
    /// C <c>strtol</c> for base 10 (or 16 with <c>allowHexPrefix</c>): leading blanks, a sign, digits; saturates at
    /// <see cref="long.MinValue"/>/<see cref="long.MaxValue"/>. <paramref name="end"/> is where the number ended
    /// (<paramref name="start"/> when there were no digits).
    /// </summary>
    public static long Strtol(string s, int start, int radix, out int end)
    {
        var i = start;
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        var digitsStart = i;
        var magnitude = ParseMagnitude(s, ref i, radix, out var overflow);
        if (i == digitsStart)
        {
            end = start;
            return 0;
        }

        end = i;
        if (negative)
        {
            return overflow || magnitude > (ulong)long.MaxValue + 1 ? long.MinValue : unchecked(-(long)magnitude);
        }

        return overflow || magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
    }

    /// <summary>
    /// C <c>strtoul</c>/<c>strtoull</c> (64-bit): leading blanks, a sign (a minus negates modulo 2^64), base 0
    /// (<c>0x</c> hex, leading <c>0</c> octal) or a fixed radix; saturates at <see cref="ulong.MaxValue"/>.
    /// </summary>
    public static ulong Strtoul(string s, int start, int radix, out int end)
    {
        var i = start;
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        if ((radix is 0 or 16) && i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X' && i + 2 < s.Length && HexValue(s[i + 2]) >= 0)
        {
            radix = 16;
            i += 2;
        }
        else if (radix == 0)
        {
            radix = i < s.Length && s[i] == '0' ? 8 : 10;
        }

        var digitsStart = i;
        var magnitude = ParseMagnitude(s, ref i, radix, out var overflow);
        if (i == digitsStart)
        {
            end = start;
            return 0;
        }

        end = i;
        if (overflow)
        {
            return ulong.MaxValue;
        }

        return negative ? unchecked(0UL - magnitude) : magnitude;
    }

    /// <summary>The value of a hex digit, or -1.</summary>
    public static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static ulong ParseMagnitude(string s, ref int i, int radix, out bool overflow)
    {
        overflow = false;
        ulong value = 0;
        while (i < s.Length)
        {
            var digit = HexValue(s[i]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                overflow = true;
            }
            else
            {
                value = (value * (ulong)radix) + (ulong)digit;
            }

            i++;
        }

        return value;
    }
}
