using System.Text;

namespace XenConfig.Libvirt.Model;

/// <summary>
/// The xm/xl character device strings of <c>serial</c>, <c>parallel</c> (<c>pty</c>, <c>/dev/ttyS0</c>,
/// <c>tcp:host:port,server,nowait</c>, <c>udp:host:port@bindhost:bindport</c>, <c>unix:/path,server</c>...), read as
/// libvirt's <c>xenParseSxprChar</c> and written as <c>xenFormatSxprChr</c>.
/// </summary>
internal static class CharDeviceSpec
{
    private static readonly string[] SourceTypes =
        ["null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp", "tcp", "unix", "spicevmc", "spiceport", "nmdm", "qemu-vdagent", "dbus"];

    public static bool TryParse(string text, out CharDevice device, out string error)
    {
        device = new CharDevice();
        error = "";
        if (text.StartsWith('/'))
        {
            device.Type = "dev";
            device.Path = text;
            return true;
        }

        var prefix = text;
        var value = text;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            prefix = text[..colon];
            value = text[(colon + 1)..];
        }

        if (prefix.StartsWith("telnet", StringComparison.Ordinal))
        {
            device.Type = "tcp";
            device.Telnet = true;
        }
        else if (SourceTypes.Contains(prefix, StringComparer.Ordinal))
        {
            device.Type = prefix;
        }
        else
        {
            error = $"'{prefix}' is not a character device type libvirt knows";
            return false;
        }

        switch (device.Type)
        {
            case "pty":
                break;
            case "file" or "pipe":
                device.Path = value;
                break;
            case "tcp":
            {
                var hostEnd = value.IndexOf(':', StringComparison.Ordinal);
                if (hostEnd < 0)
                {
                    error = "the tcp device needs host:port";
                    return false;
                }

                if (hostEnd > 0)
                {
                    device.Host = value[..hostEnd];
                }

                var rest = value[(hostEnd + 1)..];
                var comma = rest.IndexOf(',', StringComparison.Ordinal);
                device.Service = comma < 0 ? rest : rest[..comma];
                device.Listen = comma >= 0 && rest[comma..].Contains(",server", StringComparison.Ordinal);
                break;
            }

            case "udp":
            {
                var hostEnd = value.IndexOf(':', StringComparison.Ordinal);
                if (hostEnd < 0)
                {
                    error = "the udp device needs host:port";
                    return false;
                }

                if (hostEnd > 0)
                {
                    device.Host = value[..hostEnd];
                }

                var at = value.IndexOf('@', hostEnd);
                if (at < 0)
                {
                    device.Service = value[(hostEnd + 1)..];
                    break;
                }

                device.Service = value[(hostEnd + 1)..at];
                var bindColon = value.IndexOf(':', at);
                if (bindColon < 0)
                {
                    error = "the udp device's bind address needs host:port";
                    return false;
                }

                if (bindColon > at + 1)
                {
                    device.BindHost = value[(at + 1)..bindColon];
                }

                device.BindService = value[(bindColon + 1)..];
                break;
            }

            case "unix":
            {
                var comma = value.IndexOf(',', StringComparison.Ordinal);
                device.Path = comma < 0 ? value : value[..comma];
                device.Listen = comma >= 0 && value[comma..].Contains(",server", StringComparison.Ordinal);
                break;
            }
        }

        return true;
    }

    /// <summary>The config string for a device, or null for a source type the config cannot express.</summary>
    public static string? Format(CharDevice device)
    {
        var text = new StringBuilder();
        switch (device.Type)
        {
            case "null" or "stdio" or "vc" or "pty":
                text.Append(device.Type);
                break;
            case "file" or "pipe":
                text.Append(device.Type).Append(':').Append(EscapeSexpr(device.Path ?? ""));
                break;
            case "dev":
                text.Append(EscapeSexpr(device.Path ?? ""));
                break;
            case "tcp":
                text.Append(device.Telnet ? "telnet" : "tcp").Append(':').Append(device.Host).Append(':').Append(device.Service)
                    .Append(device.Listen ? ",server,nowait" : "");
                break;
            case "udp":
                text.Append("udp:").Append(device.Host).Append(':').Append(device.Service).Append('@')
                    .Append(device.BindHost).Append(':').Append(device.BindService);
                break;
            case "unix":
                text.Append("unix:").Append(EscapeSexpr(device.Path ?? "")).Append(device.Listen ? ",server,nowait" : "");
                break;
            default:
                return null;
        }

        return text.ToString();
    }

    // virBufferEscapeSexpr: a backslash before every backslash and single quote.
    public static string EscapeSexpr(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
