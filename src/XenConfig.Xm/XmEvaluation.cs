using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Xm;

/// <summary>
/// The result of running an xm config through the safe evaluator: the options xend would have collected, in the order
/// the script first assigned them, and every diagnostic.
/// </summary>
public sealed class XmEvaluation
{
    private readonly XmSettingsTable _settings;

    internal XmEvaluation(
        SourceText text,
        XmEvaluationOptions options,
        XmSettingsTable settings,
        IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<string> declaredVariables,
        IReadOnlyList<string> output)
    {
        SourceText = text;
        Options = options;
        _settings = settings;
        Diagnostics = diagnostics;
        DeclaredVariables = declaredVariables;
        Output = output;
    }

    /// <summary>The evaluated source.</summary>
    public SourceText SourceText { get; }

    /// <summary>The options it was evaluated with.</summary>
    public XmEvaluationOptions Options { get; }

    /// <summary>
    /// Every local name whose value was exactly a <c>str</c>, <c>list</c>, <c>int</c> or <c>float</c> when the script
    /// ended, as xend collected them, with command-line variables winning. Strings become string atoms, ints number atoms
    /// (negative ones quoted), floats the text Python 2's <c>str()</c> gives, lists lists (tuples inside lists too).
    /// Helper variables (<c>arch</c>, <c>vmid</c>) are included, as in xend; the converter decides which are options.
    /// The prologue's own strings (<c>xm_file</c>, <c>xm_help</c>, <c>NBE_BRIDGE</c>) are left out unless the script
    /// assigns them. When the script failed, the names assigned before the failure.
    /// </summary>
    public IReadOnlyDictionary<string, SettingValue> Settings => _settings;

    internal XmSettingsTable SettingsTable => _settings;

    /// <summary>Everything found, in source order of discovery.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the file is not valid Python, uses something the evaluator does not run, or raised an exception.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The variables the script declared with <c>xm_vars.var(...)</c>, in order.</summary>
    public IReadOnlyList<string> DeclaredVariables { get; }

    /// <summary>The lines the script printed with <c>print</c> (xm showed them on the terminal).</summary>
    public IReadOnlyList<string> Output { get; }

    /// <summary>Where the script last assigned <paramref name="name"/>, or null when it came from the command line or nowhere.</summary>
    public SourceLocation? GetLocation(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _settings.GetPlace(name) is { } span ? SourceText.GetLocation(span) : null;
    }
}
