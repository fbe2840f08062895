using XenConfig.Devices;
using XenConfig.Text;

namespace XenConfig.Domain.Model;

/// <summary>One item of a device list (<c>disk</c>, <c>vif</c>): its spec string, what it parses to, and where it is.</summary>
/// <typeparam name="T">The parsed spec type.</typeparam>
/// <remarks>Items are made by parsing (<see cref="DomainConfig.DiskItems"/> and the other <c>*Items</c> lists), never by hand.</remarks>
public sealed record DeviceItem<T>
    where T : class
{
    internal DeviceItem(int index, string spec, T? value, DeviceSpecError? error, TextSpan tokenSpan, string tokenText)
    {
        Index = index;
        Spec = spec;
        Value = value;
        Error = error;
        TokenSpan = tokenSpan;
        TokenText = tokenText;
    }

    /// <summary>Position in the list.</summary>
    public int Index { get; }

    /// <summary>The spec string (decoded).</summary>
    public string Spec { get; }

    /// <summary>The parsed spec, or null when it does not parse.</summary>
    public T? Value { get; }

    /// <summary>Why it does not parse, with the offset inside <see cref="Spec"/>.</summary>
    public DeviceSpecError? Error { get; }

    /// <summary>Where the item's string token is in the file.</summary>
    public TextSpan TokenSpan { get; }

    /// <summary>The token as written, quotes and escapes included.</summary>
    public string TokenText { get; }

    /// <summary>True when the spec parses.</summary>
    public bool IsValid => Value is not null;

    /// <summary>
    /// The span of the error inside the file: exact when the token has no escapes (offsets in the decoded spec then
    /// equal offsets in the token, after the quote), else the whole token.
    /// </summary>
    public TextSpan ErrorSpan => Error is null ? TokenSpan : SpanOf(Error);

    /// <summary>
    /// Where a problem inside the spec (an <see cref="Error"/>, or a piece the spec ignores) is in the file: exact when
    /// the token has no escapes, else the whole token.
    /// </summary>
    /// <param name="problem">A problem whose offset is inside <see cref="Spec"/>.</param>
    public TextSpan SpanOf(DeviceSpecError problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (TokenText.Contains('\\', StringComparison.Ordinal) || TokenText.Length < 2)
        {
            return TokenSpan;
        }

        var start = TokenSpan.Start + 1 + Math.Min(problem.Offset, Spec.Length);
        var length = Math.Min(Math.Max(problem.Length, 1), Math.Max(0, TokenSpan.End - 1 - start));
        return new TextSpan(start, length);
    }
}
