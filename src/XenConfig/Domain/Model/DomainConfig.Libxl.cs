using XenConfig.Libxl;

namespace XenConfig.Domain.Model;

public sealed partial class DomainConfig
{
    /// <summary>
    /// What xl 4.17 builds from this config (its <c>libxl_domain_config</c>, as <c>xl -N create</c> prints it) on
    /// <paramref name="host"/>, or xl's reasons to refuse it. This is the config's meaning: the HVM <c>hvmloader</c>
    /// kernel dropped, <c>firmware = "pvgrub64"</c> as a kernel, <c>maxvcpus = 0</c> as unset, vif pieces xl ignores
    /// ignored, libxl's enum names, lower-case UUIDs.
    /// </summary>
    public LibxlBuildResult ToLibxl(LibxlHost? host = null) => LibxlDomainConfig.Build(this, host);
}
