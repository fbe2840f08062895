namespace XenConfig.Fstab.Model;

/// <summary>One item of a mount option string: <c>name</c> or <c>name=value</c>, kept as written.</summary>
public sealed class MountOption
{
    internal MountOption(string text, string name, string? value, bool hasUnbalancedQuote)
    {
        Text = text;
        Name = name;
        Value = value;
        HasUnbalancedQuote = hasUnbalancedQuote;
    }

    /// <summary>The item exactly as written.</summary>
    public string Text { get; }

    /// <summary>The text before the first <c>=</c> outside double quotes (a leading <c>=</c> belongs to the name, as in libmount).</summary>
    public string Name { get; }

    /// <summary>The text after that <c>=</c> as written (quotes kept), empty for <c>opt=</c>, null when there is no <c>=</c>.</summary>
    public string? Value { get; }

    /// <summary><see cref="Value"/> without one pair of surrounding double quotes, or null when there is no value.</summary>
    public string? UnquotedValue =>
        Value is { Length: >= 2 } v && v[0] == '"' && v[^1] == '"' ? v[1..^1] : Value;

    /// <summary>
    /// True when a double quote is never closed: the item swallowed the rest of the string and libmount drops it from
    /// the option lists it classifies (it stays in the option string).
    /// </summary>
    public bool HasUnbalancedQuote { get; }

    /// <summary>True for <c>x-*</c> and <c>X-*</c> options, which mount(8) ignores and tools like systemd read.</summary>
    public bool IsUserExtension => Name.StartsWith("x-", StringComparison.Ordinal) || Name.StartsWith("X-", StringComparison.Ordinal);

    /// <summary>The item as written.</summary>
    public override string ToString() => Text;
}
