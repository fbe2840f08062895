using FluentValidation;
using FluentValidation.Results;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Fstab;
using XenConfig.Grub;
using XenConfig.Testing;
using XenConfig.Text;

namespace XenConfig.Validation.Tests;

/// <summary>
/// The order diagnostics come in: a validation result's (<see cref="DiagnosticFailures.ToDiagnostics"/>: by path, then
/// position, and at a shared place in the order the rules found them) and a repository report's (by path, line,
/// character, id and message, each once).
/// </summary>
public sealed class DiagnosticOrderTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var kind in new[] { "xl", "fstab", "grub" })
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus(kind)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(kind, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_corpus_files_findings_are_ordered_by_path_then_position_stably(string file)
    {
        var path = Path.Combine(RepositoryPaths.TestData, "corpus", file);
        var result = Validate(path);

        Assert.Equal(ReferenceOrder(result), result.ToDiagnostics());
    }

    [Fact]
    public void Findings_at_a_shared_position_keep_the_order_the_rules_found_them_in()
    {
        var text = SourceText.From("a\nb\n", "b.cfg");
        var other = SourceText.From("a\nb\n", "a.cfg");
        Diagnostic At(SourceText source, int position, string id) =>
            new(id, DiagnosticSeverity.Warning, id, source.GetLocation(new TextSpan(position, 1)));
        Diagnostic[] found =
        [
            At(text, 2, "XC2001"), At(text, 0, "XC2005"), At(text, 2, "XC2002"), At(other, 2, "XC2003"), At(text, 0, "XC2004"),
            new("XC0001", DiagnosticSeverity.Error, "no location", SourceLocation.None()),
        ];
        var result = new ValidationResult(found.Select(d => new ValidationFailure(d.Id, d.Message) { CustomState = d }));

        Assert.Equal(["XC0001", "XC2003", "XC2005", "XC2004", "XC2001", "XC2002"], result.ToDiagnostics().Select(d => d.Id));
        Assert.Equal(ReferenceOrder(result), result.ToDiagnostics());
    }

    public static TheoryData<string> Repositories() =>
    [
        "examples",
        Path.Combine("tests", "data", "corpus"),
        Path.Combine("tests", "XenConfig.Validation.Tests", "PlantedRepository"),
    ];

    [Theory]
    [MemberData(nameof(Repositories))]
    public void A_reports_findings_are_ordered_by_path_line_character_id_and_message_each_once(string repository)
    {
        var report = RepositoryValidation.Validate([RepositoryPaths.InRepository(repository)]);

        var expected = report.Diagnostics.Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Start.Line)
            .ThenBy(d => d.Location.Start.Character)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal);
        Assert.NotEmpty(report.Diagnostics);
        Assert.Equal(expected, report.Diagnostics);
    }

    // What ToDiagnostics promises, spelled with LINQ's stable OrderBy/ThenBy.
    private static List<Diagnostic> ReferenceOrder(ValidationResult result) =>
        result.Errors
            .Select(f => f.CustomState as Diagnostic ?? new Diagnostic(f.ErrorCode, DiagnosticSeverity.Error, f.ErrorMessage, SourceLocation.None()))
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .ToList();

    private static ValidationResult Validate(string path)
    {
        return Path.GetFileName(Path.GetDirectoryName(path)) switch
        {
            "xl" => new DomainConfigValidator().Validate(DomainConfig.FromDocument(DomainConfigDocument.Load(path)), o => o.IncludeAllRuleSets()),
            "fstab" => new FstabValidator().Validate(FstabDocument.Load(path), o => o.IncludeAllRuleSets()),
            _ => new GrubMenuValidator().Validate(GrubMenuDocument.Load(path), o => o.IncludeAllRuleSets()),
        };
    }
}
