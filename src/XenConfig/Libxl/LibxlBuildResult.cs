using XenConfig.Diagnostics;

namespace XenConfig.Libxl;

/// <summary>What xl makes of a config: the libxl config it builds (null when it refuses the config) and why.</summary>
/// <param name="Config">The config xl builds; null when xl stops.</param>
/// <param name="Diagnostics">xl's reasons to refuse (errors) and its warnings, at the keys' positions.</param>
public sealed record LibxlBuildResult(LibxlDomainConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when xl accepts the config.</summary>
    public bool Accepted => Config is not null;
}
