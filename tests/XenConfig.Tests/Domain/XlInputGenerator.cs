using System.Text;

namespace XenConfig.Tests.Domain;

/// <summary>
/// Seeded token soup for differential testing: mostly well-formed statements with valid and invalid fragments mixed
/// in (keys, operators, escapes, numbers, lists, terminators, stray characters), so that both accept and reject paths
/// of the grammar are exercised.
/// </summary>
internal sealed class XlInputGenerator(int seed)
{
    private static readonly string[] Keys = ["name", "memory", "disk", "vif", "extra", "a.b_c", "x9", "cpus", "Memory", "on-crash", "_x", "k"];
    private static readonly string[] Operators = ["=", "=", "=", "+=", " = ", "\t=\t", "==", "+", "=+"];
    private static readonly string[] Atoms =
    [
        "'pv'", "\"hvm\"", "512", "0x200", "010", "08", "00", "0x1F", "1.5", "-3", "\"-3\"", "''", "\"\"", "12abc", "1e5",
        "\"a\\tb\"", "'C:\\\\temp'", "\"\\x41\"", "\"A\\101B\"", "\"\\1 23x\"", "\"\\12\"", "'\\q'", "'it\\'s'", "\"say \\\"hi\\\"\"",
        "'say \"hi\"'", "\"unterminated", "'ends with backslash\\'", "\"grüße\"", "'tab\there'", "\"cr\rinside\"", "\"\\0123\"",
        "\"\\7+5\"", "\"\\1-x\"", "'\\a\\b\\f\\n\\r\\v'", "\" 2\"", "\"512 \"", "\"+7\"", "99999999999999999999", "0x7fffffffffffffff",
        "True", "hvm", "\"\"\"x\"\"\"",
    ];

    private static readonly string[] Terminators = ["\n", "\n", "\n", ";", ";\n", ";;\n", " # comment\n", "#c\n", "\r\n", "", "\n\n", " ; # x\n"];
    private static readonly string[] Junk = ["\t", "  ", "# comment line\n", "\n", "\r", "\f", "é", "(", ")", "%", ";", "#", "\\\n", "[", "]", ",", "import os\n"];
    private readonly Random _random = new(seed);

    public string Next()
    {
        var builder = new StringBuilder();
        var statements = _random.Next(1, 7);
        for (var i = 0; i < statements; i++)
        {
            if (_random.Next(12) == 0)
            {
                builder.Append(Pick(Junk));
            }

            builder.Append(Pick(Keys));
            builder.Append(_random.Next(20) == 0 ? Pick(Operators) : _random.Next(3) == 0 ? "=" : " = ");
            AppendValue(builder, depth: 0);
            builder.Append(i == statements - 1 && _random.Next(6) == 0 ? "" : _random.Next(8) == 0 ? Pick(Terminators) : "\n");
        }

        if (_random.Next(15) == 0)
        {
            builder.Append(Pick(Junk));
        }

        return builder.ToString();
    }

    private void AppendValue(StringBuilder builder, int depth)
    {
        if (depth > 3 || _random.Next(3) != 0)
        {
            builder.Append(_random.Next(6) == 0 ? Pick(Atoms) : Pick(Atoms.Take(6).ToArray()));
            return;
        }

        builder.Append('[');
        var items = _random.Next(0, 4);
        for (var i = 0; i < items; i++)
        {
            builder.Append(Pick(["", " ", "\n", "\n# c\n  ", "  "]));
            AppendValue(builder, depth + 1);
            builder.Append(Pick(["", " ", "\n"]));
            if (i < items - 1 || _random.Next(4) == 0)
            {
                builder.Append(_random.Next(25) == 0 ? ",," : ",");
            }
            else if (_random.Next(30) == 0)
            {
                builder.Append(' ');
                AppendValue(builder, depth + 1);
            }
        }

        if (items == 0 && _random.Next(10) == 0)
        {
            builder.Append(" , ");
        }

        builder.Append(Pick(["", " ", "\n"]));
        builder.Append(_random.Next(40) == 0 ? "" : "]");
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
