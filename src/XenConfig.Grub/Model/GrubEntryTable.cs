using XenConfig.Grub.Syntax;
using XenConfig.Text;

namespace XenConfig.Grub.Model;

/// <summary>
/// The entries of one menu, kept as an array of packed values (8 bytes an entry, no object per entry): the readers
/// ask it about an entry by its number. The public <see cref="GrubEntry"/> objects (with their kernels) are made
/// together the first time someone asks for any entry, and the same objects are handed out after that.
/// </summary>
/// <remarks>
/// A large menu has one entry per title; as objects made by the parse they were the largest part of what a document
/// keeps alive after its line table, and the garbage collector copied and marked them all while the document lived.
/// </remarks>
internal sealed class GrubEntryTable : PackedTable<GrubEntry>
{
    // A row's packed word, from the low bits: the flags (modules, savedefault, makeactive, lock, wide), the last line's
    // offset from the title (7 bits), then the root, kernel, initrd and chainloader lines' offsets (5 bits each, 0 for
    // none). An entry whose lines lie farther from its title keeps them in the side table (wide).
    private const uint ModulesFlag = 1;
    private const uint SaveDefaultFlag = 2;
    private const uint MakeActiveFlag = 4;
    private const uint LockFlag = 8;
    private const uint WideFlag = 16;
    private const int LastShift = 5;
    private const int LastMask = 127;
    private const int RootShift = 12;
    private const int KernelShift = 17;
    private const int InitrdShift = 22;
    private const int ChainloaderShift = 27;
    private const int OffsetMask = 31;

    private readonly Row[] _rows;
    private int _count;

    // The rows of entries whose lines lie farther from the title than a row's offsets reach (a last line 128 lines or
    // more after it, another typed line 32 or more), by entry number: entries are a few lines long, but any file must
    // parse.
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
        uint flags = 0;
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

        if (lastLine - titleLine > LastMask || Math.Max(Math.Max(root, kernel), Math.Max(initrd, chainloader)) - titleLine > OffsetMask)
        {
            (_wide ??= []).Add(_count, new WideRow(lastLine, root, kernel, initrd, chainloader));
            _rows[_count++] = new Row(titleLine, flags | WideFlag);
            return;
        }

        _rows[_count++] = new Row(titleLine, flags | ((uint)(lastLine - titleLine) << LastShift) | (Offset(titleLine, root) << RootShift)
            | (Offset(titleLine, kernel) << KernelShift) | (Offset(titleLine, initrd) << InitrdShift) | (Offset(titleLine, chainloader) << ChainloaderShift));
    }

    /// <summary>The index of the entry's <c>title</c> line.</summary>
    public int TitleLine(int entry) => _rows[entry].TitleLine;

    /// <summary>The index of the entry's last command line (unknown commands included).</summary>
    public int LastLine(int entry)
    {
        ref readonly var row = ref _rows[entry];
        return (row.Packed & WideFlag) != 0 ? _wide![entry].LastLine : row.TitleLine + (int)((row.Packed >> LastShift) & LastMask);
    }

    /// <summary>The index of the entry's (last) <c>root</c>/<c>rootnoverify</c> line, or -1.</summary>
    public int RootLine(int entry) => Line(entry, WideField.Root, RootShift);

    /// <summary>The index of the entry's (last) <c>kernel</c> line, or -1.</summary>
    public int KernelLine(int entry) => Line(entry, WideField.Kernel, KernelShift);

    /// <summary>The index of the entry's (last) <c>initrd</c> line, or -1.</summary>
    public int InitrdLine(int entry) => Line(entry, WideField.Initrd, InitrdShift);

    /// <summary>The index of the entry's (last) <c>chainloader</c> line, or -1.</summary>
    public int ChainloaderLine(int entry) => Line(entry, WideField.Chainloader, ChainloaderShift);

    /// <summary>True when the entry's lines are in the side table (for tests).</summary>
    internal bool IsWide(int entry) => (_rows[entry].Packed & WideFlag) != 0;

    /// <summary>True when the entry has a <c>module</c>/<c>modulenounzip</c> line.</summary>
    public bool HasModules(int entry) => (_rows[entry].Packed & ModulesFlag) != 0;

    /// <summary>True when the entry has a <c>savedefault</c> line.</summary>
    public bool HasSaveDefault(int entry) => (_rows[entry].Packed & SaveDefaultFlag) != 0;

    /// <summary>True when the entry has a <c>makeactive</c> line.</summary>
    public bool HasMakeActive(int entry) => (_rows[entry].Packed & MakeActiveFlag) != 0;

    /// <summary>True when the entry has a <c>lock</c> line.</summary>
    public bool HasLock(int entry) => (_rows[entry].Packed & LockFlag) != 0;

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
    private static uint Offset(int titleLine, int line) => line < 0 ? 0 : (uint)(line - titleLine);

    /// <summary>A line of entry <paramref name="entry"/> from its row's offset at <paramref name="shift"/> (-1 for none), or from its wide row.</summary>
    /// <remarks>The wide row's field is named by a number, not picked by a delegate: every reader of an entry's lines
    /// asks here, and loading the delegate cost more than the rest of the call.</remarks>
    private int Line(int entry, WideField field, int shift)
    {
        ref readonly var row = ref _rows[entry];
        if ((row.Packed & WideFlag) != 0)
        {
            return WideLine(entry, field);
        }

        var offset = (int)((row.Packed >> shift) & OffsetMask);
        return offset == 0 ? -1 : row.TitleLine + offset;
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
    /// One entry in 8 bytes: its title line, and packed: its other lines as offsets from the title (0 for a command it
    /// lacks: a command comes after its title), and which flag commands it has.
    /// </summary>
    private readonly record struct Row(int TitleLine, uint Packed);

    /// <summary>The lines of an entry whose lines lie too far from its title for its row (-1 for a command it lacks).</summary>
    private readonly record struct WideRow(int LastLine, int RootLine, int KernelLine, int InitrdLine, int ChainloaderLine);
}
