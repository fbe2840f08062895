namespace XenConfig.Grub.Syntax;

/// <summary>Where GRUB 0.97 accepts a command (the flags of its builtin table).</summary>
[Flags]
internal enum GrubCommandFlags
{
    None = 0,

    /// <summary>Executed when it appears before the first <c>title</c>.</summary>
    Menu = 1,

    /// <summary>Meant for an entry or the command line.</summary>
    Entry = 2,

    /// <summary>The <c>title</c> command.</summary>
    Title = 4,
}

/// <summary>The commands GRUB 0.97 knows (upstream table plus the widespread graphics and gfxboot patches).</summary>
internal static class GrubCommandTable
{
    private const GrubCommandFlags Both = GrubCommandFlags.Menu | GrubCommandFlags.Entry;

    // A Dictionary, not a FrozenDictionary: building the frozen one at start-up cost more than its lookups save (a
    // line is matched through IndexOf's sorted names anyway), and its value-type instantiation added code to the image.
    private static readonly Dictionary<string, GrubCommandFlags> Commands = new(StringComparer.Ordinal)
    {
        ["blocklist"] = GrubCommandFlags.Entry, ["boot"] = GrubCommandFlags.Entry, ["bootp"] = Both, ["cat"] = GrubCommandFlags.Entry,
        ["chainloader"] = GrubCommandFlags.Entry, ["cmp"] = GrubCommandFlags.Entry, ["color"] = Both, ["configfile"] = GrubCommandFlags.Entry,
        ["debug"] = GrubCommandFlags.Entry, ["default"] = GrubCommandFlags.Menu, ["device"] = Both, ["dhcp"] = Both,
        ["displayapm"] = GrubCommandFlags.Entry, ["displaymem"] = GrubCommandFlags.Entry, ["dump"] = GrubCommandFlags.Entry,
        ["embed"] = GrubCommandFlags.Entry, ["fallback"] = GrubCommandFlags.Menu, ["find"] = GrubCommandFlags.Entry,
        ["fstest"] = GrubCommandFlags.Entry, ["geometry"] = GrubCommandFlags.Entry, ["halt"] = GrubCommandFlags.Entry,
        ["help"] = GrubCommandFlags.Entry, ["hiddenmenu"] = GrubCommandFlags.Menu, ["hide"] = Both, ["ifconfig"] = Both,
        ["impsprobe"] = GrubCommandFlags.Entry, ["initrd"] = GrubCommandFlags.Entry, ["install"] = GrubCommandFlags.Entry,
        ["ioprobe"] = GrubCommandFlags.Entry, ["kernel"] = GrubCommandFlags.Entry, ["lock"] = GrubCommandFlags.Entry,
        ["makeactive"] = GrubCommandFlags.Entry, ["map"] = GrubCommandFlags.Entry, ["md5crypt"] = GrubCommandFlags.Entry,
        ["module"] = GrubCommandFlags.Entry, ["modulenounzip"] = GrubCommandFlags.Entry, ["pager"] = Both, ["partnew"] = Both,
        ["parttype"] = Both, ["password"] = Both, ["pause"] = GrubCommandFlags.Entry, ["quit"] = GrubCommandFlags.Entry,
        ["rarp"] = Both, ["read"] = GrubCommandFlags.Entry, ["reboot"] = GrubCommandFlags.Entry, ["root"] = GrubCommandFlags.Entry,
        ["rootnoverify"] = GrubCommandFlags.Entry, ["savedefault"] = GrubCommandFlags.Entry, ["serial"] = Both, ["setkey"] = Both,
        ["setup"] = GrubCommandFlags.Entry, ["terminal"] = Both, ["terminfo"] = Both, ["testload"] = GrubCommandFlags.Entry,
        ["testvbe"] = GrubCommandFlags.Entry, ["tftpserver"] = Both, ["timeout"] = GrubCommandFlags.Menu, ["title"] = GrubCommandFlags.Title,
        ["unhide"] = Both, ["uppermem"] = GrubCommandFlags.Entry, ["vbeprobe"] = GrubCommandFlags.Entry,

        // The "graphics" patch (Red Hat, Debian, the Xen tree) and SUSE's gfxboot.
        ["splashimage"] = Both, ["foreground"] = Both, ["background"] = Both, ["viewport"] = Both, ["shade"] = Both,
        ["border"] = Both, ["gfxmenu"] = GrubCommandFlags.Menu,
    };

    // Sorted ordinally (an index names a command); a name read from a file is matched without making a string of it
    // (the span lookup of Dictionary needs .NET 9 and the library also targets .NET 8).
    // The constants below are checked against it here: one that names another command stops the first parse.
    private static readonly string[] SortedNames = CheckIndexes(SortOrdinal(Commands.Keys));

    // SortedNames as ASCII bytes, for names read from a file's bytes.
    private static readonly byte[][] SortedNameBytes = BytesOf(SortedNames);

    // SortedNameBytes by Hash, with linear probing (-1: an empty slot); a quarter full, so a word is compared with
    // about one name.
    private const int HashMask = 255;
    private static readonly sbyte[] ByHash = HashNames(SortedNameBytes);
    private static readonly int LongestName = Longest(SortedNames);

    // The flags of SortedNames[i], by index (a line keeps the index of its command: one byte).
    private static readonly GrubCommandFlags[] SortedFlags = FlagsOf(SortedNames);

    // The indexes of the names by their first letter (every name is lowercase ASCII): a word read from a line is
    // compared with the few names that start as it does, not searched for among all of them.
    private static readonly int[][] ByFirstLetter = GroupByFirstLetter(SortedNames);

    // The indexes of the commands the readers act on, so a line's command is compared as a number: constants, so a
    // comparison is one instruction in code compiled before this class is initialized (the benchmark's JIT compiles
    // each method once, and a static field read there stays a load behind an initialization check). CheckIndexes
    // holds them to SortedNames.
    public const int Title = 63;
    public const int Root = 49;
    public const int RootNoVerify = 50;
    public const int Kernel = 33;
    public const int Initrd = 30;
    public const int Module = 38;
    public const int ModuleNoUnzip = 39;
    public const int Chainloader = 6;
    public const int SaveDefault = 51;
    public const int MakeActive = 35;
    public const int Lock = 34;
    public const int Default = 11;
    public const int Timeout = 62;
    public const int Fallback = 18;
    public const int SplashImage = 56;

    /// <summary>The index of the command spelled <paramref name="name"/> (for <see cref="NameAt"/> and <see cref="FlagsAt"/>), or -1 when GRUB does not know it.</summary>
    public static int IndexOf(GrubChars name)
    {
        var letter = name.IsEmpty ? -1 : name[0] - 'a';
        if ((uint)letter >= (uint)ByFirstLetter.Length)
        {
            return -1;
        }

        foreach (var candidate in ByFirstLetter[letter])
        {
            // The length first, here: most candidates differ in it, and the comparison is then no call.
            var known = SortedNames[candidate];
            if (known.Length == name.Length && name.SequenceEqual(known))
            {
                return candidate;
            }
        }

        return -1;
    }

    /// <summary>The number of commands (their indexes are 0 to Count - 1).</summary>
    public static int Count => SortedNames.Length;

    /// <summary><see cref="IndexOf(GrubChars)"/> of a name read from ASCII bytes.</summary>
    /// <remarks>
    /// Every command line of a file read from its bytes is looked up here: one hash of the length and the first and
    /// last letters leads to the name to compare with (two compared for the few names that share all three).
    /// </remarks>
    public static int IndexOf(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name.Length > LongestName)
        {
            return -1;
        }

        for (var slot = Hash(name); ; slot = (slot + 1) & HashMask)
        {
            var candidate = ByHash[slot];
            if (candidate < 0)
            {
                return -1;
            }

            if (name.SequenceEqual(SortedNameBytes[candidate]))
            {
                return candidate;
            }
        }
    }

    /// <summary>The name of the command at <paramref name="index"/> (see <see cref="IndexOf(GrubChars)"/>).</summary>
    public static string NameAt(int index) => SortedNames[index];

    /// <summary>The flags of the command at <paramref name="index"/> (see <see cref="IndexOf(GrubChars)"/>).</summary>
    public static GrubCommandFlags FlagsAt(int index) => SortedFlags[index];

    /// <summary>The flags of <paramref name="name"/>, or <see cref="GrubCommandFlags.None"/> when GRUB does not know it.</summary>
    public static GrubCommandFlags Lookup(string name) => Commands.GetValueOrDefault(name);

    private static string[] SortOrdinal(Dictionary<string, GrubCommandFlags>.KeyCollection names)
    {
        var sorted = new string[names.Count];
        names.CopyTo(sorted, 0);
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    // The tables below are built with loops, not LINQ, as every GRUB parse runs this class constructor first: in the
    // native build Range(...).Select/Where are generic virtual calls resolved at run time (about 2% of a one-guest
    // validate went to building these two tables).
    private static GrubCommandFlags[] FlagsOf(string[] names)
    {
        var flags = new GrubCommandFlags[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            flags[i] = Commands[names[i]];
        }

        return flags;
    }

    private static string[] CheckIndexes(string[] sortedNames)
    {
        (int Index, string Name)[] constants =
        [
            (Title, "title"), (Root, "root"), (RootNoVerify, "rootnoverify"), (Kernel, "kernel"), (Initrd, "initrd"), (Module, "module"),
            (ModuleNoUnzip, "modulenounzip"), (Chainloader, "chainloader"), (SaveDefault, "savedefault"), (MakeActive, "makeactive"),
            (Lock, "lock"), (Default, "default"), (Timeout, "timeout"), (Fallback, "fallback"), (SplashImage, "splashimage"),
        ];
        foreach (var (index, name) in constants)
        {
            if (sortedNames[index] != name)
            {
                throw new InvalidOperationException($"GrubCommandTable: the constant for '{name}' is {index}, but '{name}' is at {Array.IndexOf(sortedNames, name)}");
            }
        }

        return sortedNames;
    }

    private static int Hash(ReadOnlySpan<byte> name) => ((name.Length * 37) + (name[0] * 7) + (name[^1] * 3)) & HashMask;

    private static sbyte[] HashNames(byte[][] names)
    {
        var slots = new sbyte[HashMask + 1];
        slots.AsSpan().Fill(-1);
        for (var i = 0; i < names.Length; i++)
        {
            var slot = Hash(names[i]);
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & HashMask;
            }

            slots[slot] = (sbyte)i;
        }

        return slots;
    }

    private static int Longest(string[] names)
    {
        var longest = 0;
        foreach (var name in names)
        {
            longest = Math.Max(longest, name.Length);
        }

        return longest;
    }

    private static byte[][] BytesOf(string[] names)
    {
        var bytes = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            bytes[i] = System.Text.Encoding.ASCII.GetBytes(names[i]);
        }

        return bytes;
    }

    private static int[][] GroupByFirstLetter(string[] sortedNames)
    {
        var counts = new int[26];
        foreach (var name in sortedNames)
        {
            counts[name[0] - 'a']++;
        }

        var groups = new int[26][];
        for (var letter = 0; letter < groups.Length; letter++)
        {
            groups[letter] = new int[counts[letter]];
            counts[letter] = 0;
        }

        for (var i = 0; i < sortedNames.Length; i++)
        {
            var letter = sortedNames[i][0] - 'a';
            groups[letter][counts[letter]++] = i;
        }

        return groups;
    }
}
