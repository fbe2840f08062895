using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using XenConfig.Grub.Json;
using XenConfig.Grub.Model;
using XenConfig.Grub;

namespace XenConfig.Cli;

/// <summary>
/// GRUB menus in the CLI: the <c>show</c> projection and the selectors of <c>get</c>/<c>set</c>:
/// <c>default</c>, <c>timeout</c>, <c>entries[N].title|root|initrd|kernel</c>, <c>entries[N].kernel.args[.NAME]</c>,
/// <c>entries[N].modules[M][.args[.NAME]]</c>.
/// </summary>
internal static partial class GrubOutput
{
    [GeneratedRegex(@"^entries\[(?<entry>\d+)\]\.(?:(?<field>title|root|initrd|kernel)(?:\.args(?:\.(?<arg>[^.]+))?)?|modules\[(?<module>\d+)\](?:\.args(?:\.(?<marg>[^.]+))?)?)$")]
    private static partial Regex EntrySelector();

    /// <summary>Writes the projection; returns whether the menu has errors.</summary>
    public static bool Write(Utf8JsonWriter writer, CliInput input)
    {
        var menu = GrubMenuDocument.Parse(input.Text);
        GrubMenuJson.Write(writer, menu);
        return menu.HasErrors;
    }

    public static string? Get(CliInput input, string selector)
    {
        var menu = new GrubMenu(GrubMenuDocument.Parse(input.Text));
        switch (selector)
        {
            case "default":
                return (menu.DefaultEntryIndex ?? menu.Default).ToString(CultureInfo.InvariantCulture);
            case "timeout":
                return menu.Timeout?.ToString(CultureInfo.InvariantCulture);
        }

        var match = Match(selector);
        var entry = EntryAt(menu, match);
        if (match.Groups["module"].Success)
        {
            var index = int.Parse(match.Groups["module"].Value, CultureInfo.InvariantCulture);
            if (index >= entry.Modules.Count)
            {
                return null;
            }

            var module = entry.Modules[index];
            return match.Groups["marg"].Success ? module.Arguments.Get(match.Groups["marg"].Value)
                : selector.EndsWith(".args", StringComparison.Ordinal) ? module.ArgumentsText
                : module.ToString();
        }

        return match.Groups["field"].Value switch
        {
            "title" => entry.Title,
            "root" => entry.Root,
            "initrd" => entry.Initrd,
            _ when match.Groups["arg"].Success => entry.Kernel?.Arguments.Get(match.Groups["arg"].Value),
            _ when selector.EndsWith(".args", StringComparison.Ordinal) => entry.Kernel?.ArgumentsText,
            _ => entry.Kernel?.Path,
        };
    }

    public static string Set(CliInput input, string selector, string value)
    {
        var menu = new GrubMenu(GrubMenuDocument.Parse(input.Text));
        switch (selector)
        {
            case "default":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    menu.SetDefault(index);
                }
                else
                {
                    menu.SetDefault(value);
                }

                return menu.ToString();
            case "timeout":
                menu.SetTimeout(value.Length == 0 ? null : int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture));
                return menu.ToString();
        }

        var match = Match(selector);
        var entry = EntryAt(menu, match);
        if (match.Groups["module"].Success && match.Groups["marg"].Success)
        {
            menu.SetModuleArgument(entry.Index, int.Parse(match.Groups["module"].Value, CultureInfo.InvariantCulture), match.Groups["marg"].Value, value);
        }
        else if (match.Groups["module"].Success && !selector.EndsWith(".args", StringComparison.Ordinal))
        {
            menu.SetModuleLine(entry.Index, int.Parse(match.Groups["module"].Value, CultureInfo.InvariantCulture), value);
        }
        else if (match.Groups["field"].Value == "kernel" && match.Groups["arg"].Success)
        {
            menu.SetKernelArgument(entry.Index, match.Groups["arg"].Value, value);
        }
        else if (match.Groups["field"].Value == "kernel" && !selector.EndsWith(".args", StringComparison.Ordinal))
        {
            menu.SetKernelLine(entry.Index, value);
        }
        else
        {
            throw new ArgumentException($"'{selector}' cannot be set; set default, timeout, entries[N].kernel, entries[N].kernel.args.NAME, entries[N].modules[M] or entries[N].modules[M].args.NAME");
        }

        return menu.ToString();
    }

    private static Match Match(string selector)
    {
        var match = EntrySelector().Match(selector);
        return match.Success
            ? match
            : throw new ArgumentException($"'{selector}' is not a GRUB selector (default, timeout, entries[N].title, entries[N].kernel.args.NAME, entries[N].modules[M].args.NAME, ...)");
    }

    private static GrubEntry EntryAt(GrubMenu menu, Match match)
    {
        var index = int.Parse(match.Groups["entry"].Value, CultureInfo.InvariantCulture);
        return index < menu.Entries.Count
            ? menu.Entries[index]
            : throw new ArgumentException($"the menu has {menu.Entries.Count} entries; there is no entry {index}");
    }
}
