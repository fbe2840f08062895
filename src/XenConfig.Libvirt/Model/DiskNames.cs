namespace XenConfig.Libvirt.Model;

/// <summary>libvirt's <c>virDiskNameToIndex</c>: <c>hda</c> is 0, <c>sdb</c> 1, <c>xvdaa</c> 26; partitions are allowed.</summary>
internal static class DiskNames
{
    private static readonly string[] Prefixes = ["fd", "hd", "vd", "sd", "xvd", "ubd"];

    public static int ToIndex(string name)
    {
        var prefix = Prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null)
        {
            return -1;
        }

        var position = prefix.Length;
        var letters = 0;
        while (position < name.Length && name[position] is >= 'a' and <= 'z')
        {
            letters++;
            position++;
        }

        if (letters == 0 || position < name.Length && name[position..].Any(c => !char.IsAsciiDigit(c)))
        {
            return -1;
        }

        return Decode(name[prefix.Length..(prefix.Length + letters)]);
    }

    // "a" = 0 ... "z" = 25, "aa" = 26: bijective base 26, minus one.
    private static int Decode(string letters)
    {
        var value = 0;
        foreach (var c in letters)
        {
            value = (value * 26) + (c - 'a' + 1);
        }

        return value - 1;
    }
}
