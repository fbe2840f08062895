namespace XenConfig.Xm.Python;

/// <summary>
/// Recursive-descent parser for the Python 2 subset, depth-limited so hostile nesting yields a diagnostic, not a stack
/// overflow. A statement that fails to parse is skipped to its end of line (and its indented block) and reported.
/// Valid Python the evaluator does not run becomes an <see cref="UnsupportedStmt"/>, an error only if reached.
/// </summary>
internal sealed class PyParser
{
    public const int MaxNesting = 100;
    public const int MaxExpressionDepth = 400;

    private static readonly HashSet<string> Keywords =
    [
        "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except", "exec", "finally", "for",
        "from", "global", "if", "import", "in", "is", "lambda", "not", "or", "pass", "print", "raise", "return", "try",
        "while", "with", "yield",
    ];

    private static readonly HashSet<string> AugmentedOperators = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^="];

    private static readonly HashSet<string> UnsupportedCompound = ["class", "while", "with", "@"];

    private readonly PyLexer _lexer;
    private readonly List<PyParseError> _errors = [];
    private int _index;
    private int _depth;
    private int _blockDepth;

    // The index in the whole token stream of the lexer's first kept token: tokens before a top-level statement are
    // discarded as it starts (a failed statement is skipped from its start or its first line break, never from earlier).
    private int _firstKept;

    // A failed top-level statement is skipped from its first line break (with the block after it), which is where a
    // skip from its start arrives: the tokens before that line break are never read again. Until the parser has passed
    // that line break, each token is dropped once the next is current; a 10 MB list is one line of 700,000 tokens (48
    // bytes each), which were all kept until the statement ended. Past the line break (a compound statement's block,
    // where statements are parsed again from their own start on failure) every token is kept, from that line break on.
    private bool _onFirstLine;
    private int _firstLineBreak;

    private Func<PyStmt, bool>? _onTopLevelStatement;

    // The str literals last read in this code object (the module, or the def or lambda body being read): an equal
    // literal shares the string. CPython keeps one object for equal constants of a code object ('a b' is 'a b' holds
    // within one), and a long list of '%s' % (...) items repeats its format: 60,000 copies were 4.6 MB of a 10 MB vif
    // list's tree. Made on the first string literal.
    private RecentStrings? _literals;

    private PyParser(PyLexer lexer) => _lexer = lexer;

    /// <summary>Parses a whole module.</summary>
    public static PyModule Parse(string text) => Parse(text, onTopLevelStatement: null);

    /// <summary>
    /// Parses a whole module, handing each top-level statement to <paramref name="onTopLevelStatement"/> as soon as it is
    /// parsed instead of keeping it (the module's <see cref="PyModule.Body"/> is then empty), so that only one top-level
    /// statement's tree is alive at a time. Parsing stops early when the callback returns false.
    /// </summary>
    public static PyModule Parse(string text, Func<PyStmt, bool>? onTopLevelStatement) => Parse(text, 0, onTopLevelStatement);

    /// <summary>Characters between the places where a module parsed again to run is cut (<see cref="PyModule.RunChunkStarts"/>).</summary>
    public const int RunChunkLength = 1 << 18;

    /// <summary>
    /// Parses <paramref name="text"/>, a piece of a module that begins at <paramref name="offset"/> in it (at a top-level
    /// statement that begins a line), as <see cref="Parse(string, Func{PyStmt, bool}?)"/> does; tokens and nodes are
    /// placed in the module's text. Errors and warnings are placed in the piece.
    /// </summary>
    public static PyModule Parse(string text, int offset, Func<PyStmt, bool>? onTopLevelStatement)
    {
        var lexer = new PyLexer(text, offset);
        var parser = new PyParser(lexer) { _onTopLevelStatement = onTopLevelStatement };
        var body = parser.ParseStatements(topLevel: true);
        while (!lexer.Finished)
        {
            lexer.Tokens.Clear();
            lexer.Read();
        }

        var errors = lexer.Errors.Select(e => new PyParseError(e.Start, e.End, e.Message, IsLimit: false)).Concat(parser._errors).ToList();
        return new PyModule(body, errors, lexer.Warnings);
    }

    private PyToken Current => Token(_index);

    private PyToken Peek(int offset = 1) => Token(_index + offset);

    // The token at index (the last one, end of file, past the end), read from the lexer when first needed.
    private PyToken Token(int index)
    {
        var tokens = _lexer.Tokens;
        while (index - _firstKept >= tokens.Count && !_lexer.Finished)
        {
            _lexer.Read();
        }

        return tokens[Math.Min(index - _firstKept, tokens.Count - 1)];
    }

    private void DiscardBefore(int index)
    {
        var count = index - _firstKept;
        if (count > 0)
        {
            _lexer.Tokens.RemoveRange(0, count);
            _firstKept = index;
        }
    }

    private PyToken Advance()
    {
        var token = Current;
        if (token.Kind != PyTokenKind.EndOfFile)
        {
            _index++;
            if (_onFirstLine)
            {
                if (token.Kind == PyTokenKind.Newline)
                {
                    _onFirstLine = false;
                    _firstLineBreak = _index - 1;
                }
                else
                {
                    // The previous token stays: a statement's end is read from it.
                    DiscardBefore(_index - 1);
                }
            }
        }

        return token;
    }

    private bool Accept(string text)
    {
        if (Current.Is(text))
        {
            Advance();
            return true;
        }

        return false;
    }

    private PyToken Expect(string text)
    {
        if (!Current.Is(text))
        {
            throw Error(Current, $"expected '{text}'");
        }

        return Advance();
    }

    private PyToken ExpectKind(PyTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error(Current, $"expected {what}");
        }

        return Advance();
    }

    private string ExpectName()
    {
        var token = Current;
        if (token.Kind != PyTokenKind.Name || Keywords.Contains(token.Text))
        {
            throw Error(token, "expected a name");
        }

        Advance();
        return token.Text;
    }

    private static PyParseException Error(PyToken token, string message)
    {
        var what = token.Kind switch
        {
            PyTokenKind.Newline => "end of line",
            PyTokenKind.EndOfFile => "end of file",
            PyTokenKind.Indent => "indent",
            PyTokenKind.Dedent => "dedent",
            _ => $"'{token.Text}'",
        };
        return new PyParseException(token.Start, Math.Max(token.End, token.Start), $"invalid syntax: {message}, found {what}", PyParseFailure.Syntax);
    }

    private static PyParseException Unsupported(int start, int end, string construct) =>
        new(start, end, construct, PyParseFailure.Unsupported);

    private List<PyStmt> ParseStatements(bool topLevel)
    {
        var statements = new List<PyStmt>();
        while (Current.Kind != PyTokenKind.EndOfFile && (topLevel || Current.Kind != PyTokenKind.Dedent))
        {
            if (Current.Kind == PyTokenKind.Newline)
            {
                Advance();
                continue;
            }

            if (Current.Kind is PyTokenKind.Indent or PyTokenKind.Dedent)
            {
                _errors.Add(new PyParseError(Current.Start, Current.End, Current.Kind == PyTokenKind.Indent ? "unexpected indent" : "unexpected unindent", IsLimit: false));
                SkipBlock();
                continue;
            }

            if (topLevel)
            {
                DiscardBefore(_index - 1);
            }

            var start = _index;
            _onFirstLine = topLevel;
            try
            {
                ParseStatement(statements);
            }
            catch (PyParseException ex)
            {
                // From the start, the skip would pass the first line's tokens up to its line break (a line holds no
                // indent or dedent): on that line still, it goes on from here; past it, it starts at that line break.
                if (!topLevel)
                {
                    _index = start;
                }
                else if (!_onFirstLine)
                {
                    _index = _firstLineBreak;
                }

                _onFirstLine = false;
                SkipStatement();

                // The clauses of a skipped compound statement (elif, else, except, finally) go with it.
                while (Current.Is("elif") || Current.Is("else") || Current.Is("except") || Current.Is("finally"))
                {
                    SkipStatement();
                }
                if (ex.Failure == PyParseFailure.Unsupported)
                {
                    statements.Add(new UnsupportedStmt(ex.Start, ex.End, ex.Message));
                }
                else
                {
                    _errors.Add(new PyParseError(ex.Start, ex.End, ex.Message, ex.Failure == PyParseFailure.Limit));
                }
            }

            _onFirstLine = false;

            if (topLevel && _onTopLevelStatement is { } handOver)
            {
                var keepGoing = true;
                foreach (var statement in statements)
                {
                    keepGoing = handOver(statement);
                    if (!keepGoing)
                    {
                        break;
                    }
                }

                statements.Clear();
                if (!keepGoing)
                {
                    break;
                }
            }
        }

        return statements;
    }

    private void SkipStatement()
    {
        // Skip the logical line; if it opens an indented block, skip that block too.
        while (Current.Kind is not (PyTokenKind.Newline or PyTokenKind.EndOfFile))
        {
            if (Current.Kind is PyTokenKind.Indent or PyTokenKind.Dedent)
            {
                break;
            }

            Advance();
        }

        if (Current.Kind == PyTokenKind.Newline)
        {
            Advance();
        }

        if (Current.Kind == PyTokenKind.Indent)
        {
            SkipBlock();
        }
    }

    private void SkipBlock()
    {
        var level = 0;
        do
        {
            if (Current.Kind == PyTokenKind.Indent)
            {
                level++;
            }
            else if (Current.Kind == PyTokenKind.Dedent)
            {
                level--;
            }
            else if (Current.Kind == PyTokenKind.EndOfFile)
            {
                return;
            }

            Advance();
        }
        while (level > 0);
    }

    private void ParseStatement(List<PyStmt> into)
    {
        var token = Current;
        if (token.Kind == PyTokenKind.Name || token.Is("@"))
        {
            if (UnsupportedCompound.Contains(token.Text))
            {
                throw Unsupported(token.Start, token.End, $"'{token.Text}' statement");
            }

            switch (token.Text)
            {
                case "if":
                    into.Add(ParseIf());
                    return;
                case "def":
                    into.Add(ParseDef());
                    return;
                case "for":
                    into.Add(ParseFor());
                    return;
                case "try":
                    into.Add(ParseTry());
                    return;
                case "else" or "elif" or "except" or "finally":
                    throw Error(token, $"'{token.Text}' without 'if'");
            }
        }

        // simple_stmt: small_stmt (';' small_stmt)* [';'] NEWLINE
        while (true)
        {
            into.Add(ParseSmallStatement());
            if (!Accept(";") || Current.Kind is PyTokenKind.Newline or PyTokenKind.EndOfFile)
            {
                break;
            }
        }

        if (Current.Kind == PyTokenKind.EndOfFile)
        {
            return;
        }

        ExpectKind(PyTokenKind.Newline, "end of line");
    }

    private List<PyStmt> ParseSuite()
    {
        Expect(":");
        if (Current.Kind != PyTokenKind.Newline)
        {
            var simple = new List<PyStmt>();
            ParseStatement(simple);
            return simple;
        }

        Advance();
        if (Current.Kind != PyTokenKind.Indent)
        {
            throw Error(Current, "expected an indented block");
        }

        if (++_blockDepth > MaxNesting)
        {
            throw new PyParseException(Current.Start, Current.End, $"blocks nested deeper than {MaxNesting} levels", PyParseFailure.Limit);
        }

        try
        {
            Advance();
            var body = ParseStatements(topLevel: false);
            if (Current.Kind == PyTokenKind.Dedent)
            {
                Advance();
            }

            return body;
        }
        finally
        {
            _blockDepth--;
        }
    }

    private IfStmt ParseIf()
    {
        var start = Current.Start;
        var branches = new List<(PyExpr, IReadOnlyList<PyStmt>)>();
        Advance();
        var condition = ParseTest();
        branches.Add((condition, ParseSuite()));
        List<PyStmt>? orElse = null;
        while (true)
        {
            if (Current.Is("elif"))
            {
                Advance();
                var c = ParseTest();
                branches.Add((c, ParseSuite()));
                continue;
            }

            if (Current.Is("else"))
            {
                Advance();
                orElse = ParseSuite();
            }

            break;
        }

        return new IfStmt(start, Token(Math.Max(0, _index - 1)).End, branches, orElse);
    }

    private ForStmt ParseFor()
    {
        var start = Advance().Start;
        var target = ParseTargetList();
        Expect("in");
        var iterable = ParseTestList();
        var body = ParseSuite();
        List<PyStmt>? orElse = null;
        if (Current.Is("else"))
        {
            Advance();
            orElse = ParseSuite();
        }

        return new ForStmt(start, Token(Math.Max(0, _index - 1)).End, target, iterable, body, orElse);
    }

    private TryStmt ParseTry()
    {
        var start = Advance().Start;
        var body = ParseSuite();
        var handlers = new List<PyExceptHandler>();
        while (Current.Is("except"))
        {
            Advance();
            PyExpr? type = null;
            string? name = null;
            if (!Current.Is(":"))
            {
                type = ParseTest();
                if (Accept(",") || Accept("as"))
                {
                    name = ExpectName();
                }
            }

            handlers.Add(new PyExceptHandler(type, name, ParseSuite()));
        }

        List<PyStmt>? orElse = null;
        if (handlers.Count > 0 && Current.Is("else"))
        {
            Advance();
            orElse = ParseSuite();
        }

        List<PyStmt>? final = null;
        if (Current.Is("finally"))
        {
            Advance();
            final = ParseSuite();
        }

        if (handlers.Count == 0 && final is null)
        {
            throw Error(Current, "expected 'except' or 'finally' after 'try'");
        }

        return new TryStmt(start, Token(Math.Max(0, _index - 1)).End, body, handlers, orElse, final);
    }

    private PyExpr ParseTargetList()
    {
        var start = Current.Start;
        var items = new List<PyExpr> { ParseOrExpr() };
        var isTuple = false;
        while (Accept(","))
        {
            isTuple = true;
            if (Current.Is("in") || Current.Is("="))
            {
                break;
            }

            items.Add(ParseOrExpr());
        }

        return isTuple ? new TupleExpr(start, items[^1].End, items) : items[0];
    }

    private DefStmt ParseDef()
    {
        var start = Advance().Start;
        var name = ExpectName();
        Expect("(");
        var parameters = ParseParameters(")");
        Expect(")");
        var body = InCodeObject(ParseSuite);
        return new DefStmt(start, Token(Math.Max(0, _index - 1)).End, name, parameters, body);
    }

    // A def or lambda body is a code object of its own, and so is what follows it as far as the literal cache knows
    // (the enclosing one's earlier literals are forgotten: fewer shared strings, never one CPython would not share).
    private T InCodeObject<T>(Func<T> parse)
    {
        ForgetLiterals();
        try
        {
            return parse();
        }
        finally
        {
            ForgetLiterals();
        }
    }

    private void ForgetLiterals() => _literals?.Clear();

    private string SharedLiteral(string text) => (_literals ??= new RecentStrings(256)).Share(text);

    private PyParameters ParseParameters(string terminator)
    {
        var names = new List<string>();
        var defaults = new List<PyExpr>();
        while (!Current.Is(terminator))
        {
            if (Current.Is("*") || Current.Is("**") || Current.Is("("))
            {
                throw Unsupported(Current.Start, Current.End, "variable or unpacked parameters (*args, **kwargs)");
            }

            names.Add(ExpectName());
            if (Accept("="))
            {
                defaults.Add(ParseTest());
            }
            else if (defaults.Count > 0)
            {
                throw Error(Current, "non-default argument follows default argument");
            }

            if (!Accept(","))
            {
                break;
            }
        }

        return new PyParameters(names, defaults);
    }

    private PyStmt ParseSmallStatement()
    {
        var token = Current;
        var start = token.Start;
        if (token.Kind == PyTokenKind.Name)
        {
            switch (token.Text)
            {
                case "pass":
                    Advance();
                    return new PassStmt(start, token.End);
                case "break":
                    Advance();
                    return new BreakStmt(start, token.End);
                case "continue":
                    Advance();
                    return new ContinueStmt(start, token.End);
                case "import":
                    return ParseImport();
                case "from":
                    return ParseFromImport();
                case "global":
                {
                    Advance();
                    var names = new List<string> { ExpectName() };
                    while (Accept(","))
                    {
                        names.Add(ExpectName());
                    }

                    return new GlobalStmt(start, Token(_index - 1).End, names);
                }

                case "return":
                {
                    Advance();
                    PyExpr? value = IsEndOfSimple() ? null : ParseTestList();
                    return new ReturnStmt(start, value?.End ?? token.End, value);
                }

                case "raise":
                {
                    Advance();
                    PyExpr? exception = null;
                    PyExpr? message = null;
                    if (!IsEndOfSimple())
                    {
                        exception = ParseTest();
                        if (Accept(","))
                        {
                            message = ParseTest();
                            if (Accept(","))
                            {
                                ParseTest();
                            }
                        }
                    }

                    return new RaiseStmt(start, Token(_index - 1).End, exception, message);
                }

                case "print":
                    return ParsePrint();
                case "assert":
                {
                    Advance();
                    var condition = ParseTest();
                    var message = Accept(",") ? ParseTest() : null;
                    return new AssertStmt(start, Token(_index - 1).End, condition, message);
                }

                case "del":
                {
                    Advance();
                    var targets = new List<PyExpr> { ParseOrExpr() };
                    while (Accept(",") && !IsEndOfSimple())
                    {
                        targets.Add(ParseOrExpr());
                    }

                    return new DelStmt(start, Token(_index - 1).End, targets);
                }

                case "exec" or "yield":
                    throw Unsupported(token.Start, token.End, $"'{token.Text}' statement");
            }
        }

        var first = ParseTestList();
        if (Current.Kind == PyTokenKind.Operator && AugmentedOperators.Contains(Current.Text))
        {
            var op = Advance().Text[..^1];
            CheckTarget(first, augmented: true);
            var value = ParseTestList();
            return new AugAssignStmt(start, value.End, first, op, value);
        }

        if (!Current.Is("="))
        {
            return new ExprStmt(start, first.End, first);
        }

        var targets2 = new List<PyExpr> { first };
        PyExpr last = first;
        while (Accept("="))
        {
            last = ParseTestList();
            targets2.Add(last);
        }

        targets2.RemoveAt(targets2.Count - 1);
        foreach (var target in targets2)
        {
            CheckTarget(target, augmented: false);
        }

        return new AssignStmt(start, last.End, targets2, last);
    }

    private static void CheckTarget(PyExpr target, bool augmented)
    {
        switch (target)
        {
            case NameExpr or SubscriptExpr or AttributeExpr or SliceExpr:
                return;
            case TupleExpr tuple when !augmented:
                foreach (var item in tuple.Items)
                {
                    CheckTarget(item, augmented);
                }

                return;
            case ListExpr list when !augmented:
                foreach (var item in list.Items)
                {
                    CheckTarget(item, augmented);
                }

                return;
            default:
                throw new PyParseException(target.Start, target.End, "invalid syntax: can't assign to this expression", PyParseFailure.Syntax);
        }
    }

    private bool IsEndOfSimple() => Current.Kind is PyTokenKind.Newline or PyTokenKind.EndOfFile || Current.Is(";");

    private PrintStmt ParsePrint()
    {
        var start = Advance().Start;
        PyExpr? destination = null;
        var values = new List<PyExpr>();
        if (Accept(">>"))
        {
            destination = ParseTest();
            if (!Accept(","))
            {
                return new PrintStmt(start, destination.End, destination, values);
            }
        }

        while (!IsEndOfSimple())
        {
            values.Add(ParseTest());
            if (!Accept(","))
            {
                break;
            }
        }

        return new PrintStmt(start, Token(_index - 1).End, destination, values);
    }

    private string ParseDottedName()
    {
        var name = ExpectName();
        while (Accept("."))
        {
            name += "." + ExpectName();
        }

        return name;
    }

    private ImportStmt ParseImport()
    {
        var start = Advance().Start;
        var modules = new List<(string, string?)>();
        do
        {
            var module = ParseDottedName();
            string? alias = null;
            if (Accept("as"))
            {
                alias = ExpectName();
            }

            modules.Add((module, alias));
        }
        while (Accept(","));
        return new ImportStmt(start, Token(_index - 1).End, modules);
    }

    private FromImportStmt ParseFromImport()
    {
        var start = Advance().Start;
        if (Current.Is("."))
        {
            throw Unsupported(Current.Start, Current.End, "relative import");
        }

        var module = ParseDottedName();
        Expect("import");
        if (Accept("*"))
        {
            return new FromImportStmt(start, Token(_index - 1).End, module, null);
        }

        var parenthesized = Accept("(");
        var names = new List<(string, string?)>();
        do
        {
            if (parenthesized && Current.Is(")"))
            {
                break;
            }

            var name = ExpectName();
            string? alias = null;
            if (Accept("as"))
            {
                alias = ExpectName();
            }

            names.Add((name, alias));
        }
        while (Accept(","));
        if (parenthesized)
        {
            Expect(")");
        }

        return new FromImportStmt(start, Token(_index - 1).End, module, names);
    }

    private void Enter()
    {
        if (++_depth > MaxNesting)
        {
            throw new PyParseException(Current.Start, Current.End, $"expression nested deeper than {MaxNesting} levels", PyParseFailure.Limit);
        }
    }

    private static T Checked<T>(T expr)
        where T : PyExpr
    {
        if (expr.Depth > MaxExpressionDepth)
        {
            throw new PyParseException(expr.Start, expr.End, $"expression more than {MaxExpressionDepth} operations deep", PyParseFailure.Limit);
        }

        return expr;
    }

    private PyExpr ParseTestList()
    {
        var start = Current.Start;
        var first = ParseTest();
        if (!Current.Is(","))
        {
            return first;
        }

        var items = new List<PyExpr> { first };
        while (Accept(","))
        {
            if (IsEndOfSimple() || Current.Is("=") || Current.Is(")") || Current.Is(":") ||
                (Current.Kind == PyTokenKind.Operator && AugmentedOperators.Contains(Current.Text)))
            {
                break;
            }

            items.Add(ParseTest());
        }

        return Checked(new TupleExpr(start, Token(_index - 1).End, items));
    }

    private PyExpr ParseTest()
    {
        Enter();
        try
        {
            if (Current.Is("lambda"))
            {
                var start = Advance().Start;
                var parameters = ParseParameters(":");
                Expect(":");
                var body = InCodeObject(ParseTest);
                return Checked(new LambdaExpr(start, body.End, parameters, body));
            }

            var condition = ParseOrTest();
            if (Current.Is("if"))
            {
                Advance();
                var test = ParseOrTest();
                Expect("else");
                var whenFalse = ParseTest();
                return Checked(new ConditionalExpr(condition.Start, whenFalse.End, test, condition, whenFalse));
            }

            return condition;
        }
        finally
        {
            _depth--;
        }
    }

    private PyExpr ParseOrTest()
    {
        var left = ParseAndTest();
        while (Accept("or"))
        {
            var right = ParseAndTest();
            left = Checked(new BoolExpr(left.Start, right.End, isAnd: false, left, right));
        }

        return left;
    }

    private PyExpr ParseAndTest()
    {
        var left = ParseNotTest();
        while (Accept("and"))
        {
            var right = ParseNotTest();
            left = Checked(new BoolExpr(left.Start, right.End, isAnd: true, left, right));
        }

        return left;
    }

    private PyExpr ParseNotTest()
    {
        if (Current.Is("not"))
        {
            var start = Advance().Start;
            Enter();
            try
            {
                var operand = ParseNotTest();
                return Checked(new UnaryExpr(start, operand.End, "not", operand));
            }
            finally
            {
                _depth--;
            }
        }

        return ParseComparison();
    }

    private PyExpr ParseComparison()
    {
        var first = ParseOrExpr();
        List<string>? operators = null;
        List<PyExpr>? operands = null;
        while (true)
        {
            string? op = null;
            if (Current.Kind == PyTokenKind.Operator && Current.Text is "<" or ">" or "==" or ">=" or "<=" or "!=" or "<>")
            {
                op = Advance().Text == "<>" ? "!=" : Token(_index - 1).Text;
            }
            else if (Current.Is("in"))
            {
                Advance();
                op = "in";
            }
            else if (Current.Is("not") && Peek().Is("in"))
            {
                Advance();
                Advance();
                op = "not in";
            }
            else if (Current.Is("is"))
            {
                Advance();
                op = Accept("not") ? "is not" : "is";
            }

            if (op is null)
            {
                break;
            }

            (operators ??= []).Add(op);
            (operands ??= []).Add(ParseOrExpr());
        }

        return operators is null ? first : Checked(new CompareExpr(first.Start, operands![^1].End, first, operators, operands));
    }

    private PyExpr ParseOrExpr() => ParseBinaryLevel(0);

    private static readonly string[][] BinaryLevels =
    [
        ["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "%", "//"],
    ];

    private PyExpr ParseBinaryLevel(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseFactor();
        }

        var left = ParseBinaryLevel(level + 1);
        while (Current.Kind == PyTokenKind.Operator && BinaryLevels[level].Contains(Current.Text))
        {
            var op = Advance().Text;
            var right = ParseBinaryLevel(level + 1);
            left = Checked(new BinaryExpr(left.Start, right.End, op, left, right));
        }

        return left;
    }

    private PyExpr ParseFactor()
    {
        if (Current.Kind == PyTokenKind.Operator && Current.Text is "+" or "-" or "~")
        {
            var token = Advance();
            Enter();
            try
            {
                var operand = ParseFactor();

                // Fold "-5" so that the most negative literal and negative constants stay plain ints.
                if (token.Text == "-" && operand is ConstExpr { Value: long or System.Numerics.BigInteger or double } constant)
                {
                    return new ConstExpr(token.Start, operand.End, PyOps.Negate(constant.Value));
                }

                return Checked(new UnaryExpr(token.Start, operand.End, token.Text, operand));
            }
            finally
            {
                _depth--;
            }
        }

        return ParsePower();
    }

    private PyExpr ParsePower()
    {
        var atom = ParseAtomWithTrailers();
        if (Current.Is("**"))
        {
            Advance();
            Enter();
            try
            {
                var exponent = ParseFactor();
                return Checked(new BinaryExpr(atom.Start, exponent.End, "**", atom, exponent));
            }
            finally
            {
                _depth--;
            }
        }

        return atom;
    }

    private PyExpr ParseAtomWithTrailers()
    {
        var expr = ParseAtom();
        while (true)
        {
            if (Current.Is("."))
            {
                Advance();
                var nameToken = Current;
                var name = ExpectName();
                expr = Checked(new AttributeExpr(expr.Start, nameToken.End, expr, name));
            }
            else if (Current.Is("("))
            {
                Advance();
                Enter();
                try
                {
                    var (arguments, keywords) = ParseArguments();
                    var end = Expect(")").End;
                    expr = Checked(new CallExpr(expr.Start, end, expr, arguments, keywords));
                }
                finally
                {
                    _depth--;
                }
            }
            else if (Current.Is("["))
            {
                Advance();
                Enter();
                try
                {
                    expr = ParseSubscript(expr);
                }
                finally
                {
                    _depth--;
                }
            }
            else
            {
                return expr;
            }
        }
    }

    private PyExpr ParseSubscript(PyExpr target)
    {
        PyExpr? lower = null;
        if (!Current.Is(":"))
        {
            lower = ParseTestList();
            if (Current.Is("]"))
            {
                var end = Advance().End;
                return Checked(new SubscriptExpr(target.Start, end, target, lower));
            }
        }

        Expect(":");
        PyExpr? upper = null;
        PyExpr? step = null;
        if (!Current.Is("]") && !Current.Is(":"))
        {
            upper = ParseTest();
        }

        if (Accept(":") && !Current.Is("]"))
        {
            step = ParseTest();
        }

        var close = Expect("]").End;
        return Checked(new SliceExpr(target.Start, close, target, lower, upper, step));
    }

    private (List<PyExpr> Arguments, List<(string, PyExpr)> Keywords) ParseArguments()
    {
        var arguments = new List<PyExpr>();
        var keywords = new List<(string, PyExpr)>();
        while (!Current.Is(")"))
        {
            if (Current.Is("*") || Current.Is("**"))
            {
                throw Unsupported(Current.Start, Current.End, "*args or **kwargs in a call");
            }

            if (Current.Kind == PyTokenKind.Name && Peek().Is("=") && !Keywords.Contains(Current.Text))
            {
                var name = Advance().Text;
                Advance();
                keywords.Add((name, ParseTest()));
            }
            else
            {
                if (keywords.Count > 0)
                {
                    throw Error(Current, "non-keyword argument after keyword argument");
                }

                arguments.Add(ParseTest());
                if (Current.Is("for"))
                {
                    throw Unsupported(Current.Start, Current.End, "generator expression");
                }
            }

            if (!Accept(","))
            {
                break;
            }
        }

        return (arguments, keywords);
    }

    private PyExpr ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case PyTokenKind.Number:
                Advance();
                if (token.Text.EndsWith('j') || token.Text.EndsWith('J'))
                {
                    throw Unsupported(token.Start, token.End, "complex number");
                }

                return new ConstExpr(token.Start, token.End, token.Value!);
            case PyTokenKind.String:
            {
                Advance();
                var value = token.Value!;
                var end = token.End;
                if (Current.Kind == PyTokenKind.String)
                {
                    // Adjacent literals concatenate; one unicode piece makes the whole literal unicode.
                    var builder = new System.Text.StringBuilder((string)PyOps.Unwrap(value));
                    var isUnicode = value is PyUnicode;
                    while (Current.Kind == PyTokenKind.String)
                    {
                        var next = Advance();
                        builder.Append((string)PyOps.Unwrap(next.Value!));
                        isUnicode |= next.Value is PyUnicode;
                        end = next.End;
                    }

                    value = isUnicode ? new PyUnicode(builder.ToString()) : builder.ToString();
                }

                return new ConstExpr(token.Start, end, value is string text ? SharedLiteral(text) : value);
            }

            case PyTokenKind.Name when !Keywords.Contains(token.Text):
                Advance();
                return new NameExpr(token.Start, token.End, token.Text);
            case PyTokenKind.Operator when token.Text == "(":
            {
                Advance();
                Enter();
                try
                {
                    if (Current.Is(")"))
                    {
                        return new TupleExpr(token.Start, Advance().End, []);
                    }

                    var first = ParseTest();
                    if (Current.Is("for"))
                    {
                        throw Unsupported(Current.Start, Current.End, "generator expression");
                    }

                    if (Current.Is(")"))
                    {
                        Advance();
                        return first;
                    }

                    var items = new List<PyExpr> { first };
                    while (Accept(","))
                    {
                        if (Current.Is(")"))
                        {
                            break;
                        }

                        items.Add(ParseTest());
                    }

                    var end = Expect(")").End;
                    return Checked(new TupleExpr(token.Start, end, items));
                }
                finally
                {
                    _depth--;
                }
            }

            case PyTokenKind.Operator when token.Text == "[":
            {
                Advance();
                Enter();
                try
                {
                    var items = new List<PyExpr>();
                    while (!Current.Is("]"))
                    {
                        items.Add(ParseTest());
                        if (Current.Is("for") && items.Count == 1)
                        {
                            var clauses = new List<PyComprehensionClause>();
                            while (Current.Is("for") || Current.Is("if"))
                            {
                                if (Accept("if"))
                                {
                                    clauses.Add(new PyComprehensionClause(null, ParseOrTest()));
                                    continue;
                                }

                                Advance();
                                var target = ParseTargetList();
                                CheckTarget(target, augmented: false);
                                Expect("in");
                                var iterable = ParseOrTest();
                                if (Current.Is(","))
                                {
                                    // Python 2's testlist_safe: 'for x in 1, 2' iterates a tuple.
                                    var tupleItems = new List<PyExpr> { iterable };
                                    while (Accept(",") && !Current.Is("]") && !Current.Is("for") && !Current.Is("if"))
                                    {
                                        tupleItems.Add(ParseOrTest());
                                    }

                                    iterable = Checked(new TupleExpr(iterable.Start, tupleItems[^1].End, tupleItems));
                                }

                                clauses.Add(new PyComprehensionClause(target, iterable));
                            }

                            var close = Expect("]").End;
                            return Checked(new ListComprehensionExpr(token.Start, close, items[0], clauses));
                        }

                        if (!Accept(","))
                        {
                            break;
                        }
                    }

                    var end = Expect("]").End;
                    return Checked(new ListExpr(token.Start, end, items));
                }
                finally
                {
                    _depth--;
                }
            }

            case PyTokenKind.Operator when token.Text == "{":
            {
                Advance();
                Enter();
                try
                {
                    var entries = new List<(PyExpr, PyExpr)>();
                    while (!Current.Is("}"))
                    {
                        var key = ParseTest();
                        if (!Current.Is(":"))
                        {
                            throw Unsupported(key.Start, key.End, "set literal or comprehension");
                        }

                        Advance();
                        var value = ParseTest();
                        if (Current.Is("for"))
                        {
                            throw Unsupported(Current.Start, Current.End, "dict comprehension");
                        }

                        entries.Add((key, value));
                        if (!Accept(","))
                        {
                            break;
                        }
                    }

                    var end = Expect("}").End;
                    return Checked(new DictExpr(token.Start, end, entries));
                }
                finally
                {
                    _depth--;
                }
            }

            case PyTokenKind.Operator when token.Text == "`":
                throw Unsupported(token.Start, token.End, "backquote repr");
            case PyTokenKind.Name when token.Text == "yield":
                throw Unsupported(token.Start, token.End, "yield");
            default:
                throw Error(token, "expected an expression");
        }
    }
}

internal enum PyParseFailure
{
    Syntax,
    Unsupported,
    Limit,
}

internal sealed class PyParseException(int start, int end, string message, PyParseFailure failure) : Exception(message)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    public PyParseFailure Failure { get; } = failure;
}

internal sealed record PyParseError(int Start, int End, string Message, bool IsLimit);

internal sealed record PyModule(
    IReadOnlyList<PyStmt> Body,
    IReadOnlyList<PyParseError> Errors,
    IReadOnlyList<(int Start, int End, string Message)> Warnings)
{
    /// <summary>
    /// True when the tree was not kept: <see cref="Body"/> then holds only the unsupported statements found anywhere in
    /// the module, in source order, and the module is parsed again to run it.
    /// </summary>
    public bool ParseAgainToRun { get; init; }

    /// <summary>
    /// For a module parsed again to run: offsets, after the first, of top-level statements that begin a line, about
    /// <see cref="PyParser.RunChunkLength"/> characters apart, where the text can be cut into pieces that parse on their own.
    /// </summary>
    public IReadOnlyList<int> RunChunkStarts { get; init; } = [];
}
