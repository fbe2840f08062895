using XenConfig.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>Text between tokens that carries no value: whitespace, comments, line breaks, skipped text.</summary>
/// <param name="Kind">What the trivia is.</param>
/// <param name="Span">Where it is in the file.</param>
/// <param name="Text">The characters, exactly as written.</param>
public readonly record struct SyntaxTrivia(SyntaxKind Kind, TextSpan Span, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
