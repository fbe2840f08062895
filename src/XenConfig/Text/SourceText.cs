using System.Text;

namespace XenConfig.Text;

/// <summary>
/// The content of one file, exactly as read, with its optional path and a map from offsets to lines and columns.
/// </summary>
/// <remarks>
/// Nothing is normalized: a byte order mark stays in <see cref="Content"/> as U+FEFF, CR and CRLF stay as written.
/// Lines end at LF, CRLF or a lone CR. Files that are not valid UTF-8 are read as Latin-1 so that every byte maps to
/// one character and <see cref="GetBytes(string)"/> writes the same bytes back; an edit that brings a character Latin-1
/// has no byte for is refused (<see cref="EnsureEncodable"/>), never written as <c>?</c>.
/// </remarks>
public sealed class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Latin-1 that refuses a character it cannot represent instead of writing '?'.
    private static readonly Encoding StrictLatin1 = Encoding.GetEncoding(28591, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    // What the file held when read: its decoded text, or (read as ASCII, _readFromBytes) its bytes; neither for a text
    // from a string.
    private readonly string? _readContent;

    // An ASCII text read from bytes keeps them and decodes its Content only when someone asks (the xl fast pass reads
    // the bytes): no decode, and half the memory, for a file nobody reads as a string. The bytes are a copy the text
    // owns (From), or the caller's memory (FromMemory) or the array Load read the file into, neither copied. They are
    // the characters while _isAscii; a text made from such a text by an edit keeps them only as what the file held.
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly bool _isAscii;
    private readonly bool _readFromBytes;
    private string? _content;

    // What is worked out from the text when first asked for, in one object: most parses of a small file ask for none
    // of it, and a text is made for every file read.
    private Derived? _derived;

    private SourceText(string content, string? path, Encoding encoding, string? readContent, ReadOnlyMemory<byte>? readBytes)
    {
        _content = content;
        Path = path;
        Encoding = encoding;
        _readContent = readContent;
        _bytes = readBytes ?? default;
        _readFromBytes = readBytes.HasValue;
    }

    // An ASCII file: its bytes are its characters, one for one; UTF-8 is its encoding. A text that was never a file's
    // (readFromBytes false) has no ReadFingerprint, as a text from a string has none.
    private SourceText(ReadOnlyMemory<byte> ascii, string? path, bool readFromBytes = true)
    {
        _bytes = ascii;
        _isAscii = true;
        _readFromBytes = readFromBytes;
        Path = path;
        Encoding = StrictUtf8;
    }

    /// <summary>The text, character for character as read.</summary>
    public string Content => _content ?? DecodeAscii();

    /// <summary>The file the text came from, or null for text that has no file.</summary>
    public string? Path { get; }

    /// <summary>
    /// How the text maps to bytes: UTF-8 (no BOM added; a BOM in the file is part of <see cref="Content"/>) or
    /// Latin-1 for files that are not valid UTF-8.
    /// </summary>
    public Encoding Encoding { get; }

    /// <summary>Number of characters.</summary>
    public int Length => _isAscii ? _bytes.Length : Content.Length;

    /// <summary>Number of lines; a text that ends with a line break has an empty last line.</summary>
    public int LineCount => LineStarts.Length;

    /// <summary>Wraps a string.</summary>
    public static SourceText From(string content, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new SourceText(content, path, StrictUtf8, readContent: null, readBytes: null);
    }

    /// <summary>Decodes bytes: UTF-8 when they are valid UTF-8, otherwise Latin-1 (one character per byte).</summary>
    public static SourceText From(ReadOnlySpan<byte> bytes, string? path = null)
    {
        // Most configuration files are ASCII (no BOM, no accents): one byte per character, kept as bytes (see _bytes).
        if (System.Text.Ascii.IsValid(bytes))
        {
            return new SourceText(bytes.ToArray(), path);
        }

        return Decode(bytes, path);
    }

    /// <summary>
    /// Like <see cref="From(ReadOnlySpan{byte}, string?)"/>, but an ASCII text keeps <paramref name="bytes"/> themselves
    /// instead of a copy: a 100 MB file read into memory is not copied again to be parsed. Text that is not ASCII is
    /// decoded into a string as <see cref="From(ReadOnlySpan{byte}, string?)"/> does, and then the memory is not kept.
    /// </summary>
    /// <remarks>
    /// The memory must not change while this text, a text made from it (<see cref="WithContent"/>,
    /// <see cref="WithChanges"/>) or a document parsed from either is in use: they read it when asked for a value, a
    /// line or <see cref="ReadFingerprint"/>, and a change shows through or breaks what was parsed (as with
    /// <c>System.Text.Json.JsonDocument.Parse(ReadOnlyMemory&lt;byte&gt;)</c>). Pass a copy, or use
    /// <see cref="From(ReadOnlySpan{byte}, string?)"/>, when the buffer is reused (a pooled array, for one). The method
    /// has its own name, not an overload of <c>From</c>, because an array converts to both a span and a memory.
    /// </remarks>
    /// <param name="bytes">The file's bytes; kept, not copied, when they are ASCII.</param>
    /// <param name="path">The file the bytes came from, or null.</param>
    /// <returns>The text.</returns>
    public static SourceText FromMemory(ReadOnlyMemory<byte> bytes, string? path = null) =>
        System.Text.Ascii.IsValid(bytes.Span) ? new SourceText(bytes, path) : Decode(bytes.Span, path);

    /// <summary>
    /// A text the library wrote itself (the xl config converted from an xm script), given as its characters' ASCII bytes:
    /// kept as those bytes, half the memory of the string, and like <see cref="From(string, string?)"/> in all else
    /// (no <see cref="ReadFingerprint"/>: it was never read from <paramref name="path"/>).
    /// </summary>
    internal static SourceText FromGeneratedAscii(byte[] ascii, string? path)
    {
        if (!System.Text.Ascii.IsValid(ascii))
        {
            throw new ArgumentException("the bytes are not ASCII", nameof(ascii));
        }

        return new SourceText(ascii, path, readFromBytes: false);
    }

    // Text that is not ASCII: UTF-8 when it is valid UTF-8, otherwise Latin-1 (one character per byte).
    private static SourceText Decode(ReadOnlySpan<byte> bytes, string? path)
    {
        try
        {
            var content = StrictUtf8.GetString(bytes);
            return new SourceText(content, path, StrictUtf8, content, readBytes: null);
        }
        catch (DecoderFallbackException)
        {
            var content = StrictLatin1.GetString(bytes);
            return new SourceText(content, path, StrictLatin1, content, readBytes: null);
        }
    }

    /// <summary>The text's bytes when it was read from ASCII bytes and not edited (each byte is one character at the same offset).</summary>
    internal bool TryGetAscii(out ReadOnlyMemory<byte> bytes)
    {
        bytes = _isAscii ? _bytes : default;
        return _isAscii;
    }

    // ASCII decodes by widening each byte; concurrent first readers may both decode, and all get the one published.
    private string DecodeAscii()
    {
        var content = Encoding.Latin1.GetString(_bytes.Span);
        return Interlocked.CompareExchange(ref _content, content, null) ?? content;
    }

    /// <summary>
    /// Lets go of the string an ASCII text decoded from its bytes for <see cref="Content"/>; the next reader decodes
    /// the same characters again. For a reader done with a large text's string while the text lives on: the xm
    /// evaluator parses a script's string, but the conversion and the output after it read only positions, which come
    /// from the bytes (a 10 MB script's string is 20 MB beside its 10 MB of bytes). A text without bytes keeps its string.
    /// </summary>
    internal void ReleaseDecodedContent()
    {
        if (_isAscii)
        {
            Volatile.Write(ref _content, null);
        }
    }

    /// <summary>
    /// What the file held when this text was read (length and SHA-256 of the bytes), kept by <see cref="WithContent"/>;
    /// null for a text made from a string. A save compares it with the file on disk and refuses to replace a change
    /// made in between (<see cref="AtomicFileOptions.ExpectedContent"/>).
    /// </summary>
    public FileFingerprint? ReadFingerprint =>
        _readContent is null && !_readFromBytes ? null : More.ReadFingerprint ??= FileFingerprint.Of(_readFromBytes ? _bytes.Span : Encoding.GetBytes(_readContent!));

    /// <summary>Largest file <see cref="Load"/> reads: 64 MiB (configs are kilobytes; this stops <c>/dev/zero</c> and accidents).</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>Reads a file without normalizing anything.</summary>
    /// <exception cref="IOException">The file cannot be read, or is larger than <see cref="MaxFileBytes"/>.</exception>
    public static SourceText Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, MaxFileBytes);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, at most <paramref name="maxBytes"/>, and decodes it. A file that says
    /// how long it is is read into one array of that size, which an ASCII text then keeps (<see cref="FromMemory"/>: the
    /// array is this method's own and nobody else holds it, so nothing is copied); a stream of unknown length, or a file
    /// that grows while it is read, goes through a pooled buffer that is copied. A repository of 10,000 guests reads
    /// 20,000 files, and a chunk buffer per file was most of the cost of reading it.
    /// </summary>
    /// <exception cref="IOException">The stream cannot be read, or holds more than <paramref name="maxBytes"/>.</exception>
    internal static SourceText Read(Stream stream, string path, long maxBytes)
    {
        // A regular file says how long it is; devices, pipes and /proc files report no length (or a wrong one), and a
        // file may grow while it is read, so the length is only the first guess.
        var expected = stream.CanSeek ? stream.Length - stream.Position : 0;
        if (expected > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        if (expected <= 0)
        {
            return ReadPooled(stream, path, maxBytes, []);
        }

        var owned = GC.AllocateUninitializedArray<byte>((int)expected);
        var filled = 0;
        int read;
        while (filled < owned.Length && (read = stream.Read(owned, filled, owned.Length - filled)) > 0)
        {
            filled += read;
        }

        // Shorter than it said (truncated meanwhile): what was read. Longer (grown): the rest through the pooled buffer.
        Span<byte> probe = stackalloc byte[1];
        if (filled < owned.Length || stream.Read(probe) == 0)
        {
            return FromMemory(owned.AsMemory(0, filled), path);
        }

        var head = new byte[filled + 1];
        owned.AsSpan().CopyTo(head);
        head[filled] = probe[0];
        return ReadPooled(stream, path, maxBytes, head);
    }

    // Reads the rest of the stream after head through one pooled buffer, and decodes a copy of it (From).
    private static SourceText ReadPooled(Stream stream, string path, long maxBytes, ReadOnlySpan<byte> head)
    {
        if (head.Length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        // One byte more than needed lets the read that finds the end come back with 0 instead of needing a bigger buffer.
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var buffer = pool.Rent(Math.Max(2 * head.Length, 4096));
        head.CopyTo(buffer);
        var length = head.Length;
        try
        {
            int read;
            while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw TooLarge(path, maxBytes);
                }

                if (length == buffer.Length)
                {
                    var larger = pool.Rent((int)Math.Min(2L * buffer.Length, Math.Min(maxBytes, MaxFileBytes) + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
            }

            return From(buffer.AsSpan(0, length), path);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private static IOException TooLarge(string path, long maxBytes) =>
        new($"{path} is larger than {maxBytes} bytes; it is not a configuration file");

    /// <summary>The bytes of <paramref name="content"/> in this text's encoding (for writing an edited text back).</summary>
    /// <exception cref="ArgumentException">The encoding cannot represent a character of <paramref name="content"/>
    /// (a Latin-1 file and a character above U+00FF); nothing is substituted.</exception>
    public byte[] GetBytes(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureEncodable(content);
        return Encoding.GetBytes(content);
    }

    /// <summary>
    /// Throws when this text's encoding cannot represent a character of <paramref name="content"/>: a file read as
    /// Latin-1 cannot take a character above U+00FF, and no encoding takes a lone surrogate. Editors call it before
    /// they splice, so an edit is refused rather than saved with a <c>?</c> in its place.
    /// </summary>
    /// <exception cref="ArgumentException">A character cannot be represented; the message names it.</exception>
    public void EnsureEncodable(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var latin1 = Encoding.CodePage == StrictLatin1.CodePage;
        var span = content.AsSpan();
        var first = latin1 ? span.IndexOfAnyExceptInRange('\0', '\u00FF') : span.IndexOfAnyInRange('\uD800', '\uDFFF');
        for (var i = Math.Max(first, 0); first >= 0 && i < content.Length; i++)
        {
            var c = content[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < content.Length && char.IsLowSurrogate(content[i + 1]);
            if (char.IsSurrogate(c) && !pair)
            {
                throw new ArgumentException($"a lone UTF-16 surrogate (U+{(int)c:X4}) at offset {i} cannot be written in any encoding", nameof(content));
            }

            if (latin1 && c > '\u00FF')
            {
                var scalar = pair ? char.ConvertToUtf32(c, content[i + 1]) : c;
                throw new ArgumentException(
                    $"'{content.AsSpan(i, pair ? 2 : 1)}' (U+{scalar:X4}) cannot be written: the file is read as Latin-1 (it is not valid UTF-8), which has no such character", nameof(content));
            }

            if (pair)
            {
                i++;
            }
        }
    }

    /// <summary>A text with new content that keeps this text's path, encoding and <see cref="ReadFingerprint"/>.</summary>
    public SourceText WithContent(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        // The cast matters: a bare null would become an empty array's memory (the implicit conversion from byte[]).
        return new SourceText(content, Path, Encoding, _readContent, _readFromBytes ? _bytes : (ReadOnlyMemory<byte>?)null);
    }

    /// <summary>
    /// This text with <paramref name="changes"/> applied in one pass: each change's span refers to this text, so their
    /// order does not matter, except that insertions at the same offset land in the order given (and before a
    /// replacement starting there). The result keeps this text's path, encoding and <see cref="ReadFingerprint"/>, so
    /// a save still notices a change made on disk since the read; when the changes leave the content as it was, the
    /// result is this very instance.
    /// </summary>
    /// <param name="changes">Non-overlapping changes of this text.</param>
    /// <returns>The edited text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A span lies outside this text.</exception>
    /// <exception cref="ArgumentException">Two changes overlap, or the result holds a character the encoding cannot
    /// write (see <see cref="EnsureEncodable"/>); nothing is applied.</exception>
    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);

        // A stable sort by (start, end) keeps insertions at one offset in the given order and puts them before a
        // replacement that starts there.
        var sorted = changes.Select((change, index) => (Change: change ?? throw new ArgumentException("A change is null.", nameof(changes)), Index: index))
            .OrderBy(c => c.Change.Span.Start).ThenBy(c => c.Change.Span.End).ThenBy(c => c.Index)
            .Select(c => c.Change).ToList();
        if (sorted.Count == 0)
        {
            return this;
        }

        var builder = new StringBuilder(Content.Length + sorted.Sum(c => c.NewText.Length));
        var position = 0;
        TextChange? previous = null;
        foreach (var change in sorted)
        {
            var span = change.Span;
            if (span.Start < 0 || span.Length < 0 || span.End > Content.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(changes), span, $"The change {span} lies outside the text (length {Content.Length}).");
            }

            if (span.Start < position)
            {
                throw new ArgumentException($"The changes {previous!.Span} and {span} overlap.", nameof(changes));
            }

            builder.Append(Content, position, span.Start - position).Append(change.NewText);
            position = span.End;
            previous = change;
        }

        builder.Append(Content, position, Content.Length - position);
        var updated = builder.ToString();
        if (string.Equals(updated, Content, StringComparison.Ordinal))
        {
            return this;
        }

        EnsureEncodable(updated);
        return WithContent(updated);
    }

    /// <summary>The characters of <paramref name="span"/>.</summary>
    public string ToString(TextSpan span) => Content.Substring(span.Start, span.Length);

    /// <inheritdoc />
    public override string ToString() => Content;

    /// <summary>
    /// The line break an editor gives a line it inserts: the one most lines of the text end with, so an inserted line
    /// matches the file (<c>"\r\n"</c> only when CRLF lines outnumber LF lines; <c>"\n"</c> otherwise, and for a text
    /// without line breaks). Every format's editor uses this one rule.
    /// </summary>
    public string NewLine => More.NewLine ??= PreferredNewLine(Content);

    /// <summary>The line break most lines of <paramref name="content"/> end with (see <see cref="NewLine"/>).</summary>
    /// <param name="content">The text.</param>
    public static string PreferredNewLine(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        int crlf = 0, lf = 0;
        for (var i = content.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = content.IndexOf('\n', i + 1))
        {
            if (i > 0 && content[i - 1] == '\r')
            {
                crlf++;
            }
            else
            {
                lf++;
            }
        }

        return crlf > lf ? "\r\n" : "\n";
    }

    /// <summary>Offsets at which each line starts; the first is always 0.</summary>
    public IReadOnlyList<int> LineStartOffsets => LineStarts;

    // An ASCII text finds its lines in its bytes, so a diagnostic's position does not decode the whole file.
    private int[] LineStarts => More.LineStarts ??= _isAscii ? ComputeLineStarts(_bytes.Span) : ComputeLineStarts(Content.AsSpan());

    /// <summary>The zero-based line that contains <paramref name="offset"/> (offset may equal <see cref="Length"/>).</summary>
    public int GetLineIndex(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Length);
        var index = Array.BinarySearch(LineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>
    /// The line and column of <paramref name="offset"/>. Columns count Unicode scalar values, so a surrogate pair is one
    /// column; a byte order mark at the start of the file takes no column.
    /// </summary>
    public LinePosition GetLinePosition(int offset)
    {
        var line = GetLineIndex(offset);
        var start = LineStarts[line];
        if (line == 0 && !_isAscii && Content.Length > 0 && Content[0] == '\uFEFF' && offset > 0)
        {
            start = 1;
        }

        // The low half of a surrogate pair shares the column of its high half. Counting them with a binary search over
        // their positions keeps this O(log n), so a line with many diagnostics is not quadratic.
        var pairs = PairedLowSurrogates;
        var column = offset - start;
        if (pairs.Length > 0)
        {
            column -= CountBelow(pairs, offset) - CountBelow(pairs, start + 1);
        }

        return new LinePosition(line, column);
    }

    private int[] PairedLowSurrogates => More.PairedLowSurrogates ??= _isAscii ? [] : FindPairedLowSurrogates(Content);

    // Concurrent first readers may both make one; all use the one published (its values are the same whoever computes them).
    private Derived More => _derived ?? Interlocked.CompareExchange(ref _derived, new Derived(), null) ?? _derived;

    private static int CountBelow(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }

    private static int[] FindPairedLowSurrogates(string content)
    {
        if (content.AsSpan().IndexOfAnyInRange('\uDC00', '\uDFFF') < 0)
        {
            return [];
        }

        var positions = new List<int>();
        for (var i = 1; i < content.Length; i++)
        {
            if (char.IsLowSurrogate(content[i]) && char.IsHighSurrogate(content[i - 1]))
            {
                positions.Add(i);
            }
        }

        return [.. positions];
    }

    /// <summary>The span of a line without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var starts = LineStarts;
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, starts.Length);
        var start = starts[line];
        var end = line + 1 < starts.Length ? starts[line + 1] : Content.Length;
        if (end > start && Content[end - 1] == '\n')
        {
            end--;
        }

        if (end > start && Content[end - 1] == '\r')
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>A location in this text, for diagnostics.</summary>
    public SourceLocation GetLocation(TextSpan span) => new(Path, span, GetLinePosition(span.Start));

    // Two passes instead of a growing list: the table is made once, at its size (a file with a diagnostic has its
    // table built, and for a small file the list's arrays were most of what its parse allocated).
    private static int[] ComputeLineStarts<T>(ReadOnlySpan<T> span)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var (lineFeed, carriageReturn) = (T.CreateTruncating('\n'), T.CreateTruncating('\r'));
        var count = 1;
        if (span.Contains(carriageReturn))
        {
            for (var position = NextLineStart(span, 0); position > 0; position = NextLineStart(span, position))
            {
                count++;
            }
        }
        else
        {
            count += span.Count(lineFeed);
        }

        var starts = new int[count];
        for (int line = 1, position = NextLineStart(span, 0); position > 0; position = NextLineStart(span, position))
        {
            starts[line++] = position;
        }

        return starts;
    }

    // Where the line after the one that holds position starts (after LF, CRLF or a lone CR), or -1 for the last line.
    private static int NextLineStart<T>(ReadOnlySpan<T> span, int position)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var (lineFeed, carriageReturn) = (T.CreateTruncating('\n'), T.CreateTruncating('\r'));
        var next = span[position..].IndexOfAny(lineFeed, carriageReturn);
        if (next < 0)
        {
            return -1;
        }

        position += next;
        if (span[position] == carriageReturn && position + 1 < span.Length && span[position + 1] == lineFeed)
        {
            position++;
        }

        return position + 1;
    }

    /// <summary>The values worked out from the text on first request.</summary>
    private sealed class Derived
    {
        public FileFingerprint? ReadFingerprint;
        public int[]? LineStarts;
        public string? NewLine;
        public int[]? PairedLowSurrogates;
    }
}
