using System.Collections;
using System.Diagnostics.CodeAnalysis;
using XenConfig.Domain;
using XenConfig.Text;
using XenConfig.Xm.Python;

namespace XenConfig.Xm;

/// <summary>
/// An evaluation's settings in the order the script first assigned them, each with where the script last assigned it,
/// and the places of assigned names that are no setting (a bool, a tuple, a value over the limits).
/// </summary>
/// <remarks>
/// A script of helper variables has one setting per variable (162,428 in a 10 MB script): a dictionary for the settings,
/// another for their places and an ordered list beside them took about 130 bytes per setting with their growth slack,
/// and their grown-out arrays stayed on the large object heap until the next full collection. Here they are one
/// <see cref="InsertionOrderedDictionary{TKey, TValue}"/> of value and place (about 40 bytes a setting with its index),
/// sized up front when the count is known.
/// </remarks>
internal sealed class XmSettingsTable(int capacity) : IReadOnlyDictionary<string, SettingValue>
{
    // A place's start for "assigned nowhere": a command-line variable, or a name the prologue made.
    private const int NoPlace = -1;

    // Nothing is removed, so an entry's number is its place in the order.
    private readonly InsertionOrderedDictionary<string, (SettingValue Value, int Start, int End)> _entries = new(StringComparer.Ordinal, capacity);
    private Dictionary<string, TextSpan>? _otherPlaces;

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Keys;

    public IEnumerable<SettingValue> Values => _entries.Values.Select(e => e.Value);

    public SettingValue this[string key] => _entries[key].Value;

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out SettingValue value)
    {
        var found = _entries.TryGetValue(key, out var entry);
        value = entry.Value;
        return found;
    }

    /// <summary>Sets <paramref name="key"/> (a new key goes last, a known one keeps its place in the order) and where it was assigned.</summary>
    public void Set(string key, SettingValue value, TextSpan? place)
    {
        _entries[key] = place is { } span ? (value, span.Start, span.End) : (value, NoPlace, NoPlace);
        _otherPlaces?.Remove(key);
    }

    /// <summary>Records where <paramref name="key"/>, a name that is no setting, was last assigned.</summary>
    public void SetPlaceOfOther(string key, TextSpan place) => (_otherPlaces ??= new(StringComparer.Ordinal))[key] = place;

    /// <summary>Where <paramref name="key"/> was last assigned; null when it came from the command line or nowhere.</summary>
    public TextSpan? GetPlace(string key)
    {
        var entry = _entries.IndexOf(key);
        if (entry >= 0)
        {
            return GetPlace(entry);
        }

        return _otherPlaces is not null && _otherPlaces.TryGetValue(key, out var place) ? place : null;
    }

    /// <summary>The key of the setting numbered <paramref name="entry"/> (0 is the first in order).</summary>
    public string KeyAt(int entry) => _entries.KeyAt(entry);

    /// <summary>Where the setting numbered <paramref name="entry"/> was last assigned; null when nowhere.</summary>
    public TextSpan? GetPlace(int entry)
    {
        var (_, start, end) = _entries.ValueAt(entry);
        return start == NoPlace ? null : TextSpan.FromBounds(start, end);
    }

    public IEnumerator<KeyValuePair<string, SettingValue>> GetEnumerator()
    {
        foreach (var (key, entry) in _entries)
        {
            yield return new KeyValuePair<string, SettingValue>(key, entry.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
