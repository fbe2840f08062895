namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC1001: a character xl does not accept outside strings and comments.</summary>
    public static readonly DiagnosticDescriptor UnexpectedCharacter =
        new("XC1001", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a character xl does not accept outside strings and comments");

    /// <summary>XC1002: a string is not terminated on its line.</summary>
    public static readonly DiagnosticDescriptor UnterminatedString =
        new("XC1002", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a string is not terminated on its line");

    /// <summary>XC1003: a backslash escape xl rejects (<c>\q</c>, <c>\x41</c>, <c>\1</c>).</summary>
    public static readonly DiagnosticDescriptor InvalidEscape =
        new("XC1003", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a backslash escape that xl rejects");

    /// <summary>XC1004: an escape xl accepts but mangles (a digit escape deletes text).</summary>
    public static readonly DiagnosticDescriptor MangledEscape =
        new("XC1004", DiagnosticSeverity.Warning, DiagnosticCategory.Syntax, "an escape that xl accepts but decodes to something else than intended");

    /// <summary>XC1005: the statement does not follow the xl.cfg grammar.</summary>
    public static readonly DiagnosticDescriptor SyntaxError =
        new("XC1005", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the statement does not follow the xl.cfg grammar");

    /// <summary>XC1006: a carriage return (CRLF line endings); xl rejects the file.</summary>
    public static readonly DiagnosticDescriptor CarriageReturn =
        new("XC1006", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "carriage return outside a string or comment (CRLF line endings); xl rejects the file");

    /// <summary>XC1007: a byte order mark; xl rejects the file.</summary>
    public static readonly DiagnosticDescriptor ByteOrderMark =
        new("XC1007", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "byte order mark at the start of the file; xl rejects the file");

    /// <summary>XC1008: a comment on the last line without a line break; xl rejects the file.</summary>
    public static readonly DiagnosticDescriptor CommentWithoutNewline =
        new("XC1008", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "comment on the last line without a final line break; xl rejects the file");

    /// <summary>XC1009: a key with uppercase letters or <c>-</c>; xl rejects the file.</summary>
    public static readonly DiagnosticDescriptor InvalidKey =
        new("XC1009", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a key with characters xl does not accept (uppercase, '-')");

    /// <summary>XC1010: <c>+=</c> mixes a list and a string.</summary>
    public static readonly DiagnosticDescriptor AdditionTypeMismatch =
        new("XC1010", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "+= adds a list to a string or a string to a list");

    /// <summary>XC1011: lists nested deeper than xl's parser stack allows.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep =
        new("XC1011", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "lists nested deeper than xl's parser allows");

    /// <summary>XC1012: a NUL character.</summary>
    public static readonly DiagnosticDescriptor NulCharacter =
        new("XC1012", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a NUL character; xl rejects the file (or aborts, inside a string)");

    /// <summary>XC1013: a number token xl rejects (<c>0x1F</c>, <c>1.5</c>).</summary>
    public static readonly DiagnosticDescriptor InvalidNumber =
        new("XC1013", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "a number xl rejects (uppercase hex digit, fraction, letters)");

    /// <summary>XC1014: a key assigned more than once with <c>=</c>; the last assignment wins.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey =
        new("XC1014", DiagnosticSeverity.Info, DiagnosticCategory.Syntax, "a key is assigned more than once; the last assignment wins");

    /// <summary>XC1015: a single stray character at the very end of the file, which xl silently ignores.</summary>
    public static readonly DiagnosticDescriptor StrayFinalCharacter =
        new("XC1015", DiagnosticSeverity.Warning, DiagnosticCategory.Syntax, "a single stray character at the very end of the file, which xl silently ignores");

    private static IEnumerable<DiagnosticDescriptor> DomainSyntaxDescriptors() =>
    [
        UnexpectedCharacter, UnterminatedString, InvalidEscape, MangledEscape, SyntaxError, CarriageReturn, ByteOrderMark,
        CommentWithoutNewline, InvalidKey, AdditionTypeMismatch, NestingTooDeep, NulCharacter, InvalidNumber, DuplicateKey,
        StrayFinalCharacter,
    ];
}
