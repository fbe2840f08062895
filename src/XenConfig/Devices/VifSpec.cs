using System.Diagnostics.CodeAnalysis;
using XenConfig.Diagnostics;

namespace XenConfig.Devices;

/// <summary>
/// One vif spec string (an item of <c>vif = [ ... ]</c>), parsed as xl's <c>parse_nic_config</c> does: split on commas
/// (empty pieces skipped), leading spaces of each piece dropped, each piece <c>key=value</c> with a known key or the
/// bare flags <c>trusted</c> / <c>untrusted</c>; the last value of a repeated key wins. <c>''</c> is a valid vif with
/// all defaults.
/// </summary>
/// <remarks>
/// <para>A spec is parsed (<see cref="Parse"/>) or built in code with init properties:
/// <c>new VifSpec { Mac = MacAddress.Parse("00:16:3e:1a:00:01"), Bridge = "xenbr0" }</c>. A built spec's
/// <see cref="Text"/> (and <see cref="ToString"/>) is its canonical <c>key=value</c> list, which xl reads back to the
/// same values; a value that holds a comma cannot be written and is refused when it is set.</para>
/// <para>xl only prints a message for unknown keys and carries on; those pieces are kept in <see cref="UnknownItems"/>.
/// It also keeps the nic when a <c>type</c> is not <c>vif</c>/<c>ioemu</c> (<c>type=netfront</c>) or a <c>mac</c> does
/// not read (<c>mac=zz</c>, seven octets): those pieces are ignored and listed in <see cref="IgnoredPieces"/>, with
/// their place in the spec. Rejected (<see cref="DiagnosticIds.InvalidVifSpec"/>), as xl stops on them: an invalid
/// <c>rate</c> and a <c>devid</c> / <c>mtu</c> that is not a number.</para>
/// </remarks>
public sealed class VifSpec
{
    // The COLO fault-tolerance keys xl copies into the nic (forwarddev and colo_*); shared with the libxl projection.
    internal static readonly HashSet<string> ColoKeys =
    [
        "forwarddev",
        "colo_sock_mirror_id", "colo_sock_mirror_ip", "colo_sock_mirror_port",
        "colo_sock_compare_sec_in_id", "colo_sock_compare_sec_in_ip", "colo_sock_compare_sec_in_port",
        "colo_sock_redirector0_id", "colo_sock_redirector0_ip", "colo_sock_redirector0_port",
        "colo_sock_redirector1_id", "colo_sock_redirector1_ip", "colo_sock_redirector1_port",
        "colo_sock_redirector2_id", "colo_sock_redirector2_ip", "colo_sock_redirector2_port",
        "colo_sock_compare_pri_in_id", "colo_sock_compare_pri_in_ip", "colo_sock_compare_pri_in_port",
        "colo_sock_compare_notify_id", "colo_sock_compare_notify_ip", "colo_sock_compare_notify_port",
        "colo_filter_mirror_queue", "colo_filter_mirror_outdev",
        "colo_filter_redirector0_queue", "colo_filter_redirector0_indev", "colo_filter_redirector0_outdev",
        "colo_filter_redirector1_queue", "colo_filter_redirector1_indev", "colo_filter_redirector1_outdev",
        "colo_compare_pri_in", "colo_compare_sec_in", "colo_compare_out", "colo_compare_notify_dev",
        "colo_sock_sec_redirector0_id", "colo_sock_sec_redirector0_ip", "colo_sock_sec_redirector0_port",
        "colo_sock_sec_redirector1_id", "colo_sock_sec_redirector1_ip", "colo_sock_sec_redirector1_port",
        "colo_filter_sec_redirector0_queue", "colo_filter_sec_redirector0_indev", "colo_filter_sec_redirector0_outdev",
        "colo_filter_sec_redirector1_queue", "colo_filter_sec_redirector1_indev", "colo_filter_sec_redirector1_outdev",
        "colo_filter_sec_rewriter0_queue", "colo_checkpoint_host", "colo_checkpoint_port",
    ];

    // The order a built spec is written in; COLO keys follow in ordinal order.
    private static readonly string[] CanonicalOrder =
        ["mac", "bridge", "type", "model", "vifname", "script", "ip", "backend", "gatewaydev", "rate", "devid", "mtu", "vlan"];

    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly string? _text;
    private readonly MacAddress? _mac;
    private readonly VifType? _type;
    private readonly VifRate? _rate;

    /// <summary>A spec to build with init properties; every property left unset has xl's default (<c>''</c> is a valid vif).</summary>
    public VifSpec()
    {
    }

    private VifSpec(string text, Dictionary<string, string> settings, IReadOnlyList<string> unknownItems, IReadOnlyList<DeviceSpecError> ignoredPieces, MacAddress? mac, VifType? type, VifRate? rate, bool? trusted)
    {
        IgnoredPieces = ignoredPieces;
        _text = text;
        _settings = settings;
        UnknownItems = unknownItems;
        _mac = mac;
        _type = type;
        _rate = rate;
        Trusted = trusted;
    }

    /// <summary>The spec exactly as written; for a spec built in code, its canonical <c>key=value</c> list.</summary>
    public string Text => _text ?? Canonical();

    /// <summary><c>mac=</c>; null means a random <c>00:16:3e:..</c> address (as does all-zero).</summary>
    public MacAddress? Mac
    {
        get => _mac;
        init
        {
            _mac = value;
            Put("mac", value?.ToString());
        }
    }

    /// <summary><c>bridge=</c>; null means xl's default (<c>xenbr0</c> or xl.conf's).</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma, which ends a vif item.</exception>
    public string? Bridge { get => Get("bridge"); init => Put("bridge", value); }

    /// <summary><c>ip=</c>: free text handed to the hotplug script.</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma.</exception>
    public string? Ip { get => Get("ip"); init => Put("ip", value); }

    /// <summary><c>script=</c>; null means <c>vif-bridge</c>.</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma.</exception>
    public string? Script { get => Get("script"); init => Put("script", value); }

    /// <summary><c>model=</c>: the emulated NIC model for HVM (default <c>rtl8139</c>).</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma.</exception>
    public string? Model { get => Get("model"); init => Put("model", value); }

    /// <summary><c>type=</c>; null means the guest type's default.</summary>
    public VifType? Type
    {
        get => _type;
        init
        {
            _type = value;
            Put("type", value switch { VifType.Vif => "vif", VifType.Ioemu => "ioemu", _ => null });
        }
    }

    /// <summary><c>vifname=</c>: the backend interface name.</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma.</exception>
    public string? VifName { get => Get("vifname"); init => Put("vifname", value); }

    /// <summary><c>rate=</c> as written, or null.</summary>
    public string? RateText => Get("rate");

    /// <summary>The parsed <c>rate=</c>, or null (build one with <see cref="VifRate.Parse"/>).</summary>
    public VifRate? Rate
    {
        get => _rate;
        init
        {
            _rate = value;
            Put("rate", value?.Text);
        }
    }

    /// <summary><c>backend=</c>: the backend domain; null means dom0.</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma.</exception>
    public string? Backend { get => Get("backend"); init => Put("backend", value); }

    /// <summary><c>gatewaydev=</c> (or its deprecated alias <c>netdev=</c>, whichever came last).</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma.</exception>
    public string? GatewayDev { get => Get("gatewaydev"); init => Put("gatewaydev", value); }

    /// <summary><c>devid=</c> as xl reads it (strtoul base 10, trailing text ignored), or null.</summary>
    public ulong? DevId
    {
        get => Get("devid") is { } devid ? CNumbers.Strtoul(devid, 0, 10, out _) : null;
        init => Put("devid", value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary><c>mtu=</c> as xl reads it, or null.</summary>
    public ulong? Mtu
    {
        get => Get("mtu") is { } mtu ? CNumbers.Strtoul(mtu, 0, 10, out _) : null;
        init => Put("mtu", value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary><c>vlan=</c>, passed through to the hotplug script.</summary>
    /// <exception cref="ArgumentException">(init) The value holds a comma.</exception>
    public string? Vlan { get => Get("vlan"); init => Put("vlan", value); }

    /// <summary><c>trusted</c> (true) / <c>untrusted</c> (false), or null.</summary>
    public bool? Trusted { get; init; }

    /// <summary>Every <c>key=value</c> xl recognised, the last value of each key (<c>netdev</c> stored as <c>gatewaydev</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings => _settings;

    /// <summary>Pieces xl does not recognise ("unrecognized argument"; xl ignores them), as written.</summary>
    public IReadOnlyList<string> UnknownItems { get; } = [];

    /// <summary>
    /// Pieces xl reads but ignores, keeping the nic: a <c>type</c> other than <c>vif</c>/<c>ioemu</c> and a <c>mac</c> that
    /// does not read (<see cref="Mac"/> is then the last <c>mac</c> that did, or null; xl itself keeps the octets it read
    /// before the bad one, which <c>XenConfig.Libxl</c> shows). Each says why, and where in the spec.
    /// </summary>
    public IReadOnlyList<DeviceSpecError> IgnoredPieces { get; } = [];

    /// <summary>Parses a vif spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The parsed spec.</returns>
    /// <exception cref="DeviceSpecFormatException">The spec is invalid.</exception>
    public static VifSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var vif, out var error) ? vif : throw new DeviceSpecFormatException(spec, error);
    }

    /// <summary>Parses a vif spec without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="vif">The parsed spec, or null.</param>
    /// <param name="error">Why and where it is invalid, or null.</param>
    /// <returns>True when the spec is valid.</returns>
    public static bool TryParse(string spec, [NotNullWhen(true)] out VifSpec? vif, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        vif = null;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var ignored = new List<DeviceSpecError>();
        MacAddress? mac = null;
        VifType? type = null;
        VifRate? rate = null;
        bool? trusted = null;

        var position = 0;
        while (position <= spec.Length)
        {
            var comma = spec.IndexOf(',', position);
            var end = comma < 0 ? spec.Length : comma;
            var start = position;
            position = end + 1;

            // strtok skips empty pieces; xl then skips leading spaces (not tabs)
            if (end == start)
            {
                continue;
            }

            while (start < end && spec[start] == ' ')
            {
                start++;
            }

            var piece = spec[start..end];
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (piece == "trusted")
                {
                    trusted = true;
                }
                else if (piece == "untrusted")
                {
                    trusted = false;
                }
                else
                {
                    unknown.Add(piece);
                }

                continue;
            }

            var key = piece[..equals];
            var value = piece[(equals + 1)..];
            var valueStart = start + equals + 1;
            switch (key)
            {
                case "type":
                    if (value switch { "vif" => VifType.Vif, "ioemu" => VifType.Ioemu, _ => (VifType?)null } is not { } knownType)
                    {
                        ignored.Add(Error("invalid parameter `type' (vif or ioemu); xl ignores it", valueStart, value.Length));
                        continue;
                    }

                    type = knownType;
                    break;
                case "mac":
                    if (!MacAddress.TryParse(value, out var address, out var macError))
                    {
                        ignored.Add(macError with { Offset = valueStart + macError.Offset });
                        continue;
                    }

                    mac = address;
                    break;
                case "rate":
                    if (!VifRate.TryParse(value, out var parsedRate, out var rateError))
                    {
                        error = rateError with { Offset = valueStart + rateError.Offset };
                        return false;
                    }

                    rate = parsedRate;
                    break;
                case "devid" or "mtu":
                    var number = CNumbers.Strtoul(value, 0, 10, out var numberEnd);
                    if (numberEnd == 0 || number == ulong.MaxValue)
                    {
                        error = Error($"failed to convert `{value}' to number", valueStart, value.Length);
                        return false;
                    }

                    break;
                case "accel":
                    // "the accel parameter for vifs is currently not supported": accepted, ignored
                    continue;
                case "netdev":
                    key = "gatewaydev";
                    break;
                case "bridge" or "gatewaydev" or "ip" or "script" or "backend" or "vifname" or "model" or "vlan":
                    break;
                default:
                    if (!ColoKeys.Contains(key))
                    {
                        unknown.Add(piece);
                        continue;
                    }

                    break;
            }

            settings[key] = value;
        }

        vif = new VifSpec(spec, settings, unknown, ignored, mac, type, rate, trusted);
        error = null;
        return true;
    }

    /// <summary>The spec exactly as written; for a spec built in code, its canonical form.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    private string? Get(string key) => _settings.TryGetValue(key, out var value) ? value : null;

    // Init accessors: a value xl would split or cut is refused here, so Text always parses back to the same values.
    private void Put(string key, string? value)
    {
        if (value is null)
        {
            _settings.Remove(key);
            return;
        }

        if (value.AsSpan().IndexOfAny(',', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"The vif {key} value cannot hold a comma, a newline or a NUL: {value}", key);
        }

        _settings[key] = value;
    }

    private string Canonical()
    {
        var pieces = new List<string>();
        foreach (var key in CanonicalOrder)
        {
            if (_settings.TryGetValue(key, out var value))
            {
                pieces.Add(key + "=" + value);
            }
        }

        pieces.AddRange(_settings.Keys.Where(k => Array.IndexOf(CanonicalOrder, k) < 0).Order(StringComparer.Ordinal).Select(k => k + "=" + _settings[k]));
        if (Trusted is { } trusted)
        {
            pieces.Add(trusted ? "trusted" : "untrusted");
        }

        return string.Join(',', pieces);
    }

    private static DeviceSpecError Error(string message, int offset, int length) =>
        new(message, offset, length) { Descriptor = DiagnosticIds.InvalidVifSpec };
}
