using XenConfig.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>A node of the lossless syntax tree of a domain config. Its tokens, in order, hold every character of the file.</summary>
public abstract class SyntaxNode
{
    private protected SyntaxNode()
    {
    }

    /// <summary>The node's tokens in file order, including those of nested lists (walked without recursion).</summary>
    public abstract IEnumerable<SyntaxToken> DescendantTokens();

    /// <summary>The span of the node without its first token's leading and last token's trailing trivia.</summary>
    public TextSpan Span
    {
        get
        {
            SyntaxToken? first = null, last = null;
            foreach (var token in DescendantTokens())
            {
                if (token.IsMissing)
                {
                    continue;
                }

                first ??= token;
                last = token;
            }

            return first is null ? default : TextSpan.FromBounds(first.Span.Start, last!.Span.End);
        }
    }

    /// <summary>The span including all trivia.</summary>
    public TextSpan FullSpan
    {
        get
        {
            int? start = null;
            var end = 0;
            foreach (var token in DescendantTokens())
            {
                var span = token.FullSpan;
                start ??= span.Start;
                end = Math.Max(end, span.End);
            }

            return start is null ? default : TextSpan.FromBounds(start.Value, end);
        }
    }

    /// <summary>The node's text exactly as read, trivia included.</summary>
    public override string ToString()
    {
        using var writer = new StringWriter();
        foreach (var token in DescendantTokens())
        {
            token.WriteTo(writer);
        }

        return writer.ToString();
    }
}
