using XenConfig.Diagnostics;

namespace XenConfig.Yaml;

/// <summary>What <see cref="DomainConfigYaml.Apply"/> did.</summary>
/// <param name="Diagnostics">Problems in the YAML, with its lines and columns. When one is an error, nothing was changed.</param>
/// <param name="Changed">The keys that were set (added or given a new value), in YAML order.</param>
/// <param name="Removed">The keys that were removed (only with <see cref="DomainConfigApplyOptions.RemoveMissing"/>).</param>
public sealed record DomainConfigApplyResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    /// <summary>True when the YAML had an error and the target was left as it was.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
