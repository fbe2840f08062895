namespace XenConfig.Domain.Syntax;

/// <summary>A value: an atom (string or number) or a list.</summary>
public abstract class ValueSyntax : SyntaxNode
{
    private protected ValueSyntax()
    {
    }
}
