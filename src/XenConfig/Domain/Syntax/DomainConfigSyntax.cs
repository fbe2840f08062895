namespace XenConfig.Domain.Syntax;

/// <summary>The root of a domain config's syntax tree: the statements and the end-of-file token.</summary>
public sealed class DomainConfigSyntax : SyntaxNode
{
    internal DomainConfigSyntax(IReadOnlyList<StatementSyntax> statements, SyntaxToken endOfFile)
    {
        Statements = statements;
        EndOfFile = endOfFile;
    }

    /// <summary>The statements in file order.</summary>
    public IReadOnlyList<StatementSyntax> Statements { get; }

    /// <summary>The end of the file; its leading trivia is whatever follows the last statement (comments, blank lines).</summary>
    public SyntaxToken EndOfFile { get; }

    /// <summary>The assignments in file order.</summary>
    public IEnumerable<AssignmentSyntax> Assignments => Statements.OfType<AssignmentSyntax>();

    /// <inheritdoc />
    public override IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var statement in Statements)
        {
            foreach (var token in statement.DescendantTokens())
            {
                yield return token;
            }
        }

        yield return EndOfFile;
    }
}
