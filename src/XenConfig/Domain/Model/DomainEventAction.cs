namespace XenConfig.Domain.Model;

/// <summary>
/// What xl does when a guest powers off, reboots, crashes, trips its watchdog or asks for a soft reset: the values of
/// <c>on_poweroff</c>, <c>on_reboot</c>, <c>on_crash</c>, <c>on_watchdog</c> and <c>on_soft_reset</c>. xl spells them
/// as <see cref="DomainEventActions.ToXlName"/> returns and refuses any other text (XC2007).
/// </summary>
public enum DomainEventAction
{
    /// <summary><c>destroy</c>: the domain is destroyed.</summary>
    Destroy,

    /// <summary><c>restart</c>: the domain is destroyed and a new one started from the same config.</summary>
    Restart,

    /// <summary><c>rename-restart</c>: the old domain is kept under a new name and a new one started.</summary>
    RenameRestart,

    /// <summary><c>preserve</c>: the domain is left as it is, for inspection.</summary>
    Preserve,

    /// <summary><c>coredump-destroy</c>: the memory is dumped, then the domain destroyed.</summary>
    CoredumpDestroy,

    /// <summary><c>coredump-restart</c>: the memory is dumped, then the domain restarted.</summary>
    CoredumpRestart,

    /// <summary><c>soft-reset</c>: the domain is reset in place (the default of <c>on_soft_reset</c>).</summary>
    SoftReset,
}

/// <summary>xl's spellings of <see cref="DomainEventAction"/>: parsing and formatting.</summary>
public static class DomainEventActions
{
    private static readonly string[] Names =
        ["destroy", "restart", "rename-restart", "preserve", "coredump-destroy", "coredump-restart", "soft-reset"];

    /// <summary>The keys whose value is a <see cref="DomainEventAction"/>, in xl.cfg's order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["on_poweroff", "on_reboot", "on_watchdog", "on_crash", "on_soft_reset"];

    /// <summary>Every action's xl spelling, in the order of <see cref="DomainEventAction"/>.</summary>
    public static IReadOnlyList<string> XlNames => Names;

    /// <summary>The spelling xl reads: <c>destroy</c>, <c>rename-restart</c>, <c>coredump-destroy</c>, ...</summary>
    /// <param name="action">The action.</param>
    /// <returns>The xl spelling.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is not a defined value.</exception>
    public static string ToXlName(this DomainEventAction action) =>
        (uint)action < (uint)Names.Length ? Names[(int)action] : throw new ArgumentOutOfRangeException(nameof(action), action, "not a defined action");

    /// <summary>Reads an action as xl does: the exact, case-sensitive spelling (xl compares with <c>strcmp</c>).</summary>
    /// <param name="text">The value of an <c>on_*</c> key.</param>
    /// <param name="action">The action, when the text is one.</param>
    /// <returns>True when xl accepts the text.</returns>
    public static bool TryParse(string? text, out DomainEventAction action)
    {
        var index = text is null ? -1 : Array.IndexOf(Names, text);
        action = index < 0 ? default : (DomainEventAction)index;
        return index >= 0;
    }

    /// <summary>Reads an action as xl does.</summary>
    /// <param name="text">The value of an <c>on_*</c> key.</param>
    /// <returns>The action.</returns>
    /// <exception cref="FormatException">xl refuses the text (it reports "Unknown ... action").</exception>
    public static DomainEventAction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var action)
            ? action
            : throw new FormatException($"'{text}' is not an action xl knows; use one of {string.Join(", ", Names)}");
    }

    /// <summary>The action xl takes when <paramref name="key"/> is not set (<c>on_reboot</c> restarts, <c>on_soft_reset</c> soft-resets, the rest destroy).</summary>
    /// <param name="key">One of <see cref="Keys"/>.</param>
    /// <returns>The default action.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not an <c>on_*</c> key.</exception>
    public static DomainEventAction DefaultFor(string key) => key switch
    {
        "on_poweroff" or "on_watchdog" or "on_crash" => DomainEventAction.Destroy,
        "on_reboot" => DomainEventAction.Restart,
        "on_soft_reset" => DomainEventAction.SoftReset,
        _ => throw new ArgumentException($"'{key}' is not an on_* key ({string.Join(", ", Keys)})", nameof(key)),
    };
}
