using XenConfig.Xm;

namespace XenConfig.Xm.Tests;

public sealed class XlTextPiecesTests
{
    [Fact]
    public void Ascii_pieces_join_into_one_text_of_their_exact_characters()
    {
        var pieces = new XlTextPieces();
        pieces.Add("name = \"a\"\n");
        pieces.Add("");
        pieces.Add("disk = [ \"phy:/dev/a,xvda,w\" ]\n");

        Assert.Equal(42, pieces.Length);
        Assert.Equal("name = \"a\"\ndisk = [ \"phy:/dev/a,xvda,w\" ]\n", pieces.ToString());
        var text = pieces.ToSourceText("guest.cfg");
        Assert.Equal("name = \"a\"\ndisk = [ \"phy:/dev/a,xvda,w\" ]\n", text.Content);
        Assert.Equal("guest.cfg", text.Path);
        Assert.Null(text.ReadFingerprint);
        Assert.Equal(0, pieces.Length);
    }

    [Theory]
    [InlineData("name = \"caf\u00E9\"\n")]
    [InlineData("extra = \"\U0001F600 smile\"\n")]
    [InlineData("\u007F\u0080\n")]
    public void A_piece_that_is_not_ascii_turns_the_whole_text_into_a_string_keeping_every_character(string other)
    {
        var pieces = new XlTextPieces();
        pieces.Add("memory = 64\n");
        pieces.Add(other);
        pieces.Add("vcpus = 2\n");

        var expected = "memory = 64\n" + other + "vcpus = 2\n";
        Assert.Equal(expected.Length, pieces.Length);
        Assert.Equal(expected, pieces.ToString());
        var text = pieces.ToSourceText(null);
        Assert.Equal(expected, text.Content);
        Assert.Equal(expected.Length, text.Length);
        Assert.Null(text.ReadFingerprint);
    }

    [Fact]
    public void No_pieces_make_an_empty_text_and_clear_starts_again()
    {
        var pieces = new XlTextPieces();
        Assert.Equal("", pieces.ToString());
        Assert.Equal("", pieces.ToSourceText(null).Content);

        pieces.Add("caf\u00E9\n");
        pieces.Clear();
        pieces.Add("memory = 64\n");
        Assert.Equal("memory = 64\n", pieces.ToSourceText(null).Content);
    }

    [Fact]
    public void A_large_list_statement_joins_to_the_same_characters()
    {
        // The shape the pieces exist for: one statement of megabytes beside small ones.
        var items = string.Join(",\n", Enumerable.Range(0, 50_000).Select(i => $"    \"phy:/dev/disk/by-id/dm-{i:D6},xvda{i % 15 + 1},w\""));
        var statement = "disk = [\n" + items + ",\n]\n";
        var pieces = new XlTextPieces();
        pieces.Add("name = \"big\"\n");
        pieces.Add(statement);
        pieces.Add("memory = 512\n");

        Assert.Equal("name = \"big\"\n" + statement + "memory = 512\n", pieces.ToSourceText("big.cfg").Content);
    }
}
