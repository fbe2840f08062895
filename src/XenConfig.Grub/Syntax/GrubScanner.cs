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

    public static List<GrubLine> Scan(string text)
    {
        var lines = new List<GrubLine>();
        var content = new StringBuilder();
        var map = new List<int>();
        var lineStart = 0;
        var literal = false;
        var comment = false;
        var truncated = false;
        var continued = false;

        void Emit(int end, GrubLineKind kind, bool swallows)
        {
            var line = new GrubLine(kind, text, TextSpan.FromBounds(lineStart, end), kind == GrubLineKind.Command ? content.ToString() : string.Empty, kind == GrubLineKind.Command ? [.. map] : [], truncated, swallows)
            {
                IsContinued = continued,
            };
            lines.Add(line);
            lineStart = end;
            content.Clear();
            map.Clear();
            truncated = false;
            continued = false;
            comment = false;
            literal = false;
        }

        var commentSwallowed = false;
        for (var i = 0; i < text.Length; i++)
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
                    commentSwallowed = false;
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
                    continue;
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

        if (lineStart < text.Length)
        {
            Emit(text.Length, comment ? GrubLineKind.Comment : content.Length > 0 ? GrubLineKind.Command : GrubLineKind.Blank, comment && commentSwallowed);
        }

        return lines;
    }
}
