using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace XenConfig.Devices;

/// <summary>
/// One PCI passthrough spec (an item of <c>pci = [ ... ]</c>), parsed exactly as libxlutil's
/// <c>xlu_pci_parse_spec_string</c>: <c>[DDDD:]BB:SS.F[@VSLOT][,key=value...]</c> or <c>key=value,...</c> with exactly
/// one of <c>bdf=</c> and <c>name=</c>. Numbers are hex, read with glibc <c>sscanf("%x")</c> (so blanks, a sign and a
/// <c>0x</c> prefix are accepted where that allows them, and oversized values are truncated to 32 bits).
/// </summary>
/// <remarks>
/// The boolean options are read with <c>atoi</c> (<c>seize=yes</c> is false). They are null when the spec does not set
/// them; xl then applies <c>pci_permissive</c>, <c>pci_msitranslate</c>, <c>pci_seize</c> and <c>pci_power_mgmt</c>.
/// A BDF whose numbers all parse but that lacks the <c>.</c> before the function (<c>03:00</c>) makes libxlutil read an
/// uninitialised variable; it is rejected here.
/// </remarks>
public sealed class PciSpec
{
    private PciSpec(string text)
    {
        Text = text;
    }

    /// <summary>The spec exactly as written.</summary>
    public string Text { get; }

    /// <summary>True when the spec names a device by BDF (positional or <c>bdf=</c>); false when by <c>name=</c>.</summary>
    public bool HasBdf { get; private set; }

    /// <summary>The PCI domain (segment), 0..0xffff.</summary>
    public int Domain { get; private set; }

    /// <summary>The bus, 0..0xff.</summary>
    public int Bus { get; private set; }

    /// <summary>The device (slot), 0..0x1f.</summary>
    public int Device { get; private set; }

    /// <summary>The function, 0..7 (0 when <see cref="AllFunctions"/>).</summary>
    public int Function { get; private set; }

    /// <summary>True for <c>BB:SS.*</c>: every function of the device.</summary>
    public bool AllFunctions { get; private set; }

    /// <summary>The guest slot (<c>@VSLOT</c> or <c>vslot=</c>, 0..0x1f), or null for automatic.</summary>
    public int? VirtualSlot { get; private set; }

    /// <summary><c>permissive=</c>, or null (xl's <c>pci_permissive</c>).</summary>
    public bool? Permissive { get; private set; }

    /// <summary><c>msitranslate=</c>, or null (xl's <c>pci_msitranslate</c>).</summary>
    public bool? MsiTranslate { get; private set; }

    /// <summary><c>seize=</c>, or null (xl's <c>pci_seize</c>).</summary>
    public bool? Seize { get; private set; }

    /// <summary><c>power_mgmt=</c>, or null (xl's <c>pci_power_mgmt</c>).</summary>
    public bool? PowerManagement { get; private set; }

    /// <summary><c>rdm_policy=</c> (case-insensitive), or null.</summary>
    public PciRdmPolicy? RdmPolicy { get; private set; }

    /// <summary><c>name=</c>: a device assigned by name (<c>xl pci-assignable-add -n</c>), or null.</summary>
    public string? Name { get; private set; }

    /// <summary>The BDF in canonical form, <c>dddd:bb:ss.f</c> (<c>*</c> for all functions), or null without one.</summary>
    public string? Bdf => HasBdf
        ? string.Create(CultureInfo.InvariantCulture, $"{Domain:x4}:{Bus:x2}:{Device:x2}.{(AllFunctions ? "*" : Function.ToString("x", CultureInfo.InvariantCulture))}")
        : null;

    /// <summary>Parses a PCI spec as xl does.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the spec.</exception>
    public static PciSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var pci, out var error) ? pci : throw new DeviceSpecFormatException(spec, error);
    }

    /// <summary>Parses a PCI spec as xl does, without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="pci">The parsed spec, or null.</param>
    /// <param name="error">Why and where xl rejects it, or null.</param>
    /// <returns>True when xl accepts the spec.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out PciSpec? pci, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var nul = spec.IndexOf('\0', StringComparison.Ordinal);
        var text = nul < 0 ? spec : spec[..nul];
        var result = new PciSpec(spec);
        error = result.Run(text);
        pci = error is null ? result : null;
        return error is null;
    }

    /// <summary>The canonical spec: the BDF (or <c>name=</c>), <c>@vslot</c>, then the options that are set.</summary>
    /// <returns>E.g. <c>0000:03:00.0@1f,permissive=1</c>.</returns>
    public string ToCanonicalString()
    {
        var parts = new List<string>();
        if (Bdf is { } bdf)
        {
            parts.Add(VirtualSlot is { } slot ? string.Create(CultureInfo.InvariantCulture, $"{bdf}@{slot:x}") : bdf);
        }
        else
        {
            parts.Add("name=" + Name);
            if (VirtualSlot is { } slot)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"vslot={slot:x}"));
            }
        }

        void Flag(string key, bool? value)
        {
            if (value is { } set)
            {
                parts.Add(key + (set ? "=1" : "=0"));
            }
        }

        Flag("permissive", Permissive);
        Flag("msitranslate", MsiTranslate);
        Flag("seize", Seize);
        Flag("power_mgmt", PowerManagement);
        if (RdmPolicy is { } policy)
        {
            parts.Add("rdm_policy=" + policy.ToString().ToLowerInvariant());
        }

        return string.Join(',', parts);
    }

    /// <summary>The spec exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    private DeviceSpecError? Run(string text)
    {
        var namePresent = false;
        var position = 0;

        // the BDF as a positional parameter
        if (TryBdf(text, 0, out var end))
        {
            HasBdf = true;
            if (end < text.Length && text[end] == '@')
            {
                if (!TryVirtualSlot(text, end + 1, out end))
                {
                    return Error("invalid virtual slot (hex, at most 1f)", end, text.Length - end);
                }
            }

            if (end < text.Length && text[end] == ',')
            {
                end++;
            }
            else if (end < text.Length)
            {
                return Error("unexpected text after the BDF", end, text.Length - end);
            }

            position = end;
        }

        // the rest as key=value pairs
        while (position < text.Length)
        {
            var equals = text.IndexOf('=', position);
            if (equals < 0)
            {
                return Error("expected key=value", position, text.Length - position);
            }

            var key = text[position..equals];
            var valueStart = equals + 1;
            var comma = text.IndexOf(',', valueStart);
            var valueEnd = comma < 0 ? text.Length : comma;
            var value = text[valueStart..valueEnd];
            position = comma < 0 ? valueEnd : comma + 1;

            switch (key)
            {
                case "bdf":
                    if (!TryBdf(value, 0, out _))
                    {
                        return Error("invalid BDF", valueStart, value.Length);
                    }

                    HasBdf = true;
                    break;
                case "vslot":
                    if (!TryVirtualSlot(value, 0, out _))
                    {
                        return Error("invalid virtual slot (hex, at most 1f)", valueStart, value.Length);
                    }

                    break;
                case "permissive":
                    Permissive = CNumbers.Atoi(value) != 0;
                    break;
                case "msitranslate":
                    MsiTranslate = CNumbers.Atoi(value) != 0;
                    break;
                case "seize":
                    Seize = CNumbers.Atoi(value) != 0;
                    break;
                case "power_mgmt":
                    PowerManagement = CNumbers.Atoi(value) != 0;
                    break;
                case "rdm_policy":
                    RdmPolicy = value.ToLowerInvariant() switch
                    {
                        "invalid" => PciRdmPolicy.Invalid,
                        "strict" => PciRdmPolicy.Strict,
                        "relaxed" => PciRdmPolicy.Relaxed,
                        _ => null,
                    };
                    if (RdmPolicy is null)
                    {
                        return Error("Unknown RDM policy", valueStart, value.Length);
                    }

                    break;
                case "name":
                    namePresent = true;
                    Name = value;
                    break;
                default:
                    return Error("Unknown PCI_SPEC_STRING option", equals - key.Length, key.Length);
            }
        }

        return HasBdf == namePresent
            ? Error("exactly one of a BDF and name= is required", 0, text.Length)
            : null;
    }

    /// <summary>libxlutil's <c>parse_bdf</c>: sets the fields only on success.</summary>
    private bool TryBdf(string text, int start, out int end)
    {
        end = start;
        var colons = 0;
        for (var i = start; i < text.Length && (CNumbers.HexValue(text[i]) >= 0 || text[i] == ':'); i++)
        {
            if (text[i] == ':')
            {
                colons++;
            }
        }

        uint domain = 0, bus, device;
        var p = start;
        switch (colons)
        {
            case 1:
                if (!ScanHex(text, p, out bus, out p) || !Literal(text, ref p, ':') || !ScanHex(text, p, out device, out p) || !Literal(text, ref p, '.'))
                {
                    return false;
                }

                break;
            case 2:
                if (!ScanHex(text, p, out domain, out p) || !Literal(text, ref p, ':') || !ScanHex(text, p, out bus, out p) ||
                    !Literal(text, ref p, ':') || !ScanHex(text, p, out device, out p) || !Literal(text, ref p, '.'))
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        if (domain > 0xffff || bus > 0xff || device > 0x1f)
        {
            return false;
        }

        uint function = 0;
        var all = false;
        if (p < text.Length && text[p] == '*')
        {
            all = true;
            p++;
        }
        else if (!ScanHex(text, p, out function, out p) || function > 7)
        {
            return false;
        }

        Domain = (int)domain;
        Bus = (int)bus;
        Device = (int)device;
        Function = (int)function;
        AllFunctions = all;
        end = p;
        return true;
    }

    /// <summary>libxlutil's <c>parse_vslot</c>: <c>sscanf("%x")</c>, at most 0x1f.</summary>
    private bool TryVirtualSlot(string text, int start, out int end)
    {
        if (!ScanHex(text, start, out var slot, out end) || slot > 0x1f)
        {
            end = start;
            return false;
        }

        VirtualSlot = (int)slot;
        return true;
    }

    private static bool Literal(string text, ref int position, char c)
    {
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// glibc <c>sscanf("%x")</c>: blanks, a sign, an optional <c>0x</c> (consumed even without digits after it, value
    /// 0), hex digits; the unsigned long result (saturated, negated modulo 2^64 for a minus) truncated to 32 bits.
    /// </summary>
    private static bool ScanHex(string text, int start, out uint value, out int end)
    {
        value = 0;
        end = start;
        var i = start;
        var negative = CNumbers.SkipBlanksAndSign(text, ref i);

        ulong magnitude = 0;
        var overflow = false;
        var digits = 0;
        if (i < text.Length && text[i] == '0')
        {
            i++;
            digits = 1;
            if (i < text.Length && text[i] is 'x' or 'X')
            {
                i++;
            }
        }

        for (; i < text.Length && CNumbers.HexValue(text[i]) is var digit and >= 0; i++, digits++)
        {
            if (magnitude > (ulong.MaxValue - (ulong)digit) / 16)
            {
                overflow = true;
            }
            else
            {
                magnitude = (magnitude * 16) + (ulong)digit;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var full = overflow ? ulong.MaxValue : negative ? unchecked(0UL - magnitude) : magnitude;
        value = unchecked((uint)full);
        end = i;
        return true;
    }

    private static DeviceSpecError Error(string message, int offset, int length) => new(message, offset, Math.Max(0, length));
}
