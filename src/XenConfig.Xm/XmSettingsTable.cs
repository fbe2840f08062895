using System.Collections;
using System.Diagnostics.CodeAnalysis;
using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Xm;

/// <summary>
/// An evaluation's settings in the order the script first assigned them, each with where the script last assigned it,
/// and the places of assigned names that are no setting (a bool, a tuple, a value over the limits).
/// </summary>
/// <remarks>
/// A script of helper variables has one setting per variable (162,428 in a 10 MB script): a dictionary for the settings,
/// another for their places and an ordered list beside them took about 130 bytes per setting with their growth slack,
/// and their grown-out arrays stayed on the large object heap until the next full collection. Here a setting is a key,
/// a value, a place (24 bytes) and a slot of an index of at least twice as many slots (open addressing, 8 bytes or
/// more), with the capacity given up front when it is known.
/// </remarks>
internal sealed class XmSettingsTable : IReadOnlyDictionary<string, SettingValue>
{
    // A place's start for "assigned nowhere": a command-line variable, or a name the prologue made.
    private const int NoPlace = -1;

    private string[] _keys;
    private SettingValue[] _values;
    private (int Start, int End)[] _places;
    // Slot holds 1 + the entry's number, 0 when free; the length is a power of two, at least twice the entries'.
    private int[] _slots;
    private int _count;
    private Dictionary<string, TextSpan>? _otherPlaces;

    public XmSettingsTable(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        _keys = new string[capacity];
        _values = new SettingValue[capacity];
        _places = new (int, int)[capacity];
        _slots = new int[SlotCount(capacity)];
    }

    public int Count => _count;

    public IEnumerable<string> Keys => _keys.Take(_count);

    public IEnumerable<SettingValue> Values => _values.Take(_count);

    public SettingValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not present.");

    public bool ContainsKey(string key) => Find(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out SettingValue value)
    {
        var entry = Find(key);
        value = entry >= 0 ? _values[entry] : null;
        return entry >= 0;
    }

    /// <summary>Sets <paramref name="key"/> (a new key goes last, a known one keeps its place in the order) and where it was assigned.</summary>
    public void Set(string key, SettingValue value, TextSpan? place)
    {
        var entry = Find(key);
        if (entry < 0)
        {
            if (_count == _keys.Length)
            {
                Grow();
            }

            entry = _count++;
            _keys[entry] = key;
            Insert(entry);
        }

        _values[entry] = value;
        _places[entry] = place is { } span ? (span.Start, span.End) : (NoPlace, NoPlace);
        _otherPlaces?.Remove(key);
    }

    /// <summary>Records where <paramref name="key"/>, a name that is no setting, was last assigned.</summary>
    public void SetPlaceOfOther(string key, TextSpan place) => (_otherPlaces ??= new(StringComparer.Ordinal))[key] = place;

    /// <summary>Where <paramref name="key"/> was last assigned; null when it came from the command line or nowhere.</summary>
    public TextSpan? GetPlace(string key)
    {
        var entry = Find(key);
        if (entry >= 0)
        {
            return GetPlace(entry);
        }

        return _otherPlaces is not null && _otherPlaces.TryGetValue(key, out var place) ? place : null;
    }

    /// <summary>The key of the setting numbered <paramref name="entry"/> (0 is the first in order).</summary>
    public string KeyAt(int entry) => _keys[entry];

    /// <summary>Where the setting numbered <paramref name="entry"/> was last assigned, or null.</summary>
    public TextSpan? GetPlace(int entry) =>
        _places[entry].Start == NoPlace ? null : TextSpan.FromBounds(_places[entry].Start, _places[entry].End);

    public IEnumerator<KeyValuePair<string, SettingValue>> GetEnumerator()
    {
        for (var entry = 0; entry < _count; entry++)
        {
            yield return new KeyValuePair<string, SettingValue>(_keys[entry], _values[entry]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int SlotCount(int capacity) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2);

    private int Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var mask = _slots.Length - 1;
        for (var slot = Hash(key) & mask; ; slot = (slot + 1) & mask)
        {
            var held = _slots[slot];
            if (held == 0)
            {
                return -1;
            }

            if (string.Equals(_keys[held - 1], key, StringComparison.Ordinal))
            {
                return held - 1;
            }
        }
    }

    private void Insert(int entry)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(_keys[entry]) & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = entry + 1;
    }

    private void Grow()
    {
        var capacity = _keys.Length * 2;
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _values, capacity);
        Array.Resize(ref _places, capacity);
        _slots = new int[SlotCount(capacity)];
        for (var entry = 0; entry < _count; entry++)
        {
            Insert(entry);
        }
    }

    private static int Hash(string key) => key.GetHashCode(StringComparison.Ordinal) & int.MaxValue;
}
