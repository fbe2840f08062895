using System.Text;

namespace XenConfig.Cli;

/// <summary>
/// A unified diff (<c>diff -u</c> format) of one edit. An edit of one value changes one run of lines, so the diff is the
/// common leading and trailing lines around that run: one hunk, found in linear time, with three lines of context.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/>, labelled with <paramref name="path"/>; empty when they are equal.</summary>
    public static string Create(string before, string after, string path)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var a = Lines(before);
        var b = Lines(after);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var start = Math.Max(0, prefix - Context);
        var trailing = Math.Min(suffix, Context);
        var oldEnd = a.Count - suffix + trailing;
        var newEnd = b.Count - suffix + trailing;

        var text = new StringBuilder();
        // git's a/ and b/ prefixes for a relative path (patch -p1 applies it); an absolute path as it is.
        var rooted = Path.IsPathRooted(path);
        text.Append(rooted ? "--- " : "--- a/").Append(path).Append('\n');
        text.Append(rooted ? "+++ " : "+++ b/").Append(path).Append('\n');
        text.Append("@@ -").Append(Range(start, oldEnd - start)).Append(" +").Append(Range(start, newEnd - start)).Append(" @@\n");
        for (var i = start; i < prefix; i++)
        {
            Line(text, ' ', a[i]);
        }

        for (var i = prefix; i < a.Count - suffix; i++)
        {
            Line(text, '-', a[i]);
        }

        for (var i = prefix; i < b.Count - suffix; i++)
        {
            Line(text, '+', b[i]);
        }

        for (var i = a.Count - suffix; i < oldEnd; i++)
        {
            Line(text, ' ', a[i]);
        }

        return text.ToString();
    }

    // diff -u: "start,count", 1-based; an empty range names the line before it.
    private static string Range(int start, int count) =>
        count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static void Line(StringBuilder text, char marker, string line)
    {
        var complete = line.EndsWith('\n');
        text.Append(marker).Append(complete ? line : line + "\n");
        if (!complete)
        {
            text.Append("\\ No newline at end of file\n");
        }
    }

    // Lines with their line feeds (the last may have none), so a missing final newline is a difference too.
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
