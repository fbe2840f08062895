using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;
using XenConfig.Xm;

namespace XenConfig.Validation;

/// <summary>
/// Moves a finding on an xm config's converted xl text to the xm line that assigned the key it is about. Keeps, for
/// each assignment of the converted text, only its bounds and the xm location, so a repository run holds a few spots
/// per xm guest until its repository checks instead of the guest's converted document and evaluation.
/// </summary>
internal sealed class XmLineRelocation
{
    // Assignments in text order: the converted text's assignment bounds, and where the script assigned that key (null
    // when it came from the command line or from no assignment).
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly Spot?[] _targets;

    private XmLineRelocation(int[] starts, int[] ends, Spot?[] targets)
    {
        _starts = starts;
        _ends = ends;
        _targets = targets;
    }

    public static XmLineRelocation Of(DomainConfigDocument converted, XmEvaluation evaluation)
    {
        var assignments = converted.Syntax.Assignments.ToList();
        var starts = new int[assignments.Count];
        var ends = new int[assignments.Count];
        var targets = new Spot?[assignments.Count];
        for (var index = 0; index < assignments.Count; index++)
        {
            var span = assignments[index].FullSpan;
            starts[index] = span.Start;
            ends[index] = span.End;
            targets[index] = evaluation.GetLocation(assignments[index].Name) is { } location ? new Spot(location.Path, location.Span, location.Start) : null;
        }

        return new XmLineRelocation(starts, ends, targets);
    }

    /// <summary>The diagnostic at the xm line of the first assignment whose full span holds its start; else at the file.</summary>
    public Diagnostic Relocate(Diagnostic diagnostic) => diagnostic with { Location = Relocate(diagnostic.Location) };

    /// <summary>The xm line of the first assignment whose full span holds the location's start; else the file.</summary>
    public SourceLocation Relocate(SourceLocation location)
    {
        var position = location.Span.Start;
        for (var index = 0; index < _starts.Length; index++)
        {
            if (_starts[index] <= position && position <= _ends[index])
            {
                return _targets[index]?.ToLocation() ?? SourceLocation.None(location.Path);
            }
        }

        return SourceLocation.None(location.Path);
    }
}
