using System.Collections;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Xm;

/// <summary>
/// A conversion's diagnostics in order, where each "script variable, not an xm option" finding (XC1128) is only the
/// number of its setting and is made when it is read.
/// </summary>
/// <remarks>
/// A script of helper variables has one such finding per variable (162,428 in a 10 MB script); as objects (the finding
/// and its location, 96 bytes, plus a slot in each list that held them) they were about a fifth of what a conversion kept.
/// A finding read twice is two equal objects: <see cref="Diagnostic"/> compares by value.
/// </remarks>
internal sealed class XmConversionDiagnostics : IReadOnlyList<Diagnostic>
{
    private const string DroppedVariableTail = " is a script variable, not an xm option; it was not carried over";

    private readonly XmEvaluation _evaluation;
    private readonly List<Diagnostic> _made;
    // Each entry is either an index into _made, or (negative) the complement of the number of a dropped variable's setting.
    private readonly List<int> _order;

    public XmConversionDiagnostics(XmEvaluation evaluation)
    {
        _evaluation = evaluation;
        _made = [.. evaluation.Diagnostics];
        _order = new List<int>(_made.Count);
        for (var i = 0; i < _made.Count; i++)
        {
            _order.Add(i);
        }
    }

    private XmConversionDiagnostics(XmEvaluation evaluation, List<Diagnostic> made, List<int> order)
    {
        _evaluation = evaluation;
        _made = made;
        _order = order;
    }

    public int Count => _order.Count;

    /// <summary>True when any diagnostic is an error (the findings kept as numbers are not).</summary>
    public bool HasErrors => _made.Exists(d => d.IsError);

    public Diagnostic this[int index]
    {
        get
        {
            var entry = _order[index];
            return entry >= 0 ? _made[entry] : DroppedVariable(~entry);
        }
    }

    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _order.Add(_made.Count);
        _made.Add(diagnostic);
    }

    /// <summary>Adds XC1128 for the setting numbered <paramref name="setting"/> in the evaluation's settings.</summary>
    public void AddDroppedVariable(int setting) => _order.Add(~setting);

    /// <summary>
    /// These diagnostics with every repeat of an earlier one left out (<see cref="Enumerable.Distinct{TSource}(IEnumerable{TSource})"/>).
    /// The findings kept as numbers are never repeats: each names another setting, and no other finding has their id.
    /// </summary>
    public XmConversionDiagnostics WithoutRepeats()
    {
        var seen = new HashSet<Diagnostic>();
        var order = new List<int>(_order.Count);
        foreach (var entry in _order)
        {
            if (entry < 0 || seen.Add(_made[entry]))
            {
                order.Add(entry);
            }
        }

        return new XmConversionDiagnostics(_evaluation, _made, order);
    }

    public IEnumerator<Diagnostic> GetEnumerator()
    {
        for (var i = 0; i < _order.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Diagnostic DroppedVariable(int setting)
    {
        var table = _evaluation.SettingsTable;
        var location = table.GetPlace(setting) is { } place
            ? _evaluation.SourceText.GetLocation(place)
            : SourceLocation.None(_evaluation.SourceText.Path);
        return DiagnosticIds.XmConvertScriptVariableDropped.CreateJoined(location, table.KeyAt(setting), DroppedVariableTail);
    }
}
