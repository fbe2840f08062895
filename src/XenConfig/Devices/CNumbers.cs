namespace XenConfig.Devices;

/// <summary>The C library number conversions libxlutil uses (glibc behaviour on LP64), reproduced exactly.</summary>
internal static class CNumbers
{
    /// <summary>
    /// What every C number reader does first: skip <c>isspace</c> blanks, then take an optional sign. Returns true for
    /// a minus; <paramref name="i"/> ends on the first character after them.
    /// </summary>
    public static bool SkipBlanksAndSign(string s, ref int i)
    {
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        if (i < s.Length && s[i] is '+' or '-')
        {
            return s[i++] == '-';
        }

        return false;
    }

    /// <summary>C's <c>isspace</c> in the C locale.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>C <c>atoi</c> as glibc implements it: <c>(int)strtol(s, NULL, 10)</c>.</summary>
    public static int Atoi(string s) => unchecked((int)Strtol(s, 0, 10, out _));

    /// <summary>
    /// C <c>strtol</c> (64-bit long): leading blanks, a sign, digits in <paramref name="radix"/> (0 means C's base 0:
    /// <c>0x</c> hex, leading <c>0</c> octal, else decimal); saturates at <see cref="long.MinValue"/>/<see cref="long.MaxValue"/>.
    /// <paramref name="end"/> is where the number ended (<paramref name="start"/> when there were no digits).
    /// </summary>
    public static long Strtol(string s, int start, int radix, out int end) => Strtol(s, start, radix, out end, out _);

    /// <summary>C <c>strtol</c>, also telling whether the value was out of range (C's <c>ERANGE</c>).</summary>
    public static long Strtol(string s, int start, int radix, out int end, out bool outOfRange)
    {
        var i = start;
        var negative = SkipBlanksAndSign(s, ref i);

        if (radix == 0)
        {
            radix = ResolveRadix(s, ref i, radix);
        }

        var digitsStart = i;
        var magnitude = ParseMagnitude(s, ref i, radix, out var overflow);
        outOfRange = false;
        if (i == digitsStart)
        {
            end = start;
            return 0;
        }

        end = i;
        if (negative)
        {
            outOfRange = overflow || magnitude > (ulong)long.MaxValue + 1;
            return outOfRange ? long.MinValue : unchecked(-(long)magnitude);
        }

        outOfRange = overflow || magnitude > long.MaxValue;
        return outOfRange ? long.MaxValue : (long)magnitude;
    }

    /// <summary>
    /// C <c>strtoul</c>/<c>strtoull</c> (64-bit): leading blanks, a sign (a minus negates modulo 2^64), base 0
    /// (<c>0x</c> hex, leading <c>0</c> octal) or a fixed radix; saturates at <see cref="ulong.MaxValue"/>.
    /// </summary>
    public static ulong Strtoul(string s, int start, int radix, out int end)
    {
        var i = start;
        var negative = SkipBlanksAndSign(s, ref i);

        radix = ResolveRadix(s, ref i, radix);

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

    /// <summary>
    /// The radix C uses: for base 0 or 16 a <c>0x</c> followed by a hex digit means hex (the prefix is skipped); for
    /// base 0 a leading <c>0</c> means octal, anything else decimal.
    /// </summary>
    private static int ResolveRadix(string s, ref int i, int radix)
    {
        if (radix is 0 or 16 && i + 2 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X' && HexValue(s[i + 2]) >= 0)
        {
            i += 2;
            return 16;
        }

        return radix != 0 ? radix : i < s.Length && s[i] == '0' ? 8 : 10;
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
