using System.Text;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Tests;

/// <summary>
/// The command table: each command GRUB 0.97 knows (with the graphics and gfxboot patches) is found by its name, read
/// as characters or as bytes, at an index that gives back its name and flags; any other word is not a command.
/// </summary>
public sealed class GrubCommandTableTests
{
    private static readonly string[] Names =
    [
        "background", "blocklist", "boot", "bootp", "border", "cat", "chainloader", "cmp", "color", "configfile", "debug",
        "default", "device", "dhcp", "displayapm", "displaymem", "dump", "embed", "fallback", "find", "foreground", "fstest",
        "geometry", "gfxmenu", "halt", "help", "hiddenmenu", "hide", "ifconfig", "impsprobe", "initrd", "install", "ioprobe",
        "kernel", "lock", "makeactive", "map", "md5crypt", "module", "modulenounzip", "pager", "partnew", "parttype",
        "password", "pause", "quit", "rarp", "read", "reboot", "root", "rootnoverify", "savedefault", "serial", "setkey",
        "setup", "shade", "splashimage", "terminal", "terminfo", "testload", "testvbe", "tftpserver", "timeout", "title",
        "unhide", "uppermem", "vbeprobe", "viewport",
    ];

    public static TheoryData<string> Commands() => new(Names);

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_is_found_by_its_name_at_an_index_giving_its_name_and_flags(string name)
    {
        var index = GrubCommandTable.IndexOf(name);

        Assert.True(index >= 0);
        Assert.Equal(index, GrubCommandTable.IndexOf(new GrubChars(Encoding.ASCII.GetBytes(name))));
        Assert.Equal(index, GrubCommandTable.IndexOf(Encoding.ASCII.GetBytes(name).AsSpan()));
        Assert.Equal(name, GrubCommandTable.NameAt(index));
        Assert.Equal(GrubCommandTable.Lookup(name), GrubCommandTable.FlagsAt(index));
        Assert.NotEqual(GrubCommandFlags.None, GrubCommandTable.FlagsAt(index));
    }

    [Fact]
    public void The_commands_have_one_index_each_in_ordinal_order_of_their_names()
    {
        var indexes = Names.Select(name => GrubCommandTable.IndexOf(name)).ToList();

        Assert.Equal(Enumerable.Range(0, indexes.Count), indexes);
    }

    [Fact]
    public void The_commands_the_readers_act_on_are_named_by_constants_at_their_indexes()
    {
        (int Constant, string Name)[] constants =
        [
            (GrubCommandTable.Title, "title"), (GrubCommandTable.Root, "root"), (GrubCommandTable.RootNoVerify, "rootnoverify"),
            (GrubCommandTable.Kernel, "kernel"), (GrubCommandTable.Initrd, "initrd"), (GrubCommandTable.Module, "module"),
            (GrubCommandTable.ModuleNoUnzip, "modulenounzip"), (GrubCommandTable.Chainloader, "chainloader"),
            (GrubCommandTable.SaveDefault, "savedefault"), (GrubCommandTable.MakeActive, "makeactive"), (GrubCommandTable.Lock, "lock"),
            (GrubCommandTable.Default, "default"), (GrubCommandTable.Timeout, "timeout"), (GrubCommandTable.Fallback, "fallback"),
            (GrubCommandTable.SplashImage, "splashimage"),
        ];

        Assert.All(constants, c => Assert.Equal(c.Name, GrubCommandTable.NameAt(c.Constant)));
        Assert.Equal(Names.Length, GrubCommandTable.Count);
    }

    // The byte lookup hashes the length and the first and last letters: words that share them with a command, and
    // words longer than any command.
    [Theory]
    [InlineData("dxxp")]
    [InlineData("dump ")]
    [InlineData("displayxxm")]
    [InlineData("tXtle")]
    [InlineData("kernelkernelkernel")]
    [InlineData("modulenounzipp")]
    [InlineData("t")]
    [InlineData("\u00e9")]
    public void A_word_that_shares_a_commands_hash_is_not_that_command(string word)
    {
        Assert.Equal(-1, GrubCommandTable.IndexOf(word));
        Assert.Equal(-1, GrubCommandTable.IndexOf(Encoding.Latin1.GetBytes(word).AsSpan()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("titl")]
    [InlineData("titles")]
    [InlineData("Title")]
    [InlineData("KERNEL")]
    [InlineData("z")]
    [InlineData("xen")]
    [InlineData("{")]
    [InlineData("`boot")]
    [InlineData("menuentry")]
    [InlineData("0")]
    public void Any_other_word_is_not_a_command(string word)
    {
        Assert.Equal(-1, GrubCommandTable.IndexOf(word));
        Assert.Equal(-1, GrubCommandTable.IndexOf(new GrubChars(Encoding.ASCII.GetBytes(word))));
        Assert.Equal(-1, GrubCommandTable.IndexOf(Encoding.ASCII.GetBytes(word).AsSpan()));
        Assert.Equal(GrubCommandFlags.None, GrubCommandTable.Lookup(word));
    }
}
