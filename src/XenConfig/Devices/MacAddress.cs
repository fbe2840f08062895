using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using XenConfig.Diagnostics;

namespace XenConfig.Devices;

/// <summary>
/// An Ethernet MAC address as written in a vif's <c>mac=</c>: six hex groups (one or two digits, any case) separated
/// by <c>:</c> or <c>-</c>. Equality and hashing compare the six octets.
/// </summary>
/// <remarks>
/// xl's own loop is looser (any single separator character, leading blanks, trailing text ignored, and past-the-end
/// reads on a short address); the strict form here is the one xl documents, and anything else is reported as
/// <see cref="DiagnosticIds.InvalidMac"/>.
/// </remarks>
public readonly record struct MacAddress
{
    /// <summary>Xen's organizationally unique identifier, <c>00:16:3e</c>, used for xl's random MACs.</summary>
    public static readonly MacAddress XenOuiPrefix = new(0x00163e_000000);

    private readonly long _value;

    private MacAddress(long value) => _value = value;

    /// <summary>Creates an address from its six octets.</summary>
    /// <param name="octets">Exactly six octets, most significant (first transmitted) first.</param>
    public MacAddress(ReadOnlySpan<byte> octets)
    {
        if (octets.Length != 6)
        {
            throw new ArgumentException("A MAC address has six octets.", nameof(octets));
        }

        long value = 0;
        foreach (var octet in octets)
        {
            value = (value << 8) | octet;
        }

        _value = value;
    }

    /// <summary>The six octets, first transmitted first.</summary>
    public IReadOnlyList<byte> Octets =>
        [(byte)(_value >> 40), (byte)(_value >> 32), (byte)(_value >> 24), (byte)(_value >> 16), (byte)(_value >> 8), (byte)_value];

    /// <summary>The first octet's bit 0 (group bit) is set: a multicast address, invalid for a NIC.</summary>
    public bool IsMulticast => ((_value >> 40) & 1) != 0;

    /// <summary>The first octet's bit 1 is set: a locally administered address (e.g. <c>x2:</c>, <c>x6:</c>, <c>xa:</c>, <c>xe:</c>).</summary>
    public bool IsLocallyAdministered => ((_value >> 40) & 2) != 0;

    /// <summary>The address is from Xen's OUI <c>00:16:3e</c>.</summary>
    public bool IsXenOui => (_value >> 24) == 0x00163e;

    /// <summary>All octets are zero, which xl takes as "generate a random address".</summary>
    public bool IsZero => _value == 0;

    /// <summary>Parses a MAC address.</summary>
    /// <param name="text">The address, e.g. <c>00:16:3e:12:34:56</c>.</param>
    /// <returns>The address.</returns>
    /// <exception cref="DeviceSpecFormatException">The text is not a MAC address.</exception>
    public static MacAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var mac, out var error) ? mac : throw new DeviceSpecFormatException(text, error);
    }

    /// <summary>Parses a MAC address without throwing.</summary>
    /// <param name="text">The address.</param>
    /// <param name="mac">The address, or default.</param>
    /// <param name="error">The reason (with <see cref="DiagnosticIds.InvalidMac"/>), or null.</param>
    /// <returns>True when the text is a MAC address.</returns>
    public static bool TryParse(string text, out MacAddress mac, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        // the separators must all be the same one or the other; the scan checks shape, this checks consistency
        if (TryScan(text, out var value) && text.Length is >= 11 and <= 17 && SameSeparators(text))
        {
            mac = new MacAddress(value);
            error = null;
            return true;
        }

        mac = default;
        error = new DeviceSpecError("invalid MAC address", 0, text.Length) { Descriptor = DiagnosticIds.InvalidMac };
        return false;
    }

    /// <summary>Parses a MAC address without throwing.</summary>
    /// <param name="text">The address.</param>
    /// <param name="mac">The address, or default.</param>
    /// <returns>True when the text is a MAC address.</returns>
    public static bool TryParse(string text, out MacAddress mac) => TryParse(text, out mac, out _);

    /// <summary>The address as six lowercase two-digit groups separated by colons.</summary>
    /// <returns>E.g. <c>00:16:3e:12:34:56</c>.</returns>
    public override string ToString() => string.Join(':', Octets.Select(octet => octet.ToString("x2", CultureInfo.InvariantCulture)));

    // The shape: six groups of one or two hex digits (a group takes two when it can), a ':' or '-' after the first
    // group, and at most one after each of the others, then the end. (This was a Sprache grammar, which allocated about
    // 15 KB per address: 1 GB for the JSON of a 60,000-item vif list.)
    private static bool TryScan(string text, out long value)
    {
        value = 0;
        var i = 0;
        for (var group = 0; group < 6; group++)
        {
            var high = i < text.Length ? CNumbers.HexValue(text[i]) : -1;
            if (high < 0)
            {
                return false;
            }

            i++;
            var octet = high;
            if (i < text.Length && CNumbers.HexValue(text[i]) is var low and >= 0)
            {
                octet = (octet << 4) | low;
                i++;
            }

            value = (value << 8) | (uint)octet;
            var separator = i < text.Length && text[i] is ':' or '-';
            if (separator)
            {
                i++;
            }
            else if (group == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool SameSeparators(string text)
    {
        var colons = text.AsSpan().Count(':');
        var dashes = text.AsSpan().Count('-');
        return (colons == 0) != (dashes == 0) && colons + dashes == 5;
    }
}
