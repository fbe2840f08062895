using XenConfig.Diagnostics;
using XenConfig.Domain.Syntax;
using XenConfig.Text;

namespace XenConfig.Domain;

/// <summary>Computes what libxlu stores for a parsed file: last assignment wins, <c>+=</c> concatenates.</summary>
internal static class EffectiveSettings
{
    public static IReadOnlyDictionary<string, Setting> Compute(DomainConfigSyntax syntax, SourceText text, List<Diagnostic> diagnostics, DomainConfigParseOptions options)
    {
        // Each key accumulates in place (a list or a string builder), so a long run of '+=' costs its total size,
        // not the square of it; the value is frozen once, at the end.
        var values = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
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
                values[name] = new Accumulator(value, assignment);
                order.Add(name);
                continue;
            }

            if (assignment.IsAddition)
            {
                if (existing.IsList != value.IsList)
                {
                    diagnostics.Add(DiagnosticIds.AdditionTypeMismatch.Create(text.GetLocation(assignment.Operator.Span),
                        $"'{name} +=' adds a {(value.IsList ? "list" : "string")} to a {(existing.IsList ? "list" : "string")}; xl rejects the file"));
                    continue;
                }

                existing.Add(value);
            }
            else
            {
                if (options.ReportDuplicateKeys)
                {
                    diagnostics.Add(DuplicateKey(text, name, assignment.Key.Span, existing.Assignments[0].Key.Span.Start));
                }

                existing.Replace(value);
            }

            existing.Assignments.Add(assignment);
        }

        var result = new Dictionary<string, Setting>(order.Count, StringComparer.Ordinal);
        foreach (var name in order)
        {
            var accumulator = values[name];
            result[name] = new Setting(name, accumulator.ToValue(), accumulator.Assignments);
        }

        return result;
    }

    /// <summary>XC1014 on the key at <paramref name="key"/>, whose first assignment starts at <paramref name="firstStart"/> (also raised by the fast pass).</summary>
    public static Diagnostic DuplicateKey(SourceText text, string name, TextSpan key, int firstStart) =>
        DiagnosticIds.DuplicateKey.Create(text.GetLocation(key),
            $"'{name}' is already set on line {text.GetLinePosition(firstStart).DisplayLine}; this assignment replaces it");

    /// <summary>One key's value while the file is read: the last '=' value, plus what '+=' appended since.</summary>
    private sealed class Accumulator(SettingValue value, AssignmentSyntax first)
    {
        private SettingValue _value = value;
        private List<SettingValue>? _items;
        private System.Text.StringBuilder? _text;

        public List<AssignmentSyntax> Assignments { get; } = [first];

        public bool IsList => _value.IsList;

        public void Replace(SettingValue value) => (_value, _items, _text) = (value, null, null);

        public void Add(SettingValue value)
        {
            if (value.IsList)
            {
                (_items ??= [.. _value.Items]).AddRange(value.Items);
            }
            else
            {
                (_text ??= new System.Text.StringBuilder(_value.Text)).Append(value.Text);
            }
        }

        public SettingValue ToValue() =>
            _items is not null ? SettingValue.List(_items) : _text is not null ? SettingValue.String(_text.ToString()) : _value;
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
