using XenConfig.Text;

namespace XenConfig.Tests.Text;

public sealed class SegmentedListTests
{
    // More than two segments of 8,192 references.
    private const int ManyElements = 20_000;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(ManyElements)]
    public void Holds_what_was_added_in_order_past_the_planned_capacity(int capacity)
    {
        var list = new SegmentedList<string>(capacity);
        var items = Enumerable.Range(0, ManyElements).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        foreach (var item in items)
        {
            list.Add(item);
        }

        Assert.Equal(ManyElements, list.Count);
        Assert.Equal(items, list);
        Assert.Equal("8192", list[8192]);
        Assert.Equal("19999", list[^1]);
    }

    [Fact]
    public void Finds_an_element_by_index_in_any_segment_and_replaces_it()
    {
        var list = new SegmentedList<object>(ManyElements);
        var items = Enumerable.Range(0, ManyElements).Select(_ => new object()).ToArray();
        foreach (var item in items)
        {
            list.Add(item);
        }

        var replacement = new object();
        list[16_500] = replacement;

        Assert.Equal(16_500, list.IndexOf(replacement));
        Assert.Equal(8_191, list.IndexOf(items[8_191]));
        Assert.Equal(-1, list.IndexOf(items[16_500]));
        Assert.Equal(-1, list.IndexOf(new object()));
    }

    [Fact]
    public void Reads_no_element_past_its_count()
    {
        var list = new SegmentedList<string>(10) { "only" };

        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Equal(-1, list.IndexOf(null!));
    }
}
