namespace XenConfig.Domain.Syntax;

/// <summary>
/// One statement. It owns the trivia above it (its comment block, blank lines) and the rest of its line,
/// up to and including its terminator.
/// </summary>
public abstract class StatementSyntax : SyntaxNode
{
    private protected StatementSyntax(SyntaxToken? terminator) => Terminator = terminator;

    /// <summary>The <c>;</c> or line break that ends the statement; null for a last statement at end of file without one.</summary>
    public SyntaxToken? Terminator { get; }
}
