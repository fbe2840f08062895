using System.Text;
using System.Text.Json;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Json;

namespace XenConfig.Tests.Domain;

/// <summary>
/// Costs that grow with the input grow linearly: '+=' runs, diagnostics per file, JSON of deep nesting. Each bound is
/// asserted by sizes and allocated bytes, never by time.
/// </summary>
public sealed class BoundedCostTests
{
    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    public static TheoryData<string, Func<int, string>> AdditionRuns() => new()
    {
        { "disk += [...]", n => "disk = []\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"disk += [ \"phy:/dev/vg/d{i},xvda,w\" ]\n")) },
        { "extra += \"...\"", n => "extra = \"\"\n" + string.Concat(Enumerable.Repeat("extra += \" console=hvc0\"\n", n)) },
    };

    [Theory]
    [MemberData(nameof(AdditionRuns))]
    public void A_run_of_additions_costs_linear_allocation(string what, Func<int, string> file)
    {
        var small = file(4_000);
        var large = file(16_000);
        var smallCost = Allocated(() => DomainConfigDocument.Parse(small));
        var largeCost = Allocated(() => DomainConfigDocument.Parse(large));

        // Four times the input: linear is about 4x; the old copy-per-addition was about 16x.
        Assert.True(largeCost < 6 * smallCost, $"{what}: {smallCost} bytes for 4 000 lines, {largeCost} for 16 000");
    }

    [Fact]
    public void A_run_of_additions_keeps_every_item_in_order()
    {
        var document = DomainConfigDocument.Parse("disk = [ 'a' ]\ndisk += [ 'b' ]\ndisk = [ 'c' ]\ndisk += [ 'd', 'e' ]\nextra = 'x'\nextra += 'y'\nextra += 'z'\n");
        Assert.Equal(["c", "d", "e"], document.GetValue("disk")!.Items.Select(i => i.Text));
        Assert.Equal("xyz", document.GetValue("extra")!.Text);
    }

    [Fact]
    public void A_file_with_thousands_of_diagnostics_keeps_100_and_one_XC0014_that_counts_the_rest()
    {
        var document = DomainConfigDocument.Parse(string.Concat(Enumerable.Repeat("memory = 512\n", 5_000)));

        Assert.Equal(DiagnosticLimit.DefaultPerFile + 1, document.Diagnostics.Count);
        var more = document.Diagnostics[^1];
        Assert.Equal("XC0014", more.Id);
        Assert.Contains("4899 more diagnostics", more.Message, StringComparison.Ordinal);
        Assert.Equal(102, more.Location.Start.DisplayLine); // line 1 sets the key; lines 2-101 are the 100 shown
    }

    [Fact]
    public void The_cap_keeps_the_highest_severity_of_what_it_hides()
    {
        var text = string.Concat(Enumerable.Repeat("memory = 512\n", 200)) + "memory = @\n";
        var document = DomainConfigDocument.Parse(text);
        Assert.True(document.HasErrors);
        Assert.Equal(DiagnosticSeverity.Error, document.Diagnostics[^1].Severity);
        Assert.Equal("XC0014", document.Diagnostics[^1].Id);
    }

    [Fact]
    public void MaxDiagnostics_zero_keeps_every_diagnostic()
    {
        var document = DomainConfigDocument.Parse(string.Concat(Enumerable.Repeat("memory = 512\n", 500)), options: new DomainConfigParseOptions { MaxDiagnostics = 0 });
        Assert.Equal(499, document.Diagnostics.Count);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("memory = 512\n", true)] // assigned twice: XC1014, which the fast pass reports too
    [InlineData("disk += [ 'phy:/dev/vg0/extra,xvdz,w' ]\n", true)] // '+=': the fast pass joins the lists
    [InlineData("extra = \"\\101\"\n", true)] // a mangled escape (XC1004): the fast pass reports it too
    [InlineData("extra = \"\\q\"\n", false)] // an escape xl rejects (XC1003, an error): only the full parse reads it
    public void Show_json_of_a_config_the_fast_pass_reads_does_not_build_the_lossless_tree(string tail, bool fastPath)
    {
        var disks = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"    'phy:/dev/vg0/d{i},xvd{i},w',\n"));
        var document = DomainConfigDocument.Parse("name = \"big\"\nmemory = 1024\ndisk = [\n" + disks + "]\n" + tail);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, DomainConfigJson.WriterOptions))
        {
            DomainConfigJson.Write(writer, document);
        }

        using var json = JsonDocument.Parse(buffer.ToArray());
        var model = json.RootElement.GetProperty("model");
        Assert.Equal(!fastPath, document.IsTreeBuilt);
        Assert.Equal(tail.StartsWith("disk", StringComparison.Ordinal) ? 2_001 : 2_000, model.GetProperty("disks").GetArrayLength());
        Assert.Equal(tail.StartsWith("memory", StringComparison.Ordinal) ? 512 : 1024, model.GetProperty("memory").GetInt64());
        Assert.Equal("phy:/dev/vg0/d1999,xvd1999,w", model.GetProperty("disks")[1_999].GetProperty("spec").GetString());
    }

    [Theory]
    [InlineData(100)]
    [InlineData(3_000)]
    public void Show_json_of_deeply_nested_lists_is_linear_in_the_input(int depth)
    {
        var text = "x = " + new string('[', depth) + "\"a\"" + new string(']', depth) + "\n";
        var document = DomainConfigDocument.Parse(text);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, DomainConfigJson.WriterOptions))
        {
            DomainConfigJson.Write(writer, document);
        }

        Assert.True(buffer.Length < 4 * text.Length + 4_000, $"{text.Length} characters in, {buffer.Length} bytes of JSON out");
        var value = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 6_000 }).RootElement.GetProperty("settings").GetProperty("x");
        var levels = 0;
        while (value.ValueKind == JsonValueKind.Array)
        {
            value = value[0];
            levels++;
        }

        Assert.Equal(depth, levels);
        Assert.Equal("a", value.GetString());
    }
}
