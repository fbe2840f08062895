using System.Text;
using System.Text.RegularExpressions;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Testing;

namespace XenConfig.Tests.Domain;

/// <summary>Compares our reading of a domain config with libxlu's: accept/reject, every value, every numeric read.</summary>
internal static partial class XlOracleComparison
{
    [GeneratedRegex("[a-z][a-z0-9._]*")]
    private static partial Regex KeyCandidates();

    /// <summary>Returns null when both agree, else a description of the first disagreement.</summary>
    public static string? Compare(byte[] bytes)
    {
        var document = DomainConfigDocument.Parse(XenConfig.Text.SourceText.From(bytes));
        // A second document whose tree is never asked for: its GetValue reads a clean file through the fast pass.
        var untouched = DomainConfigDocument.Parse(XenConfig.Text.SourceText.From(bytes));
        // Any key libxlu stores appears in the text as an identifier; asking for all candidates finds keys we missed.
        var candidates = KeyCandidates().Matches(Encoding.Latin1.GetString(bytes)).Select(m => m.Value).Concat(document.Settings.Keys).ToList();
        var oracle = Oracles.Libxlu.Parse(bytes, candidates);
        if (oracle.Accepted == document.HasErrors)
        {
            return oracle.Accepted
                ? "libxlu accepts the file but we report: " + string.Join(" | ", document.Diagnostics.Where(d => d.IsError))
                : "libxlu rejects the file but we report no error";
        }

        if (!oracle.Accepted)
        {
            return null;
        }

        // The model's numeric reads of a third untouched document: DomainConfig.GetNumber answers from the fast pass.
        var model = DomainConfig.FromDocument(DomainConfigDocument.Parse(XenConfig.Text.SourceText.From(bytes)));
        foreach (var key in candidates.Distinct())
        {
            var ours = document.Settings.GetValueOrDefault(key);
            var theirs = oracle.Settings.GetValueOrDefault(key);
            if (ours is null && theirs is null)
            {
                continue;
            }

            if (ours is null || theirs is null)
            {
                return $"key '{key}': ours {ours?.Value.ToString() ?? "absent"}, libxlu {theirs?.ToString() ?? "absent"}";
            }

            var converted = Convert(ours.Value, document.SourceText);
            if (!converted.Equals(theirs))
            {
                return $"key '{key}': ours {converted}, libxlu {theirs}";
            }

            var read = untouched.GetValue(key) is { } value ? Convert(value, untouched.SourceText) : null;
            if (read is null || !read.Equals(theirs))
            {
                return $"key '{key}' read alone (GetValue): ours {read?.ToString() ?? "absent"}, libxlu {theirs}";
            }

            if (!ours.Value.IsList)
            {
                long? ourNumber = ours.TryGetNumber(out var n) ? n : null;
                if (ourNumber != oracle.Numbers[key])
                {
                    return $"key '{key}' read as a number: ours {ourNumber?.ToString() ?? "invalid"}, libxlu {oracle.Numbers[key]?.ToString() ?? "invalid"}";
                }

                if (model.GetNumber(key) is var modelNumber && modelNumber != oracle.Numbers[key])
                {
                    return $"key '{key}' read as a number by DomainConfig.GetNumber: ours {modelNumber?.ToString() ?? "invalid"}, libxlu {oracle.Numbers[key]?.ToString() ?? "invalid"}";
                }
            }
        }

        return null;
    }

    private static Libxlu.Value Convert(SettingValue value, XenConfig.Text.SourceText text) => value.IsList
        ? new Libxlu.ListValue(value.Items.Select(i => (Libxlu.Value?)Convert(i, text)).ToList())
        : new Libxlu.Atom(text.GetBytes(value.Text!));
}
