using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// Strings for field text, shared where they repeat: an fstab says <c>ext4</c>, <c>defaults</c>, <c>0</c> and <c>/</c>
/// on line after line, and a large file would otherwise hold a copy of each per line. Options strings of network
/// mounts (<c>credentials=/etc/samba/creds,uid=1000,...</c>) repeat too: strings of up to 128 characters are shared
/// (40 allocated 12% more per input byte on a 1 MB file).
/// </summary>
/// <remarks>
/// A small, fixed-size table of recent strings (a hash picks the slot, a newer string takes it over). Strings
/// are immutable, so sharing them between documents and threads is safe; a race only costs a lost slot. Each slot
/// also keeps the whole hash of its string, so a text that is not in the table (most sources and mount points are
/// unique) is told apart without reading the string, which is seldom in the processor's cache any more.
/// </remarks>
internal static class FstabStrings
{
    private const int MaxLength = 128;
    private const int SlotBits = 10;
    private const int Slots = 1 << SlotBits;
    private static readonly string?[] Table = new string?[Slots];
    private static readonly ulong[] Hashes = new ulong[Slots];

    /// <summary>A string with the code units of <paramref name="text"/> (characters, or ASCII bytes), shared when it was seen recently.</summary>
    public static string Get<TChar>(ReadOnlySpan<TChar> text)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            return CodeUnits.ToText(text);
        }

        var hash = Hash(text);
        var slot = (int)(hash >> (64 - SlotBits));
        if (Volatile.Read(ref Hashes[slot]) == hash && Volatile.Read(ref Table[slot]) is { } cached && CodeUnits.TextEquals(text, cached))
        {
            return cached;
        }

        // A reader between these two writes sees a hash and a string that do not match, and compares the text.
        var made = CodeUnits.ToText(text);
        Volatile.Write(ref Table[slot], made);
        Volatile.Write(ref Hashes[slot], hash);
        return made;
    }

    /// <summary>The blanks <c>[start, end)</c> of <paramref name="text"/>; one space or one tab is a shared string.</summary>
    public static string Blanks(string text, int start, int end) => Blanks(text.AsSpan(), start, end);

    /// <summary>The blanks <c>[start, end)</c> of <paramref name="text"/>, read from its bytes when it has them.</summary>
    public static string Blanks(SourceText text, int start, int end) =>
        text.TryGetAscii(out var bytes) ? Blanks(bytes.Span, start, end) : Blanks(text.Content.AsSpan(), start, end);

    private static string Blanks<TChar>(ReadOnlySpan<TChar> text, int start, int end)
        where TChar : unmanaged, IBinaryInteger<TChar> => (end - start) switch
    {
        0 => string.Empty,
        1 when CodeUnits.At(text, start) == ' ' => " ",
        1 when CodeUnits.At(text, start) == '\t' => "\t",
        _ => Get(text[start..end]),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash<TChar>(ReadOnlySpan<TChar> text)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // The first and the last eight bytes (they overlap in a short text) and the length, mixed by two multiplications:
        // a hash per character (FNV-1a) was a chain of dependent multiplications, a third of reading a short value.
        // Collisions only cost a slot; the text is compared before a cached string is shared.
        var bytes = MemoryMarshal.AsBytes(text);
        ulong head;
        ulong tail;
        if (bytes.Length >= sizeof(ulong))
        {
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes[^sizeof(ulong)..]);
        }
        else
        {
            head = 0;
            foreach (var b in bytes)
            {
                head = (head << 8) | b;
            }

            tail = 0;
        }

        // The top bits of a product depend on every bit of its factor (the low bits only on the low ones): they pick the slot.
        return ((head * 0x9E3779B97F4A7C15UL) ^ (tail + (ulong)bytes.Length)) * 0xC2B2AE3D27D4EB4FUL;
    }
}
