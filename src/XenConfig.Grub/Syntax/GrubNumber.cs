namespace XenConfig.Grub.Syntax;

/// <summary>GRUB 0.97's <c>safe_parse_maxint</c>: decimal or <c>0x</c> hex, stops at the first non-digit.</summary>
internal static class GrubNumber
{
    /// <summary>Parses a number at the start of <paramref name="text"/>; <paramref name="consumed"/> is how many characters it used.</summary>
    public static bool TryParse(GrubChars text, int start, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var position = start;
        var radix = 10;
        if (position + 1 < text.Length && text[position] == '0' && char.ToLowerInvariant(text[position + 1]) == 'x')
        {
            position += 2;
            radix = 16;
        }

        var found = false;
        long number = 0;
        while (position < text.Length)
        {
            var c = char.ToLowerInvariant(text[position]);
            int digit;
            if (c is >= '0' and <= '9')
            {
                digit = c - '0';
            }
            else if (radix == 16 && c is >= 'a' and <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else
            {
                break;
            }

            found = true;
            if (number > (int.MaxValue - digit) / radix)
            {
                return false;
            }

            number = (number * radix) + digit;
            position++;
        }

        if (!found)
        {
            return false;
        }

        value = (int)number;
        consumed = position - start;
        return true;
    }
}
