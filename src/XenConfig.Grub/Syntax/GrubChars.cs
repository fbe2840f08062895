using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// A run of a menu's characters, read either from the file's ASCII bytes (one byte per character at the same offset,
/// <see cref="XenConfig.Text.SourceText.TryGetAscii"/>) or from characters: the GRUB readers scan a file that is ASCII
/// without decoding it into a string. The searches take ASCII characters only (every character they look for is one).
/// </summary>
internal readonly ref struct GrubChars
{
    // The white space of Python's str.isspace() among ASCII characters (see PygrubReading.IsPySpace).
    private static readonly SearchValues<byte> PySpaceBytes = SearchValues.Create("\t\n\v\f\r\x1c\x1d\x1e\x1f "u8);

    // Where the run starts (its first byte, or the first byte of its first character), how many characters it has and
    // which they are: 16 bytes, so a run travels in two registers (two spans and a flag were 40 bytes on the stack, and
    // the readers pass runs to many small methods).
    private readonly ref byte _start;
    private readonly int _length;
    private readonly bool _isBytes;

    /// <summary>Characters.</summary>
    public GrubChars(ReadOnlySpan<char> chars)
    {
        _start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(chars));
        _length = chars.Length;
        _isBytes = false;
    }

    /// <summary>ASCII bytes, one per character.</summary>
    public GrubChars(ReadOnlySpan<byte> bytes)
    {
        _start = ref MemoryMarshal.GetReference(bytes);
        _length = bytes.Length;
        _isBytes = true;
    }

    private GrubChars(ref byte start, int length, bool isBytes)
    {
        _start = ref start;
        _length = length;
        _isBytes = isBytes;
    }

    private ReadOnlySpan<byte> ByteSpan => MemoryMarshal.CreateReadOnlySpan(ref _start, _isBytes ? _length : 0);

    private ReadOnlySpan<char> CharSpan => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, char>(ref _start), _isBytes ? 0 : _length);

    public static implicit operator GrubChars(ReadOnlySpan<char> chars) => new(chars);

    public static implicit operator GrubChars(string text) => new(text.AsSpan());

    /// <summary>The number of characters.</summary>
    public int Length => _length;

    /// <summary>True when there are no characters.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The character at <paramref name="index"/>.</summary>
    public char this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)_length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _isBytes ? (char)Unsafe.Add(ref _start, index) : Unsafe.Add(ref Unsafe.As<byte, char>(ref _start), index);
        }
    }

    /// <summary>The bytes of characters read from ASCII bytes (empty otherwise).</summary>
    internal ReadOnlySpan<byte> Bytes => ByteSpan;

    /// <summary>True when the characters were read from ASCII bytes (<see cref="Bytes"/>), false for characters (<see cref="Chars"/>).</summary>
    internal bool IsBytes => _isBytes;

    /// <summary>The characters when they were not read from bytes (empty otherwise).</summary>
    internal ReadOnlySpan<char> Chars => CharSpan;

    /// <summary>The characters from <paramref name="start"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GrubChars Slice(int start) => Slice(start, _length - start);

    /// <summary>The characters <c>[start, start + length)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GrubChars Slice(int start, int length)
    {
        if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        return new GrubChars(ref Unsafe.Add(ref _start, _isBytes ? start : 2 * start), length, _isBytes);
    }

    /// <summary>The first <paramref name="c"/> (ASCII), or -1.</summary>
    public int IndexOf(char c) => _isBytes ? ByteSpan.IndexOf((byte)c) : CharSpan.IndexOf(c);

    /// <summary>The first of two ASCII characters, or -1.</summary>
    public int IndexOfAny(char a, char b) => _isBytes ? ByteSpan.IndexOfAny((byte)a, (byte)b) : CharSpan.IndexOfAny(a, b);

    /// <summary>The first of three ASCII characters, or -1.</summary>
    public int IndexOfAny(char a, char b, char c) => _isBytes ? ByteSpan.IndexOfAny((byte)a, (byte)b, (byte)c) : CharSpan.IndexOfAny(a, b, c);

    /// <summary>The first character that is neither of two ASCII characters, or -1.</summary>
    public int IndexOfAnyExcept(char a, char b) => _isBytes ? ByteSpan.IndexOfAnyExcept((byte)a, (byte)b) : CharSpan.IndexOfAnyExcept(a, b);

    /// <summary>The first character that is none of three ASCII characters, or -1.</summary>
    public int IndexOfAnyExcept(char a, char b, char c) => _isBytes ? ByteSpan.IndexOfAnyExcept((byte)a, (byte)b, (byte)c) : CharSpan.IndexOfAnyExcept(a, b, c);

    /// <summary>
    /// The first character from <paramref name="start"/> that is (<paramref name="space"/> true) or is not white space as
    /// Python's <c>str.isspace()</c> reads it (<paramref name="isPySpace"/> for characters), or the length.
    /// </summary>
    public int IndexOfPySpace(int start, bool space, Func<char, bool> isPySpace)
    {
        if (_isBytes)
        {
            var rest = ByteSpan[start..];
            var found = space ? rest.IndexOfAny(PySpaceBytes) : rest.IndexOfAnyExcept(PySpaceBytes);
            return found < 0 ? ByteSpan.Length : start + found;
        }

        while (start < CharSpan.Length && isPySpace(CharSpan[start]) != space)
        {
            start++;
        }

        return start;
    }

    /// <summary>True when <paramref name="c"/> (ASCII) occurs.</summary>
    public bool Contains(char c) => IndexOf(c) >= 0;

    /// <summary>How often <paramref name="c"/> (ASCII) occurs.</summary>
    public int Count(char c) => _isBytes ? ByteSpan.Count((byte)c) : CharSpan.Count(c);

    /// <summary>True when the characters start with <paramref name="prefix"/> (ordinal).</summary>
    public bool StartsWith(string prefix) => prefix.Length <= Length && Slice(0, prefix.Length).SequenceEqual(prefix);

    /// <summary>
    /// True when the characters are those of <paramref name="text"/> (ordinal). The readers compare against short
    /// literals (command names, prefixes), so bytes are compared one by one and a mismatch ends at its first character.
    /// </summary>
    public bool SequenceEqual(string text)
    {
        if (Length != text.Length)
        {
            return false;
        }

        if (!_isBytes)
        {
            return CharSpan.SequenceEqual(text);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (ByteSpan[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when both runs hold the same characters (ordinal).</summary>
    public bool SequenceEqual(GrubChars other)
    {
        if (Length != other.Length)
        {
            return false;
        }

        return (_isBytes, other._isBytes) switch
        {
            (true, true) => ByteSpan.SequenceEqual(other.ByteSpan),
            (false, false) => CharSpan.SequenceEqual(other.CharSpan),
            (true, false) => Ascii.Equals(ByteSpan, other.CharSpan),
            (false, true) => Ascii.Equals(other.ByteSpan, CharSpan),
        };
    }

    /// <summary>Without blanks (spaces and tabs) at either end.</summary>
    public GrubChars TrimBlanks()
    {
        var start = 0;
        var end = Length;
        while (start < end && this[start] is ' ' or '\t')
        {
            start++;
        }

        while (end > start && this[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return Slice(start, end - start);
    }

    /// <summary>True when the characters are all white space (<see cref="char.IsWhiteSpace(char)"/>), or there are none.</summary>
    public bool IsWhiteSpace()
    {
        for (var i = 0; i < Length; i++)
        {
            if (!char.IsWhiteSpace(this[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies the characters into <paramref name="destination"/>, which is at least <see cref="Length"/> long.</summary>
    public void CopyTo(Span<char> destination)
    {
        if (_isBytes)
        {
            Encoding.Latin1.GetChars(ByteSpan, destination);
        }
        else
        {
            CharSpan.CopyTo(destination);
        }
    }

    /// <summary>The characters as a string.</summary>
    public override string ToString() => _isBytes ? Encoding.Latin1.GetString(ByteSpan) : CharSpan.ToString();
}
