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
        var lines = new List<FstabLine>();
        var position = 0;
        var lineIndex = 0;

        // getline(): a line ends after '\n'; text after the last '\n' is one more line; nothing after it is no line.
        while (position < text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var hasLineFeed = newline >= 0;
            var bodyEnd = hasLineFeed ? newline : text.Length;
            lines.Add(ParseLine(source, text[position..bodyEnd], hasLineFeed, position, lineIndex, diagnostics));
            position = hasLineFeed ? newline + 1 : text.Length;
            lineIndex++;
        }

        return lines;
    }

    /// <summary>Parses one line (what getline returned, without the '\n').</summary>
    internal static FstabLine ParseLine(SourceText source, string body, bool hasLineFeed, int lineStart, int lineIndex, List<Diagnostic> diagnostics)
    {
        string content;
        string tail;
        string lineBreak;
        if (hasLineFeed)
        {
            (content, lineBreak) = body.EndsWith('\r') ? (body[..^1], "\r\n") : (body, "\n");
            tail = string.Empty;
            var nul = content.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0)
            {
                // strchr(buf, '\n') stops at the NUL: libmount takes the line for a corrupted one and reports it.
                return Error(source, content, lineBreak, lineStart, lineIndex, nul, 1, DiagnosticIds.FstabNulCharacter,
                    "this line contains a NUL character; libmount rejects it", diagnostics);
            }
        }
        else
        {
            // The last line without a final newline: libmount reads it up to the first NUL and drops one '\r' before that.
            var nul = body.IndexOf('\0', StringComparison.Ordinal);
            var effective = nul >= 0 ? body[..nul] : body;
            var rest = nul >= 0 ? body[nul..] : string.Empty;
            if (effective.EndsWith('\r'))
            {
                content = effective[..^1];
                (tail, lineBreak) = rest.Length == 0 ? (string.Empty, "\r") : ("\r" + rest, string.Empty);
            }
            else
            {
                content = effective;
                tail = rest;
                lineBreak = string.Empty;
            }
        }

        var start = SkipBlanks(content, 0);
        if (start == content.Length)
        {
            return new FstabBlankLine(content + tail, lineBreak);
        }

        if (content[start] == '#')
        {
            return new FstabCommentLine(content + tail, lineBreak);
        }

        return ParseEntry(source, content, tail, lineBreak, start, lineStart, lineIndex, diagnostics);
    }

    private static FstabLine ParseEntry(SourceText source, string content, string tail, string lineBreak, int start,
        int lineStart, int lineIndex, List<Diagnostic> diagnostics)
    {
        var encoding = source.Encoding;
        var fields = new List<FstabField>(6);
        var position = start;
        var triviaStart = 0;
        var kinds = new[] { FstabFieldKind.Source, FstabFieldKind.Target, FstabFieldKind.FileSystemType, FstabFieldKind.Options };
        foreach (var kind in kinds)
        {
            var end = SkipField(content, position);
            if (end == position)
            {
                if (kind == FstabFieldKind.Options)
                {
                    return new FstabEntryLine(fields, content[triviaStart..] + tail, lineBreak, 0, 0);
                }

                var name = kind == FstabFieldKind.Target ? "mount point (field 2)" : "filesystem type (field 3)";
                return Error(source, content + tail, lineBreak, lineStart, lineIndex, position, 0, DiagnosticIds.FstabMissingField,
                    $"the {name} is missing; libmount needs at least source, mount point and type and skips this line", diagnostics);
            }

            fields.Add(new FstabField(kind, content[triviaStart..position], content[position..end], encoding));
            triviaStart = end;
            position = SkipBlanks(content, end);
        }

        var numbers = new int[2];
        var numericKinds = new[] { FstabFieldKind.Dump, FstabFieldKind.Pass };
        for (var n = 0; n < 2; n++)
        {
            if (position == content.Length)
            {
                return new FstabEntryLine(fields, content[triviaStart..] + tail, lineBreak, numbers[0], numbers[1]);
            }

            var (value, end, ok) = StrToL(content, position);
            if (!ok && end < content.Length)
            {
                var tokenEnd = Math.Max(SkipField(content, position), position + 1);
                var (descriptor, what) = n == 0 ? (DiagnosticIds.FstabInvalidDump, "dump (field 5)") : (DiagnosticIds.FstabInvalidPass, "pass (field 6)");
                return Error(source, content + tail, lineBreak, lineStart, lineIndex, position, tokenEnd - position, descriptor,
                    $"the {what} '{content[position..tokenEnd]}' is not a number; libmount skips this line", diagnostics);
            }

            numbers[n] = value;
            fields.Add(new FstabField(numericKinds[n], content[triviaStart..position], content[position..end], encoding));
            triviaStart = end;
            position = SkipBlanks(content, end);
        }

        return new FstabEntryLine(fields, content[triviaStart..] + tail, lineBreak, numbers[0], numbers[1]);
    }

    /// <summary>
    /// C <c>strtol(s, &amp;end, 10)</c> stored in an int, plus libmount's check that the number ends at a blank or at the
    /// end of the line. Returns the end of the number (the start when nothing was converted).
    /// </summary>
    internal static (int Value, int End, bool Ok) StrToL(string text, int start)
    {
        var i = start;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digitsStart = i;
        ulong magnitude = 0;
        var overflow = false;
        const ulong limit = (ulong)long.MaxValue + 1;
        while (i < text.Length && text[i] is >= '0' and <= '9')
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

        var ok = !overflow && (i == text.Length || text[i] == ' ' || text[i] == '\t');
        return (unchecked((int)value), i, ok);
    }

    internal static int SkipBlanks(string text, int position)
    {
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t'))
        {
            position++;
        }

        return position;
    }

    internal static int SkipField(string text, int position)
    {
        while (position < text.Length && text[position] != ' ' && text[position] != '\t')
        {
            position++;
        }

        return position;
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static FstabErrorLine Error(SourceText source, string text, string lineBreak, int lineStart, int lineIndex,
        int column, int length, DiagnosticDescriptor descriptor, string message, List<Diagnostic> diagnostics)
    {
        var location = new SourceLocation(source.Path, new TextSpan(lineStart + column, length), new LinePosition(lineIndex, column));
        var diagnostic = descriptor.Create(location, message);
        diagnostics.Add(diagnostic);
        return new FstabErrorLine(text, lineBreak, diagnostic);
    }
}
