using System.Diagnostics.CodeAnalysis;
using XenConfig.Devices;
using XenConfig.Diagnostics;
using XenConfig.Domain;
using XenConfig.Text;

namespace XenConfig.Libxl;

/// <summary>libxlu's getters (<c>xlu_cfg_get_string</c>, <c>_long</c>, <c>_defbool</c>, <c>_list</c>) with their warnings.</summary>
internal sealed partial class LibxlProjection
{
    private bool Has(string key) => _document.Settings.ContainsKey(key);

    private bool TryGetSetting(string key, [NotNullWhen(true)] out Setting? setting) => _document.TryGetSetting(key, out setting);

    /// <summary><c>xlu_cfg_get_string</c>: the value when it is a single value; a list is warned about and ignored.</summary>
    private string? String(string key, bool dontWarn = false)
    {
        if (!TryGetSetting(key, out var setting))
        {
            return null;
        }

        if (setting.Value.IsList)
        {
            if (!dontWarn)
            {
                Warn(key, $"parameter `{key}' is a list but should be a single value; xl ignores it", DiagnosticIds.ValueWrongType);
            }

            return null;
        }

        return setting.Value.Text;
    }

    /// <summary><c>xlu_cfg_get_long</c>: C strtol over the whole value; anything else is warned about and ignored.</summary>
    private long? Long(string key, bool dontWarn = false)
    {
        if (!TryGetSetting(key, out var setting))
        {
            return null;
        }

        string? problem = null;
        long value = 0;
        if (setting.Value.IsList)
        {
            problem = $"parameter `{key}' is a list but should be a single value";
        }
        else if (setting.IsFromAddition)
        {
            problem = $"can't use += with numbers for parameter `{key}'";
        }
        else
        {
            var text = setting.Value.Text!;
            value = CNumbers.Strtol(text, 0, 0, out var end, out var outOfRange);
            if (outOfRange)
            {
                problem = $"parameter `{key}' could not be parsed as a number: Numerical result out of range";
            }
            else if (end == 0 || end != text.Length)
            {
                problem = $"parameter `{key}' is not a valid number";
            }
        }

        if (problem is null)
        {
            return value;
        }

        if (!dontWarn)
        {
            Warn(key, problem + "; xl ignores it", DiagnosticIds.ValueWrongType);
        }

        return null;
    }

    private int? Int(string key) => Long(key) is { } value ? unchecked((int)value) : null;

    /// <summary><c>xlu_cfg_get_defbool</c>: a number, 0 false and anything else true.</summary>
    private bool? DefBool(string key, bool dontWarn = false) => Long(key, dontWarn) is { } value ? value != 0 : null;

    /// <summary><c>xlu_cfg_get_list</c>: the value when it is a list; a single value is warned about and ignored.</summary>
    private SettingValue? List(string key, bool dontWarn = false)
    {
        if (!TryGetSetting(key, out var setting))
        {
            return null;
        }

        if (!setting.Value.IsList)
        {
            if (!dontWarn)
            {
                Warn(key, $"parameter `{key}' is a single value but should be a list; xl ignores it", DiagnosticIds.ValueWrongType);
            }

            return null;
        }

        return setting.Value;
    }

    /// <summary>A key xl reads as a string or as a list of strings (<c>serial</c>, <c>usbdevice</c>): one of the two, or neither.</summary>
    private (string? Single, List<string>? List) StringOrList(string key) =>
        !TryGetSetting(key, out var setting) ? (null, null)
        : setting.Value.IsList ? (null, StringList(setting.Value))
        : (setting.Value.Text, null);

    /// <summary>The items of a list as xl's device loops see them: strings up to the first nested list.</summary>
    private static IEnumerable<string> Strings(SettingValue list) => list.Items.TakeWhile(i => !i.IsList).Select(i => i.Text!);

    /// <summary><c>xlu_cfg_get_list_as_string_list</c>: the strings up to the first nested list (which ends it).</summary>
    private static List<string> StringList(SettingValue list) => Strings(list).ToList();

    /// <summary>C <c>strtok</c>: the non-empty pieces between any of <paramref name="delimiters"/>.</summary>
    private static List<string> SplitTokens(string text, string delimiters) =>
        text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>
    /// libxl's <c>*_from_string</c> (case-insensitive) over an enum whose first name is libxl's default: returns the
    /// canonical name, null for the default (libxl leaves it out of the JSON), and stops with <paramref name="message"/>
    /// for a name libxl does not know.
    /// </summary>
    private string? EnumName(string text, string key, string[] names, string message)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return i == 0 ? null : names[i];
            }
        }

        throw Reject(key, message);
    }

    private SourceLocation Location(string? key) =>
        key is not null && TryGetSetting(key, out var setting)
            ? _document.SourceText.GetLocation(setting.LastAssignment.Value.Span)
            : _document.SourceText.GetLocation(default);

    private SourceLocation KeyLocation(Setting setting) => _document.SourceText.GetLocation(setting.LastAssignment.Key.Span);

    private void Warn(string key, string message, DiagnosticDescriptor? descriptor = null) =>
        _diagnostics.Add((descriptor ?? DiagnosticIds.XlIgnoresValue).Create(Location(key), message, DiagnosticSeverity.Warning));

    /// <summary>xl's refusal of a device spec that the shared spec parser (<c>XenConfig.Devices</c>) rejected.</summary>
    private RejectedException RejectSpec(string key, string spec, DeviceSpecError error)
    {
        var fragment = spec.Substring(Math.Min(error.Offset, spec.Length), Math.Min(error.Length, spec.Length - Math.Min(error.Offset, spec.Length)));
        return Reject(key, fragment.Length == 0 || fragment == spec ? $"{error.Message} in '{spec}'" : $"{error.Message} '{fragment}' in '{spec}'");
    }

    /// <summary>Records xl's reason to stop and returns the exception that ends the projection.</summary>
    private RejectedException Reject(string? key, string message, DiagnosticDescriptor? descriptor = null)
    {
        var id = descriptor ?? DiagnosticIds.XlRejectsValue;
        _diagnostics.Add(new Diagnostic(id.Id, DiagnosticSeverity.Error, "xl refuses the config: " + message, Location(key)));
        return new RejectedException();
    }

    private sealed class RejectedException : Exception;
}
