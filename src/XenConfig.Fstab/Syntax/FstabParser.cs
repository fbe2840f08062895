using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Fstab.Syntax;

/// <summary>
/// The line scanner. It follows util-linux libmount (<c>mnt_table_parse_next</c>, <c>mnt_parse_table_line</c>,
/// <c>unmangle</c>, <c>next_s32</c>) decision for decision, so that a line is an entry exactly when libmount returns
/// it and an error exactly when libmount reports a parse error.
/// </summary>
internal static class FstabParser
{
    public static List<FstabLine> Parse(SourceText source, List<Diagnostic> diagnostics)
    {
        var text = source.Content;
        var lines = new List<FstabLine>(text.AsSpan().Count('\n') + 1);
        var position = 0;
        var lineIndex = 0;

        // getline(): a line ends after '\n'; text after the last '\n' is one more line; nothing after it is no line.
        while (position < text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var hasLineFeed = newline >= 0;
            var bodyEnd = hasLineFeed ? newline : text.Length;
            lines.Add(ParseLine(source, position, bodyEnd, hasLineFeed, lineIndex, diagnostics));
            position = hasLineFeed ? newline + 1 : text.Length;
            lineIndex++;
        }

        return lines;
    }

    /// <summary>
    /// Parses one line: what getline returned, without the '\n', the characters <c>[lineStart, bodyEnd)</c> of the
    /// source. Nothing is copied: lines and fields keep where they are in the source.
    /// </summary>
    internal static FstabLine ParseLine(SourceText source, int lineStart, int bodyEnd, bool hasLineFeed, int lineIndex, List<Diagnostic> diagnostics)
    {
        var text = source.Content;
        int contentEnd;
        int textEnd;
        string lineBreak;
        if (hasLineFeed)
        {
            (contentEnd, lineBreak) = bodyEnd > lineStart && text[bodyEnd - 1] == '\r' ? (bodyEnd - 1, "\r\n") : (bodyEnd, "\n");
            textEnd = contentEnd;
            var nul = text.AsSpan(lineStart, contentEnd - lineStart).IndexOf('\0');
            if (nul >= 0)
            {
                // strchr(buf, '\n') stops at the NUL: libmount takes the line for a corrupted one and reports it.
                return Error(source, lineStart, contentEnd, lineBreak, lineIndex, nul, 1, DiagnosticIds.FstabNulCharacter,
                    "this line contains a NUL character; libmount rejects it", diagnostics);
            }
        }
        else
        {
            // The last line without a final newline: libmount reads it up to the first NUL and drops one '\r' before that.
            var nul = text.AsSpan(lineStart, bodyEnd - lineStart).IndexOf('\0');
            var effectiveEnd = nul >= 0 ? lineStart + nul : bodyEnd;
            textEnd = bodyEnd;
            lineBreak = string.Empty;
            if (effectiveEnd > lineStart && text[effectiveEnd - 1] == '\r')
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
            return new FstabBlankLine(text, lineStart, textEnd, lineBreak);
        }

        if (text[start] == '#')
        {
            return new FstabCommentLine(text, lineStart, textEnd, lineBreak);
        }

        return ParseEntry(source, lineStart, contentEnd, textEnd, lineBreak, start, lineIndex, diagnostics);
    }

    private static FstabLine ParseEntry(SourceText source, int lineStart, int contentEnd, int textEnd, string lineBreak, int start,
        int lineIndex, List<Diagnostic> diagnostics)
    {
        var text = source.Content;
        var bounds = default(FieldBounds);
        var count = 0;
        var position = start;
        for (; count < 4; count++)
        {
            var end = SkipField(text, position, contentEnd);
            if (end == position)
            {
                if (count == (int)FstabFieldKind.Options)
                {
                    return new FstabEntryLine(text, source.Encoding, lineStart, textEnd, bounds, count, lineBreak, 0, 0);
                }

                var name = count == (int)FstabFieldKind.Target ? "mount point (field 2)" : "filesystem type (field 3)";
                return Error(source, lineStart, textEnd, lineBreak, lineIndex, position - lineStart, 0, DiagnosticIds.FstabMissingField,
                    $"the {name} is missing; libmount needs at least source, mount point and type and skips this line", diagnostics);
            }

            bounds[2 * count] = position;
            bounds[(2 * count) + 1] = end;
            position = SkipBlanks(text, end, contentEnd);
        }

        Span<int> numbers = [0, 0];
        for (var n = 0; n < 2; n++, count++)
        {
            if (position == contentEnd)
            {
                break;
            }

            var (value, end, ok) = StrToL(text, position, contentEnd);
            if (!ok && end < contentEnd)
            {
                var tokenEnd = Math.Max(SkipField(text, position, contentEnd), position + 1);
                var (descriptor, what) = n == 0 ? (DiagnosticIds.FstabInvalidDump, "dump (field 5)") : (DiagnosticIds.FstabInvalidPass, "pass (field 6)");
                return Error(source, lineStart, textEnd, lineBreak, lineIndex, position - lineStart, tokenEnd - position, descriptor,
                    $"the {what} '{text[position..tokenEnd]}' is not a number; libmount skips this line", diagnostics);
            }

            numbers[n] = value;
            bounds[2 * count] = position;
            bounds[(2 * count) + 1] = end;
            position = SkipBlanks(text, end, contentEnd);
        }

        return new FstabEntryLine(text, source.Encoding, lineStart, textEnd, bounds, count, lineBreak, numbers[0], numbers[1]);
    }

    /// <summary>
    /// C <c>strtol(s, &amp;end, 10)</c> stored in an int, plus libmount's check that the number ends at a blank or at the
    /// end of the line. Returns the end of the number (the start when nothing was converted).
    /// </summary>
    internal static (int Value, int End, bool Ok) StrToL(string text, int start, int textEnd)
    {
        var i = start;
        while (i < textEnd && IsCSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < textEnd && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digitsStart = i;
        ulong magnitude = 0;
        var overflow = false;
        const ulong limit = (ulong)long.MaxValue + 1;
        while (i < textEnd && text[i] is >= '0' and <= '9')
        {
            var digit = (ulong)(text[i] - '0');
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

        var ok = !overflow && (i == textEnd || text[i] == ' ' || text[i] == '\t');
        return (unchecked((int)value), i, ok);
    }

    internal static int SkipBlanks(string text, int position, int limit)
    {
        while (position < limit && (text[position] == ' ' || text[position] == '\t'))
        {
            position++;
        }

        return position;
    }

    internal static int SkipField(string text, int position, int limit)
    {
        // Vectorized: a field can be kilobytes long (an escaped mount point in util-linux's mtab is 15 KB).
        var end = text.AsSpan(position, limit - position).IndexOfAny(' ', '\t');
        return end < 0 ? limit : position + end;
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static FstabErrorLine Error(SourceText source, int lineStart, int textEnd, string lineBreak, int lineIndex,
        int column, int length, DiagnosticDescriptor descriptor, string message, List<Diagnostic> diagnostics)
    {
        var text = source.Content[lineStart..textEnd];
        var location = new SourceLocation(source.Path, new TextSpan(lineStart + column, length), new LinePosition(lineIndex, column));
        var diagnostic = descriptor.Create(location, message);
        diagnostics.Add(diagnostic);
        return new FstabErrorLine(text, lineBreak, diagnostic);
    }
}
