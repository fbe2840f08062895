using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using XenConfig.Diagnostics;
using XenConfig.Fstab.Syntax;

namespace XenConfig.Fstab.Model;

/// <summary>
/// An fstab as a list of typed entries over its lossless <see cref="FstabDocument"/>. Every edit lives here and on the
/// entries (<see cref="AddEntry"/>, <see cref="RemoveEntry"/>, the <see cref="FstabEntry"/> setters): each changes only
/// the bytes it concerns and reads the text again, so comments, blank lines, alignment and lines libmount rejects stay
/// as they were, and <see cref="Diagnostics"/> always describe the current text.
/// </summary>
public sealed class FstabFile
{
    private readonly ConditionalWeakTable<FstabEntryLine, FstabEntry> _entries = [];

    private FstabFile(FstabDocument document)
    {
        Document = document;
    }

    /// <summary>The syntax tree the entries are views of.</summary>
    public FstabDocument Document { get; }

    /// <summary>The parse diagnostics of the document.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Document.Diagnostics;

    /// <summary>The entries, in file order (the order mount and fsck walk them).</summary>
    public IReadOnlyList<FstabEntry> Entries => [.. Document.EntryLines.Select(View)];

    /// <summary>Parses text strictly.</summary>
    /// <exception cref="XenConfigException">A line is rejected by libmount; carries every diagnostic.</exception>
    public static FstabFile Parse(string text, string? path = null) => Strict(FstabDocument.Parse(text, path));

    /// <summary>Reads and parses a file strictly.</summary>
    /// <exception cref="XenConfigException">A line is rejected by libmount; carries every diagnostic.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FstabFile Load(string path) => Strict(FstabDocument.Load(path));

    /// <summary>Parses text; returns false (and the diagnostics) when a line is rejected by libmount.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FstabFile? fstab, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var document = FstabDocument.Parse(text);
        diagnostics = document.Diagnostics;
        fstab = document.HasErrors ? null : new FstabFile(document);
        return fstab is not null;
    }

    /// <summary>
    /// Wraps a document as it is, errors included: rejected lines are kept raw and are not entries, as libmount skips them.
    /// </summary>
    public static FstabFile FromDocument(FstabDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new FstabFile(document);
    }

    /// <summary>The first entry mounted at <paramref name="mountPoint"/>, or null.</summary>
    public FstabEntry? Find(string mountPoint)
    {
        ArgumentNullException.ThrowIfNull(mountPoint);
        return Entries.FirstOrDefault(e => string.Equals(e.MountPoint, mountPoint, StringComparison.Ordinal));
    }

    /// <summary>
    /// Adds an entry with all six fields, following the file's column alignment and line breaks. Without
    /// <paramref name="index"/> it goes before the first entry mounted below it (so parents come before children),
    /// otherwise at the end of the file.
    /// </summary>
    /// <param name="source">Field 1: what is mounted.</param>
    /// <param name="mountPoint">Field 2: the mount point.</param>
    /// <param name="fileSystemType">Field 3: the filesystem type.</param>
    /// <param name="options">Field 4: the options.</param>
    /// <param name="dump">Field 5: the dump frequency.</param>
    /// <param name="pass">Field 6: the fsck pass number.</param>
    /// <param name="index">The entry's place among <see cref="Entries"/> (before the entry now at that index, with
    /// the comment lines directly above it; <see cref="Entries"/>' count puts it at the end of the file); null to place
    /// it by its mount point.</param>
    /// <returns>The new entry.</returns>
    /// <exception cref="ArgumentException">A value is empty, holds NUL or does not fit the file's encoding.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or past the end.</exception>
    public FstabEntry AddEntry(string source, string mountPoint, string fileSystemType, string options = "defaults", int dump = 0, int pass = 0, int? index = null)
    {
        ArgumentNullException.ThrowIfNull(mountPoint);
        var entries = Entries;
        FstabEntry? before;
        if (index is { } position)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position, nameof(index));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(position, entries.Count, nameof(index));
            before = position < entries.Count ? entries[position] : null;
        }
        else
        {
            before = entries.FirstOrDefault(e => IsBelow(e.MountPoint, mountPoint));
        }

        var lineIndex = Document.Lines.Count;
        if (before is not null)
        {
            // Comments right above an entry describe it: insert above them, unless they are the file's header.
            lineIndex = before.LineNumber - 1;
            var blockStart = lineIndex;
            while (blockStart > 0 && Document.Lines[blockStart - 1] is FstabCommentLine)
            {
                blockStart--;
            }

            lineIndex = blockStart > 0 ? blockStart : lineIndex;
        }

        var line = Document.InsertEntry(lineIndex, source, mountPoint, fileSystemType, options, dump, pass);
        return View(line);
    }

    /// <summary>Removes an entry with the comment lines directly above it (not the file's header).</summary>
    /// <returns>False when the entry is not in this fstab.</returns>
    public bool RemoveEntry(FstabEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Document.RemoveLine(entry.Syntax);
    }

    /// <summary>
    /// Saves the text atomically (<see cref="FstabDocument.Save"/>); bytes not edited are written back as read.
    /// </summary>
    /// <param name="path">Where to write; null for the file the fstab was loaded from.</param>
    /// <param name="options">Checks and overrides; null for the defaults.</param>
    /// <exception cref="InvalidOperationException">No path was given and the fstab has none.</exception>
    /// <exception cref="XenConfig.Text.SaveRefusedException">The save was refused (XC0013).</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string? path = null, XenConfig.Text.AtomicFileOptions? options = null) => Document.Save(path, options);

    /// <summary>The whole text.</summary>
    public override string ToString() => Document.ToString();

    private static FstabFile Strict(FstabDocument document) =>
        document.HasErrors ? throw new XenConfigException(document.Diagnostics) : new FstabFile(document);

    private static bool IsBelow(string candidate, string parent)
    {
        if (!parent.StartsWith('/') || string.Equals(candidate, parent, StringComparison.Ordinal))
        {
            return false;
        }

        var prefix = parent.EndsWith('/') ? parent : parent + "/";
        return candidate.StartsWith(prefix, StringComparison.Ordinal);
    }

    private FstabEntry View(FstabEntryLine line) => _entries.GetValue(line, l => new FstabEntry(Document, l));
}
