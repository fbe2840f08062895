using XenConfig.Diagnostics;

namespace XenConfig.Devices;

/// <summary>
/// Why a device spec string (disk, vif, pci, ...) was rejected, and where inside that string.
/// </summary>
/// <remarks>
/// <see cref="Offset"/> and <see cref="Length"/> are relative to the spec string itself (0-based, in UTF-16 code
/// units). A caller that read the spec from a config file maps the problem onto the file by adding the start of the
/// value token's decoded text.
/// </remarks>
/// <param name="Message">What is wrong, in the words libxlutil / xl use where there are any (e.g. <c>unknown value for format</c>).</param>
/// <param name="Offset">Where the offending text starts inside the spec string.</param>
/// <param name="Length">How long the offending text is (0 for "something is missing").</param>
public sealed record DeviceSpecError(string Message, int Offset, int Length)
{
    /// <summary>
    /// The diagnostic this error maps to when reported against a config file (e.g. <see cref="DiagnosticIds.InvalidDiskSpec"/>,
    /// <see cref="DiagnosticIds.InvalidMac"/>), or null when the spec type has no fixed id.
    /// </summary>
    public DiagnosticDescriptor? Descriptor { get; init; }

    /// <summary>The offending text cut out of <paramref name="spec"/> (empty when it lies outside).</summary>
    /// <param name="spec">The spec string this error was reported for.</param>
    /// <returns>The substring at <see cref="Offset"/> of <see cref="Length"/> characters.</returns>
    public string Near(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Offset < 0 || Offset > spec.Length)
        {
            return string.Empty;
        }

        return spec.Substring(Offset, Math.Min(Length, spec.Length - Offset));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Message} (at offset {Offset})";
}
