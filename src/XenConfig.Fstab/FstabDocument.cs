using System.Globalization;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Fstab.Syntax;
using XenConfig.Text;

namespace XenConfig.Fstab;

/// <summary>
/// The lossless syntax tree of an fstab: every line with its exact text, entry lines split into fields with their
/// blanks, and libmount's syntax diagnostics. <see cref="ToString"/> renders the lines, which give the input byte for
/// byte, for valid and invalid files alike. Edits belong to the model (<see cref="Model.FstabFile"/>,
/// <see cref="Model.FstabEntry"/>): each one splices the text (<see cref="SourceText.WithChanges"/>) and reads it again,
/// so <see cref="SourceText"/>, <see cref="Diagnostics"/> and every position describe the edited text.
/// </summary>
public sealed class FstabDocument
{
    private SegmentedList<FstabLine> _lines;
    private List<Diagnostic> _diagnostics;

    private FstabDocument(SourceText source, SegmentedList<FstabLine> lines, List<Diagnostic> diagnostics)
    {
        SourceText = source;
        _lines = lines;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The current text: as read, then as edited (its path and encoding are used when saving; it keeps what the file held
    /// when read, so a save still notices a change made on disk in between).
    /// </summary>
    public SourceText SourceText { get; private set; }

    /// <summary>The file the text came from, or null.</summary>
    public string? Path => SourceText.Path;

    /// <summary>Every line, in order.</summary>
    public IReadOnlyList<FstabLine> Lines => _lines;

    /// <summary>The entry lines (the lines libmount returns as entries), in order.</summary>
    public IEnumerable<FstabEntryLine> EntryLines => EntryLinesOf(_lines);

    /// <summary>
    /// The parse diagnostics, one per line libmount rejects, with the line and column where it stops, in the current text:
    /// an edit that removes a rejected line drops its diagnostic, and lines inserted above one move its position.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>True when some line is rejected by libmount.</summary>
    public bool HasErrors => _diagnostics.Any(d => d.IsError);

    /// <summary>Parses text; never throws on bad input.</summary>
    /// <param name="text">The content of the file.</param>
    /// <param name="path">The file name used in diagnostics, or null.</param>
    public static FstabDocument Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(SourceText.From(text, path));
    }

    /// <summary>Parses a source text; never throws on bad input.</summary>
    public static FstabDocument Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new List<Diagnostic>();
        var lines = FstabParser.Parse(source, diagnostics);
        return new FstabDocument(source, lines, diagnostics);
    }

    /// <summary>Reads and parses a file (bytes kept exactly; UTF-8, or Latin-1 when the file is not UTF-8).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FstabDocument Load(string path) => Parse(SourceText.Load(path));

    /// <summary>The one-based line number of <paramref name="line"/> in the current text.</summary>
    /// <exception cref="ArgumentException">The line is not part of this document.</exception>
    public int GetLineNumber(FstabLine line)
    {
        var index = _lines.IndexOf(line);
        if (index < 0)
        {
            throw new ArgumentException("The line is not part of this document.", nameof(line));
        }

        return index + 1;
    }

    /// <summary>
    /// Where a field of an entry is in the current text (file, offset, one-based line and column when printed), for
    /// diagnostics about that field; the whole line when <paramref name="field"/> is null or absent.
    /// </summary>
    /// <exception cref="ArgumentException">The line is not part of this document.</exception>
    public SourceLocation GetLocation(FstabEntryLine line, FstabFieldKind? field = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        var lineIndex = GetLineNumber(line) - 1;
        var offset = 0;
        for (var i = 0; i < lineIndex; i++)
        {
            offset += _lines[i].Text.Length + _lines[i].LineBreak.Length;
        }

        var column = 0;
        foreach (var candidate in line.Fields)
        {
            column += candidate.LeadingTrivia.Length;
            if (candidate.Kind == field)
            {
                return new SourceLocation(Path, new TextSpan(offset + column, candidate.RawText.Length), new LinePosition(lineIndex, column));
            }

            column += candidate.RawText.Length;
        }

        return new SourceLocation(Path, new TextSpan(offset, line.Text.Length), new LinePosition(lineIndex, 0));
    }

    /// <summary>The whole text, exactly as read plus the edits made.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(SourceText.Length + 64);
        foreach (var line in _lines)
        {
            builder.Append(line.Text).Append(line.LineBreak);
        }

        return builder.ToString();
    }

    /// <summary>Writes the whole text.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var line in _lines)
        {
            writer.Write(line.Text);
            writer.Write(line.LineBreak);
        }
    }

    /// <summary>The text as bytes in the file's encoding.</summary>
    public byte[] ToBytes() => SourceText.GetBytes(ToString());

    /// <summary>
    /// Writes the text to <paramref name="path"/> (default: the file it was loaded from) with <see cref="AtomicFile"/>
    /// (temporary file, flush, rename; through symbolic links; mode, owner and group kept). Saving to the file it was
    /// loaded from is refused when that file changed since.
    /// </summary>
    /// <param name="path">Where to write; null for the file the document was loaded from.</param>
    /// <param name="options">Checks and overrides (<see cref="AtomicFileOptions.Force"/>); null for the defaults.</param>
    /// <exception cref="InvalidOperationException">No path was given and the document has none.</exception>
    /// <exception cref="SaveRefusedException">The save was refused (XC0013): changed since read, read-only, hard links, locked.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string? path = null, AtomicFileOptions? options = null)
    {
        path ??= Path ?? throw new InvalidOperationException("The document has no path; pass one to Save.");
        AtomicFile.WriteAllBytes(path, ToBytes(), AtomicFile.ForDocument(SourceText, path, options));
    }

    /// <summary>
    /// Sets the decoded value of one text field (source, target, type or options). The value is escaped so libmount reads
    /// it back exactly. Setting the value the field already has changes nothing, not even its escape spelling. In a
    /// column-aligned line, the blanks after the field shrink or grow so the following fields keep their columns.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty, holds NUL, or is not representable in the file's encoding;
    /// or the field is numeric (use <see cref="SetNumber"/>).</exception>
    internal void SetField(FstabEntryLine line, FstabFieldKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(value);
        var lineIndex = IndexOwned(line);
        if (kind is FstabFieldKind.Dump or FstabFieldKind.Pass)
        {
            throw new ArgumentException("Dump and pass are numbers; use SetNumber.", nameof(kind));
        }

        CheckRepresentable(value);
        var raw = FstabEscaping.Escape(value, kind == FstabFieldKind.Source);
        CheckReadsBack(raw, value);
        var index = (int)kind;
        if (index < line.Fields.Count && line.Fields[index].GetValueBytes().AsSpan().SequenceEqual(SourceText.Encoding.GetBytes(value)))
        {
            return;
        }

        // Only the options field can be missing here (the first three always exist).
        Apply(lineIndex, 1, index < line.Fields.Count ? ReplaceField(line, lineIndex, index, raw) : AppendFields(line, lineIndex, kind, raw), editedEntry: true);
    }

    /// <summary>
    /// Sets the dump or pass number. Setting the number the line already has changes nothing. When the field is missing,
    /// the missing fields before it are written too (<c>defaults</c> for options, 0 for dump).
    /// </summary>
    /// <exception cref="ArgumentException">The field is not dump or pass.</exception>
    internal void SetNumber(FstabEntryLine line, FstabFieldKind kind, int value)
    {
        ArgumentNullException.ThrowIfNull(line);
        var lineIndex = IndexOwned(line);
        if (kind is not (FstabFieldKind.Dump or FstabFieldKind.Pass))
        {
            throw new ArgumentException("Only dump and pass are numbers.", nameof(kind));
        }

        var current = kind == FstabFieldKind.Dump ? line.DumpNumber : line.PassNumber;
        var index = (int)kind;
        var raw = value.ToString(CultureInfo.InvariantCulture);
        if (current == value && (index < line.Fields.Count || value == 0))
        {
            return;
        }

        Apply(lineIndex, 1, index < line.Fields.Count ? ReplaceField(line, lineIndex, index, raw) : AppendFields(line, lineIndex, kind, raw), editedEntry: true);
    }

    /// <summary>
    /// Creates an entry line with all six fields and inserts it at <paramref name="lineIndex"/> (0-based; the line count
    /// appends). Fields follow the file's column alignment when its entries are aligned, else the file's separator.
    /// </summary>
    /// <exception cref="ArgumentException">A value is empty, holds NUL or is not representable in the file's encoding.</exception>
    internal FstabEntryLine InsertEntry(int lineIndex, string source, string target, string fileSystemType, string options, int dump, int pass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lineIndex, _lines.Count);
        string[] values = [source, target, fileSystemType, options];
        foreach (var v in values)
        {
            ArgumentNullException.ThrowIfNull(v);
            CheckRepresentable(v);
        }

        string[] raws =
        [
            FstabEscaping.Escape(source, isFirstField: true),
            FstabEscaping.Escape(target, isFirstField: false),
            FstabEscaping.Escape(fileSystemType, isFirstField: false),
            FstabEscaping.Escape(options, isFirstField: false),
            dump.ToString(CultureInfo.InvariantCulture),
            pass.ToString(CultureInfo.InvariantCulture),
        ];

        var layout = FstabLayout.Detect(EntryLines.ToList());
        var text = new StringBuilder();
        var column = 0;
        for (var i = 0; i < raws.Length; i++)
        {
            var trivia = i == 0 ? layout.Indentation : layout.Separator(i, column);
            text.Append(trivia).Append(raws[i]);
            column = FstabLayout.ColumnAfter(column, trivia + raws[i]);
        }

        var lineBreak = SourceText.NewLine;
        if (lineIndex == _lines.Count && _lines.Count > 0 && _lines[^1].LineBreak is "" or "\r")
        {
            // The old last line had no final newline (or only the CR libmount drops); it needs one now that a line
            // follows, and the new line becomes the last, without one.
            var ending = _lines[^1].LineBreak.Length == 0 ? lineBreak : "\n";
            Apply(_lines.Count - 1, 1, [TextChange.Insert(SourceText.Length, ending + text)]);
        }
        else
        {
            Apply(lineIndex, 0, [TextChange.Insert(OffsetOf(lineIndex), text + lineBreak)]);
        }

        return (FstabEntryLine)_lines[lineIndex];
    }

    /// <summary>
    /// Removes a line. For an entry, the comment lines directly above it (up to a blank line or another entry) go with
    /// it, unless they start the file (a file header stays).
    /// </summary>
    /// <returns>False when the line is not part of this document.</returns>
    internal bool RemoveLine(FstabLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var index = _lines.IndexOf(line);
        if (index < 0)
        {
            return false;
        }

        var first = index;
        if (line is FstabEntryLine)
        {
            while (first > 0 && _lines[first - 1] is FstabCommentLine)
            {
                first--;
            }

            if (first == 0)
            {
                first = index;
            }
        }

        var start = OffsetOf(first);
        var end = OffsetOf(index + 1);
        if (index == _lines.Count - 1 && line.LineBreak.Length == 0 && first > 0)
        {
            // Keep the file's ending: the line that becomes the last loses its line break, as the removed one had none.
            start -= _lines[first - 1].LineBreak.Length;
            Apply(first - 1, index - first + 2, [TextChange.Delete(TextSpan.FromBounds(start, end))]);
        }
        else
        {
            Apply(first, index - first + 1, [TextChange.Delete(TextSpan.FromBounds(start, end))]);
        }

        return true;
    }

    /// <summary>
    /// The one edit path: applies <paramref name="changes"/> to <see cref="SourceText"/> (<see cref="SourceText.WithChanges"/>)
    /// and reads the whole text again, as the other formats do after a splice, so <see cref="SourceText"/>,
    /// <see cref="Diagnostics"/> and every position describe the edited text. The changes touch only the lines
    /// <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/>; every other line keeps its
    /// object, and an entry line in that range whose place is taken by an entry line adopts the new fields, so the
    /// model's entries (views of line objects) stay valid.
    /// </summary>
    // editedEntry: the change edits the fields of the entry line at `first`, which must still be an entry afterwards. A
    // field the file already had can be valid only where it stands: a dump number past strtol's range is accepted at the
    // end of a line, and libmount rejects the line once a pass field follows it.
    private void Apply(int first, int count, IEnumerable<TextChange> changes, bool editedEntry = false)
    {
        var source = SourceText.WithChanges(changes);
        if (ReferenceEquals(source, SourceText))
        {
            return;
        }

        var diagnostics = new List<Diagnostic>();
        var lines = FstabParser.Parse(source, diagnostics);
        if (editedEntry && lines[first] is not FstabEntryLine)
        {
            var reason = diagnostics.FirstOrDefault(d => d.Location.Start.Line == first)?.Message;
            throw new InvalidOperationException(
                $"The edit would make line {first + 1} an entry libmount rejects{(reason is null ? "" : ": " + reason)}; the document is unchanged.");
        }
        var after = _lines.Count - first - count;
        var added = lines.Count - _lines.Count + count;
        for (var i = 0; i < first && i < lines.Count; i++)
        {
            lines[i] = Keep(_lines[i], lines[i], adopt: false);
        }

        for (var i = 0; i < Math.Min(count, added); i++)
        {
            lines[first + i] = Keep(_lines[first + i], lines[first + i], adopt: true);
        }

        for (var i = 0; i < after && first + added + i < lines.Count; i++)
        {
            lines[first + added + i] = Keep(_lines[first + count + i], lines[first + added + i], adopt: false);
        }

        _lines = lines;
        _diagnostics = diagnostics;
        SourceText = source;
    }

    // The old line object when it still stands for the new line (same kind and text), or when an edited entry line
    // adopts the new fields; otherwise the new object.
    private static FstabLine Keep(FstabLine old, FstabLine now, bool adopt)
    {
        if (old is FstabEntryLine oldEntry && now is FstabEntryLine newEntry && (adopt || (old.Text == now.Text && old.LineBreak == now.LineBreak)))
        {
            oldEntry.Adopt(newEntry);
            return old;
        }

        return old.GetType() == now.GetType() && old.Text == now.Text && old.LineBreak == now.LineBreak ? old : now;
    }

    // The entry lines of one version of the document: an edit made while they are enumerated does not change them.
    private static IEnumerable<FstabEntryLine> EntryLinesOf(SegmentedList<FstabLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is FstabEntryLine entry)
            {
                yield return entry;
            }
        }
    }

    // Where line lineIndex starts in the current text (the text's length for lineIndex = the line count).
    private int OffsetOf(int lineIndex)
    {
        var offset = 0;
        for (var i = 0; i < lineIndex; i++)
        {
            offset += _lines[i].Text.Length + _lines[i].LineBreak.Length;
        }

        return offset;
    }

    // Replaces the raw text of field index; in an aligned line the spaces before the next field absorb the change of
    // length, so the following fields keep their columns.
    private TextChange[] ReplaceField(FstabEntryLine line, int lineIndex, int index, string raw)
    {
        var start = OffsetOf(lineIndex);
        for (var i = 0; i < index; i++)
        {
            start += line.Fields[i].ToString().Length;
        }

        var old = line.Fields[index];
        start += old.LeadingTrivia.Length;
        var span = new TextSpan(start, old.RawText.Length);
        var replacement = raw;
        if (index + 1 < line.Fields.Count)
        {
            var next = line.Fields[index + 1];
            if (next.LeadingTrivia.Length > 1 && next.LeadingTrivia.All(c => c == ' '))
            {
                var spaces = Math.Max(1, next.LeadingTrivia.Length - (raw.Length - old.RawText.Length));
                span = new TextSpan(start, old.RawText.Length + next.LeadingTrivia.Length);
                replacement = raw + new string(' ', spaces);
            }
        }

        return [new TextChange(span, replacement)];
    }

    // Writes the fields a line lacks up to kind (defaults for options, 0 for dump), right after its last field.
    private TextChange[] AppendFields(FstabEntryLine line, int lineIndex, FstabFieldKind kind, string raw)
    {
        var layout = FstabLayout.Detect(EntryLines.ToList());
        var written = string.Concat(line.Fields.Select(f => f.ToString()));
        var text = new StringBuilder();
        for (var next = (FstabFieldKind)line.Fields.Count; next <= kind; next++)
        {
            var value = next == kind ? raw : next == FstabFieldKind.Options ? "defaults" : "0";
            var column = FstabLayout.ColumnAfter(0, written + text);
            text.Append(layout.Separator((int)next, column)).Append(value);
        }

        return [TextChange.Insert(OffsetOf(lineIndex) + written.Length, text.ToString())];
    }

    private void CheckRepresentable(string value)
    {
        if (SourceText.Encoding.CodePage == Encoding.Latin1.CodePage && value.Any(c => c > '\u00FF'))
        {
            throw new ArgumentException("The value has characters this Latin-1 file cannot hold.", nameof(value));
        }

        SourceText.EnsureEncodable(value);
    }

    // The writer's own check: the escaped field is one field (no blank or line break left to split it) and libmount's
    // unescaping gives back exactly the value, so no other field or line can change.
    private void CheckReadsBack(string raw, string value)
    {
        if (raw.AsSpan().IndexOfAny(" \t\n\r\0") >= 0 || !FstabEscaping.Decode(raw, SourceText.Encoding).AsSpan().SequenceEqual(SourceText.Encoding.GetBytes(value)))
        {
            throw new ArgumentException($"'{value}' cannot be written as one fstab field that reads back the same; nothing was changed.", nameof(value));
        }
    }

    private int IndexOwned(FstabLine line)
    {
        var index = _lines.IndexOf(line);
        return index >= 0 ? index : throw new ArgumentException("The line is not part of this document.", nameof(line));
    }
}
