using XenConfig.Grub.Model;

namespace XenConfig.Grub.Grub2;

/// <summary>One <c>menuentry</c> of a GRUB 2 <c>grub.cfg</c> (read side only), with the boot commands typed.</summary>
public sealed class Grub2Entry
{
    internal Grub2Entry(string title, string? submenu, int line)
    {
        Title = title;
        Submenu = submenu;
        Line = line;
    }

    /// <summary>The title, unquoted.</summary>
    public string Title { get; }

    /// <summary>The title of the enclosing <c>submenu</c> (<c>A&gt;B</c> when nested), or null at the top level.</summary>
    public string? Submenu { get; }

    /// <summary>The 0-based line of the <c>menuentry</c>.</summary>
    public int Line { get; }

    /// <summary>The multiboot loader command (<c>multiboot</c>, <c>multiboot2</c>, <c>xen_hypervisor</c>), or null.</summary>
    public string? MultibootCommand { get; internal set; }

    /// <summary>The hypervisor (multiboot kernel) path, or null.</summary>
    public string? Hypervisor { get; internal set; }

    /// <summary>The text after the hypervisor path (<c>placeholder dom0_mem=4096M ${xen_rm_opts}</c>), or null.</summary>
    public string? HypervisorArguments { get; internal set; }

    /// <summary>The <c>linux</c>/<c>linux16</c> kernel path, or null.</summary>
    public string? Linux { get; internal set; }

    /// <summary>The text after the Linux kernel path, or null.</summary>
    public string? LinuxArguments { get; internal set; }

    /// <summary>The <c>initrd</c> path(s) as written, or null.</summary>
    public string? Initrd { get; internal set; }

    /// <summary>The <c>module</c>/<c>module2</c>/<c>xen_module</c> lines in order.</summary>
    public IReadOnlyList<GrubModule> Modules => ModuleList;

    /// <summary>The Xen view, or null when the entry loads no hypervisor.</summary>
    public XenBootEntry? Xen => Hypervisor is null ? null : new XenBootEntry(Title, Hypervisor, HypervisorArguments, ModuleList);

    internal List<GrubModule> ModuleList { get; } = [];

    /// <inheritdoc />
    public override string ToString() => Title;
}
