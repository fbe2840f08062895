using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Domain.Syntax;

namespace XenConfig.Domain;

/// <summary>
/// Rewrites a domain config in the canonical layout: LF line endings, no byte order mark, one statement per line as
/// <c>key = value</c>, at most one blank line in a row, comments kept, short lists on one line and long lists one item
/// per line. Values are never changed: every token keeps its text (quotes, escapes, <c>0x200</c>).
/// </summary>
public static class DomainConfigFormatter
{
    private const int MaxLineWidth = 80;

    /// <summary>The diagnostics <see cref="Format"/> repairs: xl rejects them, but what the author meant is clear.</summary>
    public static IReadOnlySet<string> RepairableIds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        DiagnosticIds.CarriageReturn.Id,
        DiagnosticIds.ByteOrderMark.Id,
        DiagnosticIds.CommentWithoutNewline.Id,
        DiagnosticIds.InvalidKey.Id,
        DiagnosticIds.StrayFinalCharacter.Id,
    };

    /// <summary>True when every error of the document is one <see cref="Format"/> repairs.</summary>
    public static bool CanFormat(DomainConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return !document.Diagnostics.Any(IsUnrepairable);
    }

    /// <summary>An error that makes <see cref="CanFormat"/> false.</summary>
    internal static bool IsUnrepairable(Diagnostic diagnostic) => diagnostic.IsError && !RepairableIds.Contains(diagnostic.Id);

    /// <summary>The canonical text of <paramref name="document"/>.</summary>
    /// <exception cref="InvalidOperationException">The document has errors the formatter cannot repair (see <see cref="CanFormat"/>).</exception>
    public static string Format(DomainConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!CanFormat(document))
        {
            throw new InvalidOperationException("The document has syntax errors; formatting could change its meaning.");
        }

        var output = new StringBuilder(document.SourceText.Length + 16);
        var blankLines = 0;
        var atStart = true;
        foreach (var statement in document.Syntax.Statements)
        {
            var first = statement.DescendantTokens().First();
            WriteCommentLines(output, first.LeadingTrivia, ref blankLines, ref atStart);
            if (statement is AssignmentSyntax assignment)
            {
                WriteBlankLines(output, ref blankLines, atStart);
                atStart = false;
                WriteAssignment(output, assignment);
            }
            else if (statement.Terminator?.TrailingTrivia.FirstOrDefault(IsComment) is { Kind: SyntaxKind.CommentTrivia } comment)
            {
                // A lone ';' line: only its comment survives.
                WriteBlankLines(output, ref blankLines, atStart);
                atStart = false;
                output.Append(comment.Text.TrimEnd()).Append('\n');
            }
        }

        WriteCommentLines(output, document.Syntax.EndOfFile.LeadingTrivia, ref blankLines, ref atStart);
        return output.ToString();
    }

    private static void WriteAssignment(StringBuilder output, AssignmentSyntax assignment)
    {
        output.Append(CanonicalKey(assignment.Key.Text)).Append(assignment.IsAddition ? " += " : " = ");
        var column = assignment.Key.Text.Length + (assignment.IsAddition ? 4 : 3);
        WriteValue(output, assignment.Value, column);
        var comment = TrailingComment(assignment.Value.DescendantTokens().Last()) ?? TrailingComment(assignment.Terminator);
        if (comment is not null)
        {
            output.Append("  ").Append(comment);
        }

        output.Append('\n');
    }

    private static void WriteValue(StringBuilder output, ValueSyntax value, int column)
    {
        if (value is AtomSyntax atom)
        {
            output.Append(atom.Token.Text);
            return;
        }

        var list = (ListSyntax)value;
        var inline = Inline(list);
        var hasComments = list.Items.Any(i => HasComments(i)) || list.Commas.Any(c => c.TrailingTrivia.Any(IsComment)) || list.OpenBracket.TrailingTrivia.Any(IsComment);
        if (!hasComments && column + inline.Length <= MaxLineWidth)
        {
            output.Append(inline);
            return;
        }

        output.Append("[\n");
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var first = item.DescendantTokens().First();
            foreach (var trivia in first.LeadingTrivia.Where(IsComment))
            {
                output.Append("    ").Append(trivia.Text.TrimEnd()).Append('\n');
            }

            output.Append("    ").Append(item is ListSyntax inner ? Inline(inner) : ((AtomSyntax)item).Token.Text).Append(',');
            var comment = TrailingComment(item.DescendantTokens().Last()) ?? (i < list.Commas.Count ? TrailingComment(list.Commas[i]) : null);
            if (comment is not null)
            {
                output.Append("  ").Append(comment);
            }

            output.Append('\n');
        }

        foreach (var trivia in list.CloseBracket.LeadingTrivia.Where(IsComment))
        {
            output.Append("    ").Append(trivia.Text.TrimEnd()).Append('\n');
        }

        output.Append(']');
    }

    /// <summary>A list on one line, <c>[ a, [ b ], [] ]</c>, built without recursion.</summary>
    private static string Inline(ListSyntax list)
    {
        var builder = new StringBuilder();
        SyntaxToken? previous = null;
        foreach (var token in list.DescendantTokens())
        {
            switch (token.Kind)
            {
                case SyntaxKind.CommaToken:
                    builder.Append(',');
                    break;
                case SyntaxKind.CloseBracketToken:
                    if (previous is { Kind: SyntaxKind.CommaToken })
                    {
                        builder.Length--; // a trailing comma reads better without it on one line
                    }

                    builder.Append(previous is { Kind: SyntaxKind.OpenBracketToken } ? "]" : " ]");
                    break;
                default:
                    if (previous is not null)
                    {
                        builder.Append(' ');
                    }

                    builder.Append(token.Text);
                    break;
            }

            previous = token;
        }

        return builder.ToString();
    }

    private static bool HasComments(ValueSyntax item) =>
        item.DescendantTokens().Any(t => t.LeadingTrivia.Any(IsComment) || t.TrailingTrivia.Any(IsComment));

    private static bool IsComment(SyntaxTrivia trivia) => trivia.Kind == SyntaxKind.CommentTrivia;

    private static string? TrailingComment(SyntaxToken? token) =>
        token?.TrailingTrivia.FirstOrDefault(IsComment) is { Kind: SyntaxKind.CommentTrivia } comment ? comment.Text.TrimEnd() : null;

    private static void WriteCommentLines(StringBuilder output, IReadOnlyList<SyntaxTrivia> trivia, ref int blankLines, ref bool atStart)
    {
        var lineHasContent = false;
        foreach (var item in trivia)
        {
            switch (item.Kind)
            {
                case SyntaxKind.CommentTrivia:
                    WriteBlankLines(output, ref blankLines, atStart);
                    atStart = false;
                    output.Append(item.Text.TrimEnd()).Append('\n');
                    lineHasContent = true;
                    break;
                case SyntaxKind.EndOfLineTrivia:
                    if (!lineHasContent)
                    {
                        blankLines++;
                    }

                    lineHasContent = false;
                    break;
            }
        }
    }

    private static void WriteBlankLines(StringBuilder output, ref int blankLines, bool atStart)
    {
        if (blankLines > 0 && !atStart)
        {
            output.Append('\n');
        }

        blankLines = 0;
    }

    /// <summary>The key as xl accepts it: lowercase, <c>-</c> as <c>_</c>.</summary>
    private static string CanonicalKey(string key) => key.ToLowerInvariant().Replace('-', '_');
}
