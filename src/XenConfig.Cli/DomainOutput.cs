using System.Text.Json;
using XenConfig.Domain.Json;
using XenConfig.Domain;

namespace XenConfig.Cli;

/// <summary>The <c>show</c> projection of domain configs; an xm config shows its evaluated settings and the xl model it converts to.</summary>
internal static class DomainOutput
{
    /// <summary>Writes the projection; returns whether the config has errors (for xm: the evaluation or the conversion).</summary>
    public static bool Write(Utf8JsonWriter writer, CliInput input, IReadOnlyDictionary<string, string>? variables = null)
    {
        var source = input.ReadDomainConfig(variables);
        if (source.Evaluation is { } evaluation)
        {
            DomainConfigJson.Write(writer, source.Document, "xm", evaluation.Settings, source.Diagnostics);
        }
        else
        {
            DomainConfigJson.Write(writer, source.Document, "xl");
        }

        return source.HasErrors;
    }
}
