using System.Collections;

namespace XenConfig.Text;

/// <summary>
/// A list of the syntax nodes of a document, one per line, kept in arrays that each stay below the large object heap's
/// 85,000-byte threshold.
/// </summary>
/// <remarks>
/// A <see cref="List{T}"/> of the lines of a 1 MB file is one 110 KB array: each parse put an array on the large object
/// heap, whose budget then started a full (gen2) collection every few parses, which gave the freed regions back to the
/// system and took page faults to use them again (the fstab parse of a 1 MB file ran 17 gen2 collections in 25).
/// Segments of at most 64 KB are young objects like the nodes they hold. A list made for the exact number of lines of a
/// small file is one array of that size.
/// </remarks>
internal sealed class SegmentedList<T> : IReadOnlyList<T>
    where T : class
{
    // Elements per full segment: 8,192 references take 64 KB.
    private const int SegmentShift = 13;
    private const int SegmentLength = 1 << SegmentShift;

    // Every segment but the last holds SegmentLength elements; the last one grows when more are added than planned.
    private T[][] _segments;
    private int _count;

    /// <summary>An empty list with room for <paramref name="capacity"/> elements (more can be added).</summary>
    public SegmentedList(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _segments = new T[(capacity >> SegmentShift) + 1][];
        for (var i = 0; i < _segments.Length; i++)
        {
            _segments[i] = new T[Math.Min(SegmentLength, capacity - (i << SegmentShift))];
        }
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _segments[index >> SegmentShift][index & (SegmentLength - 1)];
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            _segments[index >> SegmentShift][index & (SegmentLength - 1)] = value;
        }
    }

    /// <summary>Appends <paramref name="item"/>.</summary>
    public void Add(T item)
    {
        var segmentIndex = _count >> SegmentShift;
        var offset = _count & (SegmentLength - 1);
        if (segmentIndex == _segments.Length)
        {
            Array.Resize(ref _segments, segmentIndex + 1);
        }

        ref var segment = ref _segments[segmentIndex];
        if (segment is null || offset == segment.Length)
        {
            Array.Resize(ref segment, Math.Min(SegmentLength, Math.Max(4, 2 * offset)));
        }

        segment[offset] = item;
        _count++;
    }

    /// <summary>The index of the first element equal to <paramref name="item"/>, or -1.</summary>
    public int IndexOf(T item)
    {
        for (var i = 0; i << SegmentShift < _count; i++)
        {
            var found = Array.IndexOf(_segments[i], item, 0, Math.Min(SegmentLength, _count - (i << SegmentShift)));
            if (found >= 0)
            {
                return (i << SegmentShift) + found;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _segments[i >> SegmentShift][i & (SegmentLength - 1)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
