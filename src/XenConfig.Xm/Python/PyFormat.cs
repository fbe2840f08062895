using System.Globalization;
using System.Numerics;
using System.Text;

namespace XenConfig.Xm.Python;

/// <summary>Python 2 <c>str % args</c>.</summary>
internal static class PyFormat
{
    public static string Format(string format, object args)
    {
        var values = args is PyTuple tuple ? tuple.Items : [args];
        // Counted before the copy is made, so a loop of formattings stops before it allocates the budget's worth.
        var inputs = (long)format.Length;
        foreach (var value in values)
        {
            inputs += PyOps.WorkSize(value);
        }

        PyOps.Work(inputs);
        var mapping = args as PyDict;
        var next = 0;
        var usedMapping = false;
        var builder = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c != '%')
            {
                var nextPercent = format.IndexOf('%', i);
                var end = nextPercent < 0 ? format.Length : nextPercent;
                builder.Append(format, i, end - i);
                i = end;
                continue;
            }

            i++;
            if (i >= format.Length)
            {
                throw new PyException("ValueError", "incomplete format");
            }

            object? keyed = null;
            if (format[i] == '(')
            {
                if (mapping is null)
                {
                    throw new PyException("TypeError", "format requires a mapping");
                }

                var depth = 1;
                var keyStart = ++i;
                while (i < format.Length && depth > 0)
                {
                    depth += format[i] == '(' ? 1 : format[i] == ')' ? -1 : 0;
                    i++;
                }

                if (depth > 0)
                {
                    throw new PyException("ValueError", "incomplete format key");
                }

                var key = format[keyStart..(i - 1)];
                if (!mapping.TryGet(key, out var found))
                {
                    throw new PyException("KeyError", PyOps.StringRepr(key));
                }

                keyed = found;
                usedMapping = true;
            }

            var left = false;
            var plus = false;
            var space = false;
            var zero = false;
            var alternate = false;
            while (i < format.Length && format[i] is '-' or '+' or ' ' or '0' or '#')
            {
                switch (format[i])
                {
                    case '-': left = true; break;
                    case '+': plus = true; break;
                    case ' ': space = true; break;
                    case '0': zero = true; break;
                    default: alternate = true; break;
                }

                i++;
            }

            var width = ReadNumber(format, ref i, values, ref next);
            int? precision = null;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = ReadNumber(format, ref i, values, ref next) ?? 0;
            }

            while (i < format.Length && format[i] is 'h' or 'l' or 'L')
            {
                i++;
            }

            if (i >= format.Length)
            {
                throw new PyException("ValueError", "incomplete format");
            }

            var conversion = format[i++];
            if (conversion == '%')
            {
                builder.Append('%');
                continue;
            }

            object value;
            if (keyed is not null)
            {
                value = keyed;
            }
            else
            {
                if (next >= values.Length)
                {
                    throw new PyException("TypeError", "not enough arguments for format string");
                }

                value = values[next++];
            }

            var text = Convert(conversion, value, precision, alternate, plus, space, out var isNumeric);
            if (width is { } w && text.Length < w)
            {
                if (left)
                {
                    text = text.PadRight(w);
                }
                else if (zero && isNumeric)
                {
                    var signLength = text.Length > 0 && text[0] is '-' or '+' or ' ' ? 1 : 0;
                    if (text.Length > signLength + 1 && text[signLength] == '0' && text[signLength + 1] is 'x' or 'X')
                    {
                        signLength += 2;
                    }

                    text = text[..signLength] + new string('0', w - text.Length) + text[signLength..];
                }
                else
                {
                    text = text.PadLeft(w);
                }
            }

            builder.Append(text);
            PyOps.CheckLength(builder.Length);
        }

        if (next < values.Length && !usedMapping && mapping is null)
        {
            throw new PyException("TypeError", "not all arguments converted during string formatting");
        }

        PyOps.Work(builder.Length);
        return builder.ToString();
    }

    private static int? ReadNumber(string format, ref int i, object[] values, ref int next)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            if (next >= values.Length)
            {
                throw new PyException("TypeError", "not enough arguments for format string");
            }

            return values[next++] is long l and >= 0 and < PyOps.MaxStringLength ? (int)l
                : throw new PyException("TypeError", "* wants int");
        }

        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        if (i == start)
        {
            return null;
        }

        var span = format.AsSpan(start, i - start);
        if (span.Length > 7 || !int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > PyOps.MaxStringLength)
        {
            throw new PyUnsupportedException("a format width or precision beyond the evaluator's string limit", isLimit: true);
        }

        return number;
    }

    private static string Convert(char conversion, object value, int? precision, bool alternate, bool plus, bool space, out bool isNumeric)
    {
        isNumeric = false;
        switch (conversion)
        {
            case 's':
            case 'r':
            {
                var text = conversion == 's' ? PyOps.Str(value) : PyOps.Repr(value);
                return precision is { } p && p < text.Length ? text[..p] : text;
            }

            case 'c':
                if (value is string s && s.Length == 1)
                {
                    return s;
                }

                if (PyOps.IsInteger(value) && PyOps.ToBig(value) is var code && code >= 0 && code < 256)
                {
                    return ((char)(int)code).ToString();
                }

                throw new PyException("TypeError", "%c requires int or char");
            case 'd' or 'i' or 'u' or 'x' or 'X' or 'o':
            {
                isNumeric = true;
                BigInteger integer;
                if (PyOps.IsInteger(value))
                {
                    integer = PyOps.ToBig(value);
                }
                else if (value is double d)
                {
                    if (double.IsNaN(d) || double.IsInfinity(d))
                    {
                        throw new PyException("OverflowError", "cannot convert float infinity to integer");
                    }

                    integer = new BigInteger(Math.Truncate(d));
                }
                else
                {
                    throw new PyException("TypeError", $"%{conversion} format: a number is required, not {PyOps.TypeName(value)}");
                }

                var negative = integer.Sign < 0;
                var magnitude = BigInteger.Abs(integer);
                var digits = conversion switch
                {
                    'x' => ToRadix(magnitude, 16),
                    'X' => ToRadix(magnitude, 16).ToUpperInvariant(),
                    'o' => ToRadix(magnitude, 8),
                    _ => magnitude.ToString(CultureInfo.InvariantCulture),
                };
                if (precision is { } p && digits.Length < p)
                {
                    digits = digits.PadLeft(p, '0');
                }

                if (alternate)
                {
                    digits = conversion switch
                    {
                        'x' => "0x" + digits,
                        'X' => "0X" + digits,
                        'o' when !digits.StartsWith('0') => "0" + digits,
                        _ => digits,
                    };
                }

                return (negative ? "-" : plus ? "+" : space ? " " : "") + digits;
            }

            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
            {
                isNumeric = true;
                if (!PyOps.IsNumber(value))
                {
                    throw new PyException("TypeError", "float argument required, not " + PyOps.TypeName(value));
                }

                var d = PyOps.ToDouble(value);
                var text = PyOps.CFormat(d, char.ToLowerInvariant(conversion), precision ?? 6, alternate);
                if (char.IsUpper(conversion))
                {
                    text = text.ToUpperInvariant();
                }

                return (text.StartsWith('-') ? "" : plus ? "+" : space ? " " : "") + text;
            }

            default:
                throw new PyException("ValueError", $"unsupported format character '{conversion}' (0x{(int)conversion:x})");
        }
    }

    public static string ToRadix(BigInteger value, int radix)
    {
        if (value.IsZero)
        {
            return "0";
        }

        if (radix == 16)
        {
            return value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0') is { Length: > 0 } hex ? hex : "0";
        }

        var chars = new List<char>();
        while (value > 0)
        {
            var digit = (int)(value % radix);
            chars.Add((char)('0' + digit));
            value /= radix;
        }

        chars.Reverse();
        return new string([.. chars]);
    }
}

