using System.Collections;

namespace XenConfig.Grub.Syntax;

/// <summary>
/// A table that keeps its rows as packed values and hands out one public object per row, made the first time someone
/// asks for it and the same object after that: readers inside the parser ask the table by index and make no objects.
/// </summary>
/// <typeparam name="TView">The public object of a row.</typeparam>
internal abstract class PackedTable<TView> : IReadOnlyList<TView>
    where TView : class
{
    private TView?[]? _views;

    /// <summary>The number of rows.</summary>
    public abstract int Count { get; }

    /// <summary>The public object of row <paramref name="index"/> (made once, on first request).</summary>
    public TView this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var views = _views ?? Interlocked.CompareExchange(ref _views, new TView?[Count], null) ?? _views;
            return views[index] ?? Interlocked.CompareExchange(ref views[index], MakeView(index), null) ?? views[index]!;
        }
    }

    /// <inheritdoc />
    public IEnumerator<TView> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Makes the public object of row <paramref name="index"/> (called once per row that is asked for).</summary>
    protected abstract TView MakeView(int index);
}
