using System.Text;
using XenConfig.Text;

namespace XenConfig.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb\nc", 4, 2, 0)]   // LF
    [InlineData("a\r\nb\r\nc", 6, 2, 0)] // CRLF: offset 6 is 'c'
    [InlineData("a\rb\rc", 4, 2, 0)]   // CR only (old Mac)
    [InlineData("a\r\nb", 1, 0, 1)]    // the CR belongs to line 0
    [InlineData("a\r\nb", 2, 0, 2)]    // so does the LF
    [InlineData("a\n", 2, 1, 0)]       // the end of a text that ends in a newline is on an empty last line
    [InlineData("abc", 3, 0, 3)]       // no final newline: end of text is on the last line
    [InlineData("", 0, 0, 0)]
    public void Offsets_map_to_zero_based_line_and_column(string text, int offset, int line, int column)
    {
        var source = SourceText.From(text);

        Assert.Equal(new LinePosition(line, column), source.GetLinePosition(offset));
    }

    [Fact]
    public void Mixed_line_endings_each_end_one_line()
    {
        var source = SourceText.From("one\ntwo\r\nthree\rfour");

        Assert.Equal(4, source.LineCount);
        Assert.Equal([0, 4, 9, 15], source.LineStartOffsets);
        Assert.Equal("three", source.ToString(source.GetLineSpan(2)));
        Assert.Equal("two", source.ToString(source.GetLineSpan(1)));
        Assert.Equal("four", source.ToString(source.GetLineSpan(3)));
    }

    [Fact]
    public void Tab_is_one_column()
    {
        var source = SourceText.From("\tkey\t= 1");

        Assert.Equal(new LinePosition(0, 5), source.GetLinePosition(5));
    }

    [Fact]
    public void Byte_order_mark_takes_no_column_but_stays_in_the_content()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'=', (byte)'1' };
        var source = SourceText.From(bytes);

        Assert.Equal('\uFEFF', source.Content[0]);
        Assert.Equal(new LinePosition(0, 0), source.GetLinePosition(1));
        Assert.Equal(new LinePosition(0, 1), source.GetLinePosition(2));
        Assert.Equal(bytes, source.GetBytes(source.Content));
    }

    [Fact]
    public void Non_ascii_letters_and_surrogate_pairs_are_one_column_each()
    {
        // "ü" is one UTF-16 unit, "😀" is two; each is one column.
        var source = SourceText.From("ü😀x = 1");

        Assert.Equal(new LinePosition(0, 2), source.GetLinePosition(3));
        Assert.Equal(4, source.GetLinePosition(4).DisplayColumn);
    }

    [Fact]
    public void Invalid_utf8_is_read_as_latin1_and_written_back_byte_for_byte()
    {
        var bytes = new byte[] { (byte)'n', (byte)'=', (byte)'"', 0xFF, 0xC3, (byte)'"', (byte)'\n' };
        var source = SourceText.From(bytes);

        Assert.Equal(Encoding.Latin1.CodePage, source.Encoding.CodePage);
        Assert.Equal(bytes.Length, source.Length);
        Assert.Equal(bytes, source.GetBytes(source.Content));
    }

    [Fact]
    public void Valid_utf8_round_trips_through_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("name = \"grüße\"\r\n");
        var source = SourceText.From(bytes);

        Assert.Equal("name = \"grüße\"\r\n", source.Content);
        Assert.Equal(bytes, source.GetBytes(source.Content));
    }

    [Fact]
    public void Line_positions_print_one_based()
    {
        Assert.Equal("3,17", new LinePosition(2, 16).ToString());
    }

    [Fact]
    public void Offset_past_the_end_is_rejected()
    {
        var source = SourceText.From("ab");

        Assert.Throws<ArgumentOutOfRangeException>(() => source.GetLinePosition(3));
    }

    [Fact]
    public void A_latin1_file_refuses_a_character_latin1_cannot_hold_instead_of_writing_a_question_mark()
    {
        var source = SourceText.From(Encoding.Latin1.GetBytes("name = 'caf\u00e9'\n"));

        var error = Assert.Throws<ArgumentException>(() => source.GetBytes("name = 'caf\u00e9 \u20ac'\n"));

        Assert.Contains("U+20AC", error.Message);
        Assert.Contains("Latin-1", error.Message);
        Assert.Equal(Encoding.Latin1.GetBytes("name = 'caf\u00e9!'\n"), source.GetBytes("name = 'caf\u00e9!'\n"));
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_written_in_utf8_either()
    {
        var source = SourceText.From("x"u8);

        Assert.Throws<ArgumentException>(() => source.GetBytes("a\uD800b"));
        Assert.Equal(Encoding.UTF8.GetBytes("\U0001F600"), source.GetBytes("\U0001F600"));
    }

    [Fact]
    public void A_text_read_from_bytes_remembers_their_fingerprint_through_edits()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFname = 'x'\r\n");
        var source = SourceText.From(bytes, "web.cfg");

        var edited = source.WithContent("name = 'y'\n");

        Assert.Equal(FileFingerprint.Of(bytes), edited.ReadFingerprint);
        Assert.True(edited.ReadFingerprint!.Matches(bytes));
        Assert.Equal(bytes.Length, edited.ReadFingerprint.Length);
        Assert.Null(SourceText.From("name = 'x'\n").ReadFingerprint);
    }

    [Fact]
    public void An_ascii_file_keeps_its_bytes_and_reads_exactly_like_a_decoded_one()
    {
        var bytes = Encoding.ASCII.GetBytes("name = 'x'\r\n# note\rdisk = []\n");
        var source = SourceText.From(bytes, "web.cfg");
        bytes[0] = (byte)'N'; // the text holds its own copy

        Assert.True(source.TryGetAscii(out _));
        Assert.Equal(Encoding.UTF8.CodePage, source.Encoding.CodePage);
        Assert.Equal(29, source.Length);
        Assert.Equal(new LinePosition(2, 2), source.GetLinePosition(21));
        Assert.Equal("name = 'x'\r\n# note\rdisk = []\n", source.Content);
        Assert.Same(source.Content, source.Content);
        Assert.Equal(FileFingerprint.Of(Encoding.ASCII.GetBytes("name = 'x'\r\n# note\rdisk = []\n")), source.WithContent("").ReadFingerprint);
        Assert.False(source.WithContent("name = 'y'\n").TryGetAscii(out _));
        Assert.False(SourceText.From(Encoding.UTF8.GetBytes("\uFEFFname = 'x'\n")).TryGetAscii(out _));
    }
}
