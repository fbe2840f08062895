using XenConfig.Diagnostics;
using XenConfig.Domain.Syntax;
using XenConfig.Text;

namespace XenConfig.Domain;

// The edits of a domain config. Their public face is the model (DomainConfig.Set, Remove and the list-item edits);
// here they work out which bytes change and apply them through ApplyAll, the one path that splices the text
// (SourceText.WithChanges) and parses it again.
public sealed partial class DomainConfigDocument
{
    private const int MaxSingleLineListWidth = 80;

    /// <summary>
    /// Sets <paramref name="key"/> so that its effective value becomes <paramref name="value"/>. An existing key has only
    /// its last value rewritten (and a last <c>+=</c> turned into <c>=</c>); a new key is appended as
    /// <c>key = value</c> in the file's own spacing and quote style. Setting the value the key already has changes nothing.
    /// </summary>
    /// <remarks>
    /// The edit is checked by reading the result again: when any other key's value would change, the key would not read
    /// back as <paramref name="value"/>, a diagnostic would appear, or the file's encoding (Latin-1) cannot hold a
    /// character, the document is left as it was and the edit is refused.
    /// </remarks>
    /// <exception cref="ArgumentException">The key is not a valid xl key, a string holds a line feed or NUL, or the edit
    /// would change anything else (see remarks); nothing changes.</exception>
    internal void Set(string key, SettingValue value)
    {
        ValidateKey(key);
        ArgumentNullException.ThrowIfNull(value);
        ValidateValue(value);
        if (!TrySetFromScan(key, value))
        {
            Guarded($"Setting '{key}'", key, value, () => SetUnchecked(key, value));
        }
    }

    // The edit of a text the fast pass read, without a tree: the last '=' of the key is located, written and checked
    // from the scans of the text before and after (`set` on a 1 MB file then reads it twice with the fast pass instead
    // of adding two full parses). It writes exactly what SetUnchecked writes. When it cannot tell (the key is new or
    // last set with '+=', the edited text needs the full parse, anything besides the key's value or a diagnostic
    // changed), it restores the text and returns false, and the checked edit through the tree decides and words it.
    private bool TrySetFromScan(string key, SettingValue value)
    {
        if (_analysis is not null || _scan is not { } before || before.LastAssignmentOf(key) is not { IsAddition: false } last)
        {
            return false;
        }

        if (before.GetValue(key) == value)
        {
            return true;
        }

        var quote = before.FirstQuoteIn(last.ValueStart, last.ValueEnd) ?? PreferredQuote(before.CountQuotes(), listItem: false);
        var column = last.KeyStart - SourceText.GetLineSpan(SourceText.GetLineIndex(last.KeyStart)).Start;
        var (text, diagnostics) = (SourceText, Diagnostics);
        Apply(TextSpan.FromBounds(last.ValueStart, last.ValueEnd), Render(value, quote, column));
        if (_scan is { } after && !ReferenceEquals(after, before) && ChangesOnlyTheKey(before, after, diagnostics, key, value))
        {
            return true;
        }

        Replace(text);
        return false;
    }

    // Whether the scans before and after an edit of key have the same keys in the same order, the same values but the
    // key's, which reads back as value, and no diagnostic of a kind more than before.
    private bool ChangesOnlyTheKey(XlCleanScan before, XlCleanScan after, IReadOnlyList<Diagnostic> diagnosticsBefore, string key, SettingValue value)
    {
        if (after.GetValue(key) != value)
        {
            return false;
        }

        using (var old = before.Settings.GetEnumerator())
        using (var now = after.Settings.GetEnumerator())
        {
            while (old.MoveNext())
            {
                if (!now.MoveNext() || old.Current.Key != now.Current.Key || (old.Current.Key != key && old.Current.Value != now.Current.Value))
                {
                    return false;
                }
            }

            if (now.MoveNext())
            {
                return false;
            }
        }

        var counts = diagnosticsBefore.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Diagnostics.GroupBy(d => d.Id).All(g => g.Count() <= counts.GetValueOrDefault(g.Key));
    }

    // Runs an edit of one key, reads the result again and, when it changed anything else (EditProblem), restores
    // the text and refuses the edit. A writer may only change what it was asked to change.
    private void Guarded(string what, string key, SettingValue? expected, Action edit)
    {
        var (text, settings, diagnostics) = (SourceText, Settings, Diagnostics);
        edit();
        if (ReferenceEquals(SourceText, text))
        {
            return;
        }

        if (EditProblem(settings, diagnostics, key, expected) is { } problem)
        {
            Replace(text);
            throw new ArgumentException($"{what} was refused: {problem}; nothing was changed.");
        }
    }

    // What an edit of key changed besides the key's value; null when nothing.
    private string? EditProblem(IReadOnlyDictionary<string, Setting> before, IReadOnlyList<Diagnostic> diagnosticsBefore, string key, SettingValue? expected)
    {
        if (!Settings.TryGetValue(key, out var setting) || (expected is not null && setting.Value != expected))
        {
            return $"'{key}' would not read back as the value given";
        }

        foreach (var other in before.Keys.Union(Settings.Keys, StringComparer.Ordinal))
        {
            if (other != key && (!before.TryGetValue(other, out var old) || !Settings.TryGetValue(other, out var now) || old.Value != now.Value))
            {
                return $"it would change '{other}' too";
            }
        }

        // An error anywhere counts; a warning only away from the key's own assignments (a "+=" turned into "=" is
        // meant to repeat the key, and says so with XC1014 on that line).
        var own = setting.Assignments.Select(a => a.Span).ToList();
        bool Counts(Diagnostic d) => d.IsError || !own.Any(span => d.Location.Span.Start >= span.Start && d.Location.Span.Start <= span.End);
        var counts = diagnosticsBefore.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Diagnostics.Where(Counts).GroupBy(d => d.Id).FirstOrDefault(g => g.Count() > counts.GetValueOrDefault(g.Key)) is { } added
            ? $"the file would get {added.Key} ({added.Last().Message})"
            : null;
    }

    private void SetUnchecked(string key, SettingValue value)
    {
        if (Settings.TryGetValue(key, out var setting))
        {
            if (setting.Value == value)
            {
                return;
            }

            var last = setting.LastAssignment;
            var quote = QuoteOf(last.Value) ?? PreferredQuote();
            var rendered = Render(value, quote, last.Key.Span.Start - SourceText.GetLineSpan(SourceText.GetLineIndex(last.Key.Span.Start)).Start);
            var valueSpan = last.Value.Span;
            if (last.IsAddition)
            {
                var between = SourceText.Content[last.Operator.Span.End..valueSpan.Start];
                Apply(TextSpan.FromBounds(last.Operator.Span.Start, valueSpan.End), "=" + between + rendered);
            }
            else
            {
                Apply(valueSpan, rendered);
            }

            return;
        }

        Append(key, value);
    }

    /// <summary>Sets a string value (written quoted).</summary>
    internal void Set(string key, string value) => Set(key, SettingValue.String(value));

    /// <summary>Sets a number value (written as a bare number; negative numbers quoted, as xl requires).</summary>
    internal void Set(string key, long value) => Set(key, SettingValue.Number(value));

    /// <summary>
    /// Removes every assignment of <paramref name="key"/>, each with the rest of its line and the comment block
    /// directly above it. Returns false when the key is not set.
    /// </summary>
    internal bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Settings.TryGetValue(key, out var setting))
        {
            return false;
        }

        var changes = setting.Assignments.Select(a => (StatementRemovalSpan(a), "")).ToList();
        ApplyAll(changes);
        return true;
    }

    /// <summary>Replaces item <paramref name="index"/> of the list <paramref name="key"/> (effective list, across <c>+=</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such item.</exception>
    /// <exception cref="InvalidOperationException">The key is not a list.</exception>
    /// <exception cref="ArgumentException">The item cannot be written, or the edit would change another key or add an error; nothing changes.</exception>
    internal void ReplaceListItem(string key, int index, SettingValue item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ValidateValue(item);
        var (list, local) = LocateItem(key, index, allowEnd: false);
        var node = list.Items[local];
        if (EffectiveSettings.ToValue(node) == item)
        {
            return;
        }

        Guarded($"Replacing item {index} of '{key}'", key, expected: null,
            () => Apply(node.Span, Render(item, QuoteOf(node) ?? QuoteOf(list) ?? PreferredQuote(listItem: true), 0)));
    }

    /// <summary>Removes item <paramref name="index"/> of the list <paramref name="key"/> with its comma (and its line, in a one-item-per-line list).</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such item.</exception>
    /// <exception cref="InvalidOperationException">The key is not a list.</exception>
    internal void RemoveListItem(string key, int index)
    {
        var (list, local) = LocateItem(key, index, allowEnd: false);
        Apply(ListItemRemovalSpan(list, local), "");
    }

    /// <summary>
    /// Inserts <paramref name="item"/> before item <paramref name="index"/> of the list <paramref name="key"/>
    /// (<paramref name="index"/> = count appends), following the list's layout: one item per line or all on one line.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is past the end.</exception>
    /// <exception cref="InvalidOperationException">The key is not a list.</exception>
    /// <exception cref="ArgumentException">The item cannot be written, or the edit would change another key or add an error; nothing changes.</exception>
    internal void InsertListItem(string key, int index, SettingValue item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ValidateValue(item);
        Guarded($"Inserting an item into '{key}'", key, expected: null, () => InsertListItemUnchecked(key, index, item));
    }

    private void InsertListItemUnchecked(string key, int index, SettingValue item)
    {
        var (list, local) = LocateItem(key, index, allowEnd: true);
        var rendered = Render(item, QuoteOf(list) ?? PreferredQuote(listItem: true), 0);
        var content = SourceText.Content;
        if (IsOneItemPerLine(list))
        {
            if (local < list.Items.Count)
            {
                var lineStart = LineStartOf(list.Items[local].Span.Start);
                var indent = content[lineStart..list.Items[local].Span.Start];
                Apply(new TextSpan(lineStart, 0), indent + rendered + "," + SourceText.NewLine);
                return;
            }

            var lastItem = list.Items[^1];
            var lastIndent = content[LineStartOf(lastItem.Span.Start)..lastItem.Span.Start];
            var commaAfterLast = list.Commas.Count >= list.Items.Count ? list.Commas[list.Items.Count - 1] : null;
            if (commaAfterLast is not null)
            {
                var lineEnd = LineEndOf(commaAfterLast.Span.End);
                Apply(new TextSpan(lineEnd, 0), SourceText.NewLine + lastIndent + rendered + ",");
            }
            else
            {
                var lineEnd = LineEndOf(lastItem.Span.End);
                ApplyAll([(new TextSpan(lastItem.Span.End, 0), ","), (new TextSpan(lineEnd, 0), SourceText.NewLine + lastIndent + rendered)]);
            }

            return;
        }

        if (local < list.Items.Count)
        {
            Apply(new TextSpan(list.Items[local].Span.Start, 0), rendered + ", ");
        }
        else if (list.Items.Count == 0)
        {
            var spaced = list.OpenBracket.TrailingTrivia.Count > 0;
            Apply(new TextSpan(list.CloseBracket.Span.Start, 0), spaced ? rendered + " " : rendered);
        }
        else if (list.Commas.Count >= list.Items.Count)
        {
            Apply(new TextSpan(list.Commas[list.Items.Count - 1].Span.End, 0), " " + rendered + ",");
        }
        else
        {
            Apply(new TextSpan(list.Items[^1].Span.End, 0), ", " + rendered);
        }
    }

    /// <summary>Appends <paramref name="item"/> to the list <paramref name="key"/>, creating the key as a one-item list when it is not set.</summary>
    internal void AddListItem(string key, SettingValue item)
    {
        if (!Settings.TryGetValue(key, out var setting))
        {
            Set(key, SettingValue.List([item]));
            return;
        }

        InsertListItem(key, setting.Value.Items.Count, item);
    }

    private void Append(string key, SettingValue value)
    {
        var content = SourceText.Content;
        var insertAt = Syntax.Statements.Count > 0 ? Syntax.EndOfFile.FullSpan.Start : content.Length;
        var prefix = "";
        if (insertAt > 0 && content[insertAt - 1] != '\n')
        {
            prefix = SourceText.NewLine;
        }

        Apply(new TextSpan(insertAt, 0), prefix + Statement(key, PreferredEquals(), value, PreferredQuote(), SourceText.NewLine));
    }

    /// <summary>
    /// The statement <see cref="Set(string, SettingValue)"/> appends for a new key: the key, <paramref name="equals"/>,
    /// the value with <paramref name="quote"/> (a long list one item per line), <paramref name="newLine"/>. Throws
    /// <see cref="ArgumentException"/> for a string xl cannot hold, as Set does.
    /// </summary>
    internal static string Statement(string key, string equals, SettingValue value, char quote, string newLine) =>
        Render(value, quote, key.Length + equals.Length, key + equals, newLine);

    private (ListSyntax List, int LocalIndex) LocateItem(string key, int index, bool allowEnd)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Settings.TryGetValue(key, out var setting))
        {
            throw new InvalidOperationException($"'{key}' is not set.");
        }

        if (!setting.Value.IsList)
        {
            throw new InvalidOperationException($"'{key}' is not a list.");
        }

        // The effective list is the last '=' list followed by the lists of later '+=' assignments.
        var lists = new List<ListSyntax>();
        foreach (var assignment in setting.Assignments)
        {
            if (!assignment.IsAddition)
            {
                lists.Clear();
            }

            lists.Add((ListSyntax)assignment.Value);
        }

        var remaining = index;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        for (var i = 0; i < lists.Count; i++)
        {
            var count = lists[i].Items.Count;
            if (remaining < count || (allowEnd && remaining == count && i == lists.Count - 1))
            {
                return (lists[i], remaining);
            }

            remaining -= count;
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, $"'{key}' has {setting.Value.Items.Count} items.");
    }

    private static bool IsOneItemPerLine(ListSyntax list) =>
        list.Items.Count > 0 && list.Items.All(item => item.DescendantTokens().First().LeadingTrivia.Any(t => t.Kind == SyntaxKind.EndOfLineTrivia));

    private TextSpan ListItemRemovalSpan(ListSyntax list, int index)
    {
        var item = list.Items[index];
        var comma = index < list.Commas.Count ? list.Commas[index] : null;
        if (IsOneItemPerLine(list))
        {
            // The whole line: indentation, item, comma, trailing comment and the line break.
            var start = LineStartOf(item.Span.Start);
            var end = LineEndOf((comma ?? item.DescendantTokens().Last()).Span.End);
            if (end < SourceText.Length && SourceText.Content[end] == '\n')
            {
                end++;
            }

            return TextSpan.FromBounds(start, end);
        }

        if (comma is not null)
        {
            var next = index + 1 < list.Items.Count ? list.Items[index + 1].Span.Start : comma.Span.End;
            return TextSpan.FromBounds(item.Span.Start, next);
        }

        if (index > 0)
        {
            // Last item without a comma after it: take the comma before it and the blanks between.
            return TextSpan.FromBounds(list.Items[index - 1].DescendantTokens().Last().Span.End, item.Span.End);
        }

        return item.Span;
    }

    private TextSpan StatementRemovalSpan(AssignmentSyntax assignment)
    {
        var content = SourceText.Content;
        var start = OwnCommentBlockStart(assignment.Key);
        var full = assignment.FullSpan;
        var end = full.End;

        // A statement ending in ';' with another statement after it on the line keeps the line break of that line.
        // A statement that removes a block separated by blank lines on both sides also takes one blank line.
        var atLineStart = start == 0 || content[start - 1] == '\n';
        var blankBefore = start == 0 || (start >= 2 && content[start - 1] == '\n' && content[start - 2] == '\n');
        if (atLineStart && blankBefore && end < content.Length && content[end] == '\n')
        {
            end++;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Where the comment lines directly above a statement start (no blank line in between); else the statement's line start.</summary>
    private static int OwnCommentBlockStart(SyntaxToken key)
    {
        var trivia = key.LeadingTrivia;
        var start = key.Span.Start;
        var i = trivia.Count - 1;
        if (i >= 0 && trivia[i].Kind == SyntaxKind.WhitespaceTrivia)
        {
            start = trivia[i].Span.Start;
            i--;
        }

        // Walk back over "[indent] # comment \n" lines.
        while (i >= 1 && trivia[i].Kind == SyntaxKind.EndOfLineTrivia && trivia[i - 1].Kind == SyntaxKind.CommentTrivia)
        {
            var lineStart = trivia[i - 1].Span.Start;
            var j = i - 2;
            if (j >= 0 && trivia[j].Kind == SyntaxKind.WhitespaceTrivia)
            {
                lineStart = trivia[j].Span.Start;
                j--;
            }

            if (j >= 0 && trivia[j].Kind != SyntaxKind.EndOfLineTrivia)
            {
                break;
            }

            start = lineStart;
            i = j;
        }

        return start;
    }

    private int LineStartOf(int position) => SourceText.LineStartOffsets[SourceText.GetLineIndex(position)];

    private int LineEndOf(int position)
    {
        var end = SourceText.Content.IndexOf('\n', position);
        return end < 0 ? SourceText.Length : end;
    }

    private static char? QuoteOf(ValueSyntax value) =>
        value.DescendantTokens().FirstOrDefault(t => t.Kind == SyntaxKind.String && !t.IsMissing)?.Text[0];

    /// <summary>The file's majority quote; on a tie, single quotes for list items (as xl's docs write specs), double otherwise.</summary>
    private char PreferredQuote(bool listItem = false)
    {

        int single = 0, @double = 0;
        foreach (var token in Syntax.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.String && token.Text.Length > 0)
            {
                if (token.Text[0] == '\'')
                {
                    single++;
                }
                else
                {
                    @double++;
                }
            }
        }

        return PreferredQuote((single, @double), listItem);
    }

    private static char PreferredQuote((int Single, int Double) quotes, bool listItem) =>
        quotes.Single > quotes.Double || (quotes.Single == quotes.Double && listItem) ? '\'' : '"';

    private string PreferredEquals()
    {
        int spaced = 0, tight = 0;
        foreach (var assignment in Syntax.Assignments)
        {
            if (assignment.Key.TrailingTrivia.Count > 0)
            {
                spaced++;
            }
            else
            {
                tight++;
            }
        }

        return tight > spaced ? "=" : " = ";
    }

    private static string Render(SettingValue value, char quote, int column) => Render(value, quote, column, "", "");

    // The value's text between prefix and suffix, made in one string of its final length: a 60,000-item list (an xm
    // conversion's disks) is 20 MB of text, and a join, a builder and the statement around it were each a copy of it. An
    // atom item that needs no escape is copied from its text between quotes instead of being rendered to a string first
    // (those strings were another 20 MB beside the list's).
    private static string Render(SettingValue value, char quote, int column, string prefix, string suffix)
    {
        if (!value.IsList)
        {
            return string.Concat(prefix, value.IsNumberToken ? value.Text! : XlString.Encode(value.Text!, quote), suffix);
        }

        // Each item's text, or null for an atom written as quote, text, quote.
        var items = value.Items.Select(i => IsPlainAtom(i, quote) ? null : Render(i, quote, column + 4)).ToList();
        if (items.Count == 0)
        {
            return string.Concat(prefix, "[]", suffix);
        }

        long itemsLength = 0;
        for (var i = 0; i < items.Count; i++)
        {
            itemsLength += items[i]?.Length ?? value.Items[i].Text!.Length + 2;
        }

        // "[ a, b ]" on one line, or "[\n" then "    a,\n" per item and "]".
        var singleLength = itemsLength + (2L * (items.Count - 1)) + 4;
        var single = column + singleLength <= MaxSingleLineListWidth || items.Any(i => i is not null && i.Contains('\n', StringComparison.Ordinal));
        var length = prefix.Length + suffix.Length + (single ? singleLength : itemsLength + (6L * items.Count) + 3);
        return string.Create(checked((int)length), (Prefix: prefix, Suffix: suffix, Items: items, Values: value.Items, Single: single, Quote: quote), static (span, state) =>
        {
            var at = 0;
            void Write(Span<char> destination, string text, ref int position)
            {
                text.CopyTo(destination[position..]);
                position += text.Length;
            }

            void WriteItem(Span<char> destination, string? rendered, SettingValue item, char quote, ref int position)
            {
                if (rendered is not null)
                {
                    Write(destination, rendered, ref position);
                    return;
                }

                destination[position++] = quote;
                Write(destination, item.Text!, ref position);
                destination[position++] = quote;
            }

            Write(span, state.Prefix, ref at);
            Write(span, state.Single ? "[ " : "[\n", ref at);
            for (var i = 0; i < state.Items.Count; i++)
            {
                if (state.Single)
                {
                    Write(span, i == 0 ? "" : ", ", ref at);
                    WriteItem(span, state.Items[i], state.Values[i], state.Quote, ref at);
                }
                else
                {
                    Write(span, "    ", ref at);
                    WriteItem(span, state.Items[i], state.Values[i], state.Quote, ref at);
                    Write(span, ",\n", ref at);
                }
            }

            Write(span, state.Single ? " ]" : "]", ref at);
            Write(span, state.Suffix, ref at);
        });
    }

    // A string atom that XlString.Encode writes as its text between quotes.
    private static bool IsPlainAtom(SettingValue item, char quote) => !item.IsList && !item.IsNumberToken && XlString.IsVerbatim(item.Text!, quote);

    private static void ValidateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || !char.IsAsciiLetterLower(key[0]) || key.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_')))
        {
            throw new ArgumentException($"'{key}' is not a key xl accepts: a lowercase letter, then lowercase letters, digits, '.' or '_'.", nameof(key));
        }
    }

    private static void ValidateValue(SettingValue value)
    {
        var stack = new Stack<SettingValue>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!current.IsList)
            {
                XlString.Encode(current.Text!); // throws on LF / NUL
                continue;
            }

            foreach (var item in current.Items)
            {
                stack.Push(item);
            }
        }
    }

    private void Apply(TextSpan span, string replacement) => ApplyAll([(span, replacement)]);

    private void ApplyAll(IEnumerable<(TextSpan Span, string Replacement)> changes)
    {
        var updated = SourceText.WithChanges(changes.Select(c => new TextChange(c.Span, c.Replacement)));
        if (!ReferenceEquals(updated, SourceText))
        {
            Replace(updated);
        }
    }
}
