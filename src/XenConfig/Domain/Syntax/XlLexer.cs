using XenConfig.Diagnostics;
using XenConfig.Text;

namespace XenConfig.Domain.Syntax;

/// <summary>
/// Splits a domain config into lexemes the way libxlu's flex scanner does, with one difference: where xl rejects
/// something a person clearly meant (CRLF, an uppercase key, a BOM), the lexer still produces the token the person
/// meant and reports an error, so the tree stays useful. Every character ends up in exactly one lexeme.
/// </summary>
internal sealed class XlLexer
{
    private const string PythonCharacters = "+-.():";
    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics;
    private int _position;

    public XlLexer(SourceText source, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Content;
        _diagnostics = diagnostics;
    }

    /// <summary>The last character when libxlu silently drops it (see <see cref="IsDroppedFinalCharacter"/>).</summary>
    public Lexeme? DroppedFinalCharacter { get; private set; }

    public Lexeme Next()
    {
        var text = _text;
        var start = _position;
        if (start >= text.Length)
        {
            return new Lexeme(LexemeKind.EndOfFile, DroppedFinalCharacter?.Start ?? start, 0);
        }

        if (IsDroppedFinalCharacter(start))
        {
            _position = text.Length;
            DroppedFinalCharacter = new Lexeme(LexemeKind.Bad, start, 1);
            Report(DiagnosticIds.StrayFinalCharacter, start, 1,
                $"xl silently ignores the single character '{Printable(text[start..])}' at the very end of the file (other tools may not); remove it");
            return new Lexeme(LexemeKind.EndOfFile, start, 0);
        }

        var c = text[start];
        switch (c)
        {
            case ' ' or '\t':
                while (_position < text.Length && text[_position] is ' ' or '\t')
                {
                    _position++;
                }

                return Make(LexemeKind.Whitespace, start);
            case '\n':
                _position++;
                return Make(LexemeKind.EndOfLine, start);
            case '\r':
                _position += _position + 1 < text.Length && text[_position + 1] == '\n' ? 2 : 1;
                Report(DiagnosticIds.CarriageReturn, start, 1,
                    "xl rejects carriage returns (CRLF or CR line endings); 'xenconfig fmt' converts the file to LF");
                return Make(LexemeKind.EndOfLine, start);
            case '#':
                return LexComment(start);
            case '\'' or '"':
                return LexString(start, c);
            case '=':
                _position++;
                return Make(LexemeKind.Equals, start);
            case ',':
                _position++;
                return Make(LexemeKind.Comma, start);
            case '[':
                _position++;
                return Make(LexemeKind.OpenBracket, start);
            case ']':
                _position++;
                return Make(LexemeKind.CloseBracket, start);
            case ';':
                _position++;
                return Make(LexemeKind.Semicolon, start);
            case '+' when start + 1 < text.Length && text[start + 1] == '=':
                _position += 2;
                return Make(LexemeKind.PlusEquals, start);
            case '\uFEFF' when start == 0:
                _position++;
                Report(DiagnosticIds.ByteOrderMark, start, 1,
                    "xl rejects a byte order mark at the start of the file; 'xenconfig fmt' removes it");
                return Make(LexemeKind.ByteOrderMark, start);
        }

        if (char.IsAsciiLetter(c))
        {
            return LexIdentifier(start);
        }

        if (char.IsAsciiDigit(c))
        {
            return LexNumber(start);
        }

        return LexBad(start);
    }

    /// <summary>
    /// libxlu's scanner enters an error state on a character that starts no token and reports the error when the next
    /// match ends; when that character is the last byte of the input the error is never reported and the character is
    /// dropped. Verified against libxlutil 4.17: "a=1\n)" is accepted, "a=1\n))" is not.
    /// </summary>
    private bool IsDroppedFinalCharacter(int index)
    {
        if (index != _text.Length - 1)
        {
            return false;
        }

        var c = _text[index];
        var singleByte = c < 0x80 || _source.Encoding.CodePage == System.Text.Encoding.Latin1.CodePage;
        return singleByte && c != '\0' && !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is ' ' or '\t' or '\n' or '=' or ',' or '[' or ']' or ';');
    }

    private Lexeme Make(LexemeKind kind, int start) => new(kind, start, _position - start);

    private Lexeme LexComment(int start)
    {
        var end = _text.IndexOf('\n', start);
        _position = end < 0 ? _text.Length : end;
        if (end < 0)
        {
            Report(DiagnosticIds.CommentWithoutNewline, start, _position - start,
                "xl rejects a comment on the last line unless the line ends with a line break");
        }

        return Make(LexemeKind.Comment, start);
    }

    private Lexeme LexString(int start, char quote)
    {
        var text = _text;
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                _position = i + 1;
                return Make(LexemeKind.String, start);
            }

            if (c == '\n')
            {
                break;
            }

            if (c == '\0')
            {
                Report(DiagnosticIds.NulCharacter, i, 1, "a NUL character inside a string makes xl abort");
            }

            if (c == '\\')
            {
                if (i + 1 >= text.Length || text[i + 1] == '\n')
                {
                    i++;
                    break;
                }

                i += 2;
                continue;
            }

            i++;
        }

        // Unterminated: the string runs to the end of the line so the rest of the line is not misread as tokens.
        _position = i;
        if (_position > start && _position <= text.Length && text[_position - 1] == '\r' && (_position == text.Length || text[_position] == '\n'))
        {
            _position--;
        }

        Report(DiagnosticIds.UnterminatedString, start, _position - start,
            $"string is not terminated: {quote} is missing before the end of the line (xl strings cannot span lines)");
        return Make(LexemeKind.String, start);
    }

    private Lexeme LexIdentifier(int start)
    {
        var text = _text;
        var i = start;
        var invalid = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_')
            {
                i++;
            }
            else if (char.IsAsciiLetterUpper(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1])))
            {
                if (!invalid && i > start && IsDroppedFinalCharacter(i))
                {
                    break;
                }

                invalid = true;
                i++;
            }
            else
            {
                break;
            }
        }

        _position = i;
        if (invalid)
        {
            var name = text[start..i];
            var suggestion = name.ToLowerInvariant().Replace('-', '_');
            Report(DiagnosticIds.InvalidKey, start, i - start,
                $"xl rejects the key '{name}': keys are lowercase letters, digits, '.' and '_' (did you mean '{suggestion}'?)");
        }

        return Make(LexemeKind.Identifier, start);
    }

    private Lexeme LexNumber(int start)
    {
        var text = _text;
        var i = start;
        var invalid = -1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
        {
            var c = text[i];
            if (invalid < 0 && !(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' || c == 'x'))
            {
                // libxlu ends the number here; a lowercase letter starts an identifier, anything else is a bad character.
                if (!char.IsAsciiLetterLower(c) && IsDroppedFinalCharacter(i))
                {
                    break;
                }

                invalid = i;
            }

            i++;
        }

        _position = i;
        if (invalid >= 0)
        {
            var number = text[start..i];
            var reason = text[invalid] == '.'
                ? "xl has no fractional numbers"
                : char.IsAsciiHexDigitUpper(text[invalid]) ? "hexadecimal digits must be lowercase" : $"'{text[invalid]}' cannot appear in a number";
            Report(DiagnosticIds.InvalidNumber, start, i - start, $"invalid number '{number}': {reason}; quote it if it is text");
        }

        return Make(LexemeKind.Number, start);
    }

    private Lexeme LexBad(int start)
    {
        var text = _text;
        var i = start;
        var python = false;
        var nul = false;
        while (i < text.Length && IsBad(text, i))
        {
            python |= PythonCharacters.Contains(text[i], StringComparison.Ordinal);
            nul |= text[i] == '\0';
            i++;
        }

        _position = i;
        var bad = text[start..i];
        if (nul)
        {
            Report(DiagnosticIds.NulCharacter, start, i - start, "xl rejects a NUL character");
        }
        else
        {
            Report(DiagnosticIds.UnexpectedCharacter, start, i - start,
                $"xl rejects the character{(bad.Length > 1 ? "s" : "")} '{Printable(bad)}'" +
                (python ? "; this looks like Python: an xm config, which xl cannot read" : ""));
        }

        return Make(LexemeKind.Bad, start);
    }

    private static bool IsBad(string text, int i)
    {
        var c = text[i];
        if (c is ' ' or '\t' or '\n' or '\r' or '#' or '\'' or '"' or '=' or ',' or '[' or ']' or ';' || char.IsAsciiLetterOrDigit(c))
        {
            return false;
        }

        return !(c == '+' && i + 1 < text.Length && text[i + 1] == '=');
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private void Report(DiagnosticDescriptor descriptor, int start, int length, string message) =>
        _diagnostics.Add(descriptor.Create(_source.GetLocation(new TextSpan(start, length)), message));
}
