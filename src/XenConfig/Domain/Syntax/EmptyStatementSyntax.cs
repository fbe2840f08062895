namespace XenConfig.Domain.Syntax;

/// <summary>
/// A statement with no assignment: a lone <c>;</c>, or a line the parser could not read (its text is skipped-text
/// trivia of the terminator, and a diagnostic says why).
/// </summary>
public sealed class EmptyStatementSyntax : StatementSyntax
{
    internal EmptyStatementSyntax(SyntaxToken terminator)
        : base(terminator)
    {
    }

    /// <summary>True when the statement holds text the parser had to skip.</summary>
    public bool HasSkippedText => Terminator!.LeadingTrivia.Any(t => t.Kind == SyntaxKind.SkippedTextTrivia);

    /// <inheritdoc />
    public override IEnumerable<SyntaxToken> DescendantTokens()
    {
        yield return Terminator!;
    }
}
