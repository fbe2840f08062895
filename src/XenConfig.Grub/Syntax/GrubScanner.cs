using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        if (text.IsBytes)
        {
            ScanBytes(text, lines);
            return lines;
        }

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
    /// The lines of an ASCII file, read from its bytes as <see cref="ScanSimpleLine"/> and <see cref="ScanJoinedLine"/>
    /// read them, with the searches taken out of the per-line work: the line feeds, backslashes and carriage returns come
    /// from bit masks made 64 bytes at a time in one pass over the text (a 100 MB menu is read from memory once for them,
    /// not once for the line feeds and once more for the others), so each line costs a bit scan instead of a vectorised
    /// search set up for a few dozen bytes.
    /// </summary>
    private static void ScanBytes(GrubChars all, GrubLineTable lines)
    {
        var text = all.Bytes;
        var feeds = new LineFeeds(text);
        var lineStart = 0;
        StringBuilder? content = null;
        List<int>? map = null;
        while (lineStart < text.Length)
        {
            var feed = feeds.Next(out var special);
            var end = feed < 0 ? text.Length : feed;
            var contentEnd = end;
            if (special < end)
            {
                // A carriage return just before the line feed (or as the last character) is the only one the simple
                // reading takes: special is the first in the line, so nothing else is in it.
                if (special != end - 1 || text[special] != '\r')
                {
                    lineStart = ScanJoinedLine(all, lineStart, lines, content ??= new StringBuilder(), map ??= []);
                    feeds.MoveTo(lineStart);
                    continue;
                }

                contentEnd = special;
            }

            var next = feed < 0 ? text.Length : feed + 1;
            var span = TextSpan.FromBounds(lineStart, next);
            var start = lineStart;
            while (start < contentEnd && text[start] is (byte)' ' or (byte)'\t')
            {
                start++;
            }

            AddLine(lines, span, lineStart, start, contentEnd, start < contentEnd && text[start] == '#');
            lineStart = next;
        }
    }

    /// <summary>
    /// The line feeds of a text in order, found 64 bytes at a time: a block's line feeds are the set bits of a mask,
    /// so the next one is a trailing-zero count away. The block's backslashes and carriage returns are a second mask
    /// made from the same loads, which tells the first of them before each line feed.
    /// </summary>
    private ref struct LineFeeds
    {
        private readonly ReadOnlySpan<byte> _text;
        private int _block;
        private ulong _feeds;
        private ulong _specials;

        public LineFeeds(ReadOnlySpan<byte> text)
        {
            _text = text;
            MoveTo(0);
        }

        /// <summary>Continues from <paramref name="position"/>: what <see cref="Next"/> returns is at or after it.</summary>
        public void MoveTo(int position)
        {
            _block = position & ~63;
            var from = ulong.MaxValue << (position - _block);
            (_feeds, _specials) = Masks(_block);
            (_feeds, _specials) = (_feeds & from, _specials & from);
        }

        /// <summary>
        /// The next line feed, or -1 when there is none; <paramref name="special"/> is the first backslash or carriage
        /// return before it (after the previous one), or <see cref="int.MaxValue"/>.
        /// </summary>
        public int Next(out int special)
        {
            special = int.MaxValue;
            while (_feeds == 0)
            {
                if (_specials != 0 && special == int.MaxValue)
                {
                    special = _block + BitOperations.TrailingZeroCount(_specials);
                }

                _block += 64;
                if (_block >= _text.Length)
                {
                    _specials = 0;
                    return -1;
                }

                (_feeds, _specials) = Masks(_block);
            }

            var feedBit = _feeds & (0 - _feeds);
            var before = _specials & (feedBit - 1);
            if (before != 0 && special == int.MaxValue)
            {
                special = _block + BitOperations.TrailingZeroCount(before);
            }

            _specials &= ~(feedBit - 1);
            _feeds &= _feeds - 1;
            return _block + BitOperations.TrailingZeroCount(feedBit);
        }

        /// <summary>
        /// Bit i of Feeds is set when byte <c>block + i</c> is a line feed, of Specials when it is a backslash or a
        /// carriage return (bits past the text's end are clear).
        /// </summary>
        private readonly (ulong Feeds, ulong Specials) Masks(int block)
        {
            if (block + 64 <= _text.Length)
            {
                ref var start = ref Unsafe.Add(ref MemoryMarshal.GetReference(_text), block);
                if (Vector256.IsHardwareAccelerated)
                {
                    var feed = Vector256.Create((byte)'\n');
                    var backslash = Vector256.Create((byte)'\\');
                    var carriage = Vector256.Create((byte)'\r');
                    var low = Vector256.LoadUnsafe(ref start);
                    var high = Vector256.LoadUnsafe(ref start, 32);
                    var feeds = Vector256.Equals(low, feed).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, feed).ExtractMostSignificantBits() << 32);
                    var specials = (Vector256.Equals(low, backslash) | Vector256.Equals(low, carriage)).ExtractMostSignificantBits()
                        | ((ulong)(Vector256.Equals(high, backslash) | Vector256.Equals(high, carriage)).ExtractMostSignificantBits() << 32);
                    return (feeds, specials);
                }

                if (Vector128.IsHardwareAccelerated)
                {
                    var feed = Vector128.Create((byte)'\n');
                    var backslash = Vector128.Create((byte)'\\');
                    var carriage = Vector128.Create((byte)'\r');
                    ulong feeds = 0, specials = 0;
                    for (nuint part = 0; part < 4; part++)
                    {
                        var bytes = Vector128.LoadUnsafe(ref start, part * 16);
                        feeds |= (ulong)Vector128.Equals(bytes, feed).ExtractMostSignificantBits() << (int)(part * 16);
                        specials |= (ulong)(Vector128.Equals(bytes, backslash) | Vector128.Equals(bytes, carriage)).ExtractMostSignificantBits() << (int)(part * 16);
                    }

                    return (feeds, specials);
                }
            }

            // The last block, or a machine without vectors: bit by bit.
            ulong feedBits = 0, specialBits = 0;
            for (var i = block; i < Math.Min(block + 64, _text.Length); i++)
            {
                if (_text[i] == '\n')
                {
                    feedBits |= 1UL << (i - block);
                }
                else if (_text[i] is (byte)'\\' or (byte)'\r')
                {
                    specialBits |= 1UL << (i - block);
                }
            }

            return (feedBits, specialBits);
        }
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

        AddLine(lines, span, lineStart, start, contentEnd, start < contentEnd && text[start] == '#');
        return next;
    }

    /// <summary>
    /// Records a simple line once its indentation is stepped over: blank, comment, or a command whose content starts at
    /// <paramref name="start"/> (cut at GRUB's line length, as GRUB cuts it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddLine(GrubLineTable lines, TextSpan span, int lineStart, int start, int contentEnd, bool startsWithHash)
    {
        if (start == contentEnd)
        {
            lines.Add(GrubLineKind.Blank, span, lineStart, lineStart);
        }
        else if (startsWithHash)
        {
            lines.Add(GrubLineKind.Comment, span, lineStart, lineStart);
        }
        else
        {
            lines.Add(GrubLineKind.Command, span, start, contentEnd);
        }
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
