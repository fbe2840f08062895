using System.Diagnostics.CodeAnalysis;
using Sprache;
using SParse = Sprache.Parse;
using XenConfig.Diagnostics;

namespace XenConfig.Devices;

/// <summary>
/// A vif <c>rate=</c> value, <c>RATE[@INTERVAL]</c>, parsed exactly as libxlutil's <c>xlu_vif_parse_rate</c>:
/// the rate must match <c>^[0-9]+[GMK]?[Bb]/s$</c> (<c>B</c> bytes, <c>b</c> bits, powers of 1000), the interval
/// <c>^[0-9]+[mu]?s?$</c> (seconds by default, <c>ms</c>, <c>us</c>); the default interval is 50 ms. Numbers are read
/// with <c>strtoull</c> base 0, so a leading 0 means octal, as in xl.
/// </summary>
public readonly record struct VifRate
{
    /// <summary>The interval xl uses when the value has no <c>@INTERVAL</c>: 50 ms.</summary>
    public const uint DefaultIntervalMicroseconds = 50_000;

    // POSIX [0-9] in the C locale: ASCII digits only (Sprache's Parse.Digit would take any Unicode digit)
    private static readonly Parser<char> AsciiDigit = SParse.Char(c => c is >= '0' and <= '9', "digit");

    // ^[0-9]+[GMK]?[Bb]/s$
    private static readonly Parser<bool> RatePattern =
        (from digits in AsciiDigit.AtLeastOnce()
         from multiplier in SParse.Chars("GMK").Optional()
         from unit in SParse.Chars("Bb")
         from perSecond in SParse.String("/s")
         select true).End();

    // ^[0-9]+[mu]?s?$
    private static readonly Parser<bool> IntervalPattern =
        (from digits in AsciiDigit.AtLeastOnce()
         from unit in SParse.Chars("mu").Optional()
         from seconds in SParse.Char('s').Optional()
         select true).End();

    private VifRate(string text, ulong bytesPerSecond, uint intervalMicroseconds, ulong bytesPerInterval)
    {
        Text = text;
        BytesPerSecond = bytesPerSecond;
        IntervalMicroseconds = intervalMicroseconds;
        BytesPerInterval = bytesPerInterval;
    }

    /// <summary>The value as written.</summary>
    public string Text { get; }

    /// <summary>The rate in bytes per second (bits divided by 8, rounded down).</summary>
    public ulong BytesPerSecond { get; }

    /// <summary>The replenishment interval in microseconds (libxl's <c>rate_interval_usecs</c>).</summary>
    public uint IntervalMicroseconds { get; }

    /// <summary>The credit per interval in bytes (libxl's <c>rate_bytes_per_interval</c>).</summary>
    public ulong BytesPerInterval { get; }

    /// <summary>Parses a rate value as xl does.</summary>
    /// <param name="text">The value of <c>rate=</c>.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="DeviceSpecFormatException">xl rejects the value.</exception>
    public static VifRate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var rate, out var error) ? rate : throw new DeviceSpecFormatException(text, error);
    }

    /// <summary>Parses a rate value as xl does, without throwing.</summary>
    /// <param name="text">The value of <c>rate=</c>.</param>
    /// <param name="rate">The rate.</param>
    /// <param name="error">libxlutil's reason (<c>invalid rate</c>, <c>rate overflow</c>, ...) and where, or null.</param>
    /// <returns>True when xl accepts the value.</returns>
    public static bool TryParse(string text, out VifRate rate, [NotNullWhen(false)] out DeviceSpecError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        rate = default;
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        var value = nul < 0 ? text : text[..nul];

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var bytesPart = at < 0 ? value : value[..at];
        if (bytesPart.Length == 0)
        {
            error = Error("no rate specified", 0, value.Length);
            return false;
        }

        if (!Matches(RatePattern, bytesPart))
        {
            error = Error("invalid rate", 0, bytesPart.Length);
            return false;
        }

        var bytes = CNumbers.Strtoul(bytesPart, 0, 0, out var end);
        if (bytes == 0 || bytes > uint.MaxValue)
        {
            error = Error("rate overflow", 0, bytesPart.Length);
            return false;
        }

        var unit = bytesPart[end];
        bytes *= unit switch
        {
            'G' => 1_000_000_000UL,
            'M' => 1_000_000UL,
            'K' => 1_000UL,
            _ => 1UL,
        };

        // C: if (*p == 'b' || *(p+1) == 'b') — after an octal number p may point at a stray digit
        if (unit == 'b' || (end + 1 < bytesPart.Length && bytesPart[end + 1] == 'b'))
        {
            bytes /= 8;
        }

        ulong interval = DefaultIntervalMicroseconds;
        if (at >= 0)
        {
            var intervalPart = value[(at + 1)..];
            var intervalStart = at + 1;
            if (!Matches(IntervalPattern, intervalPart))
            {
                error = Error("invalid replenishment interval", intervalStart, intervalPart.Length);
                return false;
            }

            interval = CNumbers.Strtoul(intervalPart, 0, 0, out end);
            if (interval == 0 || interval > uint.MaxValue)
            {
                error = Error("replenishment interval overflow", intervalStart, intervalPart.Length);
                return false;
            }

            var suffix = end < intervalPart.Length ? intervalPart[end] : '\0';
            if (suffix is 's' or '\0')
            {
                interval *= 1_000_000;
            }
            else if (suffix == 'm')
            {
                interval *= 1_000;
            }

            if (interval > uint.MaxValue)
            {
                error = Error("replenishment interval overflow", intervalStart, intervalPart.Length);
                return false;
            }
        }

        if (bytes > ulong.MaxValue / interval)
        {
            error = Error("rate overflow", 0, value.Length);
            return false;
        }

        rate = new VifRate(text, bytes, (uint)interval, bytes * interval / 1_000_000);
        error = null;
        return true;
    }

    /// <summary>The value as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text ?? string.Empty;

    private static bool Matches(Parser<bool> pattern, string text) => pattern.TryParse(text).WasSuccessful;

    private static DeviceSpecError Error(string message, int offset, int length) =>
        new(message, offset, length) { Descriptor = DiagnosticIds.InvalidVifSpec };
}
