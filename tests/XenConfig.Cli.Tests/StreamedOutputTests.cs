using System.Text;

namespace XenConfig.Cli.Tests;

public sealed class StreamedOutputTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void A_character_split_across_writes_reaches_the_output_whole(int chunk)
    {
        const string text = "name = \"wébserver-日本-🙂\"";
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new StringWriter();

        using (var stream = new TextWriterStream(output))
        {
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                stream.Write(bytes, offset, Math.Min(chunk, bytes.Length - offset));
            }
        }

        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void Show_json_of_a_config_larger_than_the_flush_threshold_is_the_rendered_projection()
    {
        // Enough disks for the writer to hand its bytes on many times while it writes.
        var disks = string.Join(",\n", Enumerable.Range(0, 2000).Select(i => $"  'phy:/dev/vg0/dïsk{i},xvd{(char)('a' + (i % 26))}{i / 26},w'"));
        using var folder = new XenConfig.Testing.TempFolder();
        var path = folder.Write("big.cfg", $"name = \"big\"\ndisk = [\n{disks}\n]\n");

        var (exit, stdout, _) = CliRunner.Run("show", path, "--format", "json");

        var (json, _) = ShowCommand.Render(CliInput.Load(path, null));
        Assert.Equal(0, exit);
        Assert.True(json.Length > 256 * 1024, $"the projection has only {json.Length} characters");
        Assert.Equal(json + "\n", stdout);
    }
}
