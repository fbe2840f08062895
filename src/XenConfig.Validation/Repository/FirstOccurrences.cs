namespace XenConfig.Validation;

/// <summary>
/// What the repository checks ask of an index: for each item in turn (a guest's name, UUID, vif MAC or disk), the first
/// item equal to it. An item is a number, a guest's and the name's or device's index packed in a <see cref="long"/>, and
/// its key is read from the guest's summary when it is hashed or compared, so a slot holds 8 bytes and no key: one table
/// of these, sized once for the largest check and used again by each, is the index of every check. Dictionaries and hash
/// sets keyed by the values took 16-32 bytes an item, a new one for each check, and the collector frees those only with
/// the oldest generation, so at the end of a run they were all there at once.
/// </summary>
internal sealed class FirstOccurrences
{
    private long[] _slots;
    private int _count;

    /// <summary>An index for at least <paramref name="capacity"/> items (it grows beyond that if it must).</summary>
    public FirstOccurrences(int capacity) => _slots = new long[SlotsFor(capacity)];

    /// <summary>How many items it holds (one of each set of equal items).</summary>
    public int Count => _count;

    /// <summary>Forgets every item (the slots are kept for the next check).</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        _count = 0;
    }

    /// <summary>
    /// The first item added that <paramref name="keys"/> finds equal to <paramref name="item"/>; when there is none,
    /// <paramref name="item"/> is added and returned.
    /// </summary>
    /// <param name="item">Not negative.</param>
    /// <param name="keys">Hashes and compares items by their keys.</param>
    public long FirstOf<TKeys>(long item, TKeys keys)
        where TKeys : IItemKeys
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        var hash = keys.Hash(item);
        var mask = _slots.Length - 1;
        var slot = Spread(hash) & mask;
        for (; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var kept = _slots[slot] - 1;
            if (keys.Same(kept, item))
            {
                return kept;
            }
        }

        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow(keys);
            return FirstOf(item, keys);
        }

        _slots[slot] = item + 1;
        _count++;
        return item;
    }

    // At most three quarters full: a free slot is never far (linear probing).
    private static int SlotsFor(int capacity)
    {
        var slots = 16;
        while (slots * 3L < capacity * 4L)
        {
            slots *= 2;
        }

        return slots;
    }

    // Hash codes of values (a MAC's, a UUID's) need not spread over the low bits: the multiplication carries every bit
    // up, and the high half is kept.
    private static int Spread(int hash) => (int)(((ulong)(uint)hash * 0x9E3779B97F4A7C15UL) >> 33);

    private void Grow<TKeys>(TKeys keys)
        where TKeys : IItemKeys
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var kept in old)
        {
            if (kept != 0)
            {
                var slot = Spread(keys.Hash(kept - 1)) & mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = kept;
            }
        }
    }

    /// <summary>How a check hashes and compares its items by their keys (a struct: the calls are not virtual).</summary>
    internal interface IItemKeys
    {
        int Hash(long item);

        bool Same(long x, long y);
    }
}
