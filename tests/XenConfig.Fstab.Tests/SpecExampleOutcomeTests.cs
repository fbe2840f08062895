using XenConfig.Fstab.Model;
using XenConfig.Testing;

namespace XenConfig.Fstab.Tests;

public sealed class SpecExampleOutcomeTests
{
    // Outcomes recorded with findmnt (util-linux 2.38.1) in spec/examples/boot-README.md; these hold without libmount.
    [Theory]
    [InlineData("F01-pv-guest-basic.fstab", 3, "")]
    [InlineData("F04-missing-fields.fstab", 3, "4,5")]
    [InlineData("F05-comments-blank.fstab", 2, "6")]
    [InlineData("F06-crlf-no-final-newline.fstab", 3, "")]
    [InlineData("F13-bad-numbers.fstab", 2, "2,3,5")]
    [InlineData("F14-unknown-and-odd-tags.fstab", 5, "5")]
    [InlineData("F15-very-long-line.fstab", 1, "")]
    [InlineData("F21-escape-edge-cases.fstab", 3, "")]
    public void Spec_example_has_the_entries_and_error_lines_findmnt_reported(string name, int entries, string errorLines)
    {
        var document = FstabDocument.Load(Path.Combine(RepositoryPaths.SpecExamples("fstab"), name));
        Assert.Equal(entries, document.EntryLines.Count());
        Assert.Equal(errorLines, string.Join(",", document.Diagnostics.Select(d => d.Location.Start.DisplayLine)));
    }

    [Fact]
    public void Escape_examples_decode_like_libmount()
    {
        var f21 = FstabFile.FromDocument(FstabDocument.Load(Path.Combine(RepositoryPaths.SpecExamples("fstab"), "F21-escape-edge-cases.fstab")));
        Assert.Contains(f21.Entries, e => e.Source.Text == "#hash-source");
        Assert.Contains(f21.Entries, e => e.MountPoint.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(f21.Entries, e => e.Source.Kind == FstabSourceKind.Tag && e.Source.TagValue == "a,b");
        var f16 = FstabFile.FromDocument(FstabDocument.Load(Path.Combine(RepositoryPaths.SpecExamples("fstab"), "F16-trailing-whitespace.fstab")));
        Assert.Contains(f16.Entries, e => e.OptionsText == "defaults\v");
    }
}
