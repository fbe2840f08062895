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
    // What most readers never ask for (the root as a string and a device, the modules and the Xen view) is made on
    // first read: a large menu's parse then makes one object per entry besides its kernel. The cached values are the
    // same whichever thread makes them first.
    private readonly bool _hasModules;
    private string? _root;
    private GrubDevice? _rootDevice;
    private bool _rootDeviceRead;
    private IReadOnlyList<GrubModule>? _modules;
    private XenBootEntry? _xen;

    internal GrubEntry(int index, GrubLine titleLine, IReadOnlyList<GrubLine> commands, TextSpan ownedSpan)
    {
        Index = index;
        TitleLine = titleLine;
        Commands = commands;
        OwnedSpan = ownedSpan;
        List<GrubLine>? others = null;
        // Indexed, not foreach: an enumerator of an IReadOnlyList is an object per entry.
        for (var c = 0; c < commands.Count; c++)
        {
            var command = commands[c];
            switch (command.Name)
            {
                case "root":
                case "rootnoverify":
                    RootLine = command;
                    break;
                case "kernel":
                    Kernel = new GrubKernel(command);
                    break;
                case "initrd":
                    InitrdLine = command;
                    break;
                case "module":
                case "modulenounzip":
                    _hasModules = true;
                    break;
                case "chainloader":
                    Chainloader = command.Argument;
                    break;
                case "savedefault":
                    SaveDefault = true;
                    break;
                case "makeactive":
                    MakeActive = true;
                    break;
                case "lock":
                    Lock = true;
                    break;
                default:
                    (others ??= []).Add(command);
                    break;
            }
        }

        OtherCommands = others is null ? [] : others;
    }

    /// <summary>The entry's number as GRUB counts it (what <c>default N</c> refers to).</summary>
    public int Index { get; }

    /// <summary>The title as GRUB shows it: tabs as spaces, trailing blanks kept; empty for a bare <c>title</c>.</summary>
    public string Title => TitleLine.Argument;

    /// <summary>The commands GRUB stores for the entry, in order (unknown commands are not among them).</summary>
    public IReadOnlyList<GrubLine> Commands { get; }

    /// <summary>The root device as written (first word of the last <c>root</c>/<c>rootnoverify</c>), or null.</summary>
    public string? Root => RootLine is null ? null : _root ??= RootChars.ToString();

    /// <summary>The parsed root device, or null when there is none or it is malformed.</summary>
    public GrubDevice? RootDevice
    {
        get
        {
            if (!_rootDeviceRead && Root is { } root)
            {
                _rootDevice = GrubDevice.TryParse(root, out var device) ? device : null;
                _rootDeviceRead = true;
            }

            return _rootDevice;
        }
    }

    /// <summary>The characters of <see cref="Root"/>; empty when there is none.</summary>
    internal GrubChars RootChars => RootLine is null ? default : GrubText.FirstWord(RootLine.ArgumentChars);

    /// <summary>True when the root line is <c>rootnoverify</c> (used for chain-loading).</summary>
    public bool IsRootNoVerify => RootLine?.Name == "rootnoverify";

    /// <summary>The (last) <c>kernel</c> line, or null.</summary>
    public GrubKernel? Kernel { get; }

    /// <summary>The initrd file (first word of the last <c>initrd</c>), or null.</summary>
    public string? Initrd => InitrdLine is null ? null : InitrdChars.ToString();

    /// <summary>The characters of <see cref="Initrd"/>; empty when there is none.</summary>
    internal GrubChars InitrdChars => InitrdLine is null ? default : GrubText.FirstWord(InitrdLine.ArgumentChars);

    /// <summary>The <c>module</c>/<c>modulenounzip</c> lines in order.</summary>
    public IReadOnlyList<GrubModule> Modules => _modules ??= _hasModules ? ReadModules() : [];

    /// <summary>The argument of <c>chainloader</c> (<c>+1</c>, <c>--force /boot/grub/stage1</c>), or null.</summary>
    public string? Chainloader { get; }

    /// <summary>True when the entry has a <c>savedefault</c> line.</summary>
    public bool SaveDefault { get; }

    /// <summary>True when the entry has a <c>makeactive</c> line.</summary>
    public bool MakeActive { get; }

    /// <summary>True when the entry has a <c>lock</c> line.</summary>
    public bool Lock { get; }

    /// <summary>The stored commands without a typed property here (<c>map</c>, <c>boot</c>, <c>password</c>, ...), raw.</summary>
    public IReadOnlyList<GrubLine> OtherCommands { get; }

    /// <summary>True for a multiboot (Xen) entry: one with at least one module.</summary>
    public bool IsXen => _hasModules;

    /// <summary>The Xen view of the entry, or null when it has no module.</summary>
    public XenBootEntry? Xen => _hasModules ? _xen ??= new XenBootEntry(Title, Kernel?.Path, Kernel?.ArgumentsText, Modules) : null;

    /// <summary>The <c>title</c> line that starts the entry.</summary>
    public GrubLine TitleLine { get; }

    internal GrubLine? RootLine { get; }

    internal GrubLine? InitrdLine { get; }

    /// <summary>The text the entry owns: blank lines and comments directly above the title, the title, its lines.</summary>
    internal TextSpan OwnedSpan { get; }

    /// <inheritdoc />
    public override string ToString() => Title;

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

    /// <summary>
    /// The file of a module command and the rest of its line (tabs as written; empty when there is none), read from
    /// the line as <see cref="Modules"/> reads them; returns where the rest starts in the argument.
    /// </summary>
    internal static int ReadModule(GrubLine command, out GrubChars path, out GrubChars arguments)
    {
        var argument = command.ArgumentChars;
        var (pathStart, pathEnd, rest) = GrubText.SplitWord(argument, 0);
        path = argument.Slice(pathStart, pathEnd - pathStart);
        arguments = argument.Slice(rest);
        return rest;
    }
}
