namespace XenConfig.Devices;

/// <summary>How a guest device path (<c>/dev/xvda2</c>) relates to a disk's vdev.</summary>
public enum VirtualDeviceMatch
{
    /// <summary>The path is not provided by the vdev.</summary>
    None,

    /// <summary>The path names the vdev itself (<c>/dev/hda1</c> ~ <c>hda1</c>, <c>/dev/xvda</c> ~ <c>xvda</c>).</summary>
    Exact,

    /// <summary>The path is a partition of a whole-disk vdev (<c>/dev/xvda2</c> ~ <c>xvda</c>).</summary>
    Partition,

    /// <summary>
    /// The path is the <c>xvd</c> name a modern (pvops) kernel gives an <c>hd</c>/<c>sd</c> vdev
    /// (<c>/dev/xvda1</c> ~ <c>hda1</c>); whether it matches depends on the guest kernel.
    /// </summary>
    ModernKernelName,

    /// <summary>
    /// A partition, under its modern <c>xvd</c> name, of a whole-disk <c>hd</c>/<c>sd</c> vdev
    /// (<c>/dev/xvda2</c> ~ <c>hda</c>); depends on the guest kernel.
    /// </summary>
    ModernKernelPartition,
}
