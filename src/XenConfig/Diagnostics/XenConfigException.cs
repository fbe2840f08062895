namespace XenConfig.Diagnostics;

/// <summary>Thrown by the strict <c>Parse</c> methods when a file has errors; carries every diagnostic found.</summary>
public sealed class XenConfigException : Exception
{
    /// <summary>Creates the exception from the diagnostics of one parse; the message names the first error.</summary>
    public XenConfigException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception with a message and no diagnostics.</summary>
    public XenConfigException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates an exception with a message, an inner exception and no diagnostics.</summary>
    public XenConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Creates an exception with no message and no diagnostics.</summary>
    public XenConfigException()
        : this("The input has errors.")
    {
    }

    /// <summary>All diagnostics of the parse, errors and otherwise, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count switch
        {
            0 => "The input has no errors.",
            1 => errors[0].ToString(),
            _ => $"{errors[0]} (and {errors.Count - 1} more error{(errors.Count == 2 ? "" : "s")})",
        };
    }
}
