using XenConfig.Diagnostics;
using XenConfig.Domain.Syntax;
using XenConfig.Text;

namespace XenConfig.Domain;

/// <summary>Computes what libxlu stores for a parsed file: last assignment wins, <c>+=</c> concatenates.</summary>
internal static class EffectiveSettings
{
    public static IReadOnlyDictionary<string, Setting> Compute(DomainConfigSyntax syntax, SourceText text, List<Diagnostic> diagnostics, DomainConfigParseOptions options)
    {
        var values = new Dictionary<string, (SettingValue Value, List<AssignmentSyntax> Assignments)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var assignment in syntax.Assignments)
        {
            if (assignment.Operator.IsMissing || ToValue(assignment.Value) is not { } value)
            {
                continue;
            }

            var name = assignment.Name;
            if (!values.TryGetValue(name, out var existing))
            {
                values[name] = (value, [assignment]);
                order.Add(name);
                continue;
            }

            if (assignment.IsAddition)
            {
                if (existing.Value.IsList != value.IsList)
                {
                    diagnostics.Add(DiagnosticIds.AdditionTypeMismatch.Create(text.GetLocation(assignment.Operator.Span),
                        $"'{name} +=' adds a {(value.IsList ? "list" : "string")} to a {(existing.Value.IsList ? "list" : "string")}; xl rejects the file"));
                    continue;
                }

                value = value.IsList
                    ? SettingValue.List(existing.Value.Items.Concat(value.Items))
                    : SettingValue.String(existing.Value.Text + value.Text);
            }
            else if (options.ReportDuplicateKeys)
            {
                var first = existing.Assignments[0].Key.Span;
                diagnostics.Add(DiagnosticIds.DuplicateKey.Create(text.GetLocation(assignment.Key.Span),
                    $"'{name}' is already set on line {text.GetLinePosition(first.Start).DisplayLine}; this assignment replaces it"));
            }

            existing.Assignments.Add(assignment);
            values[name] = (value, existing.Assignments);
        }

        var result = new Dictionary<string, Setting>(order.Count, StringComparer.Ordinal);
        foreach (var name in order)
        {
            var (value, assignments) = values[name];
            result[name] = new Setting(name, value, assignments);
        }

        return result;
    }

    /// <summary>The value libxlu stores for a value node, or null when any part of it is broken. Iterative.</summary>
    public static SettingValue? ToValue(ValueSyntax node)
    {
        if (node is AtomSyntax atom)
        {
            return AtomValue(atom);
        }

        // Post-order over the nested lists with an explicit stack.
        var stack = new Stack<(ListSyntax List, List<SettingValue> Built)>();
        stack.Push(((ListSyntax)node, []));
        SettingValue? finished = null;
        while (stack.Count > 0)
        {
            var (list, built) = stack.Peek();
            if (finished is not null)
            {
                built.Add(finished);
                finished = null;
            }

            if (list.CloseBracket.IsMissing)
            {
                return null;
            }

            var descended = false;
            while (built.Count < list.Items.Count)
            {
                var item = list.Items[built.Count];
                if (item is ListSyntax inner)
                {
                    stack.Push((inner, []));
                    descended = true;
                    break;
                }

                if (AtomValue((AtomSyntax)item) is not { } value)
                {
                    return null;
                }

                built.Add(value);
            }

            if (!descended)
            {
                stack.Pop();
                finished = SettingValue.List(built);
            }
        }

        return finished;
    }

    private static SettingValue? AtomValue(AtomSyntax atom) => atom.Value is null
        ? null
        : atom.IsString ? SettingValue.String(atom.Value) : SettingValue.FromNumberToken(atom.Value);
}
