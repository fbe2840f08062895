namespace XenConfig.Grub.Syntax;

/// <summary>What one logical line of a menu.lst is, as GRUB 0.97 reads it.</summary>
public enum GrubLineKind
{
    /// <summary>Only blanks (or a lone backslash-newline); GRUB skips it.</summary>
    Blank = 0,

    /// <summary>A line whose first non-blank character is <c>#</c> (with any line a trailing backslash swallowed).</summary>
    Comment = 1,

    /// <summary>A command: a word and its argument, possibly continued over several physical lines.</summary>
    Command = 2,
}
