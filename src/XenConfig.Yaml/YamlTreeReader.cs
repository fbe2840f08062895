using System.Text.RegularExpressions;
using XenConfig.Diagnostics;
using XenConfig.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace XenConfig.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s from YamlDotNet's parser events, keeping every node's
/// <see cref="Mark"/>. Problems become diagnostics; nothing throws on bad input.
/// </summary>
internal static partial class YamlTreeReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Reads the single document of <paramref name="source"/>; null (with an error) when it cannot be read.</summary>
    public static YamlNode? Read(SourceText source, List<Diagnostic> diagnostics, int maxDepth)
    {
        // A byte order mark is not content (SourceText keeps it as U+FEFF); YamlDotNet would read it into the first key.
        var parser = new Parser(new StringReader(source.Content[BomLength(source)..]));
        var stack = new Stack<(YamlNode Node, YamlNode? PendingKey)>();
        YamlNode? root = null;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            diagnostics.Add(Unsupported(source, current.Start, current.End, "a VM definition holds one YAML document; remove the second one"));
                            return null;
                        }

                        break;
                    case AnchorAlias:
                        diagnostics.Add(Unsupported(source, current.Start, current.End, "YAML aliases (*name) are not supported; write the value out"));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(Unsupported(source, current.Start, current.End, "YAML anchors (&name) are not supported; write the value out"));
                        return null;
                    case Scalar scalar:
                        var explicitString = false;
                        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
                        {
                            if (!string.Equals(scalar.Tag.Value, StringTag, StringComparison.Ordinal))
                            {
                                diagnostics.Add(Unsupported(source, current.Start, current.End, $"the YAML tag '{scalar.Tag.Value}' is not supported; only !!str is"));
                                return null;
                            }

                            explicitString = true;
                        }

                        if (!Add(YamlNode.Scalar(scalar.Value, scalar.Style, explicitString, scalar.Start, scalar.End), stack, ref root))
                        {
                            diagnostics.Add(Unsupported(source, current.Start, current.End, "a mapping key must be a plain value"));
                            return null;
                        }

                        break;
                    case SequenceStart or MappingStart:
                        var tag = ((NodeEvent)current).Tag;
                        if (!tag.IsEmpty && !tag.IsNonSpecific)
                        {
                            diagnostics.Add(Unsupported(source, current.Start, current.End, $"the YAML tag '{tag.Value}' is not supported"));
                            return null;
                        }

                        if (stack.Count >= maxDepth)
                        {
                            diagnostics.Add(DiagnosticIds.NestingTooDeep.Create(Location(source, current.Start, current.End),
                                $"the YAML nests deeper than {maxDepth} levels"));
                            return null;
                        }

                        var collection = YamlNode.Collection(current is SequenceStart ? YamlNodeKind.Sequence : YamlNodeKind.Mapping, current.Start);
                        if (!Add(collection, stack, ref root))
                        {
                            diagnostics.Add(Unsupported(source, current.Start, current.End, "a mapping key must be a plain value, not a list or a mapping"));
                            return null;
                        }

                        stack.Push((collection, null));
                        break;
                    case SequenceEnd or MappingEnd:
                        var (closed, _) = stack.Pop();
                        closed.End = current.End;
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            diagnostics.Add(Error(source, exception.Start, exception.End, "invalid YAML: " + CleanMessage(exception.Message)));
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet throws these (not a YamlException) on some malformed input, e.g. ":\0[\nt" from its scanner and
            // "!!a]t" from its tag parser; found by fuzzing. The parser is a third party: its failures become diagnostics here.
            var mark = parser.Current?.Start ?? Mark.Empty;
            diagnostics.Add(Error(source, mark, mark, "invalid YAML: " + exception.Message));
            return null;
        }

        if (root is null)
        {
            diagnostics.Add(Unsupported(source, default, default, "the file holds no YAML document; a VM definition is a mapping with name, config, fstab and menu"));
        }

        return root;
    }

    /// <summary>The location of a node: its span and its start line and column as YamlDotNet reports them.</summary>
    public static SourceLocation Location(SourceText source, YamlNode node) => Location(source, node.Start, node.End);

    /// <summary>A location from two marks (YamlDotNet lines and columns are 1-based).</summary>
    public static SourceLocation Location(SourceText source, Mark start, Mark end)
    {
        var bom = BomLength(source);
        var from = (int)Math.Clamp(start.Index + bom, 0, source.Length);
        var to = (int)Math.Clamp(end.Index + bom, from, source.Length);
        var line = (int)Math.Max(0, start.Line - 1);
        var column = (int)Math.Max(0, start.Column - 1);
        return new SourceLocation(source.Path, TextSpan.FromBounds(from, to), new LinePosition(line, column));
    }

    private static int BomLength(SourceText source) => source.Content.StartsWith('\uFEFF') ? 1 : 0;

    private static Diagnostic Error(SourceText source, Mark start, Mark end, string message) =>
        DiagnosticIds.YamlSyntaxError.Create(Location(source, start, end), message);

    // YAML that is well-formed but uses what a VM definition does not accept.
    private static Diagnostic Unsupported(SourceText source, Mark start, Mark end, string message) =>
        DiagnosticIds.VmDefinitionShape.Create(Location(source, start, end), message);

    // Adds a finished node to the open collection (or makes it the root). False for a collection used as a mapping key.
    private static bool Add(YamlNode node, Stack<(YamlNode Node, YamlNode? PendingKey)> stack, ref YamlNode? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var (parent, pendingKey) = stack.Pop();
        if (parent.Kind == YamlNodeKind.Sequence)
        {
            parent.Items.Add(node);
            stack.Push((parent, null));
            return true;
        }

        if (pendingKey is null)
        {
            stack.Push((parent, node));
            return node.Kind == YamlNodeKind.Scalar;
        }

        parent.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(pendingKey, node));
        stack.Push((parent, null));
        return true;
    }

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 1) - (Line: ...): "; the diagnostic has the position already.
    private static string CleanMessage(string message) => MarkPrefix().Replace(message, "").Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
