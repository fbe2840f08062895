using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Model;

/// <summary>
/// The entries of one menu, kept as an array of packed values (16 bytes an entry, no object per entry): the readers
/// ask it about an entry by its number. The public <see cref="GrubEntry"/> objects (with their kernels) are made
/// together the first time someone asks for any entry, and the same objects are handed out after that.
/// </summary>
/// <remarks>
/// A large menu has one entry per title; as objects made by the parse they were the largest part of what a document
/// keeps alive after its line table, and the garbage collector copied and marked them all while the document lived.
/// </remarks>
internal sealed class GrubEntryTable : PackedTable<GrubEntry>
{
    private const byte ModulesFlag = 1;
    private const byte SaveDefaultFlag = 2;
    private const byte MakeActiveFlag = 4;
    private const byte LockFlag = 8;
    private const byte WideFlag = 16;

    private readonly Row[] _rows;
    private int _count;

    // The rows of entries that span more than 65,535 lines, by entry number (a row keeps its lines as 16-bit offsets
    // from the title; no menu GRUB can boot has such an entry, but any file must parse).
    private Dictionary<int, WideRow>? _wide;

    public GrubEntryTable(GrubLineTable lines, int capacity)
    {
        Lines = lines;
        // Rows are read only once added: the runtime need not clear the array first.
        _rows = capacity == 0 ? [] : GC.AllocateUninitializedArray<Row>(capacity);
    }

    /// <summary>The lines the entries are made of.</summary>
    public GrubLineTable Lines { get; }

    /// <summary>The number of entries.</summary>
    public override int Count => _count;

    /// <inheritdoc />
    /// <remarks>A reader that asks for one entry of a menu almost always reads them all (and their kernels).</remarks>
    protected override bool MakesAllViews => true;

    /// <inheritdoc />
    protected override GrubEntry MakeView(int index) => new(this, index);

    /// <summary>Adds the entry whose title is line <paramref name="titleLine"/> and whose last command line is <paramref name="lastLine"/>.</summary>
    public void Add(int titleLine, int lastLine)
    {
        var lines = Lines;
        int root = -1, kernel = -1, initrd = -1, chainloader = -1;
        byte flags = 0;
        for (var line = titleLine + 1; line <= lastLine; line++)
        {
            var command = lines.CommandIndex(line);
            if (command == GrubCommandTable.Root || command == GrubCommandTable.RootNoVerify)
            {
                root = line;
            }
            else if (command == GrubCommandTable.Kernel)
            {
                kernel = line;
            }
            else if (command == GrubCommandTable.Initrd)
            {
                initrd = line;
            }
            else if (command == GrubCommandTable.Module || command == GrubCommandTable.ModuleNoUnzip)
            {
                flags |= ModulesFlag;
            }
            else if (command == GrubCommandTable.Chainloader)
            {
                chainloader = line;
            }
            else if (command == GrubCommandTable.SaveDefault)
            {
                flags |= SaveDefaultFlag;
            }
            else if (command == GrubCommandTable.MakeActive)
            {
                flags |= MakeActiveFlag;
            }
            else if (command == GrubCommandTable.Lock)
            {
                flags |= LockFlag;
            }
        }

        if (lastLine - titleLine > ushort.MaxValue)
        {
            (_wide ??= []).Add(_count, new WideRow(lastLine, root, kernel, initrd, chainloader));
            _rows[_count++] = new Row(titleLine, 0, 0, 0, 0, 0, (byte)(flags | WideFlag));
            return;
        }

        _rows[_count++] = new Row(titleLine, Offset(titleLine, lastLine), Offset(titleLine, root), Offset(titleLine, kernel), Offset(titleLine, initrd), Offset(titleLine, chainloader), flags);
    }

    /// <summary>The index of the entry's <c>title</c> line.</summary>
    public int TitleLine(int entry) => _rows[entry].TitleLine;

    /// <summary>The index of the entry's last command line (unknown commands included).</summary>
    public int LastLine(int entry) => Line(entry, WideField.Last, _rows[entry].LastLine);

    /// <summary>The index of the entry's (last) <c>root</c>/<c>rootnoverify</c> line, or -1.</summary>
    public int RootLine(int entry) => Line(entry, WideField.Root, _rows[entry].RootLine);

    /// <summary>The index of the entry's (last) <c>kernel</c> line, or -1.</summary>
    public int KernelLine(int entry) => Line(entry, WideField.Kernel, _rows[entry].KernelLine);

    /// <summary>The index of the entry's (last) <c>initrd</c> line, or -1.</summary>
    public int InitrdLine(int entry) => Line(entry, WideField.Initrd, _rows[entry].InitrdLine);

    /// <summary>The index of the entry's (last) <c>chainloader</c> line, or -1.</summary>
    public int ChainloaderLine(int entry) => Line(entry, WideField.Chainloader, _rows[entry].ChainloaderLine);

    /// <summary>True when the entry has a <c>module</c>/<c>modulenounzip</c> line.</summary>
    public bool HasModules(int entry) => (_rows[entry].Flags & ModulesFlag) != 0;

    /// <summary>True when the entry has a <c>savedefault</c> line.</summary>
    public bool HasSaveDefault(int entry) => (_rows[entry].Flags & SaveDefaultFlag) != 0;

    /// <summary>True when the entry has a <c>makeactive</c> line.</summary>
    public bool HasMakeActive(int entry) => (_rows[entry].Flags & MakeActiveFlag) != 0;

    /// <summary>True when the entry has a <c>lock</c> line.</summary>
    public bool HasLock(int entry) => (_rows[entry].Flags & LockFlag) != 0;

    /// <summary>The characters of the entry's title (see <see cref="GrubLineTable.ArgumentChars"/>).</summary>
    public GrubChars TitleChars(int entry) => Lines.ArgumentChars(_rows[entry].TitleLine);

    /// <summary>The characters of the entry's root device as written (the first word of its root line); empty when there is none.</summary>
    public GrubChars RootChars(int entry) => FirstWordOf(RootLine(entry));

    /// <summary>The characters of the entry's initrd file (the first word of its initrd line); empty when there is none.</summary>
    public GrubChars InitrdChars(int entry) => FirstWordOf(InitrdLine(entry));

    /// <summary>
    /// The text the entry owns: blank lines and comments directly above its title, the title, its lines; up to where
    /// the next title's own text starts (the blank and comment lines after the entry's last command up to there).
    /// </summary>
    public TextSpan OwnedSpan(int entry)
    {
        var lines = Lines;
        var start = lines.Span(OwnedStart(lines, _rows[entry].TitleLine)).Start;
        var last = LastLine(entry);

        // Only blank and comment lines lie between an entry's last command and the next title (a command would be
        // the entry's, or start the next one), so the first command line after it is the next title, if any.
        var next = last + 1;
        while (next < lines.Count && lines.Kind(next) != GrubLineKind.Command)
        {
            next++;
        }

        var end = next < lines.Count ? lines.Span(OwnedStart(lines, next)).Start : lines.Span(last).End;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The first line a title owns: blank lines, then comment lines directly above it.</summary>
    public static int OwnedStart(GrubLineTable lines, int titleLine)
    {
        var start = titleLine;
        while (start > 0 && lines.Kind(start - 1) == GrubLineKind.Comment)
        {
            start--;
        }

        while (start > 0 && lines.Kind(start - 1) == GrubLineKind.Blank)
        {
            start--;
        }

        return start;
    }

    private GrubChars FirstWordOf(int line) => line < 0 ? default : GrubText.FirstWord(Lines.ArgumentChars(line));

    /// <summary>How far <paramref name="line"/> (after the title, or -1 for none) lies from the title line; 0 for none.</summary>
    private static ushort Offset(int titleLine, int line) => line < 0 ? (ushort)0 : (ushort)(line - titleLine);

    /// <summary>A line of entry <paramref name="entry"/> from its row's offset (-1 for none), or from its wide row.</summary>
    /// <remarks>The wide row's field is named by a number, not picked by a delegate: every reader of an entry's lines
    /// asks here, and loading the delegate cost more than the rest of the call.</remarks>
    private int Line(int entry, WideField field, ushort offset)
    {
        ref readonly var row = ref _rows[entry];
        return (row.Flags & WideFlag) != 0 ? WideLine(entry, field) : offset == 0 ? -1 : row.TitleLine + offset;
    }

    private int WideLine(int entry, WideField field)
    {
        var wide = _wide![entry];
        return field switch
        {
            WideField.Last => wide.LastLine,
            WideField.Root => wide.RootLine,
            WideField.Kernel => wide.KernelLine,
            WideField.Initrd => wide.InitrdLine,
            _ => wide.ChainloaderLine,
        };
    }

    private enum WideField
    {
        Last,
        Root,
        Kernel,
        Initrd,
        Chainloader,
    }

    /// <summary>
    /// One entry in 16 bytes: its title line, its other lines as offsets from the title (0 for a command it lacks: a
    /// command comes after its title), and which flag commands it has.
    /// </summary>
    private readonly record struct Row(int TitleLine, ushort LastLine, ushort RootLine, ushort KernelLine, ushort InitrdLine, ushort ChainloaderLine, byte Flags);

    /// <summary>The lines of an entry that spans more than 65,535 lines (-1 for a command it lacks).</summary>
    private readonly record struct WideRow(int LastLine, int RootLine, int KernelLine, int InitrdLine, int ChainloaderLine);
}
