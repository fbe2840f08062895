namespace XenConfig.Grub.Syntax;

/// <summary>Small text helpers shared by the GRUB readers.</summary>
internal static class GrubText
{
    public static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>Splits <c>WORD REST</c> at the first blank the way GRUB's <c>skip_to(0, ...)</c> does.</summary>
    public static (string Word, int RestStart) SplitWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && !IsBlank(text[end]))
        {
            end++;
        }

        var rest = end;
        while (rest < text.Length && IsBlank(text[rest]))
        {
            rest++;
        }

        return (text[start..end], rest);
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
