using System.Text.Json;
using XenConfig.Domain;
using XenConfig.Domain.Xm;

namespace XenConfig.Cli;

/// <summary>The <c>show</c> projection of domain configs; an xm config shows its evaluated settings and the xl model it converts to.</summary>
internal static class DomainOutput
{
    public static void Write(Utf8JsonWriter writer, CliInput input, IReadOnlyDictionary<string, string>? variables = null)
    {
        if (input.Kind != InputKind.Xm)
        {
            DomainConfigJson.Write(writer, DomainConfigDocument.Parse(input.Text), "xl", DeviceJson.WriteDevices);
            return;
        }

        var (evaluation, conversion) = Convert(input, variables);
        DomainConfigJson.Write(writer, conversion.Document, "xm", DeviceJson.WriteDevices, evaluation.Settings, Diagnostics(evaluation, conversion));
    }

    public static bool HasErrors(CliInput input)
    {
        if (input.Kind != InputKind.Xm)
        {
            return DomainConfigDocument.Parse(input.Text).HasErrors;
        }

        var (evaluation, conversion) = Convert(input, null);
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
