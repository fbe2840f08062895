using System.Collections;
using Sprache;

namespace XenConfig.Fstab.Model;

/// <summary>
/// A mount option string (<c>defaults,noatime,x-systemd.automount,context="a,b"</c>) as an immutable list of items
/// that keeps the text as written. Lookups follow mount(8): options apply left to right, so the last occurrence of a
/// name wins. Edits return a new instance and touch only the items they concern.
/// </summary>
public sealed class MountOptions : IReadOnlyList<MountOption>
{
    // Pieces between top-level commas; null is an empty item (",," or a trailing comma), kept so the text survives.
    private readonly MountOption?[] _pieces;
    private readonly MountOption[] _items;

    private MountOptions(MountOption?[] pieces)
    {
        _pieces = pieces;
        _items = [.. pieces.OfType<MountOption>()];
    }

    /// <summary>No options (an empty string).</summary>
    public static MountOptions Empty { get; } = new([null]);

    /// <summary>Number of non-empty items.</summary>
    public int Count => _items.Length;

    /// <summary>The non-empty item at <paramref name="index"/>.</summary>
    public MountOption this[int index] => _items[index];

    /// <summary>Parses a decoded option string. Every string parses; nothing is lost (see <see cref="ToString"/>).</summary>
    public static MountOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = MountOptionsGrammar.List.TryParse(text);
        if (!result.WasSuccessful)
        {
            // The grammar accepts every string; reaching this is a bug, not bad input.
            throw new InvalidOperationException($"Mount option grammar failed at {result.Remainder.Position}: {result.Message}");
        }

        return new MountOptions([.. result.Value]);
    }

    /// <summary>True when an option of this exact name is present (items with an unclosed quote do not count, as in libmount).</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>The last option named <paramref name="name"/> (the one mount applies), or null.</summary>
    public MountOption? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _items.LastOrDefault(o => !o.HasUnbalancedQuote && string.Equals(o.Name, name, StringComparison.Ordinal));
    }

    /// <summary>The value of the last option named <paramref name="name"/> as written, or null when absent or valueless.</summary>
    public string? GetValue(string name) => Find(name)?.Value;

    /// <summary>
    /// Sets an option: the last item with this name is replaced (others stay), or the option is appended. A value with a
    /// comma is written in double quotes. Setting what is already there returns this instance unchanged.
    /// </summary>
    /// <param name="name">The option name; no comma, double quote or <c>=</c>, not empty.</param>
    /// <param name="value">The value, or null for a flag option (<c>noatime</c>).</param>
    /// <exception cref="ArgumentException">The name or value cannot be written.</exception>
    public MountOptions With(string name, string? value = null)
    {
        var text = Format(name, value);
        var existing = Find(name);
        if (existing is not null)
        {
            if (existing.Value == value || existing.Text == text || existing.UnquotedValue == value)
            {
                return this;
            }

            var index = Array.IndexOf(_pieces, existing);
            var pieces = (MountOption?[])_pieces.Clone();
            pieces[index] = Parse(text)._items[0];
            return new MountOptions(pieces);
        }

        var appended = Parse(text)._items[0];
        return IsEmptyText ? new MountOptions([appended]) : new MountOptions([.. _pieces, appended]);
    }

    /// <summary>Removes every option named <paramref name="name"/>, with its comma. Returns this instance when none is present.</summary>
    public MountOptions Without(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_items.Any(o => string.Equals(o.Name, name, StringComparison.Ordinal)))
        {
            return this;
        }

        var pieces = _pieces.Where(p => p is null || !string.Equals(p.Name, name, StringComparison.Ordinal)).ToArray();
        return pieces.Length == 0 ? Empty : new MountOptions(pieces);
    }

    /// <summary>The option string exactly as written (empty items included).</summary>
    public override string ToString() => string.Join(",", _pieces.Select(p => p?.Text ?? string.Empty));

    /// <inheritdoc />
    public IEnumerator<MountOption> GetEnumerator() => ((IEnumerable<MountOption>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool IsEmptyText => _pieces.Length == 1 && _pieces[0] is null;

    private static string Format(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.IndexOfAny([',', '"', '=', '\0']) >= 0)
        {
            throw new ArgumentException("An option name cannot contain ',', '\"', '=' or NUL.", nameof(name));
        }

        if (value is null)
        {
            return name;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An option value cannot contain NUL.", nameof(value));
        }

        var quotes = value.Count(c => c == '"');
        if (value.Contains(',', StringComparison.Ordinal))
        {
            if (quotes > 0)
            {
                throw new ArgumentException("An option value cannot hold both a comma and a double quote.", nameof(value));
            }

            return $"{name}=\"{value}\"";
        }

        if (quotes % 2 == 1)
        {
            throw new ArgumentException("An option value cannot hold an unbalanced double quote.", nameof(value));
        }

        return name + "=" + value;
    }
}
