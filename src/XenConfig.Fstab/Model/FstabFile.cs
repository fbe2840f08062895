using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using XenConfig.Diagnostics;
using XenConfig.Fstab.Syntax;

namespace XenConfig.Fstab.Model;

/// <summary>
/// An fstab as a list of typed entries over its lossless <see cref="FstabDocument"/>. Edits (add, remove, change a
/// field or an option) write into the document, so comments, blank lines, alignment and lines libmount rejects stay as
/// they were.
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
    /// Adds an entry with all six fields. It goes before the first entry mounted below it (so parents come before
    /// children), otherwise at the end of the file; it follows the file's column alignment and line breaks.
    /// </summary>
    /// <exception cref="ArgumentException">A value is empty, holds NUL or does not fit the file's encoding.</exception>
    public FstabEntry Add(string source, string mountPoint, string fileSystemType, string options = "defaults", int dump = 0, int pass = 0)
    {
        ArgumentNullException.ThrowIfNull(mountPoint);
        var index = Document.Lines.Count;
        var child = Entries.FirstOrDefault(e => IsBelow(e.MountPoint, mountPoint));
        if (child is not null)
        {
            // Comments right above the child describe the child: insert above them, unless they are the file's header.
            index = child.LineNumber - 1;
            var blockStart = index;
            while (blockStart > 0 && Document.Lines[blockStart - 1] is FstabCommentLine)
            {
                blockStart--;
            }

            index = blockStart > 0 ? blockStart : index;
        }

        var line = Document.InsertEntry(index, source, mountPoint, fileSystemType, options, dump, pass);
        return View(line);
    }

    /// <summary>Removes an entry with the comment lines directly above it (not the file's header).</summary>
    /// <returns>False when the entry is not in this fstab.</returns>
    public bool Remove(FstabEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Document.RemoveLine(entry.Syntax);
    }

    /// <summary>
    /// Saves the text atomically (<see cref="FstabDocument.Save(string, XenConfig.Text.AtomicFileOptions?)"/>); bytes
    /// not edited are written back as read.
    /// </summary>
    /// <param name="path">Where to write.</param>
    /// <param name="options">Checks and overrides; null for the defaults.</param>
    /// <exception cref="XenConfig.Text.SaveRefusedException">The save was refused (XC0013).</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path, XenConfig.Text.AtomicFileOptions? options = null) => Document.Save(path, options);

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
