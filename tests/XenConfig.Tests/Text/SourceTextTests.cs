using System.Runtime.InteropServices;
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

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n\r")]
    [InlineData("\r\r\n\n")]
    [InlineData("a\r\r\nb\n\rc\r")]
    [InlineData("one\ntwo\nthree")]
    [InlineData("one\ntwo\nthree\n")]
    [InlineData("no line break at all")]
    public void Lines_start_after_each_LF_CRLF_or_lone_CR_in_a_string_and_in_ASCII_bytes(string text)
    {
        var expected = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                expected.Add(i + 1);
            }
        }

        Assert.Equal(expected, SourceText.From(text).LineStartOffsets);
        Assert.Equal(expected, SourceText.FromMemory(Encoding.ASCII.GetBytes(text)).LineStartOffsets);
        Assert.Equal(expected.Count, SourceText.From(text).LineCount);
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

    [Fact]
    public void From_memory_keeps_the_callers_ascii_bytes_instead_of_copying_them()
    {
        // A 1 MB ASCII file in the middle of a larger buffer: the text is a view of that buffer, not a copy of it.
        var line = "disk = [ 'phy:/dev/vg0/web,xvda,w' ]\n"u8;
        var buffer = new byte[16 + (1 << 20)];
        for (var i = 16; i + line.Length <= buffer.Length; i += line.Length)
        {
            line.CopyTo(buffer.AsSpan(i));
        }

        var memory = buffer.AsMemory(16);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var source = SourceText.FromMemory(memory, "big.cfg");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 4096);
        Assert.True(source.TryGetAscii(out var kept));
        Assert.True(MemoryMarshal.TryGetArray(kept, out var segment));
        Assert.Same(buffer, segment.Array);
        Assert.Equal(16, segment.Offset);
        Assert.Equal(memory.Length, source.Length);
        Assert.Equal("big.cfg", source.Path);
        Assert.Equal(FileFingerprint.Of(memory.Span), source.ReadFingerprint);
    }

    [Theory]
    [InlineData("ascii with CRLF and a lone CR", new byte[] { 0x61, 0x20, 0x3D, 0x20, 0x31, 0x0D, 0x0A, 0x23, 0x0D, 0x62, 0x3D, 0x32 })]
    [InlineData("UTF-8 with a byte order mark", new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x3D, 0x27, 0xC3, 0xA9, 0x27, 0x0A })]
    [InlineData("Latin-1 (not valid UTF-8)", new byte[] { 0x61, 0x3D, 0x27, 0xE9, 0x27, 0x0A })]
    [InlineData("empty", new byte[0])]
    public void From_memory_reads_exactly_like_from_span_and_writes_the_same_bytes_back(string kind, byte[] bytes)
    {
        var copied = SourceText.From(bytes, "x.cfg");
        var viewed = SourceText.FromMemory(bytes, "x.cfg");

        Assert.True(copied.Content == viewed.Content, kind);
        Assert.Equal(copied.Encoding.CodePage, viewed.Encoding.CodePage);
        Assert.Equal(copied.Length, viewed.Length);
        Assert.Equal(copied.LineStartOffsets, viewed.LineStartOffsets);
        Assert.Equal(copied.ReadFingerprint, viewed.ReadFingerprint);
        Assert.Equal(bytes, viewed.GetBytes(viewed.Content));
    }

    [Fact]
    public void A_generated_ascii_text_keeps_its_bytes_but_is_no_file_read_like_a_text_from_a_string()
    {
        var bytes = Encoding.ASCII.GetBytes("name = \"x\"\r\ndisk = [ \"phy:/dev/a,xvda,w\" ]\n");
        var generated = SourceText.FromGeneratedAscii(bytes, "guest.cfg");
        var fromString = SourceText.From(Encoding.ASCII.GetString(bytes), "guest.cfg");

        Assert.True(generated.TryGetAscii(out var kept));
        Assert.True(MemoryMarshal.TryGetArray(kept, out var segment));
        Assert.Same(bytes, segment.Array);
        Assert.Equal(fromString.Content, generated.Content);
        Assert.Equal(fromString.Length, generated.Length);
        Assert.Equal(fromString.LineStartOffsets, generated.LineStartOffsets);
        Assert.Equal(fromString.GetLinePosition(20), generated.GetLinePosition(20));
        Assert.Equal("guest.cfg", generated.Path);
        // Never read from guest.cfg: a save must not compare it with that file, before or after an edit.
        Assert.Null(generated.ReadFingerprint);
        Assert.Null(generated.WithContent("name = \"y\"\n").ReadFingerprint);
        Assert.Equal(0, SourceText.FromGeneratedAscii([], null).Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3, 0xA9 })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0x61, 0x0A, 0xFF })]
    public void A_generated_text_that_is_not_ascii_is_refused_not_read_as_characters_it_is_not(byte[] bytes)
    {
        Assert.Throws<ArgumentException>(() => SourceText.FromGeneratedAscii(bytes, "guest.cfg"));
    }

    [Fact]
    public void From_memory_decodes_a_text_that_is_not_ascii_and_keeps_no_view_of_the_memory()
    {
        var bytes = Encoding.UTF8.GetBytes("name = 'caf\u00E9'\n");
        var source = SourceText.FromMemory(bytes);
        bytes[0] = (byte)'N';

        Assert.False(source.TryGetAscii(out _));
        Assert.Equal("name = 'caf\u00E9'\n", source.Content);
        Assert.Equal(FileFingerprint.Of(Encoding.UTF8.GetBytes("name = 'caf\u00E9'\n")), source.ReadFingerprint);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(200_000)]
    public void Load_keeps_the_array_it_read_an_ascii_file_into_and_reads_it_byte_for_byte(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)(i % 61 == 60 ? '\n' : 'a' + (i % 26));
        }

        var path = Path.Combine(Path.GetTempPath(), $"xenconfig-load-{Guid.NewGuid():N}.cfg");
        File.WriteAllBytes(path, bytes);
        try
        {
            var source = SourceText.Load(path);

            Assert.True(source.TryGetAscii(out var kept));
            Assert.Equal(bytes, kept.ToArray());
            Assert.True(source.ReadFingerprint!.Matches(bytes));
            if (size > 0)
            {
                // The array holds exactly the file: it is the one the file was read into, not a pooled buffer.
                Assert.True(MemoryMarshal.TryGetArray(kept, out var segment));
                Assert.Equal(size, segment.Array!.Length);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_of_a_stream_longer_than_its_length_said_reads_all_of_it()
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("vcpus = 2\n", 1000)));
        using var stream = new GrowingStream(bytes, saysLength: 100);

        var source = SourceText.Read(stream, "grown.cfg", SourceText.MaxFileBytes);

        Assert.Equal(bytes.Length, source.Length);
        Assert.True(source.ReadFingerprint!.Matches(bytes));
    }

    // A file that grows while it is read: its Length is what it was when the read began.
    private sealed class GrowingStream(byte[] bytes, long saysLength) : MemoryStream(bytes, writable: false)
    {
        public override long Length => saysLength;
    }

    [Fact]
    public void An_ascii_text_that_let_go_of_its_string_reads_the_same_characters_again()
    {
        var source = SourceText.From("name = 'x'\nmemory = 512\n"u8, "/etc/xen/web.cfg");
        var first = source.Content;

        source.ReleaseDecodedContent();

        Assert.Equal(first, source.Content);
        Assert.Equal(new LinePosition(1, 0), source.GetLinePosition(11));
        var decoded = SourceText.From("name = 'é'\n");
        var held = decoded.Content;
        decoded.ReleaseDecodedContent();
        Assert.Same(held, decoded.Content); // a text that is not ASCII has no bytes to decode again
    }
}
