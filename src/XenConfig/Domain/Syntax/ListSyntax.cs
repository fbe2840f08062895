namespace XenConfig.Domain.Syntax;

/// <summary>A bracketed list. Items may be atoms or lists; line breaks and comments inside are trivia.</summary>
public sealed class ListSyntax : ValueSyntax
{
    private readonly object[] _children;

    internal ListSyntax(object[] children, IReadOnlyList<ValueSyntax> items, IReadOnlyList<SyntaxToken> commas)
    {
        _children = children;
        Items = items;
        Commas = commas;
    }

    /// <summary>The <c>[</c> token.</summary>
    public SyntaxToken OpenBracket => (SyntaxToken)_children[0];

    /// <summary>The <c>]</c> token (missing in a list that was never closed).</summary>
    public SyntaxToken CloseBracket => (SyntaxToken)_children[^1];

    /// <summary>The items in order.</summary>
    public IReadOnlyList<ValueSyntax> Items { get; }

    /// <summary>The commas in order; there may be one after the last item.</summary>
    public IReadOnlyList<SyntaxToken> Commas { get; }

    /// <summary>Nesting depth of the deepest list inside this one (1 for a flat list).</summary>
    public int Depth
    {
        get
        {
            var deepest = 0;
            var stack = new Stack<(ListSyntax List, int Depth)>();
            stack.Push((this, 1));
            while (stack.Count > 0)
            {
                var (list, depth) = stack.Pop();
                deepest = Math.Max(deepest, depth);
                foreach (var item in list.Items)
                {
                    if (item is ListSyntax inner)
                    {
                        stack.Push((inner, depth + 1));
                    }
                }
            }

            return deepest;
        }
    }

    /// <inheritdoc />
    public override IEnumerable<SyntaxToken> DescendantTokens()
    {
        // Explicit stack: lists may nest thousands deep (libxlu accepts up to its parser stack limit).
        var stack = new Stack<(ListSyntax List, int Index)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (list, index) = stack.Pop();
            if (index >= list._children.Length)
            {
                continue;
            }

            stack.Push((list, index + 1));
            switch (list._children[index])
            {
                case SyntaxToken token:
                    yield return token;
                    break;
                case AtomSyntax atom:
                    yield return atom.Token;
                    break;
                case ListSyntax inner:
                    stack.Push((inner, 0));
                    break;
            }
        }
    }
}
