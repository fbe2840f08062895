using System.Globalization;
using System.Text;
using XenConfig.Boot;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Model;

public sealed partial class GrubMenu
{
    /// <summary>
    /// Makes entry <paramref name="index"/> the default: edits the number of the effective <c>default</c> line (or adds
    /// <c>default N</c> at the top of the global section). Changes nothing when that entry already is the configured default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such entry.</exception>
    public void SetDefault(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Entries.Count);
        if (Document.DefaultLine is { } line)
        {
            if (!Document.DefaultSaved && Document.DefaultValue == index)
            {
                return;
            }

            ReplaceArgument(line, index.ToString(CultureInfo.InvariantCulture));
            return;
        }

        InsertGlobal("default " + index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Makes the first entry titled <paramref name="title"/> the default (exact title, or equal after trimming blanks).</summary>
    /// <exception cref="ArgumentException">No entry has that title.</exception>
    public void SetDefault(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var entry = Entries.FirstOrDefault(e => e.Title == title) ?? Entries.FirstOrDefault(e => e.Title.Trim() == title.Trim())
            ?? throw new ArgumentException($"No entry is titled '{title}'.", nameof(title));
        SetDefault(entry.Index);
    }

    /// <summary>Sets the timeout in seconds (editing the effective line or adding one); null removes every global <c>timeout</c> line.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative.</exception>
    public void SetTimeout(int? seconds)
    {
        if (seconds is null)
        {
            foreach (var line in Document.GlobalCommands.Where(l => l.Name == "timeout").Reverse().ToList())
            {
                Splice(line.Span, string.Empty);
            }

            return;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(seconds.Value);
        var text = seconds.Value.ToString(CultureInfo.InvariantCulture);
        if (Document.TimeoutLine is { } timeout)
        {
            if (Document.Timeout != seconds)
            {
                ReplaceArgument(timeout, text);
            }

            return;
        }

        InsertGlobal("timeout " + text);
    }

    /// <summary>
    /// Adds an entry <c>title TITLE</c> with the given command lines (<c>root (hd0,0)</c>, <c>kernel /vmlinuz ro</c>)
    /// before entry <paramref name="index"/> (at the end when null), indented like the existing entries. The default is
    /// renumbered so that the same entry stays the default.
    /// </summary>
    /// <exception cref="ArgumentException">The title or a command holds a line break or ends with a backslash, is longer than GRUB's
    /// 1500-character line buffer, or a command is empty or a comment; nothing changes.</exception>
    public void AddEntry(string title, IEnumerable<string> commands, int? index = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(commands);
        ValidateLineText(title, nameof(title));
        var lines = commands.ToList();
        if (lines.Count == 0)
        {
            throw new ArgumentException("An entry needs at least one command; GRUB drops entries without commands.", nameof(commands));
        }

        foreach (var command in lines)
        {
            ValidateLineText(command, nameof(commands));
            if (command.Trim(' ', '\t').Length == 0 || command.TrimStart(' ', '\t').StartsWith('#'))
            {
                throw new ArgumentException("A command cannot be empty or a comment.", nameof(commands));
            }
        }

        var position = index ?? Entries.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Entries.Count);
        var eol = LineEnding();
        var indent = EntryIndent();
        var block = new StringBuilder();
        block.Append("title ").Append(title).Append(eol);
        foreach (var command in lines)
        {
            block.Append(indent).Append(command.TrimStart(' ', '\t')).Append(eol);
        }

        var defaultBefore = Document.DefaultLine is not null && !Document.DefaultSaved ? Document.DefaultValue : (int?)null;
        var fallbackBefore = Document.Fallback;
        var before = Document;
        InsertEntryText(block.ToString(), position);
        if (Document.Lines.Count(l => l.IsTruncated) > before.Lines.Count(l => l.IsTruncated))
        {
            Document = before;
            throw new ArgumentException("A line of the new entry would be longer than GRUB's 1500-character buffer, which cuts it; nothing was changed.", nameof(commands));
        }

        RenumberFallback(fallbackBefore, old => old >= position ? old + 1 : old);
        if (defaultBefore is { } d && d >= position && d + 1 < Entries.Count)
        {
            SetDefault(d + 1);
        }
    }

    /// <summary>
    /// Removes entry <paramref name="index"/> with the blank lines and comments directly above its title. The default is
    /// renumbered to keep pointing at the same entry; when the default entry itself is removed, entry 0 becomes the default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such entry.</exception>
    public void RemoveEntry(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Entries.Count);
        var defaultBefore = Document.DefaultLine is not null && !Document.DefaultSaved ? Document.DefaultValue : (int?)null;
        var fallbackBefore = Document.Fallback;
        Splice(Entries[index].OwnedSpan, string.Empty);
        RenumberFallback(fallbackBefore, old => old == index ? null : old > index ? old - 1 : old);
        if (defaultBefore is { } d && Entries.Count > 0)
        {
            if (d > index && d - 1 < Entries.Count)
            {
                SetDefault(d - 1);
            }
            else if (d == index)
            {
                SetDefault(0);
            }
        }
    }

    /// <summary>Moves entry <paramref name="from"/> so that it becomes entry <paramref name="to"/>; the default keeps pointing at the same entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index names no entry.</exception>
    public void MoveEntry(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, Entries.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, Entries.Count);
        if (from == to)
        {
            return;
        }

        var defaultBefore = Document.DefaultLine is not null && !Document.DefaultSaved ? Document.DefaultValue : (int?)null;
        var entry = Entries[from];
        var text = Document.SourceText.ToString(entry.OwnedSpan);
        if (!text.EndsWith('\n'))
        {
            text += LineEnding();
        }

        var fallbackBefore = Document.Fallback;
        Splice(entry.OwnedSpan, string.Empty);
        InsertEntryText(text, to, matchSeparators: false);
        var order = Enumerable.Range(0, Entries.Count).ToList();
        order.RemoveAt(from);
        order.Insert(to, from);
        RenumberFallback(fallbackBefore, old => old < order.Count ? order.IndexOf(old) : old);
        if (defaultBefore is { } d && d < Entries.Count)
        {
            SetDefault(order.IndexOf(d));
        }
    }

    /// <summary>
    /// Sets one argument of entry <paramref name="index"/>'s kernel line (<c>root</c> for Linux; a hypervisor option
    /// such as <c>dom0_mem</c> for Xen) via <see cref="KernelCommandLine.Set"/>; only that argument's bytes change.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry has no kernel line.</exception>
    /// <exception cref="ArgumentException">The value cannot be written, or would change another line or add a
    /// diagnostic (a trailing backslash joins the next line; a line longer than GRUB's buffer is cut); nothing changes.</exception>
    public void SetKernelArgument(int index, string name, string? value)
    {
        var line = Kernel(index).Line;
        GuardLineEdit(line, $"kernel argument '{name}' of entry {index}", value,
            () => EditKernelArguments(index, arguments => arguments.Set(name, value)),
            () => Entries[index].Kernel?.Arguments.Get(name));
    }

    /// <summary>Removes every argument named <paramref name="name"/> from entry <paramref name="index"/>'s kernel line.</summary>
    /// <exception cref="InvalidOperationException">The entry has no kernel line.</exception>
    public void RemoveKernelArgument(int index, string name) =>
        EditKernelArguments(index, arguments => arguments.Remove(name));

    /// <summary>
    /// Sets one argument of module <paramref name="module"/> of entry <paramref name="index"/> (module 0 of a Xen entry
    /// is the dom0 kernel: <c>SetModuleArgument(0, 0, "root", "/dev/sda2")</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such entry or module.</exception>
    /// <exception cref="ArgumentException">The value cannot be written, or would change another line or add a diagnostic; nothing changes.</exception>
    public void SetModuleArgument(int index, int module, string name, string? value)
    {
        var target = Module(index, module);
        GuardLineEdit(target.Line!, $"argument '{name}' of module {module} of entry {index}", value, () =>
        {
            var updated = target.Arguments.Set(name, value);
            if (!ReferenceEquals(updated, target.Arguments))
            {
                ReplaceArgument(target.Line!, ArgumentsPrefix(target.Line!.Argument, target.ArgumentsStart, target.ArgumentsText) + updated.Text);
            }
        }, () => Entries[index].Modules.Count > module ? Entries[index].Modules[module].Arguments.Get(name) : null);
    }

    /// <summary>Replaces the whole argument of a module line (<c>/boot/vmlinuz-6.1 root=/dev/sda1 ro</c>), keeping its indentation and keyword.</summary>
    /// <exception cref="ArgumentException">The text holds a line break, a tab or a NUL, ends with a backslash, or would make the line longer than GRUB's buffer; nothing changes.</exception>
    public void SetModuleLine(int index, int module, string pathAndArguments)
    {
        ArgumentNullException.ThrowIfNull(pathAndArguments);
        ValidateSetLineText(pathAndArguments, nameof(pathAndArguments));
        var line = Module(index, module).Line!;
        GuardLineEdit(line, $"module {module} of entry {index}", pathAndArguments, () => ReplaceArgument(line, pathAndArguments), readBack: null);
    }

    /// <summary>Replaces the whole argument of the kernel line (<c>/boot/xen.gz dom0_mem=1G</c>).</summary>
    /// <exception cref="ArgumentException">The text holds a line break, a tab or a NUL, ends with a backslash, or would make the line longer than GRUB's buffer; nothing changes.</exception>
    /// <exception cref="InvalidOperationException">The entry has no kernel line.</exception>
    public void SetKernelLine(int index, string pathAndArguments)
    {
        ArgumentNullException.ThrowIfNull(pathAndArguments);
        ValidateSetLineText(pathAndArguments, nameof(pathAndArguments));
        var line = Kernel(index).Line;
        GuardLineEdit(line, $"the kernel line of entry {index}", pathAndArguments, () => ReplaceArgument(line, pathAndArguments), readBack: null);
    }

    /// <summary>
    /// Runs an edit of one line and reads the menu again: when any other line reads differently, a diagnostic appears
    /// that was not there, or the edited value does not read back as given, the text is restored and the edit refused.
    /// A writer may only change what it was asked to change.
    /// </summary>
    private void GuardLineEdit(GrubLine line, string what, string? value, Action edit, Func<string?>? readBack)
    {
        if (value is not null)
        {
            Document.SourceText.EnsureEncodable(value);
        }

        var before = Document;
        var position = IndexOfLine(before, line);
        edit();
        if (ReferenceEquals(Document, before))
        {
            return;
        }

        var problem = CompareLines(before, Document, position) ?? NewDiagnostic(before, Document, Document.Lines[position].Span);
        if (problem is null && readBack is not null && value is not null && readBack() is { } read && read != value)
        {
            problem = $"it would read back as '{read}'" + (value.Contains('\t', StringComparison.Ordinal) ? " (GRUB reads a tab as a blank)" : string.Empty);
        }

        if (problem is not null)
        {
            Document = before;
            var hint = value is not null && value.EndsWith('\\') ? " (a trailing backslash makes GRUB join the next line to this one)" : string.Empty;
            throw new ArgumentException($"Setting {what} to '{value}' was refused: {problem}{hint}; nothing was changed.");
        }
    }

    private static int IndexOfLine(GrubMenuDocument document, GrubLine line)
    {
        for (var i = 0; i < document.Lines.Count; i++)
        {
            if (ReferenceEquals(document.Lines[i], line))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The line is not part of this menu.");
    }

    // The first line, other than the edited one, that GRUB now reads differently; null when none.
    private static string? CompareLines(GrubMenuDocument before, GrubMenuDocument after, int edited)
    {
        if (after.Lines.Count != before.Lines.Count)
        {
            return $"the menu would have {after.Lines.Count} lines instead of {before.Lines.Count}";
        }

        for (var i = 0; i < before.Lines.Count; i++)
        {
            var (old, now) = (before.Lines[i], after.Lines[i]);
            var same = old.Kind == now.Kind && old.Name == now.Name && old.IsContinued == now.IsContinued && old.SwallowsLine == now.SwallowsLine
                && (i == edited ? old.IsTruncated || !now.IsTruncated : old.Argument == now.Argument && old.IsTruncated == now.IsTruncated);
            if (!same && i == edited && now.IsTruncated)
            {
                return $"line {i + 1} would be longer than GRUB's 1500-character buffer, which cuts it";
            }

            if (!same)
            {
                return i == edited
                    ? $"line {i + 1} would no longer be a '{old.Name}' command as GRUB reads it"
                    : $"it would change line {i + 1} ('{old.Content}')";
            }
        }

        return null;
    }

    // A diagnostic that the edited menu reports more often than the original: an error anywhere, or anything on
    // another line. (A warning about the edited line itself, such as pygrub reading its arguments differently, is a
    // fact about the new value that validation reports, not damage to something else.) Null when none.
    private static string? NewDiagnostic(GrubMenuDocument before, GrubMenuDocument after, TextSpan edited)
    {
        bool Counts(XenConfig.Diagnostics.Diagnostic d) =>
            d.IsError || d.Location.Span.Start < edited.Start || d.Location.Span.Start > edited.End;
        var counts = before.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var group in after.Diagnostics.Where(Counts).GroupBy(d => d.Id))
        {
            if (group.Count() > counts.GetValueOrDefault(group.Key))
            {
                var diagnostic = group.Last();
                return $"the menu would get {diagnostic.Id} ({diagnostic.Message})";
            }
        }

        return null;
    }

    private void EditKernelArguments(int index, Func<KernelCommandLine, KernelCommandLine> edit)
    {
        var kernel = Kernel(index);
        var updated = edit(kernel.Arguments);
        if (!ReferenceEquals(updated, kernel.Arguments))
        {
            ReplaceArgument(kernel.Line, ArgumentsPrefix(kernel.Line.Argument, kernel.ArgumentsStart, kernel.ArgumentsText) + updated.Text);
        }
    }

    /// <summary>Rewrites the fallback list after entries moved; entries that no longer exist leave it (the line goes when it empties).</summary>
    private void RenumberFallback(IReadOnlyList<int> before, Func<int, int?> map)
    {
        if (Document.FallbackLine is not { } line || before.Count == 0)
        {
            return;
        }

        var after = before.Select(map).OfType<int>().ToList();
        if (after.SequenceEqual(before))
        {
            return;
        }

        if (after.Count == 0)
        {
            Splice(line.Span, string.Empty);
            return;
        }

        ReplaceArgument(line, string.Join(' ', after.Select(n => n.ToString(CultureInfo.InvariantCulture))));
    }

    private static string ArgumentsPrefix(string argument, int argumentsStart, string? argumentsText) =>
        argumentsText is null ? argument.TrimEnd(' ') + " " : argument[..argumentsStart];

    private GrubKernel Kernel(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Entries.Count);
        return Entries[index].Kernel ?? throw new InvalidOperationException($"Entry {index} '{Entries[index].Title}' has no kernel line.");
    }

    private GrubModule Module(int index, int module)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Entries.Count);
        var modules = Entries[index].Modules;
        ArgumentOutOfRangeException.ThrowIfNegative(module);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(module, modules.Count);
        return modules[module];
    }

    /// <summary>Replaces a command's argument, touching only the characters that differ.</summary>
    private void ReplaceArgument(GrubLine line, string argument)
    {
        var old = line.Argument;
        if (old == argument)
        {
            return;
        }

        var prefix = 0;
        while (prefix < old.Length && prefix < argument.Length && old[prefix] == argument[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < argument.Length - prefix && old[^(suffix + 1)] == argument[^(suffix + 1)])
        {
            suffix++;
        }

        var start = line.ArgumentStart + prefix;
        var end = line.ArgumentStart + old.Length - suffix;
        var span = line.MapRange(start, end);
        if (start == end && line.Argument.Length == 0 && line.Content.Length > 0)
        {
            // A command with no argument yet ("timeout"): insert after its word, with a blank.
            span = new TextSpan(line.MapRange(0, line.Content.Length).End, 0);
            Splice(span, " " + argument);
            return;
        }

        Splice(span, argument[prefix..(argument.Length - suffix)]);
    }

    private void InsertGlobal(string command)
    {
        var eol = LineEnding();
        var firstGlobal = Document.GlobalCommands.Count > 0 ? Document.GlobalCommands[0] : null;
        int offset;
        if (firstGlobal is not null)
        {
            offset = firstGlobal.Span.Start;
        }
        else if (Document.GlobalEnd < Document.LineTable.Count)
        {
            // The global section ends at the first title.
            offset = Document.Lines[Document.OwnedStart(Document.GlobalEnd)].Span.Start;
        }
        else
        {
            offset = Document.SourceText.Length;
        }

        var prefix = offset > 0 && Document.SourceText.Content[offset - 1] != '\n' ? eol : string.Empty;
        Splice(new TextSpan(offset, 0), prefix + command + eol);
    }

    private void InsertEntryText(string block, int position, bool matchSeparators = true)
    {
        var eol = LineEnding();

        // Keep the file's habit: when entries are separated by blank lines, so is the new one.
        var separated = matchSeparators && Entries.Skip(Entries.Count > 1 ? 1 : 0).Any(StartsWithBlankLine);
        var separator = separated ? eol : string.Empty;
        if (position < Entries.Count)
        {
            Splice(new TextSpan(Entries[position].OwnedSpan.Start, 0), separator + block);
            return;
        }

        var offset = Entries.Count > 0 ? Entries[^1].OwnedSpan.End : Document.SourceText.Length;
        var needsBreak = offset > 0 && Document.SourceText.Content[offset - 1] != '\n';
        Splice(new TextSpan(offset, 0), (needsBreak ? eol : string.Empty) + separator + block);
    }

    private bool StartsWithBlankLine(GrubEntry entry) =>
        Document.Lines.FirstOrDefault(l => l.Span.Start == entry.OwnedSpan.Start)?.Kind == GrubLineKind.Blank;

    private string EntryIndent()
    {
        foreach (var entry in Entries)
        {
            foreach (var command in entry.Commands)
            {
                var lead = Document.SourceText.Content[command.Span.Start..command.NameSpan.Start];
                return lead.Replace("\r", string.Empty, StringComparison.Ordinal);
            }
        }

        return "\t";
    }

    private string LineEnding() => Document.SourceText.NewLine;

    // A line setter's text must read back as written: GRUB reads a tab as a blank.
    private static void ValidateSetLineText(string text, string parameter)
    {
        ValidateLineText(text, parameter);
        if (text.Contains('\t', StringComparison.Ordinal))
        {
            throw new ArgumentException("A menu.lst line set here cannot hold a tab: GRUB reads it as a blank, so the line would not read back as written.", parameter);
        }
    }

    private static void ValidateLineText(string text, string parameter)
    {
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A menu.lst line cannot hold a line break or a NUL.", parameter);
        }

        if (text.EndsWith('\\'))
        {
            throw new ArgumentException("A menu.lst line cannot end with a backslash: GRUB would join it with the next line.", parameter);
        }
    }

    private void Splice(TextSpan span, string replacement)
    {
        var source = Document.SourceText.WithChanges([new TextChange(span, replacement)]);
        if (!ReferenceEquals(source, Document.SourceText))
        {
            Document = GrubMenuDocument.Parse(source, Document.Options);
        }
    }
}
