using XenConfig.Diagnostics;
using XenConfig.Testing;
using XenConfig.Text;
using XenConfig.Xm;

namespace XenConfig.Validation.Tests;

public sealed class XmLineRelocationTests
{
    public static TheoryData<string> XmCorpus()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus("xm")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(XmCorpus))]
    public void Every_position_of_the_converted_text_moves_to_the_xm_line_of_the_first_assignment_holding_it(string name)
    {
        var path = Path.Combine(RepositoryPaths.Corpus("xm"), name);
        var source = DomainConfigSource.Parse(SourceText.Load(path), new DomainConfigSourceOptions { Dialect = DomainConfigDialect.Xm });
        var evaluation = source.Evaluation!;
        var assignments = source.Document.Syntax.Assignments.ToList();
        var relocation = XmLineRelocation.Of(source.Document, evaluation);

        for (var position = 0; position <= source.Document.SourceText.Length; position++)
        {
            var finding = DiagnosticIds.RootDeviceNotProvided.Create(source.Document.SourceText.GetLocation(new TextSpan(position, 0)), "a finding");
            var holder = assignments.FirstOrDefault(a => a.FullSpan.Start <= position && position <= a.FullSpan.End);
            var expected = (holder is null ? null : evaluation.GetLocation(holder.Name)) ?? SourceLocation.None(finding.Location.Path);

            Assert.Equal(finding with { Location = expected }, relocation.Relocate(finding));
        }
    }

    [Fact]
    public void Repository_findings_between_xm_guests_point_at_the_xm_lines()
    {
        using var folder = new TempFolder();
        const string Guest =
            "import os\nvmid = 3\n# the same name, uuid, MAC and disk in both guests\nname = 'pv%d' % vmid\n"
            + "uuid = '6b1b8d5e-3a1c-4a6f-9c3e-2f0d1b7a9e11'\nkernel = '/boot/vmlinuz'\n"
            + "vif = ['mac=00:16:3e:00:00:%02x, bridge=xenbr0' % vmid]\n"
            + "disk = ['phy:/dev/vg0/' + name + ',xvda1,w']\nroot = '/dev/xvda1 ro'\n";
        folder.Write("a/a.cfg", Guest);
        folder.Write("b/b.cfg", "\n" + Guest);

        var report = RepositoryValidation.Validate([folder.Path]);

        Assert.Equal(
            ["XC6001 b/b.cfg:5", "XC6002 b/b.cfg:6", "XC6003 b/b.cfg:8", "XC6004 b/b.cfg:9"],
            report.Diagnostics
                .Where(d => d.Id.StartsWith("XC6", StringComparison.Ordinal))
                .Select(d => $"{d.Id} {Path.GetRelativePath(folder.Path, d.Location.Path!).Replace('\\', '/')}:{d.Location.Start.DisplayLine}"));
        // The other guest in each message is named at its own xm line too (a's lines are b's minus one), not at a line
        // of its converted xl text.
        var messages = report.Diagnostics.Where(d => d.Id.StartsWith("XC6", StringComparison.Ordinal)).Select(d => d.Message).ToList();
        Assert.Collection(
            messages,
            m => Assert.Contains("a.cfg line 4", m, StringComparison.Ordinal),
            m => Assert.Contains("a.cfg line 5", m, StringComparison.Ordinal),
            m => Assert.Contains("a.cfg line 7", m, StringComparison.Ordinal),
            m => Assert.Contains("a.cfg line 8", m, StringComparison.Ordinal));
    }
}
