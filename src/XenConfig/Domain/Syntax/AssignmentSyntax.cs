namespace XenConfig.Domain.Syntax;

/// <summary><c>key = value</c> or <c>key += value</c>.</summary>
public sealed class AssignmentSyntax : StatementSyntax
{
    internal AssignmentSyntax(SyntaxToken key, SyntaxToken op, ValueSyntax value, SyntaxToken? terminator)
        : base(terminator)
    {
        Key = key;
        Operator = op;
        Value = value;
    }

    /// <summary>The key token.</summary>
    public SyntaxToken Key { get; }

    /// <summary>The key as written.</summary>
    public string Name => Key.Text;

    /// <summary>The <c>=</c> or <c>+=</c> token (missing when the statement is broken).</summary>
    public SyntaxToken Operator { get; }

    /// <summary>True for <c>+=</c>.</summary>
    public bool IsAddition => Operator.Kind == SyntaxKind.PlusEqualsToken;

    /// <summary>The value (an atom with a missing token when the statement is broken).</summary>
    public ValueSyntax Value { get; }

    /// <inheritdoc />
    public override IEnumerable<SyntaxToken> DescendantTokens()
    {
        yield return Key;
        yield return Operator;
        foreach (var token in Value.DescendantTokens())
        {
            yield return token;
        }

        if (Terminator is not null)
        {
            yield return Terminator;
        }
    }
}
