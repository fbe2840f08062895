using System.Globalization;
using System.Text;

namespace XenConfig.Libvirt.Model;

/// <summary>UUIDs as libvirt reads them (<c>virUUIDParse</c>: 32 hex digits, dashes anywhere) and writes them.</summary>
internal static class Uuids
{
    public static bool TryNormalize(string text, out string uuid)
    {
        uuid = "";
        var digits = new StringBuilder(32);
        var trimmed = text.Trim(' ');
        foreach (var c in trimmed)
        {
            if (c == '-')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c) || digits.Length == 32)
            {
                return false;
            }

            digits.Append(char.ToLowerInvariant(c));
        }

        if (digits.Length != 32)
        {
            return false;
        }

        var hex = digits.ToString();
        uuid = string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
        return true;
    }
}
