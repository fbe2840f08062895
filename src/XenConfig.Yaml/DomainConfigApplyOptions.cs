namespace XenConfig.Yaml;

/// <summary>Options for <see cref="DomainConfigYaml.Apply"/>.</summary>
public sealed record DomainConfigApplyOptions
{
    /// <summary>The defaults: keep keys the YAML does not mention, no path, default limits.</summary>
    public static DomainConfigApplyOptions Default { get; } = new();

    /// <summary>When true, keys of the target that the YAML does not mention are removed (with their comment blocks).</summary>
    public bool RemoveMissing { get; init; }

    /// <summary>The YAML file's path, used in diagnostics; null for text without a file.</summary>
    public string? YamlPath { get; init; }

    /// <summary>Limits for reading the YAML.</summary>
    public VmDefinitionOptions Limits { get; init; } = VmDefinitionOptions.Default;
}
