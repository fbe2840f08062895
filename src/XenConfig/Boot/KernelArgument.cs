using XenConfig.Text;

namespace XenConfig.Boot;

/// <summary>
/// One whitespace-separated word of a kernel (or Xen hypervisor) command line: <c>ro</c>, <c>root=/dev/xvda1</c>,
/// <c>acpi_osi="!Windows 2012"</c>. Keeps the raw text; the name and value are decoded the way Linux's
/// <c>next_arg</c> decodes them.
/// </summary>
public sealed class KernelArgument
{
    internal KernelArgument(string text, TextSpan span)
    {
        Text = text;
        Span = span;
        var body = text;
        var wrapped = body.Length > 0 && body[0] == '"';
        if (wrapped)
        {
            // A token fully wrapped in quotes ("name=a b"): Linux drops the opening quote and a closing one at the end.
            body = body[1..];
            if (body.Length > 0 && body[^1] == '"')
            {
                body = body[..^1];
            }
        }

        var equals = body.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            Name = body;
            Value = null;
            return;
        }

        Name = body[..equals];
        var value = body[(equals + 1)..];
        if (!wrapped && value.Length > 0 && value[0] == '"')
        {
            value = value[1..];
            if (value.Length > 0 && value[^1] == '"')
            {
                value = value[..^1];
            }
        }

        Value = value;
        RawValue = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>The word exactly as written, quotes included.</summary>
    public string Text { get; }

    /// <summary>Where the word is inside the command line's text.</summary>
    public TextSpan Span { get; }

    /// <summary>The part before the first <c>=</c> (the whole word for a bare flag such as <c>ro</c>).</summary>
    public string Name { get; }

    /// <summary>The decoded value after the first <c>=</c> (surrounding quotes removed), or null for a bare word.</summary>
    public string? Value { get; }

    /// <summary>The value as written, quotes included, or null for a bare word.</summary>
    public string? RawValue { get; }

    /// <summary>True for <c>name=value</c>, false for a bare word.</summary>
    public bool HasValue => Value is not null;

    /// <summary>
    /// True when <paramref name="name"/> names this argument. Linux treats <c>-</c> and <c>_</c> in parameter names
    /// as the same character, and so does this comparison.
    /// </summary>
    public bool IsNamed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length != Name.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var a = name[i] == '-' ? '_' : name[i];
            var b = Name[i] == '-' ? '_' : Name[i];
            if (a != b)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
