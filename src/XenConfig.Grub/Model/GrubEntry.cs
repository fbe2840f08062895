using XenConfig.Boot;
using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Model;

/// <summary>
/// One menu entry as GRUB 0.97 numbers it (entries without commands are dropped before numbering): its title and the
/// commands GRUB stores for it, with typed views of the usual ones. A read-only view of one parse; after an edit,
/// read the entries again from the menu.
/// </summary>
public sealed class GrubEntry
{
    // An entry is a view of its row in the document's entry table (made on first request, then kept); what most
    // readers never ask for (the lines as objects, the root as a string and a device, the modules and the Xen view) is
    // made on first read. A large menu keeps one entry (and one kernel) per title once they are read, so the entry's
    // caches share one field (40 bytes an entry instead of 48): null, the kernel alone (made with the entry when it has
    // a kernel line), or the Details that hold the kernel and the rest. The cached objects are the same whichever
    // thread makes them first.
    private readonly GrubEntryTable _table;
    private object? _cache;

    internal GrubEntry(GrubEntryTable table, int index)
    {
        _table = table;
        Index = index;

        // The kernel is made with its entry: the table makes its entries in one run (see PackedTable.MakeViews), and
        // a kernel made later, when a reader first asks, would lie among the reader's short-lived strings.
        if (table.KernelLine(index) >= 0)
        {
            _cache = new GrubKernel(this);
        }
    }

    /// <summary>The entry's number as GRUB counts it (what <c>default N</c> refers to).</summary>
    public int Index { get; }

    /// <summary>The title as GRUB shows it: tabs as spaces, trailing blanks kept; empty for a bare <c>title</c>.</summary>
    public string Title => Lines.Argument(TitleLineIndex);

    /// <summary>The commands GRUB stores for the entry, in order (unknown commands are not among them).</summary>
    public IReadOnlyList<GrubLine> Commands => More.Commands ??= ReadCommands();

    /// <summary>The root device as written (first word of the last <c>root</c>/<c>rootnoverify</c>), or null.</summary>
    public string? Root => RootLineIndex < 0 ? null : More.Root ??= RootChars.ToString();

    /// <summary>The parsed root device, or null when there is none or it is malformed.</summary>
    public GrubDevice? RootDevice
    {
        get
        {
            if (RootLineIndex < 0)
            {
                return null;
            }

            var details = More;
            if (!details.RootDeviceRead)
            {
                details.RootDevice = GrubDevice.TryParse(Root!, out var device) ? device : null;
                details.RootDeviceRead = true;
            }

            return details.RootDevice;
        }
    }

    /// <summary>The characters of <see cref="Root"/>; empty when there is none.</summary>
    internal GrubChars RootChars => _table.RootChars(Index);

    /// <summary>True when the root line is <c>rootnoverify</c> (used for chain-loading).</summary>
    public bool IsRootNoVerify => RootLineIndex >= 0 && Lines.Name(RootLineIndex) == "rootnoverify";

    /// <summary>The (last) <c>kernel</c> line, or null.</summary>
    public GrubKernel? Kernel => KernelLine < 0 ? null : _cache as GrubKernel ?? MakeKernel();

    /// <summary>The initrd file (first word of the last <c>initrd</c>), or null.</summary>
    public string? Initrd => InitrdLineIndex < 0 ? null : InitrdChars.ToString();

    /// <summary>The characters of <see cref="Initrd"/>; empty when there is none.</summary>
    internal GrubChars InitrdChars => _table.InitrdChars(Index);

    /// <summary>The <c>module</c>/<c>modulenounzip</c> lines in order.</summary>
    public IReadOnlyList<GrubModule> Modules => IsXen ? More.Modules ??= ReadModules() : [];

    /// <summary>The argument of <c>chainloader</c> (<c>+1</c>, <c>--force /boot/grub/stage1</c>), or null.</summary>
    public string? Chainloader => _table.ChainloaderLine(Index) is var line and >= 0 ? Lines.Argument(line) : null;

    /// <summary>True when the entry has a <c>savedefault</c> line.</summary>
    public bool SaveDefault => _table.HasSaveDefault(Index);

    /// <summary>True when the entry has a <c>makeactive</c> line.</summary>
    public bool MakeActive => _table.HasMakeActive(Index);

    /// <summary>True when the entry has a <c>lock</c> line.</summary>
    public bool Lock => _table.HasLock(Index);

    /// <summary>The stored commands without a typed property here (<c>map</c>, <c>boot</c>, <c>password</c>, ...), raw.</summary>
    public IReadOnlyList<GrubLine> OtherCommands => Commands.Where(c => !IsTyped(c.Name)).ToList();

    /// <summary>True for a multiboot (Xen) entry: one with at least one module.</summary>
    public bool IsXen => _table.HasModules(Index);

    /// <summary>The Xen view of the entry, or null when it has no module.</summary>
    public XenBootEntry? Xen => IsXen ? More.Xen ??= new XenBootEntry(Title, Kernel?.Path, Kernel?.ArgumentsText, Modules) : null;

    /// <summary>The <c>title</c> line that starts the entry.</summary>
    public GrubLine TitleLine => Lines[TitleLineIndex];

    /// <summary>The characters of <see cref="Title"/> (see <see cref="GrubLine.ArgumentChars"/>).</summary>
    internal GrubChars TitleChars => _table.TitleChars(Index);

    /// <summary>The index of <see cref="TitleLine"/> in the document's lines.</summary>
    internal int TitleLineIndex => _table.TitleLine(Index);

    /// <summary>The index of the entry's last command line (unknown commands included).</summary>
    internal int LastLine => _table.LastLine(Index);

    /// <summary>The index of the (last) root line, or -1.</summary>
    internal int RootLineIndex => _table.RootLine(Index);

    /// <summary>The index of the (last) kernel line, or -1.</summary>
    internal int KernelLine => _table.KernelLine(Index);

    /// <summary>The index of the (last) initrd line, or -1.</summary>
    internal int InitrdLineIndex => _table.InitrdLine(Index);

    /// <summary>The text the entry owns: blank lines and comments directly above the title, the title, its lines.</summary>
    internal TextSpan OwnedSpan => _table.OwnedSpan(Index);

    /// <inheritdoc />
    public override string ToString() => Title;

    /// <summary>
    /// What most readers of a parse never ask for, in one object made on first request (it takes over the kernel when
    /// one was made before).
    /// </summary>
    internal Details More
    {
        get
        {
            while (true)
            {
                var cache = Volatile.Read(ref _cache);
                if (cache is Details details)
                {
                    return details;
                }

                var made = new Details { Kernel = (GrubKernel?)cache };
                if (Interlocked.CompareExchange(ref _cache, made, cache) == cache)
                {
                    return made;
                }
            }
        }
    }

    /// <summary>The lines the entry is made of.</summary>
    internal GrubLineTable Lines => _table.Lines;

    private GrubKernel MakeKernel()
    {
        while (true)
        {
            var cache = Volatile.Read(ref _cache);
            switch (cache)
            {
                case GrubKernel kernel:
                    return kernel;
                case Details details:
                    return details.Kernel ?? Interlocked.CompareExchange(ref details.Kernel, new GrubKernel(this), null) ?? details.Kernel;
                default:
                    var made = new GrubKernel(this);
                    if (Interlocked.CompareExchange(ref _cache, made, null) is null)
                    {
                        return made;
                    }

                    break;
            }
        }
    }

    /// <summary>True when line <paramref name="line"/> is a command GRUB stores for an entry (known, not a title).</summary>
    internal static bool IsCommand(GrubLineTable lines, int line) =>
        lines.Kind(line) == GrubLineKind.Command && lines.CommandFlags(line) is not (GrubCommandFlags.None or GrubCommandFlags.Title);

    private static bool IsTyped(string name) =>
        name is "root" or "rootnoverify" or "kernel" or "initrd" or "module" or "modulenounzip" or "chainloader" or "savedefault" or "makeactive" or "lock";

    private GrubLine[] ReadCommands()
    {
        var commands = new List<GrubLine>();
        for (var line = TitleLineIndex + 1; line <= LastLine; line++)
        {
            if (IsCommand(Lines, line))
            {
                commands.Add(Lines[line]);
            }
        }

        return [.. commands];
    }

    private List<GrubModule> ReadModules()
    {
        var modules = new List<GrubModule>();
        for (var c = 0; c < Commands.Count; c++)
        {
            var command = Commands[c];
            if (IsModule(command))
            {
                var rest = ReadModule(command, out var path, out var arguments);
                modules.Add(new GrubModule(path.ToString(), arguments.IsEmpty ? null : GrubText.Spaced(arguments), command.Name == "modulenounzip", command, rest));
            }
        }

        return modules;
    }

    /// <summary>True for a command that <see cref="Modules"/> lists (<c>module</c>, <c>modulenounzip</c>).</summary>
    internal static bool IsModule(GrubLine command) => command.Name is "module" or "modulenounzip";

    /// <summary>True when line <paramref name="line"/> is a command that <see cref="Modules"/> lists.</summary>
    internal static bool IsModule(GrubLineTable lines, int line) => IsCommand(lines, line) && lines.Name(line) is "module" or "modulenounzip";

    /// <summary>
    /// The file of a module command and the rest of its line (tabs as written; empty when there is none), read from
    /// the line as <see cref="Modules"/> reads them; returns where the rest starts in the argument.
    /// </summary>
    internal static int ReadModule(GrubLine command, out GrubChars path, out GrubChars arguments) =>
        ReadModule(command.ArgumentChars, out path, out arguments);

    /// <summary><see cref="ReadModule(GrubLine, out GrubChars, out GrubChars)"/> of line <paramref name="line"/>, without its <see cref="GrubLine"/>.</summary>
    internal static int ReadModule(GrubLineTable lines, int line, out GrubChars path, out GrubChars arguments) =>
        ReadModule(lines.ArgumentChars(line), out path, out arguments);

    private static int ReadModule(GrubChars argument, out GrubChars path, out GrubChars arguments)
    {
        var (pathStart, pathEnd, rest) = GrubText.SplitWord(argument, 0);
        path = argument.Slice(pathStart, pathEnd - pathStart);
        arguments = argument.Slice(rest);
        return rest;
    }

    /// <summary>The values of an entry (and of its kernel) made when first read.</summary>
    internal sealed class Details
    {
        public GrubKernel? Kernel;
        public IReadOnlyList<string>? KernelOptions;
        public KernelCommandLine? KernelArguments;
        public string? Root;
        public GrubDevice? RootDevice;
        public bool RootDeviceRead;
        public GrubLine[]? Commands;
        public IReadOnlyList<GrubModule>? Modules;
        public XenBootEntry? Xen;
    }
}
