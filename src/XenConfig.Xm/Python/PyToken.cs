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
internal sealed record PyToken(PyTokenKind Kind, string Text, int Start, int End, object? Value = null)
{
    public bool Is(string text) => (Kind is PyTokenKind.Operator or PyTokenKind.Name) && Text == text;
}
