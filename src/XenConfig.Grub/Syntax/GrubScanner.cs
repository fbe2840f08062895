using System.Text;
using XenConfig.Text;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// Splits a menu.lst into logical lines exactly as GRUB 0.97's <c>get_line_from_config</c> reads the bytes, while
/// giving every character of the input to exactly one line.
/// </summary>
internal static class GrubScanner
{
    /// <summary>GRUB's line buffer (<c>NEW_HEAPSIZE</c>): characters past it are dropped.</summary>
    internal const int MaxLineLength = 1500;

    /// <summary>The lines of <paramref name="source"/>, read from its bytes when it has them.</summary>
    public static GrubLineTable Scan(GrubSource source)
    {
        var text = source.All;
        // One line per line feed, and one more for characters after the last one (the table is made at its size).
        var lines = new GrubLineTable(source, text.Count('\n') + (text.Length > 0 && text[text.Length - 1] == '\n' ? 0 : 1));
        var lineStart = 0;
        StringBuilder? content = null;
        List<int>? map = null;
        while (lineStart < text.Length)
        {
            var next = ScanSimpleLine(text, lineStart, lines);
            lineStart = next >= 0 ? next : ScanJoinedLine(text, lineStart, lines, content ??= new StringBuilder(), map ??= []);
        }

        return lines;
    }

    /// <summary>
    /// The usual line: one physical line without a backslash, and with a carriage return at most just before its line
    /// feed. Its content is a run of the source, so nothing is copied. Returns where the next line starts, or -1 when
    /// the line needs <see cref="ScanJoinedLine"/>.
    /// </summary>
    private static int ScanSimpleLine(GrubChars text, int lineStart, GrubLineTable lines)
    {
        // One search finds the line feed or what makes the line a joined one (a backslash, a carriage return that is
        // not the last character before the line feed or of the text).
        var stop = text.Slice(lineStart).IndexOfAny('\n', '\\', '\r');
        int contentEnd, next;
        if (stop < 0)
        {
            (contentEnd, next) = (text.Length, text.Length);
        }
        else if (text[lineStart + stop] == '\n')
        {
            (contentEnd, next) = (lineStart + stop, lineStart + stop + 1);
        }
        else if (text[lineStart + stop] == '\r' && lineStart + stop + 1 == text.Length)
        {
            (contentEnd, next) = (text.Length - 1, text.Length);
        }
        else if (text[lineStart + stop] == '\r' && text[lineStart + stop + 1] == '\n')
        {
            (contentEnd, next) = (lineStart + stop, lineStart + stop + 2);
        }
        else
        {
            return -1;
        }

        var span = TextSpan.FromBounds(lineStart, next);

        // Indentation is a few blanks at most: stepping over them costs less than setting up a vectorised search.
        var start = lineStart;
        while (start < contentEnd && text[start] is ' ' or '\t')
        {
            start++;
        }

        if (start == contentEnd)
        {
            lines.Add(GrubLineKind.Blank, span, lineStart, 0, truncated: false);
        }
        else if (text[start] == '#')
        {
            lines.Add(GrubLineKind.Comment, span, lineStart, 0, truncated: false);
        }
        else
        {
            var length = contentEnd - start;
            lines.Add(GrubLineKind.Command, span, start, Math.Min(length, MaxLineLength), length > MaxLineLength);
        }

        return next;
    }

    /// <summary>
    /// GRUB's reading character by character, for a line with backslashes or carriage returns inside: it may join
    /// several physical lines. Returns where the next line starts.
    /// </summary>
    private static int ScanJoinedLine(GrubChars text, int lineStart, GrubLineTable lines, StringBuilder content, List<int> map)
    {
        var literal = false;
        var comment = false;
        var truncated = false;
        var continued = false;
        var commentSwallowed = false;
        content.Clear();
        map.Clear();

        void Emit(int end, GrubLineKind kind, bool swallows)
        {
            var command = kind == GrubLineKind.Command;
            lines.Add(kind, TextSpan.FromBounds(lineStart, end), command ? content.ToString() : string.Empty, command ? [.. map] : [], truncated, swallows, continued);
        }

        for (var i = lineStart; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                continue;
            }

            if (c == '\t')
            {
                c = ' ';
            }

            if (literal)
            {
                if (c == '\n')
                {
                    c = ' ';
                    if (comment)
                    {
                        commentSwallowed = true;
                    }
                    else
                    {
                        continued = true;
                    }

                    if (content.Length > 0)
                    {
                        content.Length--;
                        map.RemoveAt(map.Count - 1);
                    }
                }

                literal = false;
            }

            if (c == '\\')
            {
                literal = true;
            }

            if (comment)
            {
                if (c == '\n')
                {
                    Emit(i + 1, GrubLineKind.Comment, commentSwallowed);
                    return i + 1;
                }
            }
            else if (content.Length == 0)
            {
                if (c == '#')
                {
                    comment = true;
                }
                else if (c == '\n')
                {
                    Emit(i + 1, GrubLineKind.Blank, false);
                    return i + 1;
                }
                else if (c != ' ')
                {
                    content.Append(c);
                    map.Add(i);
                }
            }
            else
            {
                if (c == '\n')
                {
                    Emit(i + 1, GrubLineKind.Command, false);
                    return i + 1;
                }

                if (content.Length < MaxLineLength)
                {
                    content.Append(c);
                    map.Add(i);
                }
                else
                {
                    truncated = true;
                }
            }
        }

        Emit(text.Length, comment ? GrubLineKind.Comment : content.Length > 0 ? GrubLineKind.Command : GrubLineKind.Blank, comment && commentSwallowed);
        return text.Length;
    }
}
