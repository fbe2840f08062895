using BenchmarkDotNet.Attributes;
using XenConfig.Devices;

namespace XenConfig.Benchmarks;

/// <summary>Parsing cost of the device spec languages on typical specs (inputs are tens of bytes).</summary>
[MemoryDiagnoser]
public class DeviceSpecBenchmarks
{
    private static readonly string[] DiskSpecs =
    [
        "phy:/dev/vg0/web1-disk,xvda2,w",
        "file:/srv/xen/web1/swap.img,xvda1,w",
        "format=qcow2,vdev=xvda,access=rw,backendtype=qdisk,target=/var/lib/xen/images/debian/disk.qcow2",
        "/dev/HostVG/XenGuest2,raw,hda,w,backendtype=phy",
        "/root/boot.iso,raw,hdc,r,backendtype=qdisk,devtype=cdrom",
        "tap:aio:/img/disk.img,xvda,w",
    ];

    [Benchmark]
    public int Disk()
    {
        var n = 0;
        foreach (var spec in DiskSpecs)
        {
            n += DiskSpec.Parse(spec).Vdev.Length;
        }

        return n;
    }

    [Benchmark]
    public int Vif() => VifSpec.Parse("mac=00:16:3e:01:02:03,bridge=xenbr0,rate=10Mb/s@20ms,vifname=web1").Settings.Count;

    [Benchmark]
    public int Pci() => PciSpec.Parse("0000:03:00.0@1f,permissive=1,rdm_policy=relaxed").Bus;

    [Benchmark]
    public int Vdev() => VirtualDevice.Parse("xvda2").DeviceNumber;

    [Benchmark]
    public int Cpus() => CpuList.Parse("0-3,^1,6").Items.Count;
}
