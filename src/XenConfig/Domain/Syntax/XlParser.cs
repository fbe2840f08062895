using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>
/// Recursive-descent parser for the xl.cfg grammar (spec §1.6), building a lossless tree. Lists are parsed with an
/// explicit stack, and the depth of bison's parser stack is tracked so that nesting too deep for libxlu
/// ("memory exhausted") is rejected exactly where libxlu rejects it. Errors recover at the end of the line.
/// </summary>
internal sealed class XlParser
{
    // libxlu's bison parser has YYMAXDEPTH 10000: pushing a state at index 9999 exhausts the stack.
    private const int BisonStackLimit = 9999;

    // Stack index of the '=' state (state 0, stmts, IDENT, '='); list frames grow from there.
    private const int AssignmentValueBase = 3;

    private const string TooDeep = "lists are nested too deeply for xl (its parser stack is exhausted)";
    private static readonly SyntaxTrivia[] NoTrivia = [];
    private readonly SourceText _source;
    private readonly string _text;
    private readonly XlLexer _lexer;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<SyntaxTrivia> _pending = [];
    private readonly List<SyntaxTrivia> _triviaBuffer = [];
    private readonly Func<Diagnostic, bool>? _stopAt;
    private int _diagnosticsSeen;
    private Lexeme _current;

    private XlParser(SourceText source, List<Diagnostic> diagnostics, Func<Diagnostic, bool>? stopAt = null)
    {
        _source = source;
        _stopAt = stopAt;
        _text = source.Content;
        _diagnostics = diagnostics;
        _lexer = new XlLexer(source, diagnostics);
        _current = _lexer.Next();
    }

    public static DomainConfigSyntax Parse(SourceText source, List<Diagnostic> diagnostics) =>
        new XlParser(source, diagnostics).ParseFile()!;

    /// <summary>
    /// Like <see cref="Parse"/>, but stops after the statement where a diagnostic satisfies <paramref name="stopAt"/> and
    /// returns null, without building the rest of the tree.
    /// </summary>
    public static DomainConfigSyntax? ParseUnless(SourceText source, List<Diagnostic> diagnostics, Func<Diagnostic, bool> stopAt) =>
        new XlParser(source, diagnostics, stopAt).ParseFile();

    private bool StopReached()
    {
        for (; _diagnosticsSeen < _diagnostics.Count; _diagnosticsSeen++)
        {
            if (_stopAt!(_diagnostics[_diagnosticsSeen]))
            {
                return true;
            }
        }

        return false;
    }

    private DomainConfigSyntax? ParseFile()
    {
        var statements = new List<StatementSyntax>();
        while (true)
        {
            if (_stopAt is not null && StopReached())
            {
                return null;
            }

            var leading = CollectLeading(newlinesAreTrivia: true)!;
            switch (_current.Kind)
            {
                case LexemeKind.EndOfFile:
                    if (_lexer.DroppedFinalCharacter is { } dropped)
                    {
                        leading = [.. leading, new SyntaxTrivia(SyntaxKind.SkippedTextTrivia, new TextSpan(dropped.Start, 1), _text)];
                    }

                    var endOfFile = new SyntaxToken(SyntaxKind.EndOfFileToken, new TextSpan(_text.Length, 0), "", leading, NoTrivia);
                    return new DomainConfigSyntax(statements, endOfFile);
                case LexemeKind.Semicolon:
                    statements.Add(new EmptyStatementSyntax(MakeToken(SyntaxKind.SemicolonToken, leading, Trailing.AfterSemicolon)));
                    break;
                case LexemeKind.Identifier:
                    statements.Add(ParseAssignment(leading));
                    break;
                default:
                    ReportUnexpected("expected a key at the start of a statement");
                    var terminator = SkipRestOfLine(leading);
                    if (terminator is not null)
                    {
                        statements.Add(new EmptyStatementSyntax(terminator));
                    }

                    break;
            }
        }
    }

    private AssignmentSyntax ParseAssignment(SyntaxTrivia[] leading)
    {
        var key = MakeToken(SyntaxKind.Identifier, leading, Trailing.SameLine);
        if (_current.Kind is not (LexemeKind.Equals or LexemeKind.PlusEquals))
        {
            ReportUnexpected($"expected '=' or '+=' after the key '{key.Text}' (the value must be on the same line)");
            return BrokenAssignment(key, Missing(SyntaxKind.EqualsToken));
        }

        var op = MakeToken(_current.Kind == LexemeKind.Equals ? SyntaxKind.EqualsToken : SyntaxKind.PlusEqualsToken, NoTrivia, Trailing.SameLine);
        ValueSyntax? value;
        switch (_current.Kind)
        {
            case LexemeKind.String or LexemeKind.Number:
                value = ParseAtom(NoTrivia);
                break;
            case LexemeKind.OpenBracket:
                value = ParseList();
                if (value is null)
                {
                    return BrokenAssignment(key, op, _brokenList);
                }

                break;
            default:
                ReportUnexpected(_current.Kind == LexemeKind.Identifier
                    ? $"a bare word is not a value; quote it: {key.Text} = \"{Slice(_current)}\""
                    : $"expected a value after '{op.Text}': a quoted string, a number or a list");
                return BrokenAssignment(key, op);
        }

        SyntaxToken? terminator;
        switch (_current.Kind)
        {
            case LexemeKind.EndOfLine:
                terminator = MakeToken(SyntaxKind.EndOfLineToken, NoTrivia, Trailing.None);
                break;
            case LexemeKind.Semicolon:
                terminator = MakeToken(SyntaxKind.SemicolonToken, NoTrivia, Trailing.AfterSemicolon);
                break;
            case LexemeKind.EndOfFile:
                terminator = null;
                break;
            default:
                ReportUnexpected("expected ';' or the end of the line after the value (one statement per line)");
                terminator = SkipRestOfLine(NoTrivia);
                break;
        }

        return new AssignmentSyntax(key, op, value, terminator);
    }

    private ListSyntax? _brokenList;

    private AssignmentSyntax BrokenAssignment(SyntaxToken key, SyntaxToken op, ValueSyntax? value = null)
    {
        value ??= new AtomSyntax(Missing(SyntaxKind.String));
        _brokenList = null;
        return new AssignmentSyntax(key, op, value, SkipRestOfLine(NoTrivia));
    }

    private AtomSyntax ParseAtom(SyntaxTrivia[] leading)
    {
        var isString = _current.Kind == LexemeKind.String;
        var lexeme = _current;
        var token = MakeToken(isString ? SyntaxKind.String : SyntaxKind.Number, leading, Trailing.SameLine);
        string? value = token.Text;
        if (isString)
        {
            value = DecodeString(lexeme, token.Text);
        }

        return new AtomSyntax(token, value);
    }

    private string? DecodeString(Lexeme lexeme, string literal)
    {
        if (literal.Length < 2 || literal[^1] != literal[0] || IsEscapedClosingQuote(literal))
        {
            return null; // unterminated: the lexer reported it
        }

        var result = XlString.Decode(literal);
        if (result.Value is null)
        {
            Report(DiagnosticIds.InvalidEscape, lexeme.Start + result.ErrorOffset, 2, result.Error!);
            return null;
        }

        foreach (var offset in result.MangledOffsets)
        {
            Report(DiagnosticIds.MangledEscape, lexeme.Start + offset, 2, MangledEscapeMessage(literal, offset));
        }

        return result.Value;
    }

    /// <summary>The message of XC1004 for the escape at <paramref name="offset"/> of <paramref name="literal"/> (also raised by the fast pass).</summary>
    internal static string MangledEscapeMessage(string literal, int offset) =>
        $"xl deletes the escape '{literal.Substring(offset, 2)}' and the digits after it (a libxlu bug); write the character itself";

    // An unterminated literal that happens to end in a quote preceded by a backslash ("abc\") is not terminated.
    private static bool IsEscapedClosingQuote(string literal)
    {
        var backslashes = 0;
        for (var i = literal.Length - 2; i >= 1 && literal[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1 || literal.Length == 1;
    }

    private sealed class ListFrame(SyntaxToken open, int bisonBase)
    {
        public List<object> Children { get; } = [open];

        public List<ValueSyntax> Items { get; } = [];

        public List<SyntaxToken> Commas { get; } = [];

        public int BisonBase { get; } = bisonBase;

        public bool AfterComma { get; set; }

        public bool ExpectsValue => Items.Count == 0 || AfterComma;

        // Index of bison's current top state (the nlok after '[', after a value, or after a comma).
        // After the first item bison holds '[' nlok value nlok; after a later one '[' nlok values ',' nlok value nlok.
        public int NlokIndex => BisonBase + (Items.Count == 0 ? 2 : AfterComma ? 5 : Items.Count == 1 ? 4 : 7);

        public ListSyntax Close(SyntaxToken close)
        {
            Children.Add(close);
            return new ListSyntax([.. Children], Items, Commas);
        }
    }

    private ListSyntax? ParseList()
    {
        var frames = new Stack<ListFrame>();
        var open = MakeToken(SyntaxKind.OpenBracketToken, NoTrivia, Trailing.SameLine);
        frames.Push(new ListFrame(open, AssignmentValueBase));
        string? error = null;
        while (error is null)
        {
            var frame = frames.Peek();
            var leading = CollectLeading(newlinesAreTrivia: true, bisonNlok: frame.NlokIndex);
            if (leading is null)
            {
                error = TooDeep;
                break;
            }

            switch (_current.Kind)
            {
                case LexemeKind.String or LexemeKind.Number when frame.ExpectsValue:
                    // The atom is shifted at nlok+1 and its own nlok pushed at nlok+2.
                    if (frame.NlokIndex + 2 >= BisonStackLimit)
                    {
                        _pending.AddRange(leading);
                        error = TooDeep;
                        break;
                    }

                    AddItem(frame, ParseAtom(leading));
                    break;
                case LexemeKind.OpenBracket when frame.ExpectsValue:
                    var inner = new ListFrame(MakeToken(SyntaxKind.OpenBracketToken, leading, Trailing.SameLine), frame.NlokIndex);
                    if (inner.NlokIndex >= BisonStackLimit)
                    {
                        frame.Children.Add(inner.Children[0]);
                        error = TooDeep;
                        break;
                    }

                    frames.Push(inner);
                    break;
                case LexemeKind.Comma when !frame.ExpectsValue:
                    var comma = MakeToken(SyntaxKind.CommaToken, leading, Trailing.SameLine);
                    frame.Children.Add(comma);
                    frame.Commas.Add(comma);
                    frame.AfterComma = true;
                    break;
                case LexemeKind.CloseBracket:
                    // valuelist and ']' are pushed above the '[' nlok pair.
                    if (frame.BisonBase + 4 >= BisonStackLimit)
                    {
                        _pending.AddRange(leading);
                        error = TooDeep;
                        break;
                    }

                    frames.Pop();
                    var list = frame.Close(MakeToken(SyntaxKind.CloseBracketToken, leading, Trailing.SameLine));
                    if (frames.Count == 0)
                    {
                        return list;
                    }

                    AddItem(frames.Peek(), list);
                    break;
                case LexemeKind.Comma:
                    _pending.AddRange(leading);
                    error = "empty list item: two commas in a row, or a comma right after '['";
                    break;
                default:
                    _pending.AddRange(leading);
                    error = _current.Kind switch
                    {
                        LexemeKind.EndOfFile => "the list is not closed: ']' is missing",
                        LexemeKind.String or LexemeKind.Number or LexemeKind.OpenBracket => "expected ',' or ']' between list items",
                        LexemeKind.Identifier => "a bare word is not a list item; quote it",
                        _ => "expected a list item, ',' or ']'",
                    };
                    break;
            }
        }

        if (ReferenceEquals(error, TooDeep))
        {
            Report(DiagnosticIds.NestingTooDeep, _current.Start, Math.Max(_current.Length, 1), error);
        }
        else
        {
            Report(DiagnosticIds.SyntaxError, _current.Start, Math.Max(_current.Length, 1), error, skipIfBad: true);
        }

        // Close every open list with a missing ']' so the tree keeps what was read.
        ListSyntax? broken = null;
        while (frames.Count > 0)
        {
            var frame = frames.Pop();
            if (broken is not null)
            {
                frame.Children.Add(broken);
                frame.Items.Add(broken);
            }

            broken = frame.Close(Missing(SyntaxKind.CloseBracketToken));
        }

        _brokenList = broken;
        return null;
    }

    private static void AddItem(ListFrame frame, ValueSyntax item)
    {
        frame.Children.Add(item);
        frame.Items.Add(item);
        frame.AfterComma = false;
    }

    /// <summary>
    /// Collects trivia before the next token. Returns null when a line break inside a list would push bison's stack
    /// past its limit (each NEWLINE is shifted above the current nlok before being reduced into it).
    /// </summary>
    private SyntaxTrivia[]? CollectLeading(bool newlinesAreTrivia, int bisonNlok = 0)
    {
        var trivia = _triviaBuffer;
        trivia.Clear();
        trivia.AddRange(_pending);
        _pending.Clear();
        while (true)
        {
            SyntaxKind kind;
            switch (_current.Kind)
            {
                case LexemeKind.Whitespace: kind = SyntaxKind.WhitespaceTrivia; break;
                case LexemeKind.ByteOrderMark: kind = SyntaxKind.ByteOrderMarkTrivia; break;
                case LexemeKind.Comment: kind = SyntaxKind.CommentTrivia; break;
                case LexemeKind.EndOfLine when newlinesAreTrivia:
                    if (bisonNlok > 0 && bisonNlok + 1 >= BisonStackLimit)
                    {
                        _pending.AddRange(trivia);
                        return null;
                    }

                    kind = SyntaxKind.EndOfLineTrivia;
                    break;
                default:
                    return trivia.Count == 0 ? NoTrivia : [.. trivia];
            }

            trivia.Add(TriviaOf(kind, _current));
            Advance();
        }
    }

    /// <summary>Whitespace and a comment on the rest of the line (never the line break).</summary>
    private SyntaxTrivia[] TakeTrailing()
    {
        SyntaxTrivia? whitespace = null, comment = null;
        if (_current.Kind == LexemeKind.Whitespace)
        {
            whitespace = TriviaOf(SyntaxKind.WhitespaceTrivia, _current);
            Advance();
        }

        if (_current.Kind == LexemeKind.Comment)
        {
            comment = TriviaOf(SyntaxKind.CommentTrivia, _current);
            Advance();
        }

        return (whitespace, comment) switch
        {
            (null, null) => NoTrivia,
            ({ } w, null) => [w],
            (null, { } c) => [c],
            ({ } w, { } c) => [w, c],
        };
    }

    /// <summary>After ';': the rest of the line, and its line break when nothing else follows on it.</summary>
    private SyntaxTrivia[] TakeAfterSemicolon()
    {
        var trailing = TakeTrailing();
        if (_current.Kind != LexemeKind.EndOfLine)
        {
            return trailing;
        }

        var withLineBreak = new SyntaxTrivia[trailing.Length + 1];
        trailing.CopyTo(withLineBreak, 0);
        withLineBreak[^1] = TriviaOf(SyntaxKind.EndOfLineTrivia, _current);
        Advance();
        return withLineBreak;
    }

    /// <summary>
    /// Skips to the end of the line (error recovery). The skipped text becomes trivia of the line break, which is
    /// returned as the statement's terminator; at the end of the file the text is kept for the end-of-file token.
    /// </summary>
    private SyntaxToken? SkipRestOfLine(SyntaxTrivia[] leading)
    {
        var trivia = new List<SyntaxTrivia>(leading);
        trivia.AddRange(_pending);
        _pending.Clear();
        var start = _current.Start;
        while (_current.Kind is not (LexemeKind.EndOfLine or LexemeKind.EndOfFile))
        {
            Advance();
        }

        if (_current.Start > start)
        {
            trivia.Add(new SyntaxTrivia(SyntaxKind.SkippedTextTrivia, TextSpan.FromBounds(start, _current.Start), _text));
        }

        if (_current.Kind == LexemeKind.EndOfFile)
        {
            _pending.AddRange(trivia);
            return null;
        }

        return MakeToken(SyntaxKind.EndOfLineToken, [.. trivia], Trailing.None);
    }

    private enum Trailing
    {
        None,
        SameLine,
        AfterSemicolon,
    }

    private SyntaxToken MakeToken(SyntaxKind kind, SyntaxTrivia[] leading, Trailing trailing)
    {
        var lexeme = _current;
        Advance();
        var trailingTrivia = trailing switch
        {
            Trailing.SameLine => TakeTrailing(),
            Trailing.AfterSemicolon => TakeAfterSemicolon(),
            _ => NoTrivia,
        };
        return new SyntaxToken(kind, new TextSpan(lexeme.Start, lexeme.Length), TokenText(kind, lexeme), leading, trailingTrivia);
    }

    // Punctuation has one spelling; sharing it saves a string per token (a large file has hundreds of thousands).
    private string TokenText(SyntaxKind kind, Lexeme lexeme) => kind switch
    {
        SyntaxKind.EqualsToken => "=",
        SyntaxKind.PlusEqualsToken => "+=",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.OpenBracketToken => "[",
        SyntaxKind.CloseBracketToken => "]",
        SyntaxKind.SemicolonToken => ";",
        SyntaxKind.EndOfLineToken when lexeme.Length == 1 && _text[lexeme.Start] == '\n' => "\n",
        _ => Slice(lexeme),
    };

    // Zero width, placed before any trivia still waiting for a token, so tokens stay in file order.
    private SyntaxToken Missing(SyntaxKind kind) =>
        new(kind, new TextSpan(_pending.Count > 0 ? _pending[0].Span.Start : _current.Start, 0), "", NoTrivia, NoTrivia);

    private SyntaxTrivia TriviaOf(SyntaxKind kind, Lexeme lexeme) => new(kind, new TextSpan(lexeme.Start, lexeme.Length), _text);

    private string Slice(Lexeme lexeme) => _text.Substring(lexeme.Start, lexeme.Length);

    private void Advance()
    {
        if (_current.Kind != LexemeKind.EndOfFile)
        {
            _current = _lexer.Next();
        }
    }

    private void ReportUnexpected(string message) =>
        Report(DiagnosticIds.SyntaxError, _current.Start, Math.Max(_current.Length, 1), message, skipIfBad: true);

    private void Report(DiagnosticDescriptor descriptor, int start, int length, string message, bool skipIfBad = false)
    {
        // A bad character was already reported by the lexer; a second error at the same place adds nothing.
        if (skipIfBad && _current.Kind == LexemeKind.Bad)
        {
            return;
        }

        start = Math.Min(start, _text.Length);
        length = Math.Min(length, _text.Length - start);
        _diagnostics.Add(descriptor.Create(_source.GetLocation(new TextSpan(start, length)), message));
    }
}
