using System.Globalization;
using XenConfig.Text;

namespace XenConfig.Diagnostics;

/// <summary>One finding about a file: an id, a severity, a message and where it is.</summary>
/// <param name="Id">Stable id (see <see cref="DiagnosticIds"/>); users suppress and search by it.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="Location">File, span, line and column.</param>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    // The message, or with _tail its first part: a finding made once per name of a large file (160,000 script
    // variables of a 10 MB xm config) shares the name's string and one fixed tail instead of a message string each
    // (about 160 of its 250 bytes). Message joins them each time it is read; JSON and text outputs read it once.
    private readonly string _message = Message;
    private readonly string? _tail;

    // A message made of its subject (a name the caller keeps anyway) and a fixed tail, joined when read.
    internal Diagnostic(string id, DiagnosticSeverity severity, string subject, string tail, SourceLocation location)
        : this(id, severity, subject, location)
    {
        _tail = tail;
    }

    /// <summary>What is wrong, for a person.</summary>
    public string Message
    {
        get => _tail is null ? _message : string.Concat(_message, _tail);
        init
        {
            _message = value;
            _tail = null;
        }
    }

    /// <summary>Equal when the id, severity, message text and location are.</summary>
    /// <param name="other">The diagnostic to compare with.</param>
    /// <returns>True when both say the same thing about the same place.</returns>
    public bool Equals(Diagnostic? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && Id == other.Id && Severity == other.Severity && Location == other.Location &&
         (_tail is null && other._tail is null ? _message == other._message : Message == other.Message));

    /// <inheritdoc/>
    // The message's length stands for its text: equal messages have equal lengths, and a hash needs no joined string.
    public override int GetHashCode() => HashCode.Combine(Id, Severity, Location, _message?.Length + (_tail?.Length ?? 0));

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The kind of problem (from the id's descriptor): xl's verdict, boot, policy or syntax.</summary>
    public DiagnosticCategory Category => DiagnosticIds.Find(Id)?.Category ?? DiagnosticCategory.Policy;

    /// <summary>
    /// The MSBuild-canonical form that CI systems annotate, with the category at the end:
    /// <c>path(line,col): error XC2012: message [boot]</c>.
    /// </summary>
    /// <remarks>
    /// The location is formatted first, not inside the interpolation: an interpolated string formatted inside another
    /// returns a second pooled buffer of the same size while the first is out, which makes the shared array pool set up
    /// its per-processor stacks and calibrate the processor-id cache (0.25 ms, a fiftieth of a one-guest validate).
    /// </remarks>
    public override string ToString()
    {
        var location = Location.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{location}: {SeverityText(Severity)} {Id}: {Message} [{DiagnosticDescriptor.CategoryText(Category)}]");
    }

    /// <summary>The lowercase word used in the text form: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
