using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using XenConfig.Diagnostics;
using XenConfig.Domain.Syntax;
using XenConfig.Text;

namespace XenConfig.Domain;

/// <summary>
/// A value as libxlu stores it: an atom (text) or a list of values. Numbers are atoms too; <see cref="IsNumberToken"/>
/// only records how a value is (or will be) written, and takes no part in equality, just as libxlu cannot tell
/// <c>512</c> from <c>"512"</c>.
/// </summary>
public sealed class SettingValue : IEquatable<SettingValue>
{
    private static readonly SettingValue[] NoItems = [];

    // An atom's text (a string), a list's items, or, for an item of a long list whose text is still only in the
    // document, the list's LazyAtomSource (then _atom is the item's number in it; -1 otherwise). The text is read from
    // the document when it is first asked for and then kept here; a reader that needs only parts of it (a disk spec's
    // scanner) reads them from the document instead. One reference, an int and a flag: as small as an object with a
    // flag can be.
    private object _value;
    private readonly int _atom = -1;

    private SettingValue(string? text, IReadOnlyList<SettingValue> items, bool isNumberToken)
    {
        _value = (object?)text ?? items;
        IsNumberToken = isNumberToken;
    }

    private SettingValue(LazyAtomSource source, int atom, bool isNumberToken)
    {
        _value = source;
        _atom = atom;
        IsNumberToken = isNumberToken;
    }

    /// <summary>The atom's text; null for a list.</summary>
    public string? Text
    {
        get
        {
            var value = _value;
            if (value is string text)
            {
                return text;
            }

            if (_atom < 0)
            {
                return null;
            }

            // Two threads may both read it; the strings are equal, either one may stay.
            text = System.Runtime.CompilerServices.Unsafe.As<LazyAtomSource>(value).ReadText(_atom);
            _value = text;
            return text;
        }
    }

    /// <summary>The list's items; empty for an atom.</summary>
    public IReadOnlyList<SettingValue> Items => IsList ? System.Runtime.CompilerServices.Unsafe.As<IReadOnlyList<SettingValue>>(_value) : NoItems;

    /// <summary>True for a list.</summary>
    public bool IsList => _atom < 0 && _value is not string;

    /// <summary>True when the atom is (or is to be) written as a bare number token rather than a quoted string.</summary>
    public bool IsNumberToken { get; }

    /// <summary>A string atom, written quoted.</summary>
    public static SettingValue String(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SettingValue(text, NoItems, isNumberToken: false);
    }

    /// <summary>A number atom. Negative numbers are written quoted, because xl has no bare negative numbers.</summary>
    public static SettingValue Number(long value) =>
        new(value.ToString(CultureInfo.InvariantCulture), NoItems, isNumberToken: value >= 0);

    /// <summary>An atom with a number token's text as written (<c>0x200</c>, <c>010</c>).</summary>
    /// <exception cref="ArgumentException">The text is not a token xl accepts as a number.</exception>
    public static SettingValue NumberToken(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]) || text.Any(c => !(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' or 'x')))
        {
            throw new ArgumentException($"'{text}' is not an xl number token (a digit, then digits, a-f or x).", nameof(text));
        }

        return new SettingValue(text, NoItems, isNumberToken: true);
    }

    /// <summary>
    /// Reads exactly one xl value literal, as libxlu reads the right-hand side of <c>key = VALUE</c>: a number token
    /// (<c>1024</c>, <c>0x200</c>), a quoted string (<c>'text'</c>, <c>"text"</c>, escapes decoded as libxlu does) or a
    /// list (<c>[ 'a', [ 'b' ] ]</c>). Blanks around it are allowed; anything else (a second statement, a comment, a
    /// newline) is refused, so a literal can never smuggle in another setting.
    /// </summary>
    /// <exception cref="FormatException">The text is not exactly one xl value; the message says what is wrong or left over.</exception>
    public static SettingValue Parse(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return TryParse(literal, out var value, out var problem) ? value : throw new FormatException(problem);
    }

    /// <summary>Like <see cref="Parse(string)"/>, without throwing.</summary>
    public static bool TryParse(string literal, [NotNullWhen(true)] out SettingValue? value)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return TryParse(literal, out value, out _);
    }

    private static bool TryParse(string literal, [NotNullWhen(true)] out SettingValue? value, out string problem)
    {
        value = null;
        if (literal.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            problem = "an xl value cannot span lines";
            return false;
        }

        // The literal is read by the document parser in the one place libxlu reads values: after "v = ".
        const string Prefix = "v = ";
        var text = Prefix + literal + "\n";
        var diagnostics = new List<Diagnostic>();
        var syntax = XlParser.Parse(SourceText.From(text), diagnostics);
        var assignments = syntax.Assignments.ToList();
        if (assignments.Count == 0 || EffectiveSettings.ToValue(assignments[0].Value) is not { } parsed
            || diagnostics.Any(d => d.IsError && d.Location.Span.Start < assignments[0].Value.Span.End))
        {
            problem = $"'{literal}' is not an xl value";
            return false;
        }

        // The value itself is sound; anything after it (a second value, statement or comment) is left over.
        var end = Math.Clamp(assignments[0].Value.Span.End - Prefix.Length, 0, literal.Length);
        var rest = literal[end..].Trim();
        if (rest.Length > 0 || syntax.Statements.Count > 1 || diagnostics.Any(d => d.IsError))
        {
            var leftOver = rest.Length > 0 ? rest : literal[end..];
            problem = $"'{literal}' holds more than one xl value; left over: '{leftOver}'";
            return false;
        }

        value = parsed;
        problem = "";
        return true;
    }

    // A number token exactly as the parser read it, including tokens xl rejects; only for files with errors.
    internal static SettingValue FromNumberToken(string text) => new(text, NoItems, isNumberToken: true);

    // An item of a long list whose text is read from the document when asked for.
    internal static SettingValue LazyAtom(LazyAtomSource source, int atom, bool isNumberToken) => new(source, atom, isNumberToken);

    /// <summary>
    /// The length of a string atom's text while it is still only in the document and has no escapes (so the text is
    /// exactly the characters between the quotes); -1 otherwise (then read <see cref="Text"/>).
    /// </summary>
    internal int PendingTextLength => _atom >= 0 && !IsNumberToken && _value is LazyAtomSource source ? source.PlainLength(_atom) : -1;

    /// <summary>Copies the text of an atom with a <see cref="PendingTextLength"/> from the document.</summary>
    internal void CopyPendingText(Span<char> destination)
    {
        if (_value is LazyAtomSource source)
        {
            source.CopyPlain(_atom, destination);
        }
        else
        {
            // read by another thread meanwhile: the same characters
            Text.AsSpan().CopyTo(destination);
        }
    }

    /// <summary>The characters <c>[start, start + length)</c> of the atom's text, read from the document when the text is still only there.</summary>
    internal string TextSlice(int start, int length) =>
        _value is LazyAtomSource source && PendingTextLength >= 0 ? source.Slice(_atom, start, length) : Text!.Substring(start, length);

    // A list over items the caller hands over (known to be non-null; possibly read from the text on demand).
    internal static SettingValue ListOf(IReadOnlyList<SettingValue> items) => new(null, items, isNumberToken: false);

    /// <summary>A list of values.</summary>
    public static SettingValue List(IEnumerable<SettingValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        if (array.Any(i => i is null))
        {
            throw new ArgumentException("List items cannot be null.", nameof(items));
        }

        return new SettingValue(null, array, isNumberToken: false);
    }

    /// <summary>A list of string atoms.</summary>
    public static SettingValue List(params string[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return List(items.Select(String));
    }

    /// <summary>Reads the atom as xl reads a number (<see cref="XlNumber.TryParse"/>); false for lists and non-numbers.</summary>
    public bool TryGetNumber(out long value)
    {
        value = 0;
        return Text is not null && XlNumber.TryParse(Text, out value);
    }

    /// <inheritdoc />
    public bool Equals(SettingValue? other)
    {
        if (other is null)
        {
            return false;
        }

        // Iterative: values may nest thousands deep.
        var stack = new Stack<(SettingValue Left, SettingValue Right)>();
        stack.Push((this, other));
        while (stack.Count > 0)
        {
            var (left, right) = stack.Pop();
            if (ReferenceEquals(left, right))
            {
                continue;
            }

            if (left.IsList != right.IsList || !AtomTextEquals(left, right) || left.Items.Count != right.Items.Count)
            {
                return false;
            }

            for (var i = 0; i < left.Items.Count; i++)
            {
                stack.Push((left.Items[i], right.Items[i]));
            }
        }

        return true;
    }

    // An atom still only in its document is compared where it lies: reading it keeps its text, and the read-back check
    // of an xm conversion's 60,000-item disk list kept 20 MB of strings that way.
    private static bool AtomTextEquals(SettingValue left, SettingValue right)
    {
        var leftLength = left.PendingTextLength;
        var rightLength = right.PendingTextLength;
        if ((leftLength < 0) == (rightLength < 0))
        {
            return string.Equals(left.Text, right.Text, StringComparison.Ordinal);
        }

        var (pending, length, text) = leftLength >= 0 ? (left, leftLength, right.Text) : (right, rightLength, left.Text);
        if (text is null || text.Length != length)
        {
            return false;
        }

        char[]? rented = null;
        var buffer = length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        pending.CopyPendingText(buffer[..length]);
        var equal = buffer[..length].SequenceEqual(text);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return equal;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SettingValue);

    /// <inheritdoc />
    public override int GetHashCode() => IsList ? HashCode.Combine(Items.Count, Items.Count > 0 && !Items[0].IsList ? Items[0].Text : null) : Text!.GetHashCode(StringComparison.Ordinal);

    /// <summary>Compares by value, like libxlu.</summary>
    public static bool operator ==(SettingValue? left, SettingValue? right) => left?.Equals(right) ?? right is null;

    /// <summary>Compares by value, like libxlu.</summary>
    public static bool operator !=(SettingValue? left, SettingValue? right) => !(left == right);

    /// <summary>A readable form: atoms in double quotes with C escapes, lists in brackets.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        var stack = new Stack<object>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case string literal:
                    builder.Append(literal);
                    break;
                case SettingValue { IsList: false } atom:
                    AppendQuoted(builder, atom.Text!);
                    break;
                case SettingValue list:
                    builder.Append('[');
                    stack.Push("]");
                    for (var i = list.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(list.Items[i]);
                        if (i > 0)
                        {
                            stack.Push(", ");
                        }
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"' or '\\': builder.Append('\\').Append(c); break;
                case '\n': builder.Append(@"\n"); break;
                case '\t': builder.Append(@"\t"); break;
                case '\r': builder.Append(@"\r"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}

/// <summary>
/// The atoms of a long list still in the document's text (<see cref="SettingValue.LazyAtom"/>): each item's text is read
/// from here when it is asked for.
/// </summary>
internal abstract class LazyAtomSource
{
    /// <summary>The text of atom <paramref name="atom"/> as the parser reads it (quotes removed, escapes decoded).</summary>
    public abstract string ReadText(int atom);

    /// <summary>The length of a quoted atom's text when it has no escapes; -1 otherwise.</summary>
    public abstract int PlainLength(int atom);

    /// <summary>Copies the text of an atom with a <see cref="PlainLength"/> into <paramref name="destination"/>.</summary>
    public abstract void CopyPlain(int atom, Span<char> destination);

    /// <summary>The characters <c>[start, start + length)</c> of the text of an atom with a <see cref="PlainLength"/>.</summary>
    public abstract string Slice(int atom, int start, int length);
}
