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
            var views = _views ?? MakeViews();
            return views[index] ?? Interlocked.CompareExchange(ref views[index], MakeView(index), null) ?? views[index]!;
        }
    }

    /// <summary>
    /// True when the first request for any row makes the objects of all rows, one after the other (see
    /// <see cref="MakeViews"/>); false to make each when it is first asked for.
    /// </summary>
    protected virtual bool MakesAllViews => false;

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

    /// <summary>
    /// The array of the rows' objects, made on the first request. For a table that <see cref="MakesAllViews"/>, every
    /// object is made here in one run: objects a reader keeps for the document's life, made one by one between the
    /// short-lived strings the reader makes of them, were copied by the garbage collector from generation to generation
    /// and made it grow its young generation past the caches (a third of the time of reading a 100 MB menu's entries);
    /// made in one run they fill whole regions of the heap, which the collector promotes where they are.
    /// </summary>
    private TView?[] MakeViews()
    {
        var views = new TView?[Count];
        if (MakesAllViews)
        {
            for (var i = 0; i < views.Length; i++)
            {
                views[i] = MakeView(i);
            }
        }

        // Another thread may have published its array first: then its objects are the ones handed out.
        return Interlocked.CompareExchange(ref _views, views, null) ?? views;
    }
}
