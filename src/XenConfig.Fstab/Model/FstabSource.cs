namespace XenConfig.Fstab.Model;

/// <summary>
/// The source of an entry (field 1, decoded), classified the way libmount and libblkid read it. Tags follow
/// <c>blkid_parse_tag_string</c>: the name is everything before the first <c>=</c>; a value starting with <c>"</c> or
/// <c>'</c> loses that quote and is cut at the last occurrence of the same quote (<c>LABEL='abc'def</c> is label
/// <c>abc</c>); a missing closing quote or an empty value makes it no tag at all.
/// </summary>
public sealed class FstabSource
{
    private static readonly string[] TagNames = ["UUID", "LABEL", "PARTUUID", "PARTLABEL", "ID"];

    private FstabSource(string text, FstabSourceKind kind, string? tagName, string? tagValue)
    {
        Text = text;
        Kind = kind;
        TagName = tagName;
        TagValue = tagValue;
    }

    /// <summary>The source exactly as libmount returns it (escapes decoded, quotes kept).</summary>
    public string Text { get; }

    /// <summary>What the source names.</summary>
    public FstabSourceKind Kind { get; }

    /// <summary>For <see cref="FstabSourceKind.Tag"/> and <see cref="FstabSourceKind.UnsupportedTag"/>: the name before <c>=</c>; else null.</summary>
    public string? TagName { get; }

    /// <summary>For tags: the value with libblkid's quote rule applied; else null.</summary>
    public string? TagValue { get; }

    /// <summary>True for a block device path under <c>/dev/</c>.</summary>
    public bool IsDevicePath => Kind == FstabSourceKind.Path && Text.StartsWith("/dev/", StringComparison.Ordinal);

    /// <summary>Classifies a decoded source.</summary>
    public static FstabSource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tag = ParseTag(text);
        if (tag is { } t && TagNames.Contains(t.Name, StringComparer.Ordinal))
        {
            return new FstabSource(text, FstabSourceKind.Tag, t.Name, t.Value);
        }

        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            return new FstabSource(text, FstabSourceKind.Network, null, null);
        }

        if (text.StartsWith('/'))
        {
            return new FstabSource(text, FstabSourceKind.Path, null, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            return new FstabSource(text, FstabSourceKind.Network, null, null);
        }

        return tag is { } u
            ? new FstabSource(text, FstabSourceKind.UnsupportedTag, u.Name, u.Value)
            : new FstabSource(text, FstabSourceKind.Pseudo, null, null);
    }

    /// <summary>A tag source <c>NAME=value</c>; the value is written unquoted (blanks are escaped in the file instead).</summary>
    /// <exception cref="ArgumentException">The name is not a tag libmount supports, or the value is empty.</exception>
    public static FstabSource Tag(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (!TagNames.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a tag libmount supports (UUID, LABEL, PARTUUID, PARTLABEL, ID).", nameof(name));
        }

        if (value[0] is '"' or '\'')
        {
            throw new ArgumentException("A tag value written without quotes cannot start with a quote.", nameof(value));
        }

        return Parse(name + "=" + value);
    }

    /// <summary>The source text.</summary>
    public override string ToString() => Text;

    private static (string Name, string Value)? ParseTag(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return null;
        }

        var name = text[..equals];
        var value = text[(equals + 1)..];
        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            var quote = value[0];
            var close = value.LastIndexOf(quote);
            if (close <= 0)
            {
                return null;
            }

            value = value[1..close];
        }

        return value.Length == 0 ? null : (name, value);
    }
}
