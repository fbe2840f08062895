using System.Text;
using XenConfig.Text;
using XenConfig.Xm.Python;

namespace XenConfig.Xm.Tests;

public sealed class XmPiecewiseRunTests
{
    // An ASCII script of many statements is run from its bytes, cut into pieces where a top-level statement begins a
    // line; the same script as a string is run from the string in one piece. Everything must come out the same.
    private static string Script(string ending)
    {
        var script = new StringBuilder("import os\nbridge = 'xenbr0'\ndisk = []\nvif = []\n");
        for (var i = 0; script.Length < 3 * PyParser.RunChunkLength; i++)
        {
            script.Append($"# volume {i}\nbase_{i} = '/var/lib/xen/' + 'vol{i}'; size_{i} = {i} * 2\n");
            script.Append($"if size_{i} % 3 == 0:\n    disk += ['phy:/dev/vg/v{i},xvd{(char)('a' + (i % 26))},w']\nelse:\n    vif += ['mac=00:16:3e:00:{i % 256:x2}:{i / 256 % 256:x2}, bridge=%s' % bridge]\n");
            script.Append($"text_{i} = \"\"\"two\nlines {i}\"\"\"\nif 0:\n    print >>f, 'never'\n");
        }

        return script.Append(ending).ToString();
    }

    [Theory]
    [InlineData("name = 'last'\nmemory = 256\n")]
    [InlineData("name = 'last'\nmemory = undefined_name\nvcpus = 4\n")]
    [InlineData("name = 'last'\nfor x in [1]:\n    break\nexec 'vcpus = 2'\nmaxmem = 512\n")]
    public void A_script_run_from_its_bytes_in_pieces_evaluates_as_from_its_string(string ending)
    {
        var script = Script(ending);
        Assert.True(PyParser.Parse(script).Body.Count > 3 * 1024);

        var fromString = XmConfig.Evaluate(SourceText.From(script, "big.cfg"));
        var fromBytes = XmConfig.Evaluate(SourceText.FromMemory(Encoding.ASCII.GetBytes(script), "big.cfg"));

        Assert.True(fromBytes.Settings.Count > 1000);
        Assert.Equal(XmSettingsJson.Canonical(fromString.Settings, sorted: false), XmSettingsJson.Canonical(fromBytes.Settings, sorted: false));
        Assert.Equal(fromString.Diagnostics.Select(d => d.ToString()), fromBytes.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(fromString.Diagnostics.Select(d => d.Location.Span), fromBytes.Diagnostics.Select(d => d.Location.Span));
        Assert.Equal(fromString.GetLocation("name"), fromBytes.GetLocation("name"));
        Assert.NotNull(fromBytes.GetLocation("name"));
    }

    [Fact]
    public void The_pieces_are_cut_only_where_a_top_level_statement_begins_a_line()
    {
        var script = Script("name = 'last'\n");
        var module = XmConfig.ParsePython(script)!;

        Assert.True(module.ParseAgainToRun);
        Assert.True(module.RunChunkStarts.Count >= 2);
        var tops = new HashSet<int>();
        PyParser.Parse(script, statement => tops.Add(statement.Start));
        foreach (var start in module.RunChunkStarts)
        {
            Assert.Contains(start, tops);
            Assert.Equal('\n', script[start - 1]);
        }
    }
}
