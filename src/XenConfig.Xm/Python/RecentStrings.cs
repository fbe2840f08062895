namespace XenConfig.Xm.Python;

/// <summary>
/// Hands out one string for equal strings read close together: a direct-mapped cache of the last string seen in each
/// of a fixed number of slots, chosen by hash. A long list display repeats its names and literals item after item (a
/// 60,000-item list kept 60,000 copies of each); a cache of fixed size bounds what sharing costs, where a table of every
/// distinct string would cost about what it saves, and a miss only forgoes one sharing.
/// </summary>
internal sealed class RecentStrings(int slots)
{
    private readonly string?[] _recent = new string?[slots];

    /// <summary>The string equal to <paramref name="text"/> seen last in its slot, or <paramref name="text"/> (kept for next time).</summary>
    public string Share(string text)
    {
        ref var recent = ref _recent[(int)((uint)text.GetHashCode() % (uint)_recent.Length)];
        if (recent is not null && string.Equals(recent, text, StringComparison.Ordinal))
        {
            return recent;
        }

        recent = text;
        return text;
    }

    /// <summary>Forgets every string: none seen before is handed out again.</summary>
    public void Clear() => Array.Clear(_recent);
}
