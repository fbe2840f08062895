namespace XenConfig.Domain.Syntax;

/// <summary>The kinds of tokens and trivia in a domain config.</summary>
public enum SyntaxKind
{
    /// <summary>A key: a lowercase letter, then letters, digits, <c>.</c> or <c>_</c>.</summary>
    Identifier,

    /// <summary>A number token: a digit, then digits, <c>a-f</c> or <c>x</c> (kept as written: <c>0x200</c>, <c>010</c>).</summary>
    Number,

    /// <summary>A quoted string, single or double quotes, on one line.</summary>
    String,

    /// <summary><c>=</c>.</summary>
    EqualsToken,

    /// <summary><c>+=</c>.</summary>
    PlusEqualsToken,

    /// <summary><c>,</c> between list items.</summary>
    CommaToken,

    /// <summary><c>[</c>.</summary>
    OpenBracketToken,

    /// <summary><c>]</c>.</summary>
    CloseBracketToken,

    /// <summary><c>;</c>, which ends a statement like a line break does.</summary>
    SemicolonToken,

    /// <summary>A line break that ends a statement (LF; CRLF or a lone CR in files xl rejects).</summary>
    EndOfLineToken,

    /// <summary>The end of the file; its leading trivia holds what follows the last statement.</summary>
    EndOfFileToken,

    /// <summary>Trivia: spaces and tabs.</summary>
    WhitespaceTrivia,

    /// <summary>Trivia: <c>#</c> up to the end of the line (the line break is not part of it).</summary>
    CommentTrivia,

    /// <summary>Trivia: a line break that ends no statement (a blank line, a line break inside a list).</summary>
    EndOfLineTrivia,

    /// <summary>Trivia: text the parser could not use (it is reported by a diagnostic).</summary>
    SkippedTextTrivia,

    /// <summary>Trivia: a byte order mark at the start of the file (xl rejects it).</summary>
    ByteOrderMarkTrivia,
}
