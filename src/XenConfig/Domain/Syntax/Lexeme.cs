namespace XenConfig.Domain.Syntax;

/// <summary>A raw piece of input as the lexer sees it, before the parser decides whether it is a token or trivia.</summary>
internal readonly record struct Lexeme(LexemeKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}

internal enum LexemeKind
{
    Identifier,
    Number,
    String,
    Equals,
    PlusEquals,
    Comma,
    OpenBracket,
    CloseBracket,
    Semicolon,
    EndOfLine,
    Whitespace,
    Comment,
    ByteOrderMark,
    Bad,
    EndOfFile,
}
