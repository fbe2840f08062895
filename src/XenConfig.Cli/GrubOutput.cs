using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using XenConfig.Diagnostics;
using XenConfig.Grub.Grub2;
using XenConfig.Grub.Json;
using XenConfig.Grub.Model;
using XenConfig.Grub;
using XenConfig.Validation;

namespace XenConfig.Cli;

/// <summary>
/// GRUB menus in the CLI: the <c>show</c> projection and the selectors of <c>get</c>/<c>set</c> (GRUB 2 configs: <c>get</c> only):
/// <c>default</c>, <c>timeout</c>, <c>entries[N].title|root|initrd|kernel</c>, <c>entries[N].kernel.args[.NAME]</c>,
/// <c>entries[N].modules[M][.args[.NAME]]</c>.
/// </summary>
/// <remarks>
/// <c>get</c> and <c>set</c> agree: setting the text <c>get</c> prints changes no byte. <c>default</c> prints
/// <c>saved</c> for <c>default saved</c>; <c>entries[N].kernel</c> prints the kernel's path, and setting a path alone
/// keeps the arguments (a value with arguments replaces the whole line); an empty argument value is a bare word.
/// </remarks>
internal static partial class GrubOutput
{
    [GeneratedRegex(@"^entries\[(?<entry>\d+)\]\.(?<field>title|submenu|loader|hypervisor|hypervisorArgs|linux|args|initrd)$")]
    private static partial Regex Grub2EntrySelector();

    /// <summary>Why <c>set</c> refuses a GRUB 2 config.</summary>
    public const string Grub2IsReadOnly =
        "this is a GRUB 2 grub.cfg, which grub-mkconfig writes from /etc/default/grub and /etc/grub.d; xenconfig reads it (show, get) but does not edit it: change those and run update-grub";

    [GeneratedRegex(@"^entries\[(?<entry>\d+)\]\.(?:(?<field>title|root|initrd|kernel)(?:\.args(?:\.(?<arg>[^.]+))?)?|modules\[(?<module>\d+)\](?:\.args(?:\.(?<marg>[^.]+))?)?)$")]
    private static partial Regex EntrySelector();

    /// <summary>
    /// Writes the projection with the menu's syntax diagnostics and the semantic checks of <see cref="GrubMenuValidator"/>
    /// (default rule set: does the menu boot), in file order (a semantic check first at a shared place); returns whether any is an error.
    /// </summary>
    public static bool Write(Utf8JsonWriter writer, CliInput input)
    {
        var menu = GrubMenuDocument.Parse(input.Text);
        var hasErrors = false;

        // Written as they are made: a generated menu has tens of thousands of XC4021 warnings, and holding them (with a
        // FluentValidation failure each) was a third of the peak memory.
        IEnumerable<Diagnostic> Noting(IEnumerable<Diagnostic> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                hasErrors |= diagnostic.IsError;
                yield return diagnostic;
            }
        }

        GrubMenuJson.Write(writer, menu, Noting(GrubMenuValidator.InFileOrder(menu)));
        return hasErrors;
    }

    public static string? Get(CliInput input, string selector)
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(input.Text));
        switch (selector)
        {
            case "default":
                return menu.IsDefaultSaved ? "saved" : (menu.DefaultEntryIndex ?? menu.Default).ToString(CultureInfo.InvariantCulture);
            case "timeout":
                return menu.Timeout?.ToString(CultureInfo.InvariantCulture);
        }

        var match = Match(selector);
        var entry = EntryAt(menu, match);
        if (match.Groups["module"].Success)
        {
            var index = Index(match.Groups["module"].Value, "module");
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

    /// <summary>
    /// <c>get</c> on a GRUB 2 config: <c>default</c>, <c>timeout</c> (as written, unquoted) or
    /// <c>entries[N].FIELD</c> with the fields of the JSON projection (title, submenu, loader, hypervisor, hypervisorArgs,
    /// linux, args, initrd); null when the config does not set it.
    /// </summary>
    public static string? GetGrub2(CliInput input, string selector)
    {
        var config = Grub2Config.Parse(input.Text);
        switch (selector)
        {
            case "default":
                return config.Default;
            case "timeout":
                return config.Timeout;
        }

        var match = Grub2EntrySelector().Match(selector);
        if (!match.Success)
        {
            throw new ArgumentException($"'{selector}' is not a GRUB 2 selector (default, timeout, entries[N].title, entries[N].hypervisor, entries[N].linux, entries[N].args, entries[N].initrd, ...)");
        }

        var index = Index(match.Groups["entry"].Value, "entry");
        if (index >= config.Entries.Count)
        {
            throw new ArgumentException($"the config has {config.Entries.Count} entries; there is no entry {index}");
        }

        var entry = config.Entries[index];
        return match.Groups["field"].Value switch
        {
            "title" => entry.Title,
            "submenu" => entry.Submenu,
            "loader" => entry.MultibootCommand,
            "hypervisor" => entry.Hypervisor,
            "hypervisorArgs" => entry.HypervisorArguments,
            "linux" => entry.Linux,
            "args" => entry.LinuxArguments,
            _ => entry.Initrd,
        };
    }

    public static GrubMenu Set(CliInput input, string selector, string value)
    {
        var menu = GrubMenu.FromDocument(GrubMenuDocument.Parse(input.Text));
        switch (selector)
        {
            case "default":
                var hasDefaultLine = menu.Document.GlobalCommands.Any(l => l.Name == "default");
                if (value == "saved" && menu.IsDefaultSaved)
                {
                    return menu;
                }

                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    if (index >= menu.Entries.Count)
                    {
                        throw new ArgumentException($"the menu has {menu.Entries.Count} entries; there is no entry {index} to make the default");
                    }

                    // A menu without a 'default' line boots entry 0: asking for 0 changes nothing.
                    if (!hasDefaultLine && index == menu.Default)
                    {
                        return menu;
                    }

                    menu.SetDefault(index);
                }
                else if (value.Length > 0 && value.All(char.IsAsciiDigit))
                {
                    throw new ArgumentException($"'{value}' is not an entry number of this menu (it has {menu.Entries.Count} entries)");
                }
                else
                {
                    menu.SetDefault(value);
                }

                return menu;
            case "timeout":
                if (value.Length == 0)
                {
                    menu.SetTimeout(null);
                }
                else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    menu.SetTimeout(seconds);
                }
                else
                {
                    throw new ArgumentException($"timeout takes a whole number of seconds (0 to {int.MaxValue}), or an empty value to remove it; '{value}' is not one");
                }

                return menu;
        }

        var match = Match(selector);
        var entry = EntryAt(menu, match);
        var isKernel = match.Groups["field"].Value == "kernel";
        if (isKernel && entry.Kernel is null)
        {
            throw new ArgumentException($"entry {entry.Index} '{entry.Title.Trim()}' has no kernel line (it boots another way, such as chainloader); there is nothing to set");
        }

        if (match.Groups["module"].Success && Index(match.Groups["module"].Value, "module") >= entry.Modules.Count)
        {
            throw new ArgumentException($"entry {entry.Index} has {entry.Modules.Count} module lines; there is no module {match.Groups["module"].Value}");
        }

        // An empty value is a bare word (quiet), which is what 'get' prints for one; never 'NAME='.
        var argumentValue = value.Length == 0 ? null : value;
        if (match.Groups["module"].Success && match.Groups["marg"].Success)
        {
            menu.SetModuleArgument(entry.Index, Index(match.Groups["module"].Value, "module"), match.Groups["marg"].Value, argumentValue);
        }
        else if (match.Groups["module"].Success && !selector.EndsWith(".args", StringComparison.Ordinal))
        {
            if (value != entry.Modules[Index(match.Groups["module"].Value, "module")].ToString())
            {
                menu.SetModuleLine(entry.Index, Index(match.Groups["module"].Value, "module"), value);
            }
        }
        else if (isKernel && match.Groups["arg"].Success)
        {
            menu.SetKernelArgument(entry.Index, match.Groups["arg"].Value, argumentValue);
        }
        else if (isKernel && !selector.EndsWith(".args", StringComparison.Ordinal))
        {
            SetKernel(menu, entry, value);
        }
        else
        {
            throw new ArgumentException($"'{selector}' cannot be set; set default, timeout, entries[N].kernel, entries[N].kernel.args.NAME, entries[N].modules[M] or entries[N].modules[M].args.NAME");
        }

        return menu;
    }

    // 'get entries[N].kernel' prints the path: a path alone (no blank) replaces the path and keeps the arguments, so
    // setting what get printed changes nothing; a value with arguments replaces the whole line.
    private static void SetKernel(GrubMenu menu, GrubEntry entry, string value)
    {
        var kernel = entry.Kernel!;
        var line = kernel.ToString();
        if (value == kernel.Path || value == line)
        {
            return;
        }

        var at = value.AsSpan().IndexOfAny(' ', '\t') < 0 ? line.IndexOf(kernel.Path, StringComparison.Ordinal) : -1;
        menu.SetKernelLine(entry.Index, at < 0 ? value : line[..at] + value + line[(at + kernel.Path.Length)..]);
    }

    private static int Index(string digits, string what) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new ArgumentException($"{what} index {digits} is too large");

    private static Match Match(string selector)
    {
        var match = EntrySelector().Match(selector);
        return match.Success
            ? match
            : throw new ArgumentException($"'{selector}' is not a GRUB selector (default, timeout, entries[N].title, entries[N].kernel.args.NAME, entries[N].modules[M].args.NAME, ...)");
    }

    private static GrubEntry EntryAt(GrubMenu menu, Match match)
    {
        var index = Index(match.Groups["entry"].Value, "entry");
        return index < menu.Entries.Count
            ? menu.Entries[index]
            : throw new ArgumentException($"the menu has {menu.Entries.Count} entries; there is no entry {index}");
    }
}
