using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace XenConfig.Xm.Python;

/// <summary>
/// A dictionary that enumerates in insertion order, as Python dicts (and xm's settings) do: setting an existing key
/// keeps its place, removing and adding it again moves it to the end. Portable to every target framework
/// (<c>OrderedDictionary&lt;,&gt;</c> is .NET 9+). Removal leaves a hole that is compacted once holes outnumber entries.
/// Changing it while it is enumerated fails the enumeration, as changing a Python dict while iterating it does.
/// </summary>
/// <remarks>
/// Entries are parallel arrays in insertion order with an open-addressing index of twice as many slots or more. The
/// module's locals of a script of helper variables hold 162,428 names: as a <see cref="Dictionary{TKey, TValue}"/> of
/// positions beside a list of entries that took about 95 bytes a name with the growth slack, here about 40.
/// </remarks>
internal sealed class InsertionOrderedDictionary<TKey, TValue>(IEqualityComparer<TKey> comparer) : IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private const int InitialCapacity = 4;

    private TKey[] _keys = [];
    private TValue[] _values = [];
    private bool[] _live = [];
    // Slot holds 1 + an entry's position, 0 when free. A removed entry keeps its slot (lookups step over it) until the
    // entries are compacted or grown, which rebuilds the index.
    private int[] _slots = [];
    private int _shift;
    // Entries used, removed ones included.
    private int _used;
    private int _count;
    private int _version;

    /// <summary>An empty dictionary with room for <paramref name="capacity"/> entries before it grows.</summary>
    public InsertionOrderedDictionary(IEqualityComparer<TKey> comparer, int capacity)
        : this(comparer)
    {
        if (capacity > 0)
        {
            Rebuild(capacity);
        }
    }

    public int Count => _count;

    /// <summary>
    /// Where <paramref name="key"/> stands in the order (0 is the first), or -1. Valid until an entry is removed: a
    /// dictionary nothing is removed from numbers its entries by the order they were added.
    /// </summary>
    public int IndexOf(TKey key) => Find(key);

    /// <summary>The key at <paramref name="index"/> of the order, in a dictionary nothing was removed from (see <see cref="IndexOf"/>).</summary>
    public TKey KeyAt(int index) => _keys[index];

    /// <summary>The value at <paramref name="index"/> of the order, in a dictionary nothing was removed from (see <see cref="IndexOf"/>).</summary>
    public TValue ValueAt(int index) => _values[index];

    public IEnumerable<TKey> Keys => this.Select(e => e.Key);

    public IEnumerable<TValue> Values => this.Select(e => e.Value);

    public TValue this[TKey key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not present.");
        set
        {
            var position = Find(key);
            _version++;
            if (position >= 0)
            {
                _values[position] = value;
                return;
            }

            if (_used == _keys.Length)
            {
                MakeRoom();
            }

            position = _used++;
            _keys[position] = key;
            _values[position] = value;
            _live[position] = true;
            _count++;
            Index(position);
        }
    }

    public bool ContainsKey(TKey key) => Find(key) >= 0;

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var position = Find(key);
        value = position >= 0 ? _values[position] : default;
        return position >= 0;
    }

    public bool Remove(TKey key)
    {
        var position = Find(key);
        if (position < 0)
        {
            return false;
        }

        _version++;
        _live[position] = false;
        _keys[position] = default!;
        _values[position] = default!;
        _count--;
        if (_used > 16 && _count < _used / 2)
        {
            Rebuild(_keys.Length);
        }

        return true;
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        var version = _version;
        for (var position = 0; position < _used; position++)
        {
            if (_live[position])
            {
                yield return new KeyValuePair<TKey, TValue>(_keys[position], _values[position]);
                if (version != _version)
                {
                    throw new InvalidOperationException("The dictionary was changed while it was enumerated.");
                }
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int SlotOf(TKey key) => (int)(((uint)comparer.GetHashCode(key) * 0x9E3779B9u) >> _shift);

    private int Find(TKey key)
    {
        if (_count == 0)
        {
            return -1;
        }

        var mask = _slots.Length - 1;
        for (var slot = SlotOf(key); ; slot = (slot + 1) & mask)
        {
            var held = _slots[slot] - 1;
            if (held < 0)
            {
                return -1;
            }

            if (_live[held] && comparer.Equals(_keys[held], key))
            {
                return held;
            }
        }
    }

    private void Index(int position)
    {
        var mask = _slots.Length - 1;
        var slot = SlotOf(_keys[position]);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = position + 1;
    }

    // Full of entries: drop the removed ones, and double the capacity unless that freed a quarter of it.
    private void MakeRoom() =>
        Rebuild(_keys.Length == 0 ? InitialCapacity : _count <= _keys.Length * 3 / 4 ? _keys.Length : _keys.Length * 2);

    private void Rebuild(int capacity)
    {
        var keys = _keys.Length == capacity ? _keys : new TKey[capacity];
        var values = _values.Length == capacity ? _values : new TValue[capacity];
        var live = _live.Length == capacity ? _live : new bool[capacity];
        var kept = 0;
        for (var position = 0; position < _used; position++)
        {
            if (_live[position])
            {
                keys[kept] = _keys[position];
                values[kept] = _values[position];
                live[kept] = true;
                kept++;
            }
        }

        Array.Clear(keys, kept, capacity - kept);
        Array.Clear(values, kept, capacity - kept);
        Array.Clear(live, kept, capacity - kept);
        (_keys, _values, _live, _used) = (keys, values, live, kept);
        var slotCount = Math.Max(8, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2));
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)slotCount);
        _slots = _slots.Length == slotCount ? _slots : new int[slotCount];
        Array.Clear(_slots);
        for (var position = 0; position < kept; position++)
        {
            Index(position);
        }
    }
}
