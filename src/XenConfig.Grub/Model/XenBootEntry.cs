using XenConfig.Boot;

namespace XenConfig.Grub.Model;

/// <summary>
/// A boot entry that starts Xen: the hypervisor image with its options, the dom0 kernel (first module) with its
/// command line, and dom0's initrd (second module). The same view for GRUB legacy (<c>kernel</c> + <c>module</c>) and
/// GRUB 2 (<c>multiboot</c>/<c>multiboot2</c> + <c>module</c>/<c>module2</c>).
/// </summary>
public sealed class XenBootEntry
{
    // The hypervisor's options as written; parsed into a command line when first read.
    private readonly string? _hypervisorOptions;
    private KernelCommandLine? _parsedOptions;

    internal XenBootEntry(string title, string? hypervisor, string? hypervisorOptions, IReadOnlyList<GrubModule> modules)
    {
        Title = title;
        Hypervisor = hypervisor;
        _hypervisorOptions = hypervisorOptions;
        Modules = modules;
    }

    /// <summary>The entry's title.</summary>
    public string Title { get; }

    /// <summary>The hypervisor image (<c>/boot/xen-4.17-amd64.gz</c>), or null when the entry has no kernel line.</summary>
    public string? Hypervisor { get; }

    /// <summary>The hypervisor's options (<c>dom0_mem=2048M dom0_max_vcpus=2 console=com1</c>); GRUB 2's <c>placeholder</c> word stays in it.</summary>
    public KernelCommandLine HypervisorOptions => _parsedOptions ??= KernelCommandLine.Parse(_hypervisorOptions ?? string.Empty);

    /// <summary>The dom0 kernel (first module), or null.</summary>
    public string? Dom0Kernel => Modules.Count > 0 ? Modules[0].Path : null;

    /// <summary>The dom0 kernel's command line (empty without a module).</summary>
    public KernelCommandLine Dom0CommandLine => Modules.Count > 0 ? Modules[0].Arguments : KernelCommandLine.Empty;

    /// <summary>dom0's initrd (second module), or null.</summary>
    public string? Initrd => Modules.Count > 1 ? Modules[1].Path : null;

    /// <summary>Every module in order (dom0 kernel, initrd, then XSM policy, microcode, ...).</summary>
    public IReadOnlyList<GrubModule> Modules { get; }
}
