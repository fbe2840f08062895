using System.Diagnostics.CodeAnalysis;

namespace XenConfig.Devices;

/// <summary>
/// One usbdev spec (an item of <c>usbdev = [ ... ]</c>): <c>type=hostdev,hostbus=N,hostaddr=N,controller=N,port=N</c>,
/// read as xl's <c>parse_usbdev_config</c>: <c>hostbus</c>/<c>hostaddr</c> with <c>strtoul</c> base 0 (so <c>0x</c>
/// hex and leading-zero octal work), <c>controller</c>/<c>port</c> with <c>atoi</c>. An unknown piece or type makes xl
/// abort.
/// </summary>
public sealed class UsbDevSpec
{
    private UsbDevSpec(string text)
    {
        Text = text;
    }

    /// <summary>The spec exactly as written.</summary>
    public string Text { get; }

    /// <summary>True when <c>type=hostdev</c> was given (the only type; also libxl's default).</summary>
    public bool HasType { get; private set; }

    /// <summary><c>hostbus=</c> (truncated to libxl's 8 bits), or null.</summary>
    public int? HostBus { get; private set; }

    /// <summary><c>hostaddr=</c> (truncated to libxl's 8 bits), or null.</summary>
    public int? HostAddress { get; private set; }

    /// <summary><c>controller=</c>: the usbctrl devid, or null (libxl picks one).</summary>
    public int? Controller { get; private set; }

    /// <summary><c>port=</c> (ports start at 1), or null (libxl picks one).</summary>
    public int? Port { get; private set; }

    /// <summary>Parses a usbdev spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the spec.</exception>
    public static UsbDevSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var usbdev, out var error) ? usbdev : throw new DeviceSpecFormatException(spec, error);
    }

    /// <summary>Parses a usbdev spec without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="usbdev">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out UsbDevSpec? usbdev, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        usbdev = null;
        var result = new UsbDevSpec(spec);
        foreach (var raw in DeviceGrammar.SplitCommas(spec))
        {
            var piece = raw.SkipSpaces();
            var pair = DeviceGrammar.KeyValue(piece);
            switch (pair?.Key)
            {
                case "type":
                    if (!pair.Value.Value.Equals("hostdev", StringComparison.OrdinalIgnoreCase))
                    {
                        error = new DeviceSpecError("Invalid usb device type", pair.Value.ValueStart, pair.Value.Value.Length);
                        return false;
                    }

                    result.HasType = true;
                    break;
                case "hostbus":
                    result.HostBus = unchecked((byte)CNumbers.Strtoul(pair.Value.Value, 0, 0, out _));
                    break;
                case "hostaddr":
                    result.HostAddress = unchecked((byte)CNumbers.Strtoul(pair.Value.Value, 0, 0, out _));
                    break;
                case "controller":
                    result.Controller = CNumbers.Atoi(pair.Value.Value);
                    break;
                case "port":
                    result.Port = CNumbers.Atoi(pair.Value.Value);
                    break;
                default:
                    error = new DeviceSpecError("Unknown string in usbdev spec", piece.Start, piece.Text.Length);
                    return false;
            }
        }

        usbdev = result;
        error = null;
        return true;
    }

    /// <summary>The spec exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
