using XenConfig.Domain;

namespace XenConfig.Xm;

/// <summary>How <see cref="DomainConfigSource"/> reads a file.</summary>
public sealed record DomainConfigSourceOptions
{
    /// <summary>Detect the dialect; default parser and evaluator options.</summary>
    public static DomainConfigSourceOptions Default { get; } = new();

    /// <summary>
    /// Forces a dialect (<see cref="DomainConfigDialect.Xl"/> or <see cref="DomainConfigDialect.Xm"/>); null or
    /// <see cref="DomainConfigDialect.Unknown"/> detects it from the content.
    /// </summary>
    public DomainConfigDialect? Dialect { get; init; }

    /// <summary>Options of the xl parser.</summary>
    public DomainConfigParseOptions? XlOptions { get; init; }

    /// <summary>Options of the xm evaluator (variables as given to <c>xm create</c>, <c>os.uname()</c>...).</summary>
    public XmEvaluationOptions XmOptions { get; init; } = XmEvaluationOptions.Default;
}
