using FluentValidation;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// Checks one domain config the way xl would react to it at <c>xl create</c>: xl's own verdict and warnings (through
/// the libxl projection: name, UUID, guest type, vCPUs, boot source, actions and every other value xl stops on), value
/// types, unknown keys (with a suggestion), memory above maxmem, and the disk and vif specs.
/// </summary>
public sealed partial class DomainConfigValidator : AbstractValidator<DomainConfig>
{
    /// <summary>Creates the validator with all its rules.</summary>
    public DomainConfigValidator()
    {
        WholeDocumentChecks.Add(this, null, CheckValueTypes, CheckUnknownKeys, CheckLimits, CheckXlVerdict);
        AddDeviceRules();
    }

    // Reported precisely (inside the spec) by the device rules, or for every key by CheckValueTypes.
    private static readonly HashSet<string> ReportedElsewhere = new(StringComparer.Ordinal)
    {
        DiagnosticIds.ValueWrongType.Id, DiagnosticIds.InvalidDiskSpec.Id, DiagnosticIds.InvalidVifSpec.Id, DiagnosticIds.InvalidMac.Id,
    };

    /// <summary>
    /// What xl itself makes of the config (XenConfig.Libxl): its refusal (name, uuid, type, vCPUs, boot source,
    /// actions, and every other value xl stops on) as an error at the key, and its warnings as warnings.
    /// </summary>
    private static void CheckXlVerdict(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        var result = XenConfig.Libxl.LibxlDomainConfig.Build(config);
        var own = config.Document.Diagnostics.ToHashSet();
        foreach (var diagnostic in result.Diagnostics)
        {
            if (!own.Contains(diagnostic) && !ReportedElsewhere.Contains(diagnostic.Id))
            {
                context.AddDiagnostic(diagnostic);
            }
        }
    }

    partial void AddDeviceRules();

    private static void CheckValueTypes(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        foreach (var (key, setting) in config.Document.Settings)
        {
            if (config.GetTypeProblem(key) is { } problem)
            {
                context.Report(DiagnosticIds.ValueWrongType, ValueLocation(config, setting), problem + "; xl ignores the value", DiagnosticSeverity.Warning);
            }
        }
    }

    private static void CheckUnknownKeys(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        var suggested = 0;
        foreach (var key in config.UnknownKeys)
        {
            // Suggestions cost a comparison with every known key; past the per-file cap nobody sees them.
            var suggestion = suggested++ < DiagnosticLimit.DefaultPerFile ? DomainKeys.Suggest(key) : null;
            context.Report(DiagnosticIds.UnknownKey, KeyLocation(config, config.Document.Settings[key]),
                $"unknown key '{key}'; xl ignores it silently" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
        }
    }

    private static void CheckLimits(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        if (config.Memory is { } memory && config.MaxMemory is { } maxmem && memory > maxmem)
        {
            context.Report(DiagnosticIds.MemoryExceedsMaxmem, ValueLocation(config, config.Document.Settings["memory"]),
                $"memory ({memory} MiB) exceeds maxmem ({maxmem} MiB); xl accepts it, but the guest never gets more than maxmem");
        }

    }

    internal static SourceLocation KeyLocation(DomainConfig config, Setting setting) =>
        config.Document.SourceText.GetLocation(setting.LastAssignment.Key.Span);

    internal static SourceLocation ValueLocation(DomainConfig config, Setting setting) =>
        config.Document.SourceText.GetLocation(setting.LastAssignment.Value.Span);
}
