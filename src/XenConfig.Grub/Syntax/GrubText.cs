namespace XenConfig.Grub.Syntax;

/// <summary>Small text helpers shared by the GRUB readers.</summary>
internal static class GrubText
{
    public static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>Splits <c>WORD REST</c> of <paramref name="text"/> at the first blank from <paramref name="start"/> (GRUB's <c>skip_to(0, ...)</c>): where the word ends and the rest starts.</summary>
    public static (int Start, int End, int RestStart) SplitWord(GrubChars text, int start)
    {
        var end = text.Slice(start).IndexOfAny(' ', '\t');
        if (end < 0)
        {
            return (start, text.Length, text.Length);
        }

        // Words are mostly parted by one blank: stepped over, not searched for (a line holds at most 1500 characters).
        end += start;
        var rest = end + 1;
        while (rest < text.Length && text[rest] is ' ' or '\t')
        {
            rest++;
        }

        return (start, end, rest);
    }

    /// <summary>The first word of <paramref name="text"/> (the text starts at a non-blank, as a GRUB argument does).</summary>
    public static GrubChars FirstWord(GrubChars text)
    {
        // Only where the word ends: SplitWord would also search for where the rest starts.
        var end = text.IndexOfAny(' ', '\t');
        return end < 0 ? text : text.Slice(0, end);
    }

    /// <summary>The characters as a string, tabs turned into spaces (as GRUB reads a line).</summary>
    public static string Spaced(GrubChars text)
    {
        if (!text.Contains('\t'))
        {
            return text.ToString();
        }

        var chars = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.CopyTo(chars);
        chars.Replace('\t', ' ');
        return chars.ToString();
    }

    /// <summary>The offset of the first character that is not a blank, or the length.</summary>
    public static int SkipBlanks(string text, int start)
    {
        while (start < text.Length && IsBlank(text[start]))
        {
            start++;
        }

        return start;
    }
}
