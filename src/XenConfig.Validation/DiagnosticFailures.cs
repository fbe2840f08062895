using FluentValidation;
using FluentValidation.Results;
using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// The bridge between FluentValidation and XenConfig diagnostics: a failure carries the diagnostic id as
/// <c>ErrorCode</c>, the severity, and the whole <see cref="Diagnostic"/> (with file, line and column) as <c>CustomState</c>.
/// </summary>
public static class DiagnosticFailures
{
    /// <summary>Adds <paramref name="diagnostic"/> as a failure of the rule being run.</summary>
    public static void AddDiagnostic<T>(this ValidationContext<T> context, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(diagnostic);
        context.AddFailure(new ValidationFailure(diagnostic.Id, diagnostic.Message)
        {
            ErrorCode = diagnostic.Id,
            Severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => Severity.Error,
                DiagnosticSeverity.Warning => Severity.Warning,
                _ => Severity.Info,
            },
            CustomState = diagnostic,
        });
    }

    /// <summary>Adds each of <paramref name="diagnostics"/> as a failure of the rule being run.</summary>
    internal static void AddDiagnostics<T>(this ValidationContext<T> context, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.AddDiagnostic(diagnostic);
        }
    }

    /// <summary>Adds a diagnostic of <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
    public static void Report<T>(this ValidationContext<T> context, DiagnosticDescriptor descriptor, SourceLocation location, string message, DiagnosticSeverity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        context.AddDiagnostic(descriptor.Create(location, message, severity ?? descriptor.DefaultSeverity));
    }

    /// <summary>
    /// True when no failure of <paramref name="result"/> is as serious as <paramref name="failAt"/>: with the default,
    /// infos (XC5007, notes about conversions) do not make a result invalid, warnings and errors do. FluentValidation's
    /// own <c>IsValid</c> is false on any failure, infos included.
    /// </summary>
    /// <param name="result">A result of one of this package's validators.</param>
    /// <param name="failAt">The least serious severity that fails: <see cref="DiagnosticSeverity.Warning"/> (the default), or <see cref="DiagnosticSeverity.Error"/> to accept warnings.</param>
    /// <returns>True when the result passes.</returns>
    public static bool IsValidAt(this ValidationResult result, DiagnosticSeverity failAt = DiagnosticSeverity.Warning)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.ToDiagnostics().Any(d => d.Severity >= failAt);
    }

    /// <summary>The diagnostics of a validation result, in file and position order.</summary>
    public static IReadOnlyList<Diagnostic> ToDiagnostics(this ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors
            .Select(f => f.CustomState as Diagnostic ?? new Diagnostic(f.ErrorCode, DiagnosticSeverity.Error, f.ErrorMessage, SourceLocation.None()))
            .OrderBy(d => d, DiagnosticOrder.ByPosition)
            .ToList();
    }
}
