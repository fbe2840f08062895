using System.Text.RegularExpressions;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Yaml;

/// <summary>How a plain (unquoted) YAML scalar reads, under the rules of docs/vm-definition.md.</summary>
internal enum PlainScalarKind
{
    /// <summary>Text: becomes an xl string.</summary>
    String,

    /// <summary><c>0</c> or a decimal without leading zero: becomes an xl number token.</summary>
    Decimal,

    /// <summary>Another YAML number form (<c>0x200</c>, <c>010</c>, <c>-1</c>, <c>1.5</c>, <c>.inf</c>): must be quoted.</summary>
    OtherNumber,

    /// <summary><c>true</c>, <c>no</c>, <c>on</c>...: must be written as 1/0 or quoted.</summary>
    Boolean,

    /// <summary><c>null</c>, <c>~</c> or nothing: not a value.</summary>
    Null,
}

/// <summary>Converts between YAML nodes and xl <see cref="SettingValue"/>s, and checks keys as xl does.</summary>
internal static partial class XlYamlValues
{
    /// <summary>Classifies a plain scalar's text.</summary>
    public static PlainScalarKind Classify(string text)
    {
        if (DecimalPattern().IsMatch(text))
        {
            return PlainScalarKind.Decimal;
        }

        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return PlainScalarKind.Null;
        }

        if (BooleanPattern().IsMatch(text))
        {
            return PlainScalarKind.Boolean;
        }

        return NumberPattern().IsMatch(text) ? PlainScalarKind.OtherNumber : PlainScalarKind.String;
    }

    /// <summary>
    /// True when <paramref name="text"/> can be written as a plain scalar and read back as the same string: printable
    /// ASCII without YAML indicators at the start, no <c>": "</c> or <c>" #"</c>, no blanks at the ends, and not a word
    /// YAML (1.2 or 1.1) reads as a number, boolean, null or timestamp.
    /// </summary>
    public static bool CanBePlainString(string text) =>
        Classify(text) == PlainScalarKind.String && SafePlainPattern().IsMatch(text) && !TimestampPattern().IsMatch(text) &&
        !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && !text.EndsWith(':') && !text.EndsWith(' ');

    /// <summary><see cref="IsValidKey"/> as a regular expression (for the JSON schema).</summary>
    public const string KeyPattern = "^[a-z][a-z0-9._]*$";

    /// <summary>True when <paramref name="key"/> is a key xl accepts: a lowercase letter, then lowercase letters, digits, '.' or '_'.</summary>
    public static bool IsValidKey(string key) =>
        key.Length > 0 && char.IsAsciiLetterLower(key[0]) && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_');

    /// <summary>
    /// Converts a YAML value to an xl value, or reports (XC2002) why it cannot be one. Iterative: lists may nest as
    /// deep as the reader allowed.
    /// </summary>
    public static SettingValue? ToSettingValue(YamlNode node, SourceText source, string key, List<Diagnostic> diagnostics)
    {
        var ok = true;
        var frames = new Stack<(YamlNode Node, List<SettingValue> Items)>();
        SettingValue? result = null;
        if (node.Kind != YamlNodeKind.Sequence)
        {
            return Atom(node, source, key, diagnostics);
        }

        frames.Push((node, new List<SettingValue>(node.Items.Count)));
        while (frames.Count > 0)
        {
            var (list, items) = frames.Peek();
            if (items.Count == list.Items.Count)
            {
                frames.Pop();
                var value = SettingValue.List(items);
                if (frames.Count == 0)
                {
                    result = value;
                }
                else
                {
                    frames.Peek().Items.Add(value);
                }

                continue;
            }

            var item = list.Items[items.Count];
            if (item.Kind == YamlNodeKind.Sequence)
            {
                frames.Push((item, new List<SettingValue>(item.Items.Count)));
                continue;
            }

            // A placeholder keeps the count moving after an error, so every bad item is reported.
            var atom = Atom(item, source, key, diagnostics);
            ok &= atom is not null;
            items.Add(atom ?? SettingValue.String(""));
        }

        return ok ? result : null;
    }

    private static SettingValue? Atom(YamlNode node, SourceText source, string key, List<Diagnostic> diagnostics)
    {
        var location = YamlTreeReader.Location(source, node);
        if (node.Kind == YamlNodeKind.Mapping)
        {
            diagnostics.Add(DiagnosticIds.ValueWrongType.Create(location, $"'{key}': a mapping is not an xl value; write a string, a number or a list"));
            return null;
        }

        var text = node.Value;
        if (node.IsPlain)
        {
            switch (Classify(text))
            {
                case PlainScalarKind.Decimal:
                    return SettingValue.NumberToken(text);
                case PlainScalarKind.Null:
                    diagnostics.Add(DiagnosticIds.ValueWrongType.Create(location, $"'{key}': the value is missing (YAML null); write a value or quote an empty string (\"\")"));
                    return null;
                case PlainScalarKind.Boolean:
                    diagnostics.Add(DiagnosticIds.ValueWrongType.Create(location, $"'{key}': '{text}' is a YAML boolean, which xl does not have; write 1 or 0, or quote it"));
                    return null;
                case PlainScalarKind.OtherNumber:
                    diagnostics.Add(DiagnosticIds.ValueWrongType.Create(location, $"'{key}': '{text}' means different things to YAML and xl; quote it (\"{text}\") to pass the text to xl as written"));
                    return null;
            }
        }

        return SettingValue.String(text);
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot be written into an xl file (a string with a line feed or NUL), or null when it
    /// can. Checked only when a value is to be written, so an import may carry such a value when the target already has it.
    /// </summary>
    public static string? Unwritable(SettingValue value)
    {
        var stack = new Stack<SettingValue>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.IsList)
            {
                foreach (var item in current.Items)
                {
                    stack.Push(item);
                }

                continue;
            }

            var text = current.Text!;
            var bad = text.AsSpan().IndexOfAny('\n', '\0');
            if (bad >= 0)
            {
                return $"an xl string cannot hold {(text[bad] == '\n' ? "a line feed" : "a NUL character")}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./(][A-Za-z0-9_./(),=:+@%~ -]*$")]
    private static partial Regex SafePlainPattern();

    // YAML 1.1 timestamps (2001-12-14, 2001-12-14t21:59:43.10-05:00): other YAML readers turn them into dates.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)$")]
    private static partial Regex DecimalPattern();

    // YAML 1.2 core booleans plus the YAML 1.1 words other tools still read as booleans.
    [GeneratedRegex(@"^(true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$")]
    private static partial Regex BooleanPattern();

    // YAML 1.2 core (and 1.1) ints and floats: signs, leading zeros, 0o/0x/0b, fractions, exponents, .inf/.nan, 1_000.
    [GeneratedRegex(@"^([-+]?(0[xob][0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF))|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")]
    private static partial Regex NumberPattern();
}
