using System.Numerics;
using System.Runtime.CompilerServices;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// The line scanner. It follows util-linux libmount (<c>mnt_table_parse_next</c>, <c>mnt_parse_table_line</c>,
/// <c>unmangle</c>, <c>next_s32</c>) decision for decision, so that a line is an entry exactly when libmount returns
/// it and an error exactly when libmount reports a parse error.
/// </summary>
/// <remarks>
/// It reads code units (the <c>TChar</c> of its methods): the bytes of a text read as ASCII
/// (<see cref="SourceText.TryGetAscii"/>), so such a file is never decoded into a string, or the characters of any other
/// text. Offsets are the same either way.
/// </remarks>
internal static class FstabParser
{
    public static SegmentedList<FstabLine> Parse(SourceText source, List<Diagnostic> diagnostics) =>
        source.TryGetAscii(out var bytes) ? Parse(source, bytes.Span, diagnostics) : Parse(source, source.Content.AsSpan(), diagnostics);

    private static SegmentedList<FstabLine> Parse<TChar>(SourceText source, ReadOnlySpan<TChar> text, List<Diagnostic> diagnostics)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var lineFeed = CodeUnits.Of<TChar>('\n');
        var lines = new SegmentedList<FstabLine>(text.Count(lineFeed) + 1);
        var position = 0;
        var lineIndex = 0;

        // Most files have no NUL and no escape at all: one pass over the whole text spares every line its own search.
        var special = text.IndexOfAny(TChar.Zero, CodeUnits.Of<TChar>('\\')) >= 0;

        // getline(): a line ends after '\n'; text after the last '\n' is one more line; nothing after it is no line.
        while (position < text.Length)
        {
            var next = text[position..].IndexOf(lineFeed);
            var hasLineFeed = next >= 0;
            var bodyEnd = hasLineFeed ? position + next : text.Length;
            lines.Add(ParseLine(source, text, position, bodyEnd, hasLineFeed, special, lineIndex, diagnostics));
            position = hasLineFeed ? bodyEnd + 1 : text.Length;
            lineIndex++;
        }

        return lines;
    }

    /// <summary>
    /// Parses one line: what getline returned, without the '\n', the characters <c>[lineStart, bodyEnd)</c> of the
    /// source. Nothing is copied: lines keep where they are in the source. Only when <paramref name="special"/> (the text
    /// holds a NUL or a backslash somewhere) is the line searched for them.
    /// </summary>
    private static FstabLine ParseLine<TChar>(SourceText source, ReadOnlySpan<TChar> text, int lineStart, int bodyEnd, bool hasLineFeed,
        bool special, int lineIndex, List<Diagnostic> diagnostics)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int contentEnd;
        int textEnd;
        string lineBreak;
        bool escaped;
        if (hasLineFeed)
        {
            (contentEnd, lineBreak) = bodyEnd > lineStart && CodeUnits.At(text, bodyEnd - 1) == '\r' ? (bodyEnd - 1, "\r\n") : (bodyEnd, "\n");
            textEnd = contentEnd;
            var nul = FindNul(text, lineStart, contentEnd, special, out escaped);
            if (nul >= 0)
            {
                // strchr(buf, '\n') stops at the NUL: libmount takes the line for a corrupted one and reports it.
                return Error(source, text, lineStart, contentEnd, lineBreak, lineIndex, nul, 1, DiagnosticIds.FstabNulCharacter,
                    "this line contains a NUL character; libmount rejects it", diagnostics);
            }
        }
        else
        {
            // The last line without a final newline: libmount reads it up to the first NUL and drops one '\r' before that.
            var nul = FindNul(text, lineStart, bodyEnd, special, out escaped);
            var effectiveEnd = nul >= 0 ? lineStart + nul : bodyEnd;
            textEnd = bodyEnd;
            lineBreak = string.Empty;
            if (effectiveEnd > lineStart && CodeUnits.At(text, effectiveEnd - 1) == '\r')
            {
                contentEnd = effectiveEnd - 1;
                if (nul < 0)
                {
                    (textEnd, lineBreak) = (contentEnd, "\r");
                }
            }
            else
            {
                contentEnd = effectiveEnd;
            }
        }

        var start = SkipBlanks(text, lineStart, contentEnd);
        if (start == contentEnd)
        {
            return new FstabBlankLine(source, lineStart, textEnd, lineBreak);
        }

        if (CodeUnits.At(text, start) == '#')
        {
            return new FstabCommentLine(source, lineStart, textEnd, lineBreak);
        }

        return ParseEntry(source, text, lineStart, contentEnd, textEnd, lineBreak, escaped, start, lineIndex, diagnostics);
    }

    private static FstabLine ParseEntry<TChar>(SourceText source, ReadOnlySpan<TChar> text, int lineStart, int contentEnd, int textEnd,
        string lineBreak, bool escaped, int start, int lineIndex, List<Diagnostic> diagnostics)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // The text goes on after where libmount stops reading only in a last line with a NUL: to the end of the text.
        var nulTail = textEnd != contentEnd;
        Span<int> starts = stackalloc int[4];
        var count = 0;
        var position = start;
        for (; count < 4; count++)
        {
            starts[count] = position;
            var end = SkipField(text, position, contentEnd);
            if (end == position)
            {
                if (count == (int)FstabFieldKind.Options)
                {
                    return new FstabEntryLine(source, lineStart, contentEnd, nulTail, escaped, count, starts, lineBreak);
                }

                var name = count == (int)FstabFieldKind.Target ? "mount point (field 2)" : "filesystem type (field 3)";
                return Error(source, text, lineStart, textEnd, lineBreak, lineIndex, position - lineStart, 0, DiagnosticIds.FstabMissingField,
                    $"the {name} is missing; libmount needs at least source, mount point and type and skips this line", diagnostics);
            }

            position = SkipBlanks(text, end, contentEnd);
        }

        for (var n = 0; n < 2; n++, count++)
        {
            if (position == contentEnd)
            {
                break;
            }

            var (_, end, ok) = StrToL(text, position, contentEnd);
            if (!ok && end < contentEnd)
            {
                var tokenEnd = Math.Max(SkipField(text, position, contentEnd), position + 1);
                var (descriptor, what) = n == 0 ? (DiagnosticIds.FstabInvalidDump, "dump (field 5)") : (DiagnosticIds.FstabInvalidPass, "pass (field 6)");
                return Error(source, text, lineStart, textEnd, lineBreak, lineIndex, position - lineStart, tokenEnd - position, descriptor,
                    $"the {what} '{CodeUnits.ToText(text[position..tokenEnd])}' is not a number; libmount skips this line", diagnostics);
            }

            position = SkipBlanks(text, end, contentEnd);
        }

        return new FstabEntryLine(source, lineStart, contentEnd, nulTail, escaped, count, starts, lineBreak);
    }

    /// <summary>
    /// The offset in the line <c>[lineStart, end)</c> of its first NUL, or -1; <paramref name="escaped"/> tells whether a
    /// backslash comes before it (a field may then hold an escape). Searches only when <paramref name="special"/>.
    /// </summary>
    private static int FindNul<TChar>(ReadOnlySpan<TChar> text, int lineStart, int end, bool special, out bool escaped)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        escaped = false;
        if (!special)
        {
            return -1;
        }

        var line = text[lineStart..end];
        var first = line.IndexOfAny(TChar.Zero, CodeUnits.Of<TChar>('\\'));
        if (first < 0 || line[first] == TChar.Zero)
        {
            return first;
        }

        escaped = true;
        var nul = line[first..].IndexOf(TChar.Zero);
        return nul < 0 ? -1 : first + nul;
    }

    /// <summary>
    /// Where field <paramref name="index"/> of an entry line that the scanner accepted is: the end of the field before it
    /// (the start of its blanks), its start and its end, found by repeating the scan that accepted the line up to the
    /// field asked for: for the dump and pass fields, and for a line whose field starts were too far from its start to be
    /// kept (see <see cref="FstabEntryLine"/>).
    /// </summary>
    internal static (int TriviaStart, int Start, int End) FieldAt<TChar>(ReadOnlySpan<TChar> text, int lineStart, int contentEnd, int index)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var triviaStart = lineStart;
        var position = SkipBlanks(text, lineStart, contentEnd);
        for (var k = 0; ; k++)
        {
            var end = k < 4 ? SkipField(text, position, contentEnd) : StrToL(text, position, contentEnd).End;
            if (k == index)
            {
                return (triviaStart, position, end);
            }

            triviaStart = end;
            position = SkipBlanks(text, end, contentEnd);
        }
    }

    /// <summary>
    /// C <c>strtol(s, &amp;end, 10)</c> stored in an int, plus libmount's check that the number ends at a blank or at the
    /// end of the line. Returns the end of the number (the start when nothing was converted).
    /// </summary>
    internal static (int Value, int End, bool Ok) StrToL<TChar>(ReadOnlySpan<TChar> text, int start, int textEnd)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var i = start;
        while (i < textEnd && IsCSpace(CodeUnits.At(text, i)))
        {
            i++;
        }

        var negative = false;
        if (i < textEnd && CodeUnits.At(text, i) is '+' or '-')
        {
            negative = CodeUnits.At(text, i) == '-';
            i++;
        }

        var digitsStart = i;
        ulong magnitude = 0;
        var overflow = false;
        const ulong limit = (ulong)long.MaxValue + 1;
        while (i < textEnd && CodeUnits.At(text, i) is >= '0' and <= '9')
        {
            var digit = (ulong)(CodeUnits.At(text, i) - '0');
            if (overflow || magnitude > (limit - digit) / 10)
            {
                overflow = true;
            }
            else
            {
                magnitude = (magnitude * 10) + digit;
            }

            i++;
        }

        if (i == digitsStart)
        {
            return (0, start, false);
        }

        long value;
        if (negative)
        {
            overflow |= magnitude > limit;
            value = overflow ? long.MinValue : unchecked(-(long)magnitude);
        }
        else
        {
            overflow |= magnitude > (ulong)long.MaxValue;
            value = overflow ? long.MaxValue : (long)magnitude;
        }

        var ok = !overflow && (i == textEnd || CodeUnits.At(text, i) is ' ' or '\t');
        return (unchecked((int)value), i, ok);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SkipBlanks<TChar>(ReadOnlySpan<TChar> text, int position, int limit)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        while (position < limit && CodeUnits.At(text, position) is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    internal static int SkipField<TChar>(ReadOnlySpan<TChar> text, int position, int limit)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Vectorized: a field can be kilobytes long (an escaped mount point in util-linux's mtab is 15 KB).
        var end = text[position..limit].IndexOfAny(CodeUnits.Of<TChar>(' '), CodeUnits.Of<TChar>('\t'));
        return end < 0 ? limit : position + end;
    }

    private static bool IsCSpace(int c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static FstabErrorLine Error<TChar>(SourceText source, ReadOnlySpan<TChar> text, int lineStart, int textEnd, string lineBreak,
        int lineIndex, int column, int length, DiagnosticDescriptor descriptor, string message, List<Diagnostic> diagnostics)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var location = new SourceLocation(source.Path, new TextSpan(lineStart + column, length), new LinePosition(lineIndex, column));
        var diagnostic = descriptor.Create(location, message);
        diagnostics.Add(diagnostic);
        return new FstabErrorLine(CodeUnits.ToText(text[lineStart..textEnd]), lineBreak, diagnostic);
    }
}
