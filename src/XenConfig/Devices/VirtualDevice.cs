using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace XenConfig.Devices;

/// <summary>
/// A disk's virtual device (vdev) decoded to the number libxl writes to xenstore, exactly as
/// <c>libxl__device_disk_dev_number</c> does: <c>xvd</c> names and <c>dDpP</c> first, then a plain number, then
/// <c>hd</c>, then <c>sd</c>. Names libxl cannot decode are rejected (libxl refuses such a disk at domain creation).
/// </summary>
public readonly record struct VirtualDevice
{
    private const int XvdMajor = 202;
    private const int ExtendedFlag = 1 << 28;

    private VirtualDevice(string name, VirtualDeviceKind kind, int number, int? diskIndex, int? partition)
    {
        Name = name;
        Kind = kind;
        DeviceNumber = number;
        DiskIndex = diskIndex;
        Partition = partition;
    }

    /// <summary>The vdev as written (e.g. <c>hda1</c>).</summary>
    public string Name { get; }

    /// <summary>How the name was written.</summary>
    public VirtualDeviceKind Kind { get; }

    /// <summary>The xenstore device number (e.g. <c>xvda</c> = 51712, <c>hda1</c> = 769).</summary>
    public int DeviceNumber { get; }

    /// <summary>
    /// The 0-based disk index (<c>a</c> = 0, <c>z</c> = 25, <c>aa</c> = 26), or null for a plain number that does not
    /// decode to a known major.
    /// </summary>
    public int? DiskIndex { get; }

    /// <summary>The partition number (0 = whole disk), or null when unknown (see <see cref="DiskIndex"/>).</summary>
    public int? Partition { get; }

    /// <summary>True when the vdev is a whole disk (partition 0).</summary>
    public bool IsWholeDisk => Partition == 0;

    /// <summary>True when the vdev is a partition-sized device (<c>hda1</c>, <c>xvda2</c>).</summary>
    public bool IsPartition => Partition > 0;

    /// <summary>The device-name family the number belongs to: <c>xvd</c>, <c>hd</c>, <c>sd</c>, or null if unknown.</summary>
    public string? Family => Kind switch
    {
        VirtualDeviceKind.Xvd or VirtualDeviceKind.DiskPartition => "xvd",
        VirtualDeviceKind.Ide => "hd",
        VirtualDeviceKind.Scsi => "sd",
        _ => DecodeNumberFamily(DeviceNumber),
    };

    /// <summary>
    /// The guest path under old xenlinux kernels, which took the number as a Linux major/minor
    /// (<c>hda1</c> → <c>/dev/hda1</c>, <c>xvda1</c> → <c>/dev/xvda1</c>); null when unknown.
    /// </summary>
    public string? LegacyGuestPath => Family is { } family && DiskIndex is { } disk && Partition is { } part
        ? "/dev/" + family + DiskLetters(disk) + PartitionSuffix(part)
        : null;

    /// <summary>
    /// The guest path under modern (pvops) kernels, whose xen-blkfront names everything <c>xvd</c> with the same disk
    /// index and partition (<c>hda1</c> → <c>/dev/xvda1</c>, <c>sdb2</c> → <c>/dev/xvdb2</c>); null when unknown.
    /// </summary>
    public string? ModernGuestPath => DiskIndex is { } disk && Partition is { } part
        ? "/dev/xvd" + DiskLetters(disk) + PartitionSuffix(part)
        : null;

    /// <summary>The guest paths the disk can appear as (legacy first, then modern, without duplicates).</summary>
    public IReadOnlyList<string> GuestDevicePaths
    {
        get
        {
            var paths = new List<string>(2);
            if (LegacyGuestPath is { } legacy)
            {
                paths.Add(legacy);
            }

            if (ModernGuestPath is { } modern && !paths.Contains(modern))
            {
                paths.Add(modern);
            }

            return paths;
        }
    }

    /// <summary>Decodes a vdev name as libxl does.</summary>
    /// <param name="name">The vdev (e.g. <c>xvda</c>, <c>hda1</c>, <c>d0p1</c>, <c>51712</c>).</param>
    /// <returns>The decoded device.</returns>
    /// <exception cref="DeviceSpecFormatException">libxl cannot decode the name.</exception>
    public static VirtualDevice Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var device)
            ? device
            : throw new DeviceSpecFormatException(name, new DeviceSpecError("invalid or unsupported virtual disk identifier", 0, name.Length));
    }

    /// <summary>Decodes a vdev name as libxl does, without throwing.</summary>
    /// <param name="name">The vdev.</param>
    /// <param name="device">The decoded device.</param>
    /// <returns>False when libxl would refuse the name ("Invalid or unsupported virtual disk identifier").</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out VirtualDevice device)
    {
        device = default;
        if (name is null)
        {
            return false;
        }

        // libxl sees a C string
        var nul = name.IndexOf('\0', StringComparison.Ordinal);
        var text = nul < 0 ? name : name[..nul];

        if (TryDiskPartition(text, out var disk, out var part) && disk < (1 << 20) && part < 256)
        {
            return Xvd(name, VirtualDeviceKind.DiskPartition, disk, part, out device);
        }

        if (VirtDiskMatches(text, "xvd", (1 << 20) - 1, 255, out disk, out part))
        {
            return Xvd(name, VirtualDeviceKind.Xvd, disk, part, out device);
        }

        var number = CNumbers.Strtoul(text, 0, 0, out var end);
        if (end == text.Length && (end > 0 || text.Length == 0) && number <= int.MaxValue)
        {
            // strtoul("") consumes nothing and leaves *ep == '\0': libxl takes the empty name as device 0.
            var value = (int)number;
            var (decodedDisk, decodedPart) = DecodeNumber(value);
            device = new VirtualDevice(name, VirtualDeviceKind.Number, value, decodedDisk, decodedPart);
            return true;
        }

        if (VirtDiskMatches(text, "hd", 3, 63, out disk, out part))
        {
            var ide = ((disk < 2 ? 3 : 22) << 8) | ((disk & 1) << 6) | part;
            return Finish(name, VirtualDeviceKind.Ide, ide, out device);
        }

        if (VirtDiskMatches(text, "sd", 15, 15, out disk, out part))
        {
            return Finish(name, VirtualDeviceKind.Scsi, (8 << 8) | (disk << 4) | part, out device);
        }

        return false;
    }

    /// <summary>The letters of a 0-based disk index in bijective base 26 (0 → <c>a</c>, 25 → <c>z</c>, 26 → <c>aa</c>).</summary>
    /// <param name="index">The disk index (0 or more).</param>
    /// <returns>The letters.</returns>
    public static string DiskLetters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var builder = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            builder.Insert(0, (char)('a' + ((n - 1) % 26)));
        }

        return builder.ToString();
    }

    /// <summary>How a guest device path relates to this vdev (see <see cref="VirtualDeviceMatch"/>).</summary>
    /// <param name="guestPath">A guest path such as <c>/dev/xvda2</c> (the <c>/dev/</c> prefix is optional).</param>
    /// <returns>The kind of match, or <see cref="VirtualDeviceMatch.None"/>.</returns>
    public VirtualDeviceMatch Match(string guestPath)
    {
        ArgumentNullException.ThrowIfNull(guestPath);
        if (Family is not { } family || DiskIndex is not { } disk || Partition is not { } part)
        {
            return VirtualDeviceMatch.None;
        }

        var name = guestPath.StartsWith("/dev/", StringComparison.Ordinal) ? guestPath[5..] : guestPath;
        if (!TryGuestName(name, out var guestFamily, out var guestDisk, out var guestPart) || guestDisk != disk)
        {
            return VirtualDeviceMatch.None;
        }

        if (guestFamily == family)
        {
            return guestPart == part ? VirtualDeviceMatch.Exact
                : part == 0 && guestPart > 0 ? VirtualDeviceMatch.Partition
                : VirtualDeviceMatch.None;
        }

        if (guestFamily == "xvd" && family is "hd" or "sd")
        {
            return guestPart == part ? VirtualDeviceMatch.ModernKernelName
                : part == 0 && guestPart > 0 ? VirtualDeviceMatch.ModernKernelPartition
                : VirtualDeviceMatch.None;
        }

        return VirtualDeviceMatch.None;
    }

    /// <summary>True when the guest path is provided by this vdev in any of the ways of <see cref="Match"/>.</summary>
    /// <param name="guestPath">A guest path such as <c>/dev/xvda2</c>.</param>
    /// <returns>True unless <see cref="Match"/> is <see cref="VirtualDeviceMatch.None"/>.</returns>
    public bool Provides(string guestPath) => Match(guestPath) != VirtualDeviceMatch.None;

    /// <summary>The vdev as written.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name ?? string.Empty;

    private static string PartitionSuffix(int partition) =>
        partition == 0 ? string.Empty : partition.ToString(CultureInfo.InvariantCulture);

    private static bool Xvd(string name, VirtualDeviceKind kind, int disk, int part, out VirtualDevice device)
    {
        var number = disk <= 15 && part <= 15
            ? (XvdMajor << 8) | (disk << 4) | part
            : ExtendedFlag | (disk << 8) | part;
        return Finish(name, kind, number, out device);
    }

    private static bool Finish(string name, VirtualDeviceKind kind, int number, out VirtualDevice device)
    {
        // libxl treats a negative result as "invalid" (reachable with "xvd1" or "xvda-1": no drive letter gives disk
        // -1, a minus sign gives partition -1). A non-negative result is valid even then ("hd" comes out as 832,
        // hdb's number), so the indices are decoded from the number, not taken from the name.
        if (number < 0)
        {
            device = default;
            return false;
        }

        var (disk, part) = DecodeNumber(number);
        device = new VirtualDevice(name, kind, number, disk, part);
        return true;
    }

    /// <summary>
    /// libxl's <c>device_virtdisk_matches</c>: prefix, drive letters in bijective base 26 (capped at
    /// <paramref name="maxIndex"/>), then nothing or a partition number without leading zero, via strtoul.
    /// </summary>
    private static bool VirtDiskMatches(string text, string prefix, int maxIndex, int maxPartition, out int disk, out int partition)
    {
        disk = -1;
        partition = 0;
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var i = prefix.Length;
        for (; i < text.Length && text[i] is >= 'a' and <= 'z'; i++)
        {
            disk = ((disk + 1) * 26) + (text[i] - 'a');
            if (disk > maxIndex)
            {
                return false;
            }
        }

        if (i == text.Length)
        {
            return true;
        }

        if (text[i] == '0')
        {
            return false;
        }

        // strtoul skips blanks and takes a sign; without digits *ep is the (non-NUL) first character
        var value = CNumbers.Strtoul(text, i, 10, out var end);

        // pl is a long: strtoul's huge results (from a minus sign) come out negative and pass "pl > max"
        var pl = unchecked((long)value);
        if (pl > maxPartition || end != text.Length)
        {
            return false;
        }

        partition = unchecked((int)pl);
        return true;
    }

    /// <summary><c>sscanf(virtpath, "d%ip%i%n", ...)</c> consuming the whole name.</summary>
    private static bool TryDiskPartition(string text, out int disk, out int partition)
    {
        disk = partition = 0;
        if (text.Length == 0 || text[0] != 'd')
        {
            return false;
        }

        if (!ScanInt(text, 1, out disk, out var i) || i >= text.Length || text[i] != 'p')
        {
            return false;
        }

        return ScanInt(text, i + 1, out partition, out i) && i == text.Length;
    }

    /// <summary>scanf's <c>%i</c>: blanks, sign, base prefix, digits; the long result truncated to int.</summary>
    private static bool ScanInt(string text, int start, out int value, out int end)
    {
        var i = start;
        var negative = CNumbers.SkipBlanksAndSign(text, ref i);

        if (i >= text.Length || text[i] is < '0' or > '9')
        {
            value = 0;
            end = i;
            return false;
        }

        var magnitude = CNumbers.Strtoul(text, i, 0, out end);

        var signed = magnitude > long.MaxValue ? (negative ? long.MinValue : long.MaxValue) : (negative ? -(long)magnitude : (long)magnitude);
        value = unchecked((int)signed);
        return true;
    }

    private static (int? Disk, int? Partition) DecodeNumber(int number)
    {
        if ((number & ExtendedFlag) != 0 && number >> 29 == 0)
        {
            return ((number >> 8) & 0xfffff, number & 0xff);
        }

        return (number >> 8) switch
        {
            XvdMajor => ((number >> 4) & 0xf, number & 0xf),
            3 => ((number >> 6) & 1, number & 0x3f),
            22 => (2 + ((number >> 6) & 1), number & 0x3f),
            8 => ((number >> 4) & 0xf, number & 0xf),
            _ => (null, null),
        };
    }

    private static string? DecodeNumberFamily(int number)
    {
        if ((number & ExtendedFlag) != 0 && number >> 29 == 0)
        {
            return "xvd";
        }

        return (number >> 8) switch
        {
            XvdMajor => "xvd",
            3 or 22 => "hd",
            8 => "sd",
            _ => null,
        };
    }

    /// <summary>A Linux guest device name: <c>xvd</c>/<c>hd</c>/<c>sd</c>, letters, optional partition number.</summary>
    private static bool TryGuestName(string name, out string family, out int disk, out int partition)
    {
        family = name.StartsWith("xvd", StringComparison.Ordinal) ? "xvd"
            : name.StartsWith("hd", StringComparison.Ordinal) ? "hd"
            : name.StartsWith("sd", StringComparison.Ordinal) ? "sd"
            : string.Empty;
        disk = -1;
        partition = 0;
        if (family.Length == 0)
        {
            return false;
        }

        var i = family.Length;
        for (; i < name.Length && name[i] is >= 'a' and <= 'z' && disk < (1 << 20); i++)
        {
            disk = ((disk + 1) * 26) + (name[i] - 'a');
        }

        if (disk < 0)
        {
            return false;
        }

        if (i == name.Length)
        {
            return true;
        }

        if (name[i] == '0' || !int.TryParse(name.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out partition))
        {
            return false;
        }

        return true;
    }
}
