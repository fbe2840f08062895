namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XC6001: two domains share a name.</summary>
    public static readonly DiagnosticDescriptor DuplicateDomainName =
        new("XC6001", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "two domains share a name");

    /// <summary>XC6002: two domains share a UUID.</summary>
    public static readonly DiagnosticDescriptor DuplicateDomainUuid =
        new("XC6002", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "two domains share a UUID");

    /// <summary>XC6003: two vifs in different domains share a MAC.</summary>
    public static readonly DiagnosticDescriptor DuplicateMacAcrossDomains =
        new("XC6003", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "two vifs in different domains share a MAC");

    /// <summary>XC6004: two domains map the same backing target, at least one writable.</summary>
    public static readonly DiagnosticDescriptor SharedWritableTarget =
        new("XC6004", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "two domains map the same backing target, at least one writable");

    private static IEnumerable<DiagnosticDescriptor> RepositoryDescriptors() =>
    [
        DuplicateDomainName, DuplicateDomainUuid, DuplicateMacAcrossDomains, SharedWritableTarget,
    ];
}
