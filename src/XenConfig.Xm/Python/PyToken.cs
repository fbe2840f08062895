namespace XenConfig.Xm.Python;

internal enum PyTokenKind
{
    Name,
    Number,
    String,
    Operator,
    Newline,
    Indent,
    Dedent,
    EndOfFile,
}

/// <summary>One Python token. <see cref="Value"/> holds the decoded literal for numbers and strings.</summary>
internal sealed class PyToken(PyTokenKind kind, string text, int start, int end, object? value = null)
{
    // For a string literal, the whole source: its text is read from there when asked for (only error messages ask).
    // The tokens of a statement live until it is parsed, and a 10 MB list literal kept its items' text twice that way,
    // as each token's text and as its decoded value.
    private readonly string _text = text;

    // Where a string literal's source begins in the module's text (a piece of it is read on its own: PyLexer's offset).
    private int _textOffset;

    public PyTokenKind Kind { get; } = kind;

    public string Text => Kind == PyTokenKind.String ? _text[(Start - _textOffset)..(End - _textOffset)] : _text;

    public int Start { get; private set; } = start;

    public int End { get; private set; } = end;

    public object? Value { get; } = value;

    /// <summary>A string literal at <c>[start, end)</c> of <paramref name="source"/>, decoded to <paramref name="value"/>.</summary>
    public static PyToken StringLiteral(string source, int start, int end, object value) => new(PyTokenKind.String, source, start, end, value);

    /// <summary>
    /// Places this token <paramref name="offset"/> characters further on (its lexer read a piece of the text); only the
    /// lexer that made it calls this, before handing it out.
    /// </summary>
    public void MoveBy(int offset)
    {
        Start += offset;
        End += offset;
        _textOffset += offset;
    }

    public bool Is(string text) => (Kind is PyTokenKind.Operator or PyTokenKind.Name) && _text == text;
}
