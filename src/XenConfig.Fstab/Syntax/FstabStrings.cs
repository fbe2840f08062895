using System.Runtime.CompilerServices;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// Strings for field text, shared where they repeat: an fstab says <c>ext4</c>, <c>defaults</c>, <c>0</c> and <c>/</c>
/// on line after line, and a large file would otherwise hold a copy of each per line.
/// </summary>
/// <remarks>
/// A small, fixed-size table of recent short strings (a hash picks the slot, a newer string takes it over). Strings
/// are immutable, so sharing them between documents and threads is safe; a race only costs a lost slot.
/// </remarks>
internal static class FstabStrings
{
    private const int MaxLength = 40;
    private const int Slots = 1024;
    private static readonly string?[] Table = new string?[Slots];

    /// <summary>A string with the characters of <paramref name="text"/>, shared when it was seen recently.</summary>
    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        ref var slot = ref Table[Hash(text) & (Slots - 1)];
        var cached = Volatile.Read(ref slot);
        if (cached is not null && text.SequenceEqual(cached))
        {
            return cached;
        }

        var made = text.ToString();
        Volatile.Write(ref slot, made);
        return made;
    }

    /// <summary>The blanks <c>[start, end)</c> of <paramref name="text"/>; one space or one tab is a shared string.</summary>
    public static string Blanks(string text, int start, int end) => (end - start) switch
    {
        0 => string.Empty,
        1 when text[start] == ' ' => " ",
        1 when text[start] == '\t' => "\t",
        _ => Get(text.AsSpan(start, end - start)),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> text)
    {
        // FNV-1a over the characters; short strings only, so this is a handful of multiplications.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }
}
