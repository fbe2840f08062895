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
    private static readonly string[] SortedNames = SortOrdinal(Commands.Keys);

    // SortedNames as ASCII bytes, for names read from a file's bytes.
    private static readonly byte[][] SortedNameBytes = BytesOf(SortedNames);

    // The flags of SortedNames[i], by index (a line keeps the index of its command: one byte).
    private static readonly GrubCommandFlags[] SortedFlags = FlagsOf(SortedNames);

    // The indexes of the names by their first letter (every name is lowercase ASCII): a word read from a line is
    // compared with the few names that start as it does, not searched for among all of them.
    private static readonly int[][] ByFirstLetter = GroupByFirstLetter(SortedNames);

    // The indexes of the commands the readers act on, so a line's command is compared as a number (after SortedNames).
    public static readonly int Title = IndexOf("title");
    public static readonly int Root = IndexOf("root");
    public static readonly int RootNoVerify = IndexOf("rootnoverify");
    public static readonly int Kernel = IndexOf("kernel");
    public static readonly int Initrd = IndexOf("initrd");
    public static readonly int Module = IndexOf("module");
    public static readonly int ModuleNoUnzip = IndexOf("modulenounzip");
    public static readonly int Chainloader = IndexOf("chainloader");
    public static readonly int SaveDefault = IndexOf("savedefault");
    public static readonly int MakeActive = IndexOf("makeactive");
    public static readonly int Lock = IndexOf("lock");
    public static readonly int Default = IndexOf("default");
    public static readonly int Timeout = IndexOf("timeout");
    public static readonly int Fallback = IndexOf("fallback");
    public static readonly int SplashImage = IndexOf("splashimage");

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
    public static int IndexOf(ReadOnlySpan<byte> name)
    {
        var letter = name.IsEmpty ? -1 : name[0] - 'a';
        if ((uint)letter >= (uint)ByFirstLetter.Length)
        {
            return -1;
        }

        foreach (var candidate in ByFirstLetter[letter])
        {
            var known = SortedNameBytes[candidate];
            if (known.Length == name.Length && name.SequenceEqual(known))
            {
                return candidate;
            }
        }

        return -1;
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
