namespace XenConfig.Domain.Syntax;

/// <summary>A string or number value. libxlu stores both as text; the token keeps how it was written.</summary>
public sealed class AtomSyntax : ValueSyntax
{
    internal AtomSyntax(SyntaxToken token, string? value = null)
    {
        Token = token;
        Value = token.IsMissing ? null : value;
    }

    /// <summary>The <see cref="SyntaxKind.String"/> or <see cref="SyntaxKind.Number"/> token (missing when the value was absent).</summary>
    public SyntaxToken Token { get; }

    /// <summary>True for a quoted string.</summary>
    public bool IsString => Token.Kind == SyntaxKind.String;

    /// <summary>
    /// The text libxlu stores: a number's token text, or a string with its escapes decoded as libxlu decodes them.
    /// Null when the token is missing or xl rejects it (unterminated string, invalid escape).
    /// </summary>
    public string? Value { get; }

    /// <inheritdoc />
    public override IEnumerable<SyntaxToken> DescendantTokens()
    {
        yield return Token;
    }
}
