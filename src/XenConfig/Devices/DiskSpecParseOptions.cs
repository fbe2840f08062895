namespace XenConfig.Devices;

/// <summary>Which xl release's disk spec scanner to follow.</summary>
public sealed record DiskSpecParseOptions
{
    /// <summary>Xen 4.17 (Debian's libxlutil 4.17, the release the differential tests run against).</summary>
    public static DiskSpecParseOptions Default { get; } = new();

    /// <summary>Xen 4.19 and later: also accepts <c>trusted</c>, <c>untrusted</c> and <c>grant_usage=0|1</c>.</summary>
    public static DiskSpecParseOptions Xen419 { get; } = new() { TrustedFlags = true, GrantUsage = true };

    /// <summary>
    /// Accept the <c>trusted</c> / <c>untrusted</c> flags. They are in the 4.17 lexer source but not in its shipped
    /// pre-generated scanner, so 4.17 treats them as positionals; they work from 4.19.
    /// </summary>
    public bool TrustedFlags { get; init; }

    /// <summary>Accept <c>grant_usage=0</c> / <c>grant_usage=1</c> (Xen 4.19+; 4.17 reports an unknown parameter).</summary>
    public bool GrantUsage { get; init; }
}
