using System.Diagnostics.CodeAnalysis;

namespace XenConfig.Devices;

/// <summary>
/// One usbctrl spec (an item of <c>usbctrl = [ ... ]</c>): <c>type=auto|pv|devicemodel|qusb,version=N,ports=N</c>,
/// read as xl's <c>parse_usbctrl_config</c> (type case-insensitive, numbers via <c>atoi</c>). An unknown piece or type
/// makes xl abort. libxl checks the ranges later (version 1..3, ports 1..31); unset values are null (libxl: auto, 2, 8).
/// </summary>
public sealed class UsbCtrlSpec
{
    private UsbCtrlSpec(string text)
    {
        Text = text;
    }

    /// <summary>The spec exactly as written.</summary>
    public string Text { get; }

    /// <summary><c>type=</c>, or null (auto).</summary>
    public UsbControllerType? Type { get; private set; }

    /// <summary><c>version=</c> (1, 2 or 3 for libxl), or null (2).</summary>
    public int? Version { get; private set; }

    /// <summary><c>ports=</c> (1..31 for libxl), or null (8).</summary>
    public int? Ports { get; private set; }

    /// <summary>Parses a usbctrl spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the spec.</exception>
    public static UsbCtrlSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var usbctrl, out var error) ? usbctrl : throw new DeviceSpecFormatException(spec, error);
    }

    /// <summary>Parses a usbctrl spec without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="usbctrl">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out UsbCtrlSpec? usbctrl, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        usbctrl = null;
        var result = new UsbCtrlSpec(spec);
        foreach (var raw in DeviceGrammar.SplitCommas(spec))
        {
            var piece = raw.SkipSpaces();
            var pair = DeviceGrammar.KeyValue(piece);
            switch (pair?.Key)
            {
                case "type":
                    result.Type = pair.Value.Value.ToLowerInvariant() switch
                    {
                        "auto" => UsbControllerType.Auto,
                        "pv" => UsbControllerType.Pv,
                        "devicemodel" => UsbControllerType.DeviceModel,
                        "qusb" => UsbControllerType.Qusb,
                        _ => null,
                    };
                    if (result.Type is null)
                    {
                        error = new DeviceSpecError("Invalid usb controller type", pair.Value.ValueStart, pair.Value.Value.Length);
                        return false;
                    }

                    break;
                case "version":
                    result.Version = CNumbers.Atoi(pair.Value.Value);
                    break;
                case "ports":
                    result.Ports = CNumbers.Atoi(pair.Value.Value);
                    break;
                default:
                    error = new DeviceSpecError("Unknown string in usbctrl spec", piece.Start, piece.Text.Length);
                    return false;
            }
        }

        usbctrl = result;
        error = null;
        return true;
    }

    /// <summary>The spec exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
