using System.Numerics;
using System.Runtime.InteropServices;

namespace XenConfig.Text;

/// <summary>
/// The code units of a text that a scanner reads either as characters or, for a text read as ASCII
/// (<see cref="SourceText.TryGetAscii"/>), as its bytes: one byte per character at the same offset. Scanners generic over
/// the code unit (the xl fast pass, the fstab scanner) share these helpers, so a file that is ASCII is never decoded into
/// a string unless someone asks for its text.
/// </summary>
internal static class CodeUnits
{
    /// <summary>The code unit at <paramref name="index"/> as a number (an ASCII byte is its character).</summary>
    public static int At<TChar>(ReadOnlySpan<TChar> text, int index)
        where TChar : unmanaged, IBinaryInteger<TChar> => int.CreateTruncating(text[index]);

    /// <summary>The code unit of an ASCII character.</summary>
    public static TChar Of<TChar>(char c)
        where TChar : unmanaged, IBinaryInteger<TChar> => TChar.CreateTruncating(c);

    /// <summary>A string of the code units; an ASCII text's bytes widen to characters one for one.</summary>
    public static string ToText<TChar>(ReadOnlySpan<TChar> span)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        typeof(TChar) == typeof(byte)
            ? System.Text.Encoding.Latin1.GetString(MemoryMarshal.Cast<TChar, byte>(span))
            : new string(MemoryMarshal.Cast<TChar, char>(span));

    /// <summary>Copies the code units as characters into <paramref name="destination"/> (at least as long); an ASCII text's bytes widen one for one.</summary>
    public static void CopyTo<TChar>(ReadOnlySpan<TChar> span, Span<char> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (typeof(TChar) == typeof(byte))
        {
            System.Text.Encoding.Latin1.GetChars(MemoryMarshal.Cast<TChar, byte>(span), destination);
        }
        else
        {
            MemoryMarshal.Cast<TChar, char>(span).CopyTo(destination);
        }
    }

    /// <summary>True when the code units are the characters of <paramref name="other"/>.</summary>
    public static bool TextEquals<TChar>(ReadOnlySpan<TChar> span, ReadOnlySpan<char> other)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        typeof(TChar) == typeof(byte)
            ? System.Text.Ascii.Equals(MemoryMarshal.Cast<TChar, byte>(span), other)
            : MemoryMarshal.Cast<TChar, char>(span).SequenceEqual(other);

    /// <summary>
    /// The characters <c>[start, start + length)</c> of <paramref name="text"/> as a string, read from its bytes when it
    /// has them (so the whole text is not decoded for one line).
    /// </summary>
    public static string Substring(SourceText text, int start, int length) =>
        text.TryGetAscii(out var bytes)
            ? System.Text.Encoding.Latin1.GetString(bytes.Span.Slice(start, length))
            : text.Content.Substring(start, length);
}
