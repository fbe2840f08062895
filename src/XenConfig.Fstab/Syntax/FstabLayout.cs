namespace XenConfig.Fstab.Syntax;

/// <summary>How the entries of a file are laid out, so new fields can follow it.</summary>
internal sealed class FstabLayout
{
    private const int TabWidth = 8;
    private readonly int[]? _columns;
    private readonly bool _tabs;
    private readonly string _separator;

    private FstabLayout(string indentation, int[]? columns, bool tabs, string separator)
    {
        Indentation = indentation;
        _columns = columns;
        _tabs = tabs;
        _separator = separator;
    }

    public string Indentation { get; }

    public bool IsAligned => _columns is not null;

    /// <summary>
    /// Aligned when at least two entries exist and, for every field, most entries start it at the same display column.
    /// </summary>
    public static FstabLayout Detect(IReadOnlyList<FstabEntryLine> entries)
    {
        if (entries.Count == 0)
        {
            return new FstabLayout(string.Empty, null, tabs: false, " ");
        }

        var indentation = MostCommon(entries.Select(e => e.Source.LeadingTrivia));
        var separators = entries.SelectMany(e => e.Fields.Skip(1).Select(f => f.LeadingTrivia)).ToList();
        var tabs = separators.Count(s => s.Contains('\t', StringComparison.Ordinal)) * 2 > separators.Count;
        var separator = separators.Count == 0 ? (tabs ? "\t" : " ") : MostCommon(separators);
        if (entries.Count < 2)
        {
            return new FstabLayout(indentation, null, tabs, separator);
        }

        var columns = new int[6];
        for (var k = 1; k < 6; k++)
        {
            var starts = new List<int>();
            foreach (var entry in entries.Where(e => e.Fields.Count > k))
            {
                starts.Add(ColumnAfter(0, string.Concat(entry.Fields.Take(k).Select(f => f.ToString())) + entry.Fields[k].LeadingTrivia));
            }

            if (starts.Count == 0)
            {
                columns[k] = -1;
                continue;
            }

            var group = starts.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            if (starts.Count >= 2 && group.Count() * 2 <= starts.Count)
            {
                return new FstabLayout(indentation, null, tabs, separator);
            }

            columns[k] = group.Key;
        }

        // Single-space files are never "aligned" by accident unless the fields really share columns.
        return new FstabLayout(indentation, columns, tabs, separator);
    }

    /// <summary>The blanks to put before field <paramref name="field"/> when the line so far ends at <paramref name="column"/>.</summary>
    public string Separator(int field, int column)
    {
        if (_columns is null || field >= _columns.Length || _columns[field] < 0)
        {
            return _separator;
        }

        var target = _columns[field];
        if (column >= target)
        {
            return _tabs ? "\t" : " ";
        }

        if (!_tabs)
        {
            return new string(' ', target - column);
        }

        var text = string.Empty;
        while (NextTabStop(column) <= target)
        {
            text += "\t";
            column = NextTabStop(column);
        }

        return text + new string(' ', target - column);
    }

    /// <summary>The display column after writing <paramref name="text"/> from <paramref name="column"/> (tabs every 8).</summary>
    public static int ColumnAfter(int column, string text)
    {
        foreach (var c in text)
        {
            column = c == '\t' ? NextTabStop(column) : column + 1;
        }

        return column;
    }

    private static int NextTabStop(int column) => ((column / TabWidth) + 1) * TabWidth;

    private static string MostCommon(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
