using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace XenConfig.Xm.Python;

/// <summary>
/// A dictionary that enumerates in insertion order, as Python dicts (and xm's settings) do: setting an existing key
/// keeps its place, removing and adding it again moves it to the end. Portable to every target framework
/// (<c>OrderedDictionary&lt;,&gt;</c> is .NET 9+). Removal leaves a hole that is compacted once holes outnumber entries.
/// </summary>
internal sealed class InsertionOrderedDictionary<TKey, TValue>(IEqualityComparer<TKey> comparer) : IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _index = new(comparer);
    private readonly List<(TKey Key, TValue Value, bool Live)> _entries = [];

    public int Count => _index.Count;

    public IEnumerable<TKey> Keys => this.Select(e => e.Key);

    public IEnumerable<TValue> Values => this.Select(e => e.Value);

    public TValue this[TKey key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not present.");
        set
        {
            if (_index.TryGetValue(key, out var position))
            {
                _entries[position] = (_entries[position].Key, value, true);
            }
            else
            {
                _index.Add(key, _entries.Count);
                _entries.Add((key, value, true));
            }
        }
    }

    public bool ContainsKey(TKey key) => _index.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_index.TryGetValue(key, out var position))
        {
            value = _entries[position].Value;
            return true;
        }

        value = default;
        return false;
    }

    public bool Remove(TKey key)
    {
        if (!_index.Remove(key, out var position))
        {
            return false;
        }

        _entries[position] = (_entries[position].Key, default!, false);
        if (_entries.Count > 16 && _index.Count < _entries.Count / 2)
        {
            Compact();
        }

        return true;
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        foreach (var (key, value, live) in _entries)
        {
            if (live)
            {
                yield return new KeyValuePair<TKey, TValue>(key, value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Compact()
    {
        _entries.RemoveAll(e => !e.Live);
        for (var i = 0; i < _entries.Count; i++)
        {
            _index[_entries[i].Key] = i;
        }
    }
}
