using XenConfig.Files;

namespace XenConfig.Yaml;

/// <summary>Limits for reading YAML VM definitions and imports, and where their parts may be read from.</summary>
public sealed record VmDefinitionOptions
{
    /// <summary>The defaults: files up to 4 MiB, 1000 keys or fstab entries, nesting up to 64 levels.</summary>
    public static VmDefinitionOptions Default { get; } = new();

    /// <summary>Largest YAML input, in characters; a larger one gets error XC0002 and is not read.</summary>
    public int MaxLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Most keys in an inline config, and most inline fstab entries; more is error XC0002. Real configs have tens of keys;
    /// the limit keeps an import, which edits the target once per key, fast.
    /// </summary>
    public int MaxItems { get; init; } = 1000;

    /// <summary>Deepest nesting of YAML lists and mappings; deeper input gets error XC1011 and is not read.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>
    /// Where the parts a definition names (<c>config: web.cfg</c>) may be read from: a repository validation passes its
    /// repository, so a definition cannot make it read <c>/proc/self/environ</c> (XC0010). Null reads any regular file;
    /// FIFOs and devices are never opened either way (XC0011).
    /// </summary>
    public RepositoryBoundary? Boundary { get; init; }
}
