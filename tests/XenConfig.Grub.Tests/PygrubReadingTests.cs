using System.Text;
using XenConfig.Grub.Pygrub;
using XenConfig.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// The comparison reads a menu as pygrub does over GRUB's lines, taking the command, the stripped start and the
/// comments from GRUB's reading where they decide pygrub's; that reading must equal pygrub's own, which splits the text
/// into physical lines and strips each (the port the differential tests check against GrubConf.py): the same error and
/// where, default, timeout and images with every field and the line of their title.
/// </summary>
public sealed class PygrubReadingTests
{
    // Lines where GRUB's and pygrub's readings part: Python's other white space (\v, \f, \x1c-\x1f, and for text
    // also U+00A0, U+2003) around or inside a command word, carriage returns and backslashes inside a line,
    // titles GRUB does not know, '=' after the command word, unknown and misplaced commands.
    private static readonly string[] OddLines =
    [
        "\vkernel /vmlinuz ro", "kernel\v/vmlinuz ro", "kernel /vmlinuz ro\v", "\froot (hd0,0)", "root\f(hd0,0)", "root (hd0,0)\u001c",
        "\u001dtitle odd", "title\u001eodd", "titlebar x", "title", "title=", "title  =  x ", "\u001ftimeout 5", "timeout\v5", "default\f1",
        "kernel=/vmlinuz root=/dev/xvda1", "kernel = /vmlinuz", "root=(hd0,1)", "initrd=(hd0,0)/initrd", "kernel\t/vmlinuz\tro",
        "root (hd0,0)\r", "kernel /vmlinuz \\", "root (hd0,1)\rkernel /x", "splashimage (hd0,0", "splashimage=(hd0,0)/s.xpm.gz",
        "kernel (hd0,0", "initrd (hd0,0", "root (hd0,0,1)", "root (hd0,x)", "root (/dev/xvda,1)", "default -1", "default saved",
        "Kernel /vmlinuz", "module /m", "chainloader +1", "bogus_command x", "  # comment", "\t#", "#\\", "\\", "kernel$ /x",
        "kernel /vmlinuz ro\u00a0", "\u00a0kernel /vmlinuz", "root\u2003(hd0,0)", "title caf\u00e9",
    ];

    public static TheoryData<string> Menus()
    {
        var data = new TheoryData<string>();
        foreach (var file in RoundTripTests.Files())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Menus))]
    public void A_corpus_or_example_menu_reads_the_same_over_GRUBs_lines(string file)
    {
        var bytes = File.ReadAllBytes(file);
        AssertSameReading(SourceText.FromMemory(bytes));
        AssertSameReading(SourceText.From(SourceText.From(bytes).Content));
    }

    [Fact]
    public void Generated_menus_read_the_same_over_GRUBs_lines()
    {
        var generator = new MenuGenerator(20261206);
        for (var n = 0; n < 3000; n++)
        {
            var text = generator.Next();
            AssertSameReading(SourceText.FromMemory(Encoding.ASCII.GetBytes(text)));
            AssertSameReading(SourceText.From(text));
        }
    }

    [Fact]
    public void Menus_with_odd_lines_read_the_same_over_GRUBs_lines()
    {
        var generator = new MenuGenerator(7);
        var random = new Random(7);
        for (var n = 0; n < 3000; n++)
        {
            var lines = generator.Next().Split('\n').ToList();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                lines.Insert(random.Next(lines.Count + 1), OddLines[random.Next(OddLines.Length)]);
            }

            var text = string.Join('\n', lines);
            AssertSameReading(SourceText.From(text));
            if (Ascii.IsValid(text))
            {
                AssertSameReading(SourceText.FromMemory(Encoding.ASCII.GetBytes(text)));
            }
        }
    }

    private static void AssertSameReading(SourceText source)
    {
        var document = GrubMenuDocument.Parse(source);
        using var overLines = PygrubReading.Read(document.LineTable);
        using var physical = PygrubReading.Read(document.Source);
        Assert.Equal(Describe(physical), Describe(overLines));
    }

    private static string Describe(PygrubReading reading) => reading.Error is not null
        ? $"error at {reading.ErrorOffset}: {reading.Error}"
        : $"default={reading.Default} boot={reading.BootIndex} timeout={reading.Timeout ?? "none"}\n" + string.Join("\n", Enumerable.Range(0, reading.ImageCount).Select(reading.GetImage).Select(i =>
            $"[{i.TitleOffset}|{i.Title}|{i.Root}|{i.HasKernel}|{i.Kernel}|{i.Args}|{i.HasInitrd}|{i.Initrd}]"));
}
