using System.Text.Json;
using XenConfig.Domain;
using XenConfig.Domain.Xm;

namespace XenConfig.Cli;

/// <summary>The <c>show</c> projection of domain configs; an xm config shows its evaluated settings and the xl model it converts to.</summary>
internal static class DomainOutput
{
    /// <summary>Writes the projection; returns whether the config has errors (for xm: the evaluation or the conversion).</summary>
    public static bool Write(Utf8JsonWriter writer, CliInput input, IReadOnlyDictionary<string, string>? variables = null)
    {
        if (input.Kind != InputKind.Xm)
        {
            var document = DomainConfigDocument.Parse(input.Text);
            DomainConfigJson.Write(writer, document, "xl", DeviceJson.WriteDevices);
            return document.HasErrors;
        }

        var (evaluation, conversion) = Convert(input, variables);
        DomainConfigJson.Write(writer, conversion.Document, "xm", DeviceJson.WriteDevices, evaluation.Settings, Diagnostics(evaluation, conversion));
        return evaluation.HasErrors || conversion.HasErrors;
    }

    public static (XmEvaluation Evaluation, XmConversion Conversion) Convert(CliInput input, IReadOnlyDictionary<string, string>? variables)
    {
        var options = variables is null ? XmEvaluationOptions.Default : XmEvaluationOptions.Default with { Variables = variables };
        var evaluation = XmConfig.Evaluate(input.Text, options);
        return (evaluation, XmToXlConverter.Convert(evaluation));
    }

    public static IEnumerable<XenConfig.Diagnostics.Diagnostic> Diagnostics(XmEvaluation evaluation, XmConversion conversion) =>
        evaluation.Diagnostics.Concat(conversion.Diagnostics).Distinct();
}
