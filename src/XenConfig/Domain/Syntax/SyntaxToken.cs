using XenConfig.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>
/// A token with its raw text and the trivia around it. Leading trivia is what precedes the token since the previous
/// token's trailing trivia (blank lines, comment lines, indentation); trailing trivia is what follows it on the same
/// line (spaces, a comment), never the line break.
/// </summary>
public sealed class SyntaxToken
{
    internal SyntaxToken(SyntaxKind kind, TextSpan span, string text, SyntaxTrivia[] leading, SyntaxTrivia[] trailing)
    {
        Kind = kind;
        Span = span;
        Text = text;
        LeadingTrivia = leading;
        TrailingTrivia = trailing;
    }

    /// <summary>What the token is.</summary>
    public SyntaxKind Kind { get; }

    /// <summary>The token's own characters (without trivia).</summary>
    public TextSpan Span { get; }

    /// <summary>The token's characters exactly as written (<c>0x200</c>, <c>'a\tb'</c> with its quotes and escapes).</summary>
    public string Text { get; }

    /// <summary>Trivia before the token.</summary>
    public IReadOnlyList<SyntaxTrivia> LeadingTrivia { get; }

    /// <summary>Trivia after the token on the same line.</summary>
    public IReadOnlyList<SyntaxTrivia> TrailingTrivia { get; }

    /// <summary>True for a token the parser expected but did not find (zero width).</summary>
    public bool IsMissing => Span.IsEmpty && Kind != SyntaxKind.EndOfFileToken;

    /// <summary>The span including leading and trailing trivia.</summary>
    public TextSpan FullSpan => TextSpan.FromBounds(
        LeadingTrivia.Count > 0 ? LeadingTrivia[0].Span.Start : Span.Start,
        TrailingTrivia.Count > 0 ? TrailingTrivia[^1].Span.End : Span.End);

    /// <summary>Writes the token with its trivia, exactly as read.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var trivia in LeadingTrivia)
        {
            writer.Write(trivia.AsSpan());
        }

        writer.Write(Text);
        foreach (var trivia in TrailingTrivia)
        {
            writer.Write(trivia.AsSpan());
        }
    }

    /// <summary>The token's text without trivia.</summary>
    public override string ToString() => Text;
}
