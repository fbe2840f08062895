using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Syntax;
using XenConfig.Text;

namespace XenConfig.Tests.Domain;

/// <summary>
/// A clean file is read by a fast pass (<see cref="XlCleanScan"/>) and its tree is built only when asked for. The fast
/// pass may only accept what the full parse reads without a diagnostic, and must then give the same values.
/// </summary>
public class XlFastPathTests
{
    // Pieces of xl syntax, right and wrong, so that random sequences are often valid files and often almost valid.
    private static readonly string[] Pieces =
    [
        "name", "disk", "vif", "a.b_9", "name", " ", "\t", "=", "+=", "= ", "\n", "\n", "\n", ";", "# note\n", "#", ",", "[", "]",
        "'x'", "\"guest one\"", "\"a\\\\b\"", "'tab\\there'", "\"\\1\"", "\"\\123\"", "\"\\x41\"", "\"\\q\"", "'unterminated",
        "42", "0x1f", "010", "1.5", "08", "9a", "Name", "-", "\r", "\r\n", "\uFEFF", "\0", "é", "\"é\"", ")", "'a\\'",
    ];

    private static Arbitrary<string> ConfigPieces() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    public static TheoryData<string> Files() => XlRoundTripTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_reads_the_same_through_the_fast_pass_as_through_the_full_parse(string path)
    {
        AssertSameAsFullParse(SourceText.From(File.ReadAllBytes(path), path));
    }

    [Property(MaxTest = 5000)]
    public Property Random_configs_read_the_same_through_the_fast_pass_as_through_the_full_parse() =>
        Prop.ForAll(ConfigPieces(), text =>
        {
            AssertSameAsFullParse(SourceText.From(text));
            AssertSameAsFullParse(SourceText.From(System.Text.Encoding.UTF8.GetBytes(text)));
            return true;
        });

    [Theory]
    [InlineData("name = 'x'\n", true)]
    [InlineData("name = \"x\"", false)] // a final '"' is a character libxlu may drop: the full parse decides
    [InlineData("disk = [ 'a',\n  'b', # two\n]\nmemory = 0x200;\n", true)]
    [InlineData("a = [[['x']], []]\n", true)]
    [InlineData("name = 'x'\nname = 'y'\n", true)] // repeated key: last wins, XC1014 as the full parse reports it
    [InlineData("name = 'x'\nname = ['y']\nname += ['z']\n", true)] // '+=' adds to the type of the value it follows
    [InlineData("name = 'x'\nname = ['y']\nname += 'z'\n", false)] // ... a string added to that list is an error
    [InlineData("memory += 512\nmemory = 1\nmemory += 2\n", true)]
    [InlineData("extra = 'a'\nextra += ' b'\n", true)] // '+=' appends, silently
    [InlineData("a += [1]\nb = 2\na += ['x', [3]]\n", true)]
    [InlineData("extra = 'a'\nextra += ['b']\n", false)] // a list added to a string: an error
    [InlineData("name = 'x'\r\n", false)]
    [InlineData("Name = 'x'\n", false)]
    [InlineData("a = '\\1'\n", false)] // a digit escape without two more digits: an error
    [InlineData("a = 'x\\101y'\n", true)] // mangled escape: a warning (XC1004), raised as the full parse raises it
    [InlineData("a = [ 'x', \"\\101y\\0123\", # '\\4'\n 7, ['\\555'] ]\n", true)]
    [InlineData("a = '\\q'\n", false)] // an escape xl rejects: an error
    [InlineData("a = 'tab\\t'\n", true)]
    [InlineData("a = [,]\n", false)]
    [InlineData("# comment at the end", false)]
    public void The_fast_pass_takes_only_clean_files(string text, bool fast)
    {
        Assert.Equal(fast, XlCleanScan.TryScan(text) is not null);
        Assert.Equal(fast, XlCleanScan.TryScan(SourceText.From(System.Text.Encoding.UTF8.GetBytes(text))) is not null);
        AssertSameAsFullParse(SourceText.From(text));
        AssertSameAsFullParse(SourceText.From(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void An_ascii_file_is_scanned_as_bytes_and_decoded_only_when_its_text_is_asked_for()
    {
        var bytes = "name = 'guest'\ndisk = [ " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"'phy:/dev/vg/d{i},xvd{i},w'")) + " ]\n";
        var text = SourceText.From(System.Text.Encoding.ASCII.GetBytes(bytes));
        var document = DomainConfigDocument.Parse(text);

        Assert.True(text.TryGetAscii(out var kept));
        Assert.Equal(bytes.Length, text.Length);
        Assert.Equal("guest", document.GetValue("name")!.Text);
        Assert.Equal("phy:/dev/vg/d39,xvd39,w", document.GetValue("disk")!.Items[39].Text);
        Assert.Equal(bytes, document.ToString());
        Assert.Equal(FileFingerprint.Of(kept.Span), text.ReadFingerprint);
    }

    [Theory]
    [InlineData("k50 += 'more'\n", true)]
    [InlineData("k50 = 'again'\n", true)]
    [InlineData("k50 = 'again'\nk50 += ' and more'\nk7 = 'seven'\n", true)]
    [InlineData("k50 = ['now a list']\nk50 += ['more']\n", true)]
    [InlineData("k50 += ['a list']\n", false)]
    [InlineData("k50 = ['now a list']\nk50 += 'a string'\n", false)]
    public void Many_keys_are_checked_for_repeats_the_same_way(string last, bool fast)
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"k{i} = 'v{i}'\n")) + last;

        Assert.Equal(fast, XlCleanScan.TryScan(text) is not null);
        AssertSameAsFullParse(SourceText.From(text));
    }

    [Fact]
    public void A_clean_file_builds_its_tree_only_when_it_is_asked_for_and_edits_still_work()
    {
        var document = DomainConfigDocument.Parse("name = 'guest' # keep\nmemory = 512\n");

        Assert.Equal("guest", document.GetValue("name")!.Text);
        Assert.Same(document.GetValue("name"), document.GetValue("name"));
        Assert.Equal(2, document.Syntax.Statements.Count);
        Assert.Same(document.Syntax, document.Syntax);

        document.Set("memory", 1024);
        Assert.Equal("name = 'guest' # keep\nmemory = 1024\n", document.ToString());
        Assert.Equal("1024", document.GetValue("memory")!.Text);
        Assert.Equal(document.ToString(), document.Syntax.ToString());
    }

    private static void AssertSameAsFullParse(SourceText text)
    {
        var diagnostics = new List<Diagnostic>();
        var syntax = XlParser.Parse(text, diagnostics);
        var settings = EffectiveSettings.Compute(syntax, text, diagnostics, DomainConfigParseOptions.Default);
        if (XlCleanScan.TryScan(text.Content) is { } scan)
        {
            // The diagnostics a scanned file can have: a key assigned again (XC1014), a mangled escape (XC1004).
            Assert.Equal(diagnostics.Where(d => d.Id == DiagnosticIds.DuplicateKey.Id).Select(d => d.Location.Span), scan.Replacements.Select(r => r.Key));
            Assert.Equal(diagnostics.Where(d => d.Id == DiagnosticIds.MangledEscape.Id).Select(d => d.Location.Span.Start), scan.FindMangledEscapes().Select(m => m.Start));
            Assert.All(diagnostics, d => Assert.Contains(d.Id, new[] { DiagnosticIds.DuplicateKey.Id, DiagnosticIds.MangledEscape.Id }));
            Assert.Equal(settings.Keys, scan.Keys);
            Assert.Equal(settings.Keys, scan.SettingKeys);
            Assert.Equal(settings.Values.Select(s => s.Value), scan.Settings.Select(s => s.Value));
            Assert.Equal(settings.Values.Select(s => s.IsFromAddition), settings.Keys.Select(scan.IsFromAddition));
        }

        // A text read from ASCII bytes is scanned as bytes: it takes exactly what the scan of its characters takes.
        Assert.Equal(XlCleanScan.TryScan(text.Content)?.Keys, XlCleanScan.TryScan(text)?.Keys);

        var document = DomainConfigDocument.Parse(text);
        foreach (var (key, setting) in settings)
        {
            Assert.Equal(setting.Value, document.GetValue(key));
            Assert.Equal(setting.Value.IsNumberToken, document.GetValue(key)!.IsNumberToken);
        }

        Assert.Null(document.GetValue("no.such.key"));
        diagnostics.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
        Assert.Equal(DiagnosticLimit.CapPerFile(diagnostics, DomainConfigParseOptions.Default.MaxDiagnostics).Select(d => d.ToString()),
            document.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(settings.Keys, document.Settings.Keys);
        Assert.Equal(settings.Values.Select(s => s.Value), document.Settings.Values.Select(s => s.Value));
        Assert.Equal(text.Content, document.Syntax.ToString());
    }
}
