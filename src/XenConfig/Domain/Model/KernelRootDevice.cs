namespace XenConfig.Domain.Model;

/// <summary>The <c>root=</c> device a kernel booted from dom0 gets, and the config key that supplies it.</summary>
/// <param name="Device">The device as written after <c>root=</c> (<c>/dev/xvda1</c>, <c>UUID=...</c>, <c>/dev/nfs</c>).</param>
/// <param name="Key"><c>cmdline</c>, <c>extra</c> or <c>root</c>.</param>
public sealed record KernelRootDevice(string Device, string Key);
