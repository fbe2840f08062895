namespace XenConfig.Libvirt.Model;

/// <summary>
/// The <c>rbd:pool/image:key=value:...</c> disk source of qemu that xl passes through, read as libvirt's
/// <c>virStorageSourceParseRBDColonString</c> reads it (<c>\:</c> and <c>\;</c> escape the separators) and written back.
/// </summary>
internal static class RbdSource
{
    public static bool TryParse(string source, Disk disk)
    {
        var fields = SplitUnescaped(source["rbd:".Length..], ':');
        if (fields.Count == 0 || fields[0].Length == 0)
        {
            return false;
        }

        disk.Type = "network";
        disk.Protocol = "rbd";
        disk.SourceName = Unescape(fields[0]);
        foreach (var option in fields.Skip(1))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return false;
            }

            if (option[..equals] == "mon_host")
            {
                // hosts are separated by an escaped semicolon and their ports by an escaped colon
                foreach (var host in option[(equals + 1)..].Split("\\;"))
                {
                    var parts = host.Split("\\:");
                    disk.Hosts.Add((parts[0].Trim('[', ']'), parts.Length > 1 ? parts[1] : null));
                }
            }
        }

        return true;
    }

    public static string Format(Disk disk)
    {
        var text = "rbd:" + (disk.SourceName ?? "") + ":auth_supported=none";
        if (disk.Hosts.Count > 0)
        {
            text += ":mon_host=" + string.Join("\\;", disk.Hosts.Select(h =>
                (h.Name.Contains(':', StringComparison.Ordinal) ? "[" + h.Name.Replace(":", "\\:", StringComparison.Ordinal) + "]" : h.Name) + (h.Port is null ? "" : "\\:" + h.Port)));
        }

        return text;
    }

    private static string Unescape(string text) =>
        text.Replace("\\:", ":", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal);

    private static List<string> SplitUnescaped(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
