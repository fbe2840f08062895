using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace XenConfig.Yaml;

/// <summary>Turns the JSON projections of XenConfig (<c>show</c>, <c>validate</c>) into equivalent YAML.</summary>
public static class JsonToYaml
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\n\r\t:#'\"{}[],&*!|>%@`");

    /// <summary>Converts a JSON text to YAML: objects become mappings, arrays sequences, strings are quoted when needed.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string Convert(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8000 });
        var output = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(output);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());

        // Iterative walk: the projections can nest thousands deep.
        var stack = new Stack<(JsonElement Element, int State, JsonElement.ObjectEnumerator? Properties, JsonElement.ArrayEnumerator? Items)>();
        Emit(document.RootElement, stack, emitter);
        while (stack.Count > 0)
        {
            var (element, state, properties, items) = stack.Pop();
            if (element.ValueKind == JsonValueKind.Object)
            {
                var enumerator = properties!.Value;
                if (enumerator.MoveNext())
                {
                    stack.Push((element, state, enumerator, null));
                    emitter.Emit(new Scalar(enumerator.Current.Name));
                    Emit(enumerator.Current.Value, stack, emitter);
                }
                else
                {
                    emitter.Emit(new MappingEnd());
                }
            }
            else
            {
                var enumerator = items!.Value;
                if (enumerator.MoveNext())
                {
                    stack.Push((element, state, null, enumerator));
                    Emit(enumerator.Current, stack, emitter);
                }
                else
                {
                    emitter.Emit(new SequenceEnd());
                }
            }
        }

        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return output.ToString();
    }

    private static void Emit(JsonElement element, Stack<(JsonElement, int, JsonElement.ObjectEnumerator?, JsonElement.ArrayEnumerator?)> stack, Emitter emitter)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                emitter.Emit(new MappingStart());
                stack.Push((element, 0, element.EnumerateObject(), null));
                break;
            case JsonValueKind.Array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Any));
                stack.Push((element, 0, null, element.EnumerateArray()));
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                emitter.Emit(new Scalar(null, null, text, NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
                break;
            case JsonValueKind.Null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, element.GetRawText(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    // Strings that a YAML reader would take as another type (numbers, booleans, null) or that start with special characters.
    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) ||
        text is "true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~" ||
        text.AsSpan().IndexOfAny(Special) >= 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ||
        text[0] is '-' or '?';
}
