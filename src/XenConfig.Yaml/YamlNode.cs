using YamlDotNet.Core;

namespace XenConfig.Yaml;

/// <summary>What a <see cref="YamlNode"/> is.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>
/// A YAML node with the positions YamlDotNet reported for it. Built from parser events without recursion, so that
/// deep nesting cannot overflow the stack; anchors, aliases and tags other than <c>!!str</c> never get this far.
/// </summary>
internal sealed class YamlNode
{
    private YamlNode(YamlNodeKind kind, Mark start, Mark end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public YamlNodeKind Kind { get; }

    public Mark Start { get; }

    public Mark End { get; set; }

    /// <summary>The scalar's text; empty for collections.</summary>
    public string Value { get; private init; } = "";

    /// <summary>The scalar's style as written (plain, quoted, literal, folded).</summary>
    public ScalarStyle Style { get; private init; }

    /// <summary>True when the scalar carries the explicit tag <c>!!str</c>.</summary>
    public bool IsExplicitString { get; private init; }

    /// <summary>A sequence's items.</summary>
    public List<YamlNode> Items { get; } = [];

    /// <summary>A mapping's entries in order (duplicates kept; the readers report them).</summary>
    public List<KeyValuePair<YamlNode, YamlNode>> Pairs { get; } = [];

    /// <summary>True for a plain scalar, the only style whose type YAML resolves from its text.</summary>
    public bool IsPlain => Kind == YamlNodeKind.Scalar && Style == ScalarStyle.Plain && !IsExplicitString;

    public static YamlNode Scalar(string value, ScalarStyle style, bool explicitString, Mark start, Mark end) =>
        new(YamlNodeKind.Scalar, start, end) { Value = value, Style = style, IsExplicitString = explicitString };

    public static YamlNode Collection(YamlNodeKind kind, Mark start) => new(kind, start, start);

    /// <summary>A word for messages: "a string", "a list", "a mapping".</summary>
    public string Describe() => Kind switch
    {
        YamlNodeKind.Sequence => "a list",
        YamlNodeKind.Mapping => "a mapping",
        _ => "a scalar",
    };
}
