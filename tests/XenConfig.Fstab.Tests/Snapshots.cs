using XenConfig.Fstab.Syntax;
using XenConfig.Text;

namespace XenConfig.Fstab.Tests;

/// <summary>Our parser's view in the same shape as <see cref="LibMountTable"/>.</summary>
internal static class Snapshots
{
    public static LibMountTable Of(FstabDocument document)
    {
        var entries = document.EntryLines.Select(e => new FstabSnapshot(
            e.Source.GetValueBytes(),
            e.Target.GetValueBytes(),
            e.FileSystemType.GetValueBytes(),
            e.Options?.GetValueBytes(),
            e.DumpNumber,
            e.PassNumber)).ToList();
        var errors = document.Lines.Select((l, i) => (l, i)).Where(x => x.l is FstabErrorLine).Select(x => x.i + 1).ToList();
        return new LibMountTable(entries, errors);
    }

    public static LibMountTable Of(byte[] content) => Of(FstabDocument.Parse(SourceText.From(content)));

    /// <summary>A readable, comparable rendering (xunit shows the first difference of two strings).</summary>
    public static string Render(LibMountTable table) =>
        string.Join("\n", table.Entries.Select(e => e.ToString())) + "\nerrors at: " + string.Join(",", table.ErrorLines);
}
