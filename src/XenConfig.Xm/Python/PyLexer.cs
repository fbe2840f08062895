using System.Globalization;
using System.Numerics;
using System.Text;

namespace XenConfig.Xm.Python;

/// <summary>
/// The Python 2 tokenizer for the xm subset: indentation, bracket and backslash continuation, Python 2 string
/// literals (escapes, raw, triple quotes, prefixes) and number literals. One pass, every iteration consumes input.
/// </summary>
internal sealed partial class PyLexer
{
    private const int MaxNumberLength = 4000;
    private const int MaxIndentLevels = 100;

    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "<>", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
        ".", ";", "=", "`", "@",
    ];

    private readonly string _text;
    private readonly List<PyToken> _tokens = [];
    private readonly List<(int Start, int End, string Message)> _errors = [];
    private readonly List<(int Start, int End, string Message)> _warnings = [];
    private readonly Stack<int> _indents = new();
    private int _pos;
    private int _depth;
    private bool _atLineStart = true;
    private bool _emitted;
    private PyTokenKind _lastKind;

    // Names repeat item after item in a long list display (each item naming the same variable kept a copy of it).
    private readonly RecentStrings _names = new(512);

    // Where _text begins in the module's text: tokens are placed there.
    private readonly int _offset;

    /// <summary>
    /// Starts reading <paramref name="text"/>, found at <paramref name="offset"/> of the module's text; tokens come as
    /// <see cref="Read"/> is called.
    /// </summary>
    public PyLexer(string text, int offset = 0)
    {
        _text = text;
        _offset = offset;
        _indents.Push(0);
        if (_text.StartsWith('\uFEFF'))
        {
            _pos = 1;
        }
        else
        {
            CheckSourceEncoding();
        }
    }

    /// <summary>
    /// The tokens read and not yet discarded, in order; a 10 MB script has millions of tokens, so the parser takes them
    /// as it goes instead of the lexer listing them all first.
    /// </summary>
    public List<PyToken> Tokens => _tokens;

    /// <summary>True once the end-of-file token has been read.</summary>
    public bool Finished { get; private set; }

    /// <summary>Errors found so far (all of them once <see cref="Finished"/>).</summary>
    public List<(int Start, int End, string Message)> Errors => _errors;

    /// <summary>Warnings found so far (all of them once <see cref="Finished"/>).</summary>
    public List<(int Start, int End, string Message)> Warnings => _warnings;

    /// <summary>Reads on until at least one more token is in <see cref="Tokens"/>, or the text is finished.</summary>
    public void Read()
    {
        var count = _tokens.Count;
        while (!Finished && _tokens.Count == count)
        {
            Step();
        }
    }

    private void Add(PyToken token)
    {
        if (_offset != 0)
        {
            token.MoveBy(_offset);
        }

        _tokens.Add(token);
        _emitted = true;
        _lastKind = token.Kind;
    }

    // One iteration of the scan: a token, trivia, or the tokens that close the file.
    private void Step()
    {
        if (_pos >= _text.Length)
        {
            Finish();
            return;
        }

        if (_atLineStart && _depth == 0)
        {
            var column = 0;
            var lineStart = _pos;
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\f')
            {
                column = _text[_pos] switch { ' ' => column + 1, '\t' => ((column / 8) + 1) * 8, _ => 0 };
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                Finish();
                return;
            }

            var c0 = _text[_pos];
            if (c0 is '#' or '\n' or '\r' || (c0 == '\\' && IsNewlineAt(_pos + 1)))
            {
                // Blank and comment-only lines take no part in indentation.
                SkipComment();
                if (_pos < _text.Length && _text[_pos] == '\\')
                {
                    _pos++;
                }

                SkipNewline();
                return;
            }

            _atLineStart = false;
            if (column > _indents.Peek())
            {
                if (_indents.Count > MaxIndentLevels)
                {
                    _errors.Add((lineStart, _pos, "too many levels of indentation"));
                }

                _indents.Push(column);
                Add(new PyToken(PyTokenKind.Indent, "", lineStart, _pos));
            }
            else
            {
                while (column < _indents.Peek())
                {
                    _indents.Pop();
                    Add(new PyToken(PyTokenKind.Dedent, "", _pos, _pos));
                }

                if (column != _indents.Peek())
                {
                    _errors.Add((lineStart, _pos, "unindent does not match any outer indentation level"));
                }
            }
        }

        var c = _text[_pos];
        var start = _pos;
        if (c is ' ' or '\t' or '\f')
        {
            _pos++;
        }
        else if (c == '#')
        {
            SkipComment();
        }
        else if (c is '\n' or '\r')
        {
            SkipNewline();
            if (_depth == 0)
            {
                Add(new PyToken(PyTokenKind.Newline, "\n", start, _pos));
                _atLineStart = true;
            }
        }
        else if (c == '\\')
        {
            _pos++;
            if (IsNewlineAt(_pos))
            {
                SkipNewline();
            }
            else
            {
                _errors.Add((start, _pos, "unexpected character after line continuation character"));
            }
        }
        else if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            var word = _text[start.._pos];
            if (_pos < _text.Length && _text[_pos] is '\'' or '"' && IsStringPrefix(word))
            {
                LexString(start, word);
            }
            else
            {
                Add(new PyToken(PyTokenKind.Name, _names.Share(word), start, _pos));
            }
        }
        else if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            LexNumber(start);
        }
        else if (c is '\'' or '"')
        {
            LexString(start, "");
        }
        else
        {
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(_text, _pos, o, 0, o.Length) == 0);
            if (op is null)
            {
                _pos++;
                _errors.Add((start, _pos, $"invalid character '{Printable(c)}'"));
                return;
            }

            _pos += op.Length;
            if (op is "(" or "[" or "{")
            {
                _depth++;
            }
            else if (op is ")" or "]" or "}")
            {
                _depth = Math.Max(0, _depth - 1);
            }

            Add(new PyToken(PyTokenKind.Operator, op, start, _pos));
        }
    }

    // The tokens that close the file: a last newline, the open indentation levels, end of file.
    private void Finish()
    {
        if (_depth > 0)
        {
            _errors.Add((_text.Length, _text.Length, "unexpected end of file inside brackets"));
        }

        if (_emitted && _lastKind is not (PyTokenKind.Newline or PyTokenKind.Dedent))
        {
            Add(new PyToken(PyTokenKind.Newline, "", _text.Length, _text.Length));
        }

        while (_indents.Count > 1)
        {
            _indents.Pop();
            Add(new PyToken(PyTokenKind.Dedent, "", _text.Length, _text.Length));
        }

        Add(new PyToken(PyTokenKind.EndOfFile, "", _text.Length, _text.Length));
        Finished = true;
    }


    // Python 2 (PEP 263): a non-ASCII character anywhere, even in a comment, needs a coding declaration on line 1 or 2.
    private void CheckSourceEncoding()
    {
        var nonAscii = _text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
        if (nonAscii < 0)
        {
            return;
        }

        var firstLines = string.Join('\n', _text.Split('\n', 3).Take(2));
        if (!CodingDeclaration().IsMatch(firstLines))
        {
            _errors.Add((nonAscii, nonAscii + 1, $"Non-ASCII character '{Printable(_text[nonAscii])}' but no encoding declared (Python 2 needs '# -*- coding: utf-8 -*-', PEP 263)"));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex CodingDeclaration();

    private static string Printable(char c) => char.IsControl(c) || c > '\x7f' ? $"\\x{(int)c:x2}" : c.ToString();

    private static bool IsStringPrefix(string word) =>
        word.ToLowerInvariant() is "r" or "u" or "b" or "ur" or "br";

    private bool IsNewlineAt(int index) => index < _text.Length && _text[index] is '\n' or '\r';

    private void SkipComment()
    {
        if (_pos < _text.Length && _text[_pos] == '#')
        {
            while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
            {
                _pos++;
            }
        }
    }

    private void SkipNewline()
    {
        if (_pos < _text.Length && _text[_pos] == '\r')
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == '\n')
        {
            _pos++;
        }
    }

    private void LexNumber(int start)
    {
        var isFloat = false;
        if (_text[_pos] == '0' && _pos + 1 < _text.Length && _text[_pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            _pos += 2;
            while (_pos < _text.Length && char.IsAsciiHexDigit(_text[_pos]))
            {
                _pos++;
            }
        }
        else
        {
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            if (_pos < _text.Length && _text[_pos] == '.')
            {
                isFloat = true;
                _pos++;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
            }

            if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
            {
                var save = _pos;
                _pos++;
                if (_pos < _text.Length && _text[_pos] is '+' or '-')
                {
                    _pos++;
                }

                if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    isFloat = true;
                    while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                    {
                        _pos++;
                    }
                }
                else
                {
                    _pos = save;
                }
            }
        }

        var isLong = false;
        if (!isFloat && _pos < _text.Length && _text[_pos] is 'l' or 'L')
        {
            isLong = true;
            _pos++;
        }

        if (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            _errors.Add((start, _pos, $"invalid number '{_text[start.._pos]}'"));
            Add(new PyToken(PyTokenKind.Number, _text[start.._pos], start, _pos, 0L));
            return;
        }

        var raw = _text[start.._pos];
        if (raw.Length > MaxNumberLength)
        {
            _errors.Add((start, _pos, $"number literal longer than {MaxNumberLength} characters"));
            Add(new PyToken(PyTokenKind.Number, raw, start, _pos, 0L));
            return;
        }

        object? value = isFloat ? ParseFloat(raw) : ParseInteger(isLong ? raw[..^1] : raw, isLong);
        if (value is null)
        {
            _errors.Add((start, _pos, $"invalid number '{raw}'"));
            value = 0L;
        }

        Add(new PyToken(PyTokenKind.Number, raw, start, _pos, value));
    }

    private static double? ParseFloat(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static object? ParseInteger(string digits, bool isLong)
    {
        int radix;
        string body;
        if (digits.Length > 1 && digits[0] == '0' && digits[1] is 'x' or 'X')
        {
            (radix, body) = (16, digits[2..]);
        }
        else if (digits.Length > 1 && digits[0] == '0' && digits[1] is 'o' or 'O')
        {
            (radix, body) = (8, digits[2..]);
        }
        else if (digits.Length > 1 && digits[0] == '0' && digits[1] is 'b' or 'B')
        {
            (radix, body) = (2, digits[2..]);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            (radix, body) = (8, digits[1..]);
        }
        else
        {
            (radix, body) = (10, digits);
        }

        if (body.Length == 0)
        {
            return null;
        }

        var value = BigInteger.Zero;
        foreach (var ch in body)
        {
            var d = char.IsAsciiDigit(ch) ? ch - '0' : char.IsAsciiHexDigit(ch) ? char.ToLowerInvariant(ch) - 'a' + 10 : 99;
            if (d >= radix)
            {
                return null;
            }

            value = (value * radix) + d;
        }

        return PyOps.NormalizeInteger(value, isLong);
    }

    private void LexString(int start, string prefix)
    {
        var lower = prefix.ToLowerInvariant();
        var isRaw = lower.Contains('r', StringComparison.Ordinal);
        var isUnicode = lower.Contains('u', StringComparison.Ordinal);
        var quote = _text[_pos];
        var triple = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                _errors.Add((start, _pos, triple ? "EOF while scanning triple-quoted string literal" : "EOL while scanning string literal"));
                break;
            }

            var c = _text[_pos];
            if (c == quote && (!triple || (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                break;
            }

            if (c is '\n' or '\r' && !triple)
            {
                _errors.Add((start, _pos, "EOL while scanning string literal"));
                break;
            }

            if (c == '\\')
            {
                _pos++;
                if (_pos >= _text.Length)
                {
                    continue;
                }

                if (isRaw)
                {
                    builder.Append('\\');
                    var escaped = _text[_pos];
                    builder.Append(escaped);
                    _pos++;
                    if (escaped == '\r' && _pos < _text.Length && _text[_pos] == '\n')
                    {
                        builder.Append('\n');
                        _pos++;
                    }

                    continue;
                }

                DecodeEscape(builder, isUnicode, start);
                continue;
            }

            if (c == '\r')
            {
                // Python reads files in universal newline mode: CRLF and CR inside a triple-quoted string are LF.
                builder.Append('\n');
                _pos++;
                if (_pos < _text.Length && _text[_pos] == '\n')
                {
                    _pos++;
                }

                continue;
            }

            builder.Append(c);
            _pos++;
        }

        Add(PyToken.StringLiteral(_text, start, _pos, isUnicode ? new PyUnicode(builder.ToString()) : builder.ToString()));
    }

    private void DecodeEscape(StringBuilder builder, bool isUnicode, int start)
    {
        var c = _text[_pos];
        switch (c)
        {
            case '\n':
                _pos++;
                return;
            case '\r':
                _pos++;
                if (_pos < _text.Length && _text[_pos] == '\n')
                {
                    _pos++;
                }

                return;
            case '\\' or '\'' or '"':
                builder.Append(c);
                _pos++;
                return;
            case 'a': builder.Append('\a'); _pos++; return;
            case 'b': builder.Append('\b'); _pos++; return;
            case 'f': builder.Append('\f'); _pos++; return;
            case 'n': builder.Append('\n'); _pos++; return;
            case 'r': builder.Append('\r'); _pos++; return;
            case 't': builder.Append('\t'); _pos++; return;
            case 'v': builder.Append('\v'); _pos++; return;
        }

        if (c is >= '0' and <= '7')
        {
            var value = 0;
            var count = 0;
            while (count < 3 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7')
            {
                value = (value * 8) + (_text[_pos] - '0');
                _pos++;
                count++;
            }

            builder.Append((char)(isUnicode ? value : value & 0xFF));
            return;
        }

        var hexLength = c switch { 'x' => 2, 'u' when isUnicode => 4, 'U' when isUnicode => 8, _ => 0 };
        if (hexLength > 0)
        {
            var escapeStart = _pos - 1;
            _pos++;
            var end = _pos + hexLength;
            if (end > _text.Length || !_text.AsSpan(_pos, hexLength).ContainsOnlyHex())
            {
                _errors.Add((escapeStart, Math.Min(end, _text.Length), $"invalid \\{c} escape"));
                return;
            }

            var code = int.Parse(_text.AsSpan(_pos, hexLength), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            _pos = end;
            if (code > 0x10FFFF)
            {
                _errors.Add((escapeStart, end, "illegal Unicode character"));
                return;
            }

            builder.Append(char.ConvertFromUtf32(code is >= 0xD800 and <= 0xDFFF ? 0xFFFD : code));
            return;
        }

        // Python keeps an unknown escape as written, backslash included.
        builder.Append('\\');
        _ = start;
    }
}

internal static class SpanHexExtensions
{
    public static bool ContainsOnlyHex(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
