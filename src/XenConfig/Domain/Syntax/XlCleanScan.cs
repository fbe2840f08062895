using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using XenConfig.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>
/// The fast path of a parse: one pass over a file that xl accepts without a word, which records only where each
/// assignment's key and value are. It gives up (null) on anything the full parser (<see cref="XlLexer"/>,
/// <see cref="XlParser"/>, <see cref="EffectiveSettings"/>) would say something about: any diagnostic, a key assigned
/// twice, deep nesting, a carriage return, a character it has no rule for. So a file it accepts has no diagnostics, and
/// its effective values are exactly what the full parse computes; the lossless tree is then built only when asked for.
/// A key may repeat: with <c>+=</c> of the same type (string or list), which appends as libxlu does, or with <c>=</c>,
/// which replaces the value (last wins) and is reported (XC1014, listed by <see cref="Replacements"/>). The only other
/// diagnostic a scanned file can have is XC1004, a digit escape libxlu mangles (<see cref="FindMangledEscapes"/>); the
/// document raises both exactly as the full parse does.
/// </summary>
/// <remarks>
/// Every rule here is a strict subset of the lexer's and parser's; what is outside the subset goes to the full parse
/// (tests/XenConfig.Tests: XlFastPathTests compare both on the corpus and every fuzz input). The scan reads characters
/// (<see cref="XlCleanScan{TChar}"/> of <see cref="char"/>) or, for a file read as ASCII, its bytes (of <see cref="byte"/>),
/// so such a file is never decoded into a string unless someone asks for its text or tree.
/// </remarks>
internal abstract class XlCleanScan
{
    /// <summary>Scans <paramref name="text"/> (its bytes when it has them); null when the full parser has to read it.</summary>
    public static XlCleanScan? TryScan(SourceText text) =>
        text.TryGetAscii(out var bytes) ? XlCleanScan<byte>.TryScan(bytes) : XlCleanScan<char>.TryScan(text.Content.AsMemory());

    /// <summary>Scans a string; null when the full parser has to read it.</summary>
    public static XlCleanScan? TryScan(string text) => XlCleanScan<char>.TryScan(text.AsMemory());

    /// <summary>The effective value of <paramref name="key"/>, or null when it is not set. Built once per key, when asked.</summary>
    public abstract SettingValue? GetValue(string key);

    /// <summary>The assignments' keys, in file order (for tests).</summary>
    internal abstract IEnumerable<string> Keys { get; }

    /// <summary>True when a key is assigned more than once (with <c>=</c> or <c>+=</c>): then a setting spans several assignments.</summary>
    internal abstract bool HasRepeats { get; }

    /// <summary>
    /// The effective settings, in order of each key's first assignment as <see cref="DomainConfigDocument.Settings"/>
    /// orders them, each value read from the text as it is reached and not kept (for writers that look at each value once).
    /// </summary>
    internal abstract IEnumerable<KeyValuePair<string, SettingValue>> Settings { get; }

    /// <summary>The keys of <see cref="Settings"/>: each key once, in order of its first assignment.</summary>
    internal abstract IEnumerable<string> SettingKeys { get; }

    /// <summary>
    /// Every <c>=</c> that replaces an earlier assignment of its key (XC1014), in file order: the key's span, its text,
    /// and where the key's first assignment starts.
    /// </summary>
    internal abstract IEnumerable<(TextSpan Key, string Name, int FirstStart)> Replacements { get; }

    /// <summary>
    /// Every digit escape that libxlu deletes with the digits after it (XC1004), in file order: where it starts, and the
    /// string literal it is in with the escape's offset there. Empty unless the text has a backslash.
    /// </summary>
    internal abstract List<(int Start, string Literal, int Offset)> FindMangledEscapes();

    /// <summary>The last assignment of <paramref name="key"/>: where its key and value are, and whether it is <c>+=</c>; null when it is not set.</summary>
    internal abstract (int KeyStart, int ValueStart, int ValueEnd, bool IsAddition)? LastAssignmentOf(string key);

    /// <summary>The quote character of the first string in the value at <paramref name="start"/> (<see cref="LastAssignmentOf"/>), or null when it has none.</summary>
    internal abstract char? FirstQuoteIn(int start, int end);

    /// <summary>How many strings of the file's values are single-quoted and how many double-quoted.</summary>
    internal abstract (int Single, int Double) CountQuotes();

    /// <summary>
    /// Whether the setting of <paramref name="key"/> ends with <c>+=</c> (<see cref="Setting.IsFromAddition"/>: xl does
    /// not read it as a number); false when it is not set.
    /// </summary>
    public abstract bool IsFromAddition(string key);
}

/// <summary>The fast pass over a text of <typeparamref name="TChar"/>: <see cref="char"/>, or <see cref="byte"/> for ASCII.</summary>
/// <typeparam name="TChar">The text's code unit.</typeparam>
internal sealed class XlCleanScan<TChar> : XlCleanScan
    where TChar : unmanaged, IBinaryInteger<TChar>
{
    // Far below bison's stack limit (each level takes at most 7 states; the limit is 9999).
    private const int MaxDepth = 64;

    // A flat list of at least this many items reads each item when it is asked for.
    private const int LazyListLength = 32;

    // Up to this many assignments, repeated keys are found by comparing spans (no allocation).
    private const int QuadraticKeyCheck = 64;

    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create("\"\\\n\0");
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create("'\\\n\0");
    private static readonly SearchValues<byte> DoubleQuotedByteStops = SearchValues.Create("\"\\\n\0"u8);
    private static readonly SearchValues<byte> SingleQuotedByteStops = SearchValues.Create("'\\\n\0"u8);
    private readonly ReadOnlyMemory<TChar> _text;
    private readonly Assignment[] _assignments;
    private readonly int _count;
    private SettingValue?[]? _values;

    // Only when some key repeats: per assignment, the next assignment of its key (-1 for none) and its key's first one.
    private int[]? _next;
    private int[]? _first;

    private XlCleanScan(ReadOnlyMemory<TChar> text, Assignment[] assignments, int count)
    {
        _text = text;
        _assignments = assignments;
        _count = count;
    }

    /// <summary>One <c>key = value</c> or <c>key += value</c>: offsets into the text. The value span runs from its first to its last character.</summary>
    private readonly record struct Assignment(int KeyStart, int KeyLength, int ValueStart, int ValueEnd, bool IsAddition);

    /// <summary>Scans <paramref name="text"/>; null when the full parser has to read it.</summary>
    public static XlCleanScan<TChar>? TryScan(ReadOnlyMemory<TChar> text)
    {
        // libxlu drops an odd last character (XlLexer.IsDroppedFinalCharacter); with one of these last, it never does.
        if (text.Length > 0 && !IsSafeLast(At(text.Span, text.Length - 1)))
        {
            return null;
        }

        // Collected in a pooled buffer (grown as a plain array past it); the scan keeps exactly the assignments found.
        var pool = System.Buffers.ArrayPool<Assignment>.Shared;
        var buffer = pool.Rent(64);
        try
        {
            return Scan(text, buffer);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private static XlCleanScan<TChar>? Scan(ReadOnlyMemory<TChar> memory, Assignment[] assignments)
    {
        var text = memory.Span;
        var count = 0;
        var i = 0;
        var length = text.Length;
        while (true)
        {
            // Leading trivia and empty statements.
            while (i < length)
            {
                var c = At(text, i);
                if (c is ' ' or '\t' or '\n' or ';')
                {
                    i++;
                }
                else if (c == '#')
                {
                    if ((i = SkipComment(text, i)) < 0)
                    {
                        return null;
                    }
                }
                else
                {
                    break;
                }
            }

            if (i >= length)
            {
                break;
            }

            // The key: a lowercase letter, then lowercase letters, digits, '.' and '_'.
            if (!IsLower(At(text, i)))
            {
                return null;
            }

            var keyStart = i++;
            while (i < length && (IsLower(At(text, i)) || IsDigit(At(text, i)) || At(text, i) is '.' or '_'))
            {
                i++;
            }

            var keyLength = i - keyStart;
            i = SkipBlanks(text, i);
            var isAddition = false;
            if (i < length && At(text, i) == '=')
            {
                i++;
            }
            else if (i + 1 < length && At(text, i) == '+' && At(text, i + 1) == '=')
            {
                isAddition = true;
                i += 2;
            }
            else
            {
                return null;
            }

            i = SkipBlanks(text, i);
            var valueStart = i;
            if ((i = SkipValue(text, i)) < 0)
            {
                return null;
            }

            if (count == assignments.Length)
            {
                var larger = new Assignment[count * 2];
                assignments.AsSpan().CopyTo(larger);
                assignments = larger;
            }

            assignments[count++] = new Assignment(keyStart, keyLength, valueStart, i, isAddition);

            // The rest of the line: blanks, a comment, then a line break, ';' or the end of the file.
            i = SkipBlanks(text, i);
            if (i < length && At(text, i) == '#' && (i = SkipComment(text, i)) < 0)
            {
                return null;
            }

            if (i < length && At(text, i) is not ('\n' or ';'))
            {
                return null;
            }
        }

        var scan = new XlCleanScan<TChar>(memory, assignments[..count], count);
        return scan.RepeatsAreClean() ? scan : null;
    }

    /// <inheritdoc />
    public override SettingValue? GetValue(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        var values = _values ??= new SettingValue?[_count];
        return values[index] ??= ReadSetting(index);
    }

    /// <inheritdoc />
    public override bool IsFromAddition(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        while (_next is not null && _next[index] >= 0)
        {
            index = _next[index];
        }

        return _assignments[index].IsAddition;
    }

    // The setting whose first assignment is at index: the last '=' of the key (or its first assignment) with every
    // later '+=' appended, as EffectiveSettings computes it; a long list stays lazy (its parts are read when asked for).
    private SettingValue ReadSetting(int first)
    {
        if (_next is null || _next[first] < 0)
        {
            return ReadValue(_assignments[first]);
        }

        var start = first;
        for (var i = _next[first]; i >= 0; i = _next[i])
        {
            if (!_assignments[i].IsAddition)
            {
                start = i;
            }
        }

        var value = ReadValue(_assignments[start]);
        if (_next[start] < 0)
        {
            return value;
        }

        if (value.IsList)
        {
            var parts = new List<IReadOnlyList<SettingValue>> { value.Items };
            for (var i = _next[start]; i >= 0; i = _next[i])
            {
                parts.Add(ReadValue(_assignments[i]).Items);
            }

            return SettingValue.ListOf(new ConcatenatedList(parts));
        }

        var text = new System.Text.StringBuilder(value.Text);
        for (var i = _next[start]; i >= 0; i = _next[i])
        {
            text.Append(ReadValue(_assignments[i]).Text);
        }

        return SettingValue.String(text.ToString());
    }

    /// <summary>The items of several lists one after the other ('+=' of lists), without copying them.</summary>
    private sealed class ConcatenatedList : IReadOnlyList<SettingValue>
    {
        private readonly IReadOnlyList<SettingValue>[] _parts;
        private readonly int[] _starts;

        public ConcatenatedList(List<IReadOnlyList<SettingValue>> parts)
        {
            _parts = [.. parts];
            _starts = new int[_parts.Length];
            var count = 0;
            for (var i = 0; i < _parts.Length; i++)
            {
                _starts[i] = count;
                count += _parts[i].Count;
            }

            Count = count;
        }

        public int Count { get; }

        public SettingValue this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                var part = Array.BinarySearch(_starts, index);
                if (part < 0)
                {
                    part = ~part - 1;
                }

                // Empty parts share their start with the next one: the item is in the last part starting there.
                while (part + 1 < _parts.Length && _starts[part + 1] == index)
                {
                    part++;
                }

                return _parts[part][index - _starts[part]];
            }
        }

        public IEnumerator<SettingValue> GetEnumerator()
        {
            foreach (var part in _parts)
            {
                foreach (var item in part)
                {
                    yield return item;
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private ReadOnlySpan<TChar> KeyOf(int index) => _text.Span.Slice(_assignments[index].KeyStart, _assignments[index].KeyLength);

    private bool IsList(int index) => At(_text.Span, _assignments[index].ValueStart) == '[';

    private static bool IsLower(int c) => c is >= 'a' and <= 'z';

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsLetterOrDigit(int c) => IsLower(c) || IsDigit(c) || c is >= 'A' and <= 'Z';

    // The code unit at i, as a number (a byte of an ASCII text is its character); shared with the fstab scanner.
    private static int At(ReadOnlySpan<TChar> text, int i) => CodeUnits.At(text, i);

    private static bool KeyEquals(ReadOnlySpan<TChar> key, string other) => CodeUnits.TextEquals(key, other);

    // A string of code units; an ASCII text's bytes widen to characters one for one.
    private static string ToText(ReadOnlySpan<TChar> span) => CodeUnits.ToText(span);

    // A later assignment of a key already set: '=' replaces it (XC1014, which the scan reports as the full parse
    // does); '+=' must add the type of the value before it (the nearest earlier assignment has that type, or the file
    // was already refused): a mismatch is an error, for the full parse to report. Links the two assignments.
    private bool IsCleanRepeat(int earlier, int later)
    {
        if (_assignments[later].IsAddition && IsList(earlier) != IsList(later))
        {
            return false;
        }

        if (_next is null)
        {
            _next = new int[_count];
            _first = new int[_count];
            for (var i = 0; i < _count; i++)
            {
                _next[i] = -1;
                _first[i] = i;
            }
        }

        _next[earlier] = later;
        _first![later] = _first[earlier];
        return true;
    }

    private int IndexOf(string key)
    {
        var text = _text.Span;
        for (var i = 0; i < _count; i++)
        {
            var assignment = _assignments[i];
            if (assignment.KeyLength == key.Length && KeyEquals(text.Slice(assignment.KeyStart, assignment.KeyLength), key))
            {
                return i;
            }
        }

        return -1;
    }

    private bool RepeatsAreClean()
    {
        if (_count <= QuadraticKeyCheck)
        {
            for (var i = 1; i < _count; i++)
            {
                var key = KeyOf(i);
                for (var j = i - 1; j >= 0; j--)
                {
                    if (KeyOf(j).SequenceEqual(key))
                    {
                        if (!IsCleanRepeat(j, i))
                        {
                            return false;
                        }

                        break;
                    }
                }
            }

            return true;
        }

        // Many keys: sort by (hash, position) and compare a key only with the nearest earlier one of the same hash and
        // text, so that a long run of one key ('disk +=' a thousand times) stays linear.
        var order = new long[_count];
        for (var i = 0; i < _count; i++)
        {
            var hash = default(HashCode);
            hash.AddBytes(MemoryMarshal.AsBytes(KeyOf(i)));
            order[i] = ((long)hash.ToHashCode() << 32) | (uint)i;
        }

        Array.Sort(order);
        for (var i = 1; i < _count; i++)
        {
            var later = (int)order[i];
            for (var j = i - 1; j >= 0 && order[j] >> 32 == order[i] >> 32; j--)
            {
                var earlier = (int)order[j];
                if (KeyOf(earlier).SequenceEqual(KeyOf(later)))
                {
                    if (!IsCleanRepeat(earlier, later))
                    {
                        return false;
                    }

                    break;
                }
            }
        }

        return true;
    }

    private static bool IsSafeLast(int c) =>
        IsLower(c) || IsDigit(c) || c is ' ' or '\t' or '\n' or '=' or ',' or '[' or ']' or ';';

    private static int SkipBlanks(ReadOnlySpan<TChar> text, int i)
    {
        while (i < text.Length && At(text, i) is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    // A comment runs to its line break (kept outside); xl rejects one the file ends in. -1 then.
    private static int SkipComment(ReadOnlySpan<TChar> text, int i)
    {
        var end = text[i..].IndexOf(TChar.CreateTruncating('\n'));
        return end < 0 ? -1 : i + end;
    }

    /// <summary>Skips one value (atom or list); the index after it, or -1 when the full parser must read it.</summary>
    private static int SkipValue(ReadOnlySpan<TChar> text, int i)
    {
        if (i >= text.Length)
        {
            return -1;
        }

        if (At(text, i) != '[')
        {
            return SkipAtom(text, i);
        }

        // A list: per open level, whether an item may come next (after '[' or ',').
        Span<bool> expectsItem = stackalloc bool[MaxDepth];
        var depth = 0;
        expectsItem[0] = true;
        i++;
        while (i < text.Length)
        {
            var c = At(text, i);
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    i++;
                    break;
                case '#':
                    if ((i = SkipComment(text, i)) < 0)
                    {
                        return -1;
                    }

                    break;
                case ',':
                    if (expectsItem[depth])
                    {
                        return -1;
                    }

                    expectsItem[depth] = true;
                    i++;
                    break;
                case ']':
                    i++;
                    if (depth-- == 0)
                    {
                        return i;
                    }

                    expectsItem[depth] = false;
                    break;
                case '[':
                    if (!expectsItem[depth] || depth + 1 == MaxDepth)
                    {
                        return -1;
                    }

                    expectsItem[++depth] = true;
                    i++;
                    break;
                default:
                    if (!expectsItem[depth] || (i = SkipAtom(text, i)) < 0)
                    {
                        return -1;
                    }

                    expectsItem[depth] = false;
                    break;
            }
        }

        return -1;
    }

    private static int SkipAtom(ReadOnlySpan<TChar> text, int i)
    {
        var c = At(text, i);
        if (IsDigit(c))
        {
            // xl's number token: digits, a-f and x; a letter, digit, '.' or '_' right after it makes it invalid.
            i++;
            while (i < text.Length && (IsDigit(At(text, i)) || At(text, i) is >= 'a' and <= 'f' or 'x'))
            {
                i++;
            }

            return i < text.Length && (IsLetterOrDigit(At(text, i)) || At(text, i) is '.' or '_') ? -1 : i;
        }

        if (c is not ('"' or '\''))
        {
            return -1;
        }

        // Vectorized search for what ends or complicates a string: its quote, a backslash, a line break, a NUL.
        var start = i;
        var escaped = false;
        for (i++; i < text.Length; i++)
        {
            var next = IndexOfStop(text[i..], c == '"');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            var d = At(text, i);
            if (d == c)
            {
                // Escapes are rare: check them with libxlu's decoder (an invalid or mangled one is a diagnostic).
                return !escaped || IsCleanEscaped(text[start..(i + 1)]) ? i + 1 : -1;
            }

            if (d != '\\')
            {
                return -1;
            }

            escaped = true;
            if (++i >= text.Length || At(text, i) is '\n' or '\0')
            {
                return -1;
            }
        }

        return -1;
    }

    // Where a quoted string's quote, a backslash, a line break or a NUL is next (vectorized).
    private static int IndexOfStop(ReadOnlySpan<TChar> text, bool doubleQuoted) =>
        typeof(TChar) == typeof(byte)
            ? MemoryMarshal.Cast<TChar, byte>(text).IndexOfAny(doubleQuoted ? DoubleQuotedByteStops : SingleQuotedByteStops)
            : MemoryMarshal.Cast<TChar, char>(text).IndexOfAny(doubleQuoted ? DoubleQuotedStops : SingleQuotedStops);

    // An escape xl rejects is an error for the full parse; one it mangles is a warning the scan finds again later.
    private static bool IsCleanEscaped(ReadOnlySpan<TChar> literal) => XlString.Decode(ToText(literal)).Value is not null;

    /// <inheritdoc />
    internal override (int KeyStart, int ValueStart, int ValueEnd, bool IsAddition)? LastAssignmentOf(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        while (_next is not null && _next[index] >= 0)
        {
            index = _next[index];
        }

        var last = _assignments[index];
        return (last.KeyStart, last.ValueStart, last.ValueEnd, last.IsAddition);
    }

    /// <inheritdoc />
    internal override char? FirstQuoteIn(int start, int end) =>
        NextString(_text.Span, start, end) is var i and >= 0 ? (char)At(_text.Span, i) : null;

    /// <inheritdoc />
    internal override (int Single, int Double) CountQuotes()
    {
        var text = _text.Span;
        int single = 0, @double = 0;
        for (var a = 0; a < _count; a++)
        {
            var end = _assignments[a].ValueEnd;
            for (var i = NextString(text, _assignments[a].ValueStart, end); i >= 0; i = NextString(text, SkipAtom(text, i), end))
            {
                _ = At(text, i) == '\'' ? single++ : @double++;
            }
        }

        return (single, @double);
    }

    // Where the next string of a value starts at or after i (past brackets, commas, blanks, comments and numbers), or -1.
    private static int NextString(ReadOnlySpan<TChar> text, int i, int end)
    {
        while (i < end)
        {
            var c = At(text, i);
            if (c is '"' or '\'')
            {
                return i;
            }

            i = c == '#' ? SkipComment(text, i) : IsDigit(c) ? SkipAtom(text, i) : i + 1;
        }

        return -1;
    }

    /// <inheritdoc />
    internal override List<(int Start, string Literal, int Offset)> FindMangledEscapes()
    {
        var found = new List<(int Start, string Literal, int Offset)>();
        var text = _text.Span;
        if (text.IndexOf(TChar.CreateTruncating('\\')) < 0)
        {
            return found;
        }

        for (var a = 0; a < _count; a++)
        {
            var (start, end) = (_assignments[a].ValueStart, _assignments[a].ValueEnd);
            if (text[start..end].IndexOf(TChar.CreateTruncating('\\')) < 0)
            {
                continue;
            }

            // The value's strings (an atom, or the items of a clean list between brackets, commas, blanks and comments).
            for (var i = start; i < end;)
            {
                var c = At(text, i);
                if (c is '"' or '\'')
                {
                    var atomEnd = SkipAtom(text, i);
                    var literal = text[i..atomEnd];
                    if (literal.IndexOf(TChar.CreateTruncating('\\')) >= 0)
                    {
                        var literalText = ToText(literal);
                        foreach (var offset in XlString.Decode(literalText).MangledOffsets)
                        {
                            found.Add((i + offset, literalText, offset));
                        }
                    }

                    i = atomEnd;
                }
                else if (c == '#')
                {
                    i = SkipComment(text, i);
                }
                else if (IsDigit(c))
                {
                    i = SkipAtom(text, i);
                }
                else
                {
                    i++;
                }
            }
        }

        return found;
    }

    private SettingValue ReadValue(Assignment assignment)
    {
        var text = _text.Span;
        var i = assignment.ValueStart;
        if (At(text, i) != '[')
        {
            return ReadAtom(text, i, assignment.ValueEnd);
        }

        if (FlatListLength(text, i) is var flat and >= 0)
        {
            return ReadFlatList(_text, i, flat);
        }

        // A clean list: items are atoms or lists, separated by commas, with blanks, line breaks and comments between.
        var stack = new Stack<List<SettingValue>>();
        var items = new List<SettingValue>();
        i++;
        while (true)
        {
            var c = At(text, i);
            switch (c)
            {
                case ' ' or '\t' or '\n' or ',':
                    i++;
                    break;
                case '#':
                    i = SkipComment(text, i);
                    break;
                case '[':
                    stack.Push(items);
                    items = [];
                    i++;
                    break;
                case ']':
                    var list = SettingValue.ListOf(items.ToArray());
                    if (stack.Count == 0)
                    {
                        return list;
                    }

                    items = stack.Pop();
                    items.Add(list);
                    i++;
                    break;
                default:
                    var end = SkipAtom(text, i);
                    items.Add(ReadAtom(text, i, end));
                    i = end;
                    break;
            }
        }
    }

    // The number of items of a list at '[' that holds no list, or -1 (a nested list is read the general way).
    private static int FlatListLength(ReadOnlySpan<TChar> text, int i)
    {
        var items = 0;
        for (i++; ; )
        {
            switch (At(text, i))
            {
                case ' ' or '\t' or '\n' or ',':
                    i++;
                    break;
                case '#':
                    i = SkipComment(text, i);
                    break;
                case '[':
                    return -1;
                case ']':
                    return items;
                default:
                    i = SkipAtom(text, i);
                    items++;
                    break;
            }
        }
    }

    private static SettingValue ReadFlatList(ReadOnlyMemory<TChar> memory, int i, int length)
    {
        var text = memory.Span;
        if (length >= LazyListLength)
        {
            return SettingValue.ListOf(new LazyAtoms(memory, ItemStarts(text, i, length)));
        }

        // A short list: its items are read now and kept.
        var items = length == 0 ? [] : new SettingValue[length];
        for (var item = 0; item < length; item++)
        {
            var start = NextItemStart(text, i);
            i = SkipAtom(text, start);
            items[item] = ReadAtom(text, start, i);
        }

        return SettingValue.ListOf(items);
    }

    private static int[] ItemStarts(ReadOnlySpan<TChar> text, int i, int length)
    {
        var starts = new int[length];
        for (var item = 0; item < length; item++)
        {
            starts[item] = NextItemStart(text, i);
            i = SkipAtom(text, starts[item]);
        }

        return starts;
    }

    // Where the next item of a flat list starts at or after i: past the bracket, separators and comments.
    private static int NextItemStart(ReadOnlySpan<TChar> text, int i)
    {
        while (true)
        {
            switch (At(text, i))
            {
                case '[' or ' ' or '\t' or '\n' or ',':
                    i++;
                    break;
                case '#':
                    i = SkipComment(text, i);
                    break;
                default:
                    return i;
            }
        }
    }

    /// <summary>
    /// The items of a long flat list, each read from the text when it is asked for and not kept: a reader that walks
    /// 1.5 million disk specs of a 100 MB file makes short-lived objects only, instead of a tree of survivors the
    /// garbage collector has to copy twice.
    /// </summary>
    private sealed class LazyAtoms(ReadOnlyMemory<TChar> text, int[] starts) : LazyAtomSource, IReadOnlyList<SettingValue>
    {
        public int Count => starts.Length;

        // Each item reads its text from here only when asked (SettingValue.Text), and a disk spec only the parts it reads.
        public SettingValue this[int index] => SettingValue.LazyAtom(this, index, At(text.Span, starts[index]) is not ('"' or '\''));

        public override string ReadText(int atom)
        {
            var span = text.Span;
            var start = starts[atom];
            return AtomText(span, start, SkipAtom(span, start));
        }

        public override int PlainLength(int atom)
        {
            var inner = Inner(atom);
            return inner.Contains(TChar.CreateTruncating('\\')) ? -1 : inner.Length;
        }

        public override void CopyPlain(int atom, Span<char> destination) => CodeUnits.CopyTo(Inner(atom), destination);

        public override string Slice(int atom, int start, int length) => ToText(Inner(atom).Slice(start, length));

        // The characters between a quoted atom's quotes.
        private ReadOnlySpan<TChar> Inner(int atom)
        {
            var span = text.Span;
            var start = starts[atom];
            return span[(start + 1)..(SkipAtom(span, start) - 1)];
        }

        public IEnumerator<SettingValue> GetEnumerator()
        {
            for (var i = 0; i < starts.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static SettingValue ReadAtom(ReadOnlySpan<TChar> text, int start, int end) =>
        At(text, start) is not ('"' or '\'') ? SettingValue.FromNumberToken(ToText(text[start..end])) : SettingValue.String(AtomText(text, start, end));

    // An atom's text: a number token as written, a string without its quotes and with its escapes decoded.
    private static string AtomText(ReadOnlySpan<TChar> text, int start, int end)
    {
        if (At(text, start) is not ('"' or '\''))
        {
            return ToText(text[start..end]);
        }

        var inner = text[(start + 1)..(end - 1)];
        return inner.Contains(TChar.CreateTruncating('\\')) ? XlString.Decode(ToText(text[start..end])).Value! : ToText(inner);
    }

    /// <inheritdoc />
    internal override bool HasRepeats => _next is not null;

    // Whether assignment i is the first of its key.
    private bool IsFirst(int i) => _first is null || _first[i] == i;

    /// <inheritdoc />
    internal override IEnumerable<KeyValuePair<string, SettingValue>> Settings
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (IsFirst(i))
                {
                    yield return KeyValuePair.Create(ToText(KeyOf(i)), _values?[i] ?? ReadSetting(i));
                }
            }
        }
    }

    /// <inheritdoc />
    internal override IEnumerable<string> SettingKeys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (IsFirst(i))
                {
                    yield return ToText(KeyOf(i));
                }
            }
        }
    }

    /// <inheritdoc />
    internal override IEnumerable<(TextSpan Key, string Name, int FirstStart)> Replacements
    {
        get
        {
            for (var i = 0; _first is not null && i < _count; i++)
            {
                var assignment = _assignments[i];
                if (_first[i] != i && !assignment.IsAddition)
                {
                    yield return (new TextSpan(assignment.KeyStart, assignment.KeyLength), ToText(KeyOf(i)), _assignments[_first[i]].KeyStart);
                }
            }
        }
    }

    /// <inheritdoc />
    internal override IEnumerable<string> Keys
    {
        get
        {
            var keys = new List<string>();
            for (var i = 0; i < _count; i++)
            {
                var key = ToText(KeyOf(i));
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }
    }

}
