using FluentValidation.Results;
using FluentValidation.TestHelper;
using XenConfig.Diagnostics;

namespace XenConfig.Validation.Tests;

/// <summary>Assertions on the diagnostics a validator carries in its failures.</summary>
internal static class ValidationAssert
{
    /// <summary>Asserts exactly one failure with <paramref name="id"/>, at the given 1-based line and column; returns its diagnostic.</summary>
    public static Diagnostic Single<T>(TestValidationResult<T> result, string id, int line, int column, string? path = null)
    {
        result.ShouldHaveValidationErrors().WithErrorCode(id);
        var failure = Assert.Single(result.Errors, f => f.ErrorCode == id);
        var diagnostic = Assert.IsType<Diagnostic>(failure.CustomState);
        Assert.Equal((id, line, column), (diagnostic.Id, diagnostic.Location.Start.DisplayLine, diagnostic.Location.Start.DisplayColumn));
        if (path is not null)
        {
            Assert.Equal(path, diagnostic.Location.Path);
        }

        return diagnostic;
    }

    /// <summary>The ids of all failures, in order.</summary>
    public static IReadOnlyList<string> Ids(ValidationResult result) => result.Errors.Select(f => f.ErrorCode).ToList();
}
