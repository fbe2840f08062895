using System.Text;
using XenConfig.Text;

namespace XenConfig.Tests.Text;

/// <summary><see cref="SourceText.WithChanges"/>: the one splice every format's editor applies before it re-parses.</summary>
public sealed class SourceTextChangeTests
{
    [Theory]
    [InlineData("memory = 512\n", 9, 3, "2048", "memory = 2048\n")]          // replace
    [InlineData("a = 1\n", 6, 0, "b = 2\n", "a = 1\nb = 2\n")]               // insert at the end
    [InlineData("a = 1\nb = 2\n", 0, 6, "", "b = 2\n")]                       // delete
    [InlineData("", 0, 0, "x", "x")]                                          // insert into nothing
    public void One_change_replaces_exactly_its_span(string text, int start, int length, string newText, string expected)
    {
        var edited = SourceText.From(text).WithChanges([new TextChange(new TextSpan(start, length), newText)]);

        Assert.Equal(expected, edited.Content);
    }

    [Fact]
    public void Changes_refer_to_the_original_text_whatever_order_they_come_in()
    {
        var source = SourceText.From("a = 1\nb = 2\nc = 3\n");
        TextChange[] changes =
        [
            new(new TextSpan(16, 1), "30"),
            new(new TextSpan(4, 1), "10"),
            TextChange.Delete(new TextSpan(6, 6)),
        ];

        Assert.Equal("a = 10\nc = 30\n", source.WithChanges(changes).Content);
        Assert.Equal("a = 10\nc = 30\n", source.WithChanges(changes.Reverse()).Content);
    }

    [Fact]
    public void Insertions_at_one_offset_land_in_the_order_given_and_before_a_replacement_starting_there()
    {
        var source = SourceText.From("[ 'a' ]");

        var edited = source.WithChanges([new TextChange(new TextSpan(2, 3), "'b'"), TextChange.Insert(2, "'x', "), TextChange.Insert(2, "'y', ")]);

        Assert.Equal("[ 'x', 'y', 'b' ]", edited.Content);
    }

    [Theory]
    [InlineData(0, 4, 3, 2)]   // the second starts inside the first
    [InlineData(2, 2, 0, 6)]   // the first lies inside the second
    [InlineData(1, 3, 2, 0)]   // an insertion inside a replacement
    public void Overlapping_changes_are_refused_and_nothing_is_applied(int start1, int length1, int start2, int length2)
    {
        var source = SourceText.From("abcdefgh");

        var error = Assert.Throws<ArgumentException>(() =>
            source.WithChanges([new TextChange(new TextSpan(start1, length1), "X"), new TextChange(new TextSpan(start2, length2), "Y")]));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
        Assert.Equal("abcdefgh", source.Content);
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(9, 0)]
    public void A_span_past_the_end_is_refused(int start, int length)
    {
        var source = SourceText.From("abcdefgh");

        Assert.Throws<ArgumentOutOfRangeException>(() => source.WithChanges([new TextChange(new TextSpan(start, length), "x")]));
    }

    [Fact]
    public void The_edited_text_keeps_path_encoding_and_what_the_file_held_when_read()
    {
        var bytes = Encoding.Latin1.GetBytes("name = 'caf\u00e9'\n"); // not UTF-8: read as Latin-1
        var source = SourceText.From(bytes, "/etc/xen/web01.cfg");

        var edited = source.WithChanges([new TextChange(new TextSpan(8, 4), "th\u00e9")]);

        Assert.Equal("name = 'th\u00e9'\n", edited.Content);
        Assert.Equal(("/etc/xen/web01.cfg", source.Encoding.CodePage), (edited.Path, edited.Encoding.CodePage));
        Assert.Equal(source.ReadFingerprint, edited.ReadFingerprint);
        Assert.Equal(Encoding.Latin1.GetBytes("name = 'th\u00e9'\n"), edited.GetBytes(edited.Content));
    }

    [Fact]
    public void A_byte_order_mark_stays_in_front()
    {
        var source = SourceText.From([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'=', (byte)'1']);

        var edited = source.WithChanges([new TextChange(new TextSpan(3, 1), "2")]);

        Assert.Equal("\uFEFFa=2", edited.Content);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'=', (byte)'2' }, edited.GetBytes(edited.Content));
    }

    [Theory]
    [InlineData("\u20ac")]   // no Latin-1 byte for the euro sign
    [InlineData("\ud800")]   // a lone surrogate has no byte in any encoding
    public void A_character_the_encoding_lacks_is_refused_not_written_as_a_question_mark(string character)
    {
        var source = SourceText.From(Encoding.Latin1.GetBytes("name = '\u00e9'\n"));

        var error = Assert.Throws<ArgumentException>(() => source.WithChanges([TextChange.Insert(8, character)]));

        Assert.Contains("U+", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_that_leave_the_content_as_it_was_return_the_same_text()
    {
        var source = SourceText.From("memory = 512\n", "web01.cfg");

        Assert.Same(source, source.WithChanges([]));
        Assert.Same(source, source.WithChanges([new TextChange(new TextSpan(9, 3), "512")]));
    }
}
