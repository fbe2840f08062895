using FluentValidation;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Domain.Model;
using XenConfig.Text;

namespace XenConfig.Validation;

/// <summary>
/// Checks one domain config the way xl would react to it at <c>xl create</c> (XC2001-XC2023): required keys, value
/// types, unknown keys (with a suggestion), memory and vCPU limits, boot source, event actions, UUID, guest type, and
/// the disk and vif specs.
/// </summary>
public sealed partial class DomainConfigValidator : AbstractValidator<DomainConfig>
{
    private static readonly HashSet<string> EventActions = new(StringComparer.Ordinal)
    {
        "destroy", "restart", "rename-restart", "preserve", "coredump-destroy", "coredump-restart", "soft-reset",
    };

    private static readonly string[] EventKeys = ["on_poweroff", "on_reboot", "on_crash", "on_watchdog", "on_soft_reset"];

    /// <summary>Creates the validator with all its rules.</summary>
    public DomainConfigValidator()
    {
        RuleFor(config => config).Custom(CheckName);
        RuleFor(config => config).Custom(CheckValueTypes);
        RuleFor(config => config).Custom(CheckUnknownKeys);
        RuleFor(config => config).Custom(CheckLimits);
        RuleFor(config => config).Custom(CheckBootSource);
        RuleFor(config => config).Custom(CheckEventActions);
        RuleFor(config => config).Custom(CheckUuid);
        RuleFor(config => config).Custom(CheckGuestType);
        AddDeviceRules();
    }

    partial void AddDeviceRules();

    private static void CheckName(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        if (config.Name is null && !config.Document.Settings.ContainsKey("name"))
        {
            context.Report(DiagnosticIds.NameMissing, config.Document.Text.GetLocation(default),
                "'name' is missing; xl refuses to create a domain without one");
        }
    }

    private static void CheckValueTypes(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        foreach (var (key, setting) in config.Document.Settings)
        {
            if (config.GetTypeProblem(key) is { } problem)
            {
                context.Report(DiagnosticIds.ValueWrongType, ValueLocation(config, setting), problem + "; xl ignores the value");
            }
        }
    }

    private static void CheckUnknownKeys(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        foreach (var key in config.UnknownKeys)
        {
            var suggestion = DomainKeys.Suggest(key);
            context.Report(DiagnosticIds.UnknownKey, KeyLocation(config, config.Document.Settings[key]),
                $"unknown key '{key}'; xl ignores it silently" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
        }
    }

    private static void CheckLimits(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        if (config.Memory is { } memory && config.MaxMemory is { } maxmem && memory > maxmem)
        {
            context.Report(DiagnosticIds.MemoryExceedsMaxmem, ValueLocation(config, config.Document.Settings["memory"]),
                $"memory ({memory} MiB) exceeds maxmem ({maxmem} MiB)");
        }

        if (config.Vcpus is { } vcpus && config.MaxVcpus is { } maxvcpus && vcpus > maxvcpus)
        {
            context.Report(DiagnosticIds.VcpusExceedMaxvcpus, ValueLocation(config, config.Document.Settings["vcpus"]),
                $"vcpus ({vcpus}) exceeds maxvcpus ({maxvcpus}); xl refuses to create the domain");
        }
    }

    private static void CheckBootSource(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        if (config.Type is GuestType.Pv or GuestType.Pvh && config.Kernel is null && config.Bootloader is null && config.Firmware is null)
        {
            context.Report(DiagnosticIds.NoKernelNorBootloader, config.Document.Text.GetLocation(default),
                $"a {config.Type.Value.ToString().ToUpperInvariant()} guest needs 'kernel', 'bootloader' or 'firmware'; xl stops with \"Neither kernel nor bootloader specified\"");
        }
    }

    private static void CheckEventActions(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        foreach (var key in EventKeys)
        {
            if (config.GetString(key) is { } action && !EventActions.Contains(action))
            {
                context.Report(DiagnosticIds.InvalidEventAction, ValueLocation(config, config.Document.Settings[key]),
                    $"'{action}' is not an action for {key}; use one of {string.Join(", ", EventActions)}");
            }
        }
    }

    private static void CheckUuid(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        if (config.UuidText is { } uuid && !IsLibuuidForm(uuid))
        {
            context.Report(DiagnosticIds.InvalidUuid, ValueLocation(config, config.Document.Settings["uuid"]),
                $"'{uuid}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hexadecimal); xl refuses it");
        }
    }

    private static void CheckGuestType(DomainConfig config, ValidationContext<DomainConfig> context)
    {
        var settings = config.Document.Settings;
        if (config.Type is null)
        {
            var key = settings.ContainsKey("type") ? "type" : "builder";
            context.Report(DiagnosticIds.InvalidGuestType, ValueLocation(config, settings[key]),
                key == "type"
                    ? $"type '{config.GetString("type")}' is not pv, pvh or hvm"
                    : $"builder '{config.GetString("builder")}' is not generic or hvm (xm's 'linux' means type = \"pv\")");
        }
        else if (config.GetString("type") is not null && config.GetString("builder") is { } builder)
        {
            if (config.BuilderType is { } byBuilder && byBuilder != config.Type)
            {
                context.Report(DiagnosticIds.InvalidGuestType, ValueLocation(config, settings["builder"]),
                    $"builder '{builder}' contradicts type '{config.GetString("type")}'");
            }
        }
    }

    private static bool IsLibuuidForm(string text) =>
        text.Length == 36 && text.Select((c, i) => i is 8 or 13 or 18 or 23 ? c == '-' : char.IsAsciiHexDigit(c)).All(ok => ok);

    internal static SourceLocation KeyLocation(DomainConfig config, Setting setting) =>
        config.Document.Text.GetLocation(setting.LastAssignment.Key.Span);

    internal static SourceLocation ValueLocation(DomainConfig config, Setting setting) =>
        config.Document.Text.GetLocation(setting.LastAssignment.Value.Span);
}
