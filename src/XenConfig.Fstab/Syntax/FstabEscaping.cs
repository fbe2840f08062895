using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// The octal escapes of fstab fields, as util-linux reads (<c>unmangle</c>) and writes (<c>mangle</c>) them.
/// </summary>
public static class FstabEscaping
{
    /// <summary>
    /// Decodes a raw field the way libmount does: a backslash followed by exactly three octal digits becomes the byte
    /// <c>64*a + 8*b + c</c> (truncated to 8 bits); everything else stays literal. The result ends at the first NUL byte,
    /// as the C string libmount returns does.
    /// </summary>
    /// <param name="raw">The field as written.</param>
    /// <param name="encoding">How the file's characters map to bytes (UTF-8, or Latin-1 for files that are not UTF-8).</param>
    public static byte[] Decode(string raw, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(encoding);
        byte[]? rented = null;
        var max = encoding.GetMaxByteCount(raw.Length);
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var bytes = buffer[..DecodeInto(raw.AsSpan(), encoding, buffer)].ToArray();
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return bytes;
    }

    /// <summary>Decodes a raw field to text (see <see cref="Decode"/>); invalid bytes read as U+FFFD.</summary>
    public static string DecodeToString(string raw, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(encoding);
        return DecodeToText(raw.AsSpan(), encoding);
    }

    /// <summary>
    /// Decodes a raw field to text in one pass over a stack or pooled buffer (see <see cref="Decode"/>): its characters,
    /// or the bytes of a text read as ASCII, which are decoded where they are (one byte each, so the bytes of the value
    /// are never more than the field's length).
    /// </summary>
    internal static string DecodeToText<TChar>(ReadOnlySpan<TChar> raw, Encoding encoding)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        byte[]? rented = null;
        var max = typeof(TChar) == typeof(byte) ? raw.Length : encoding.GetMaxByteCount(raw.Length);
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var text = ToText(buffer[..DecodeInto(raw, encoding, buffer)], encoding);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return text;
    }

    /// <summary>
    /// Writes the bytes libmount's <c>unmangle</c> makes of <paramref name="raw"/> into <paramref name="bytes"/> (which
    /// holds at least <see cref="Encoding.GetMaxByteCount"/> of its length) and returns how many there are up to the first NUL.
    /// </summary>
    private static int DecodeInto<TChar>(ReadOnlySpan<TChar> raw, Encoding encoding, Span<byte> bytes)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var written = 0;
        var literalStart = 0;
        var i = 0;
        while (i < raw.Length)
        {
            // Escapes often come in a row (a mount point of \011\011...): look for the next one only when this is none.
            if (CodeUnits.At(raw, i) != '\\')
            {
                var next = raw[i..].IndexOf(CodeUnits.Of<TChar>('\\'));
                if (next < 0)
                {
                    break;
                }

                i += next;
            }

            if (i + 3 < raw.Length && IsOctal(CodeUnits.At(raw, i + 1)) && IsOctal(CodeUnits.At(raw, i + 2)) && IsOctal(CodeUnits.At(raw, i + 3)))
            {
                if (literalStart < i)
                {
                    written += WriteLiteral(raw[literalStart..i], encoding, bytes[written..]);
                }

                bytes[written++] = unchecked((byte)((64 * (CodeUnits.At(raw, i + 1) - '0')) + (8 * (CodeUnits.At(raw, i + 2) - '0')) + (CodeUnits.At(raw, i + 3) - '0')));
                i += 4;
                literalStart = i;
            }
            else
            {
                i++;
            }
        }

        if (literalStart < raw.Length)
        {
            written += WriteLiteral(raw[literalStart..], encoding, bytes[written..]);
        }

        var nul = bytes[..written].IndexOf((byte)0);
        return nul < 0 ? written : nul;
    }

    /// <summary>
    /// The bytes of the literal text between two escapes. Most are empty (escapes in a row, as in a mount point of
    /// <c>\011\011...</c>) or ASCII, which is one byte per character in the two encodings files are read with (UTF-8
    /// and Latin-1), so only other text goes through the encoder: a call per escape made a 15 KB escaped field 3x slower
    /// to read than libmount. The bytes of a text read as ASCII are copied.
    /// </summary>
    private static int WriteLiteral<TChar>(ReadOnlySpan<TChar> literal, Encoding encoding, Span<byte> bytes)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (typeof(TChar) == typeof(byte))
        {
            MemoryMarshal.Cast<TChar, byte>(literal).CopyTo(bytes);
            return literal.Length;
        }

        var characters = MemoryMarshal.Cast<TChar, char>(literal);
        if ((encoding.CodePage is Utf8CodePage or Latin1CodePage) && Ascii.FromUtf16(characters, bytes, out var written) == OperationStatus.Done)
        {
            return written;
        }

        return encoding.GetBytes(characters, bytes);
    }

    /// <summary>
    /// Decoded bytes as text; a byte that is not valid in <paramref name="encoding"/> (<c>\777</c> in a UTF-8 file)
    /// reads as U+FFFD, as libmount keeps any byte. The raw text stays as written, so nothing is lost.
    /// </summary>
    internal static string ToText(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        if (encoding.DecoderFallback is DecoderReplacementFallback { DefaultString: "\uFFFD" } || encoding.CodePage == Latin1CodePage)
        {
            // Latin-1 has a character for every byte: its decoder never falls back.
            return encoding.GetString(bytes);
        }

        if (encoding.CodePage == Utf8Replacing.CodePage)
        {
            return Utf8Replacing.GetString(bytes);
        }

        encoding = (Encoding)encoding.Clone();
        encoding.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
        return encoding.GetString(bytes);
    }

    /// <summary>
    /// Escapes a value for one field so that libmount reads back exactly <paramref name="value"/>: space, tab, line feed,
    /// carriage return and backslash become <c>\040 \011 \012 \015 \134</c>, and a leading <c>#</c> of the first field
    /// becomes <c>\043</c> (otherwise the line would be a comment).
    /// </summary>
    /// <param name="value">The value to write; must not be empty nor contain NUL.</param>
    /// <param name="isFirstField">True for the source field, the only one where a leading <c>#</c> matters.</param>
    /// <exception cref="ArgumentException">The value is empty or contains a NUL character.</exception>
    public static string Escape(string value, bool isFirstField)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException("An fstab field cannot be empty.", nameof(value));
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An fstab field cannot hold a NUL character.", nameof(value));
        }

        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case ' ':
                    builder.Append("\\040");
                    break;
                case '\t':
                    builder.Append("\\011");
                    break;
                case '\n':
                    builder.Append("\\012");
                    break;
                case '\r':
                    builder.Append("\\015");
                    break;
                case '\\':
                    builder.Append("\\134");
                    break;
                case '#' when i == 0 && isFirstField:
                    builder.Append("\\043");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private const int StackLimit = 256;
    private const int Latin1CodePage = 28591;
    private const int Utf8CodePage = 65001;

    // UTF-8 that reads an invalid byte as U+FFFD (the default fallback of a UTF8Encoding that does not throw).
    private static readonly UTF8Encoding Utf8Replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static bool IsOctal(int c) => c is >= '0' and <= '7';
}
