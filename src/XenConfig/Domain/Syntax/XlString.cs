using System.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>
/// Decodes and encodes xl.cfg string literals exactly as libxlu does, including its escape bugs (docs/architecture.md).
/// </summary>
internal static class XlString
{
    /// <summary>The outcome of decoding one string literal.</summary>
    /// <param name="Value">The decoded text, or null when xl rejects the literal.</param>
    /// <param name="ErrorOffset">Offset inside the literal of the escape xl rejects; -1 when accepted.</param>
    /// <param name="Error">Why xl rejects it.</param>
    /// <param name="MangledOffsets">Offsets of digit escapes that xl silently deletes together with the digits after them.</param>
    public sealed record DecodeResult(string? Value, int ErrorOffset, string? Error, IReadOnlyList<int> MangledOffsets);

    /// <summary>Decodes a terminated literal including its quotes (<c>'a\tb'</c>).</summary>
    public static DecodeResult Decode(ReadOnlySpan<char> literal)
    {
        if (literal.Length < 2 || literal[0] is not ('\'' or '"') || literal[^1] != literal[0])
        {
            throw new ArgumentException("Not a terminated string literal.", nameof(literal));
        }

        var builder = new StringBuilder(literal.Length);
        List<int>? mangled = null;
        var end = literal.Length - 1;
        var i = 1;
        while (i < end)
        {
            var c = literal[i];
            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            var escapeStart = i;
            var next = literal[i + 1];
            i += 2;
            switch (next)
            {
                case '"' or '\'' or '\\': builder.Append(next); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case 'x':
                    // libxlu skips the first hex digit and then requires more digits than it reads: never accepted.
                    return new DecodeResult(null, escapeStart, "xl rejects hexadecimal escapes (\\x..) in every form; write the character itself", []);
                case >= '0' and <= '7':
                    // libxlu reads up to three following characters with strtoul(base 10), requires it to consume at
                    // least two, skips them and emits nothing (the value is never stored).
                    var numberBuffer = literal.Slice(i, Math.Min(3, literal.Length - i)).ToString();
                    Devices.CNumbers.Strtoul(numberBuffer, 0, 10, out var consumed);
                    if (consumed <= 1)
                    {
                        return new DecodeResult(null, escapeStart, $"xl rejects the escape '\\{next}' here: it needs two more decimal digits after it (and then deletes them)", []);
                    }

                    (mangled ??= []).Add(escapeStart);
                    i += consumed;
                    break;
                default:
                    return new DecodeResult(null, escapeStart, $"xl rejects the escape '\\{next}' (write '\\\\' for a backslash)", []);
            }
        }

        return new DecodeResult(builder.ToString(), -1, null, (IReadOnlyList<int>?)mangled ?? []);
    }

    /// <summary>
    /// True when <see cref="Encode"/> writes <paramref name="value"/> as itself between two <paramref name="quote"/>s
    /// (a <c>"</c> or <c>'</c>): nothing to escape and nothing an xl string cannot hold.
    /// </summary>
    internal static bool IsVerbatim(string value, char quote) =>
        quote is ('"' or '\'') && value.AsSpan().IndexOfAny('\\', '\r', quote) < 0 && value.AsSpan().IndexOfAny('\n', '\0') < 0;

    /// <summary>
    /// Writes <paramref name="value"/> as a literal xl decodes back to exactly <paramref name="value"/>: escapes
    /// <c>\</c>, the quote and CR.
    /// </summary>
    /// <exception cref="ArgumentException">The value holds a line feed or NUL, which an xl string cannot carry.</exception>
    public static string Encode(string value, char quote = '"')
    {
        ArgumentNullException.ThrowIfNull(value);
        if (quote is not ('"' or '\''))
        {
            throw new ArgumentException("The quote must be ' or \".", nameof(quote));
        }

        if (value.AsSpan().IndexOfAny('\n', '\0') is var bad and >= 0)
        {
            throw new ArgumentException($"An xl string cannot hold {(value[bad] == '\n' ? "a line feed" : "a NUL character")}.", nameof(value));
        }

        if (IsVerbatim(value, quote))
        {
            return $"{quote}{value}{quote}";
        }

        var builder = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\r': builder.Append(@"\r"); break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.Append(quote).ToString();
    }
}
