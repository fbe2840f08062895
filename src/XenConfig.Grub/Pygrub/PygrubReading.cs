using System.Buffers;
using System.Globalization;
using System.Numerics;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Pygrub;

/// <summary>
/// What pygrub's <c>GrubConf.GrubConfigFile</c> (Xen 4.17) makes of a menu.lst: a faithful port of its parse for
/// the fields that decide what a PV guest boots, used to warn where pygrub and GRUB 0.97 disagree.
/// </summary>
/// <remarks>A struct: every parse with the comparison reads one, and for a small menu the object was a tenth of what
/// the parse allocated.</remarks>
internal struct PygrubReading : IDisposable
{
    private static readonly Func<char, bool> IsPySpaceChar = IsPySpace;

    // By GRUB's command index: the commands whose line ReadLine does more with than count it (a title, an image's
    // root, kernel and initrd, and before the first title default, timeout and splashimage).
    private static readonly bool[] ReadsValue = CommandsReadingValues();

    private readonly GrubSource _text;

    // The images, in a pooled array (Dispose returns it): the comparison reads them once, so a parse keeps no object
    // per image. The last one is the image being read; it counts only when it has lines or another title follows.
    // The rows hold no reference (a 100 MB menu has half a million of them): the collector neither scans the array
    // nor marks cards on each write, and the array goes back to the pool without being cleared.
    private ImageRow[] _images = [];

    // The root disks whose numbers are not the usual few digits (pygrub's Python integers), by the index a row keeps.
    private List<Disk>? _unusualDisks;
    private int _imageCount;
    private int _imageLines;
    private int _timeoutStart = -1;
    private int _timeoutLength;

    private PygrubReading(GrubSource text)
    {
        _text = text;
    }

    /// <summary>Why pygrub fails on the whole file (an exception in GrubConf), or null.</summary>
    public string? Error { readonly get; private set; }

    /// <summary>Where the line (split at LF) pygrub was reading when it failed starts in the text.</summary>
    public int ErrorOffset { readonly get; private set; }

    /// <summary>The <c>default</c> value after pygrub's conversion (0 for <c>saved</c> and non-numbers).</summary>
    public BigInteger Default { readonly get; private set; }

    /// <summary>The raw <c>timeout</c> string, or null when there is none (pygrub's -1).</summary>
    public readonly string? Timeout => _timeoutStart < 0 ? null : _text.Substring(_timeoutStart, _timeoutLength);

    /// <summary>The number of images (entries) pygrub lists.</summary>
    public readonly int ImageCount => _imageCount;

    /// <summary>The image pygrub boots without <c>--entry</c>: the default when it exists, else the first.</summary>
    public readonly int? BootIndex => _imageCount == 0 ? null : Default < _imageCount ? (int)Default : 0;

    /// <summary>The timeout as pygrub's interactive mode reads it (<c>int()</c>); null for none or -1, and false in <paramref name="valid"/> when <c>int()</c> would raise.</summary>
    public readonly BigInteger? TimeoutValue(out bool valid)
    {
        valid = true;
        if (_timeoutStart < 0)
        {
            return null;
        }

        if (!TryPythonInt(_text.Slice(_timeoutStart, _timeoutLength), out var value))
        {
            valid = false;
            return null;
        }

        return value == -1 ? null : value;
    }

    public static PygrubReading Read(string text) => Read(GrubSource.Of(text));

    /// <summary>Image <paramref name="index"/> (of <see cref="ImageCount"/>); valid until <see cref="Dispose"/>.</summary>
    public readonly Image GetImage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_imageCount, nameof(index));
        return new Image(_text, in _images[index], _unusualDisks);
    }

    /// <summary>Where the title line of image <paramref name="index"/> starts in the text.</summary>
    public readonly int TitleOffset(int index) => _images[index].TitleOffset;

    /// <summary>pygrub's reading of <paramref name="text"/> (from its bytes when the file is ASCII), one physical line after the other.</summary>
    public static PygrubReading Read(GrubSource text) => Read(text, lines: null);

    /// <summary>
    /// pygrub's reading of the text of <paramref name="lines"/>, taking what GRUB's reading already found where it
    /// decides pygrub's (the same as <see cref="Read(GrubSource)"/>, which GrubPygrubReadingTests checks).
    /// </summary>
    public static PygrubReading Read(GrubLineTable lines) => Read(lines.Source, lines);

    /// <summary>Returns the images' array to the pool.</summary>
    public void Dispose()
    {
        if (_images.Length > 0)
        {
            ArrayPool<ImageRow>.Shared.Return(_images);
            _images = [];
            _imageCount = 0;
        }

        _unusualDisks = null;
    }

    // Without a delegate: a parse of a small menu allocated as much for the closure and its delegate as for the reading.
    private static PygrubReading Read(GrubSource text, GrubLineTable? lines)
    {
        var reading = new PygrubReading(text);
        try
        {
            if (lines is null)
            {
                reading.ReadPhysicalLines(0, text.Length);
            }
            else
            {
                // An image per title line GRUB found, mostly: the array is not grown (and copied) a dozen times on the
                // way to half a million images. pygrub takes some lines GRUB does not as titles; for those it grows.
                reading._images = ArrayPool<ImageRow>.Shared.Rent(Math.Max(16, lines.TitleCount + 1));
                reading.ReadLines(lines);
            }

            if (reading._imageCount > 0 && reading._imageLines == 0)
            {
                // GrubConf adds the last image only when it has lines ("if img:").
                reading._imageCount--;
            }
        }
        catch (PygrubException e)
        {
            reading.Error = e.Message;
            reading.ErrorOffset = e.Offset;
            reading.Dispose();
        }

        return reading;
    }

    /// <summary>
    /// GrubConf's parse over GRUB's logical lines. A line GRUB read as one physical line tells pygrub's reading without
    /// searching it again: a blank or comment line is one pygrub skips too (its first character that is not a space or
    /// a tab is a '#', or it has none and ends at most in a carriage return, which strip() removes); a known command
    /// starts where pygrub's stripped line starts (its name is letters, not white space), and pygrub's first word is its
    /// name (grub_split ends the word at the first space, tab or '=', as GRUB does), so a line whose command pygrub
    /// ignores is only counted. Every other line (joined, or an unknown command) is read as pygrub reads it.
    /// </summary>
    private void ReadLines(GrubLineTable lines)
    {
        var text = _text.All;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines.Kind(i) != GrubLineKind.Command && !lines.IsJoined(i))
            {
                continue;
            }

            var command = lines.CommandIndex(i);
            if (command >= 0 && !lines.IsJoined(i) && !ReadsValue[command])
            {
                // A command pygrub reads no value from: in an image it only counts as one of the image's lines.
                if (_imageCount > 0)
                {
                    _imageLines++;
                }

                continue;
            }

            var span = lines.Span(i);
            if (command < 0 || lines.IsJoined(i))
            {
                ReadPhysicalLines(span.Start, span.End);
                continue;
            }

            var start = lines.ContentOffset(i);
            var end = span.End;
            if (text[end - 1] == '\n')
            {
                end--;
            }

            while (end > start && IsPySpace(text[end - 1]))
            {
                end--;
            }

            ReadLine(span.Start, start, end - start, command, lines.NameLength(i));
        }
    }

    /// <summary>GrubConf's parse of the physical lines (split at LF) of <c>[from, to)</c>, each stripped.</summary>
    private void ReadPhysicalLines(int from, int to)
    {
        var text = _text.All;
        for (var position = from; position <= to;)
        {
            var newline = position < to ? text.Slice(position, to - position).IndexOf('\n') : -1;
            var end = newline < 0 ? to : position + newline;
            var lineStart = position;
            position = end + 1;
            var (start, length) = Strip(text, lineStart, end);
            if (length > 0)
            {
                ReadLine(lineStart, start, length, UnknownCommand, 0);
            }
        }
    }

    // A line whose first word is not known from GRUB's reading.
    private const int UnknownCommand = -1;

    /// <summary>
    /// One stripped, non-empty line <c>[start, start + length)</c>, which starts the physical line at
    /// <paramref name="lineStart"/>: comments are skipped, a line starting with <c>title</c> starts an image, the lines
    /// of an image are applied to it, and before the first title <c>default</c>, <c>timeout</c> and
    /// <c>splashimage</c> are read. <paramref name="command"/> is GRUB's command index when it is pygrub's first word,
    /// and <paramref name="nameLength"/> then that word's length.
    /// </summary>
    private void ReadLine(int lineStart, int start, int length, int command, int nameLength)
    {
        var text = _text.All;
        var line = text.Slice(start, length);
        if (command == UnknownCommand && line[0] == '#')
        {
            return;
        }

        if (command == UnknownCommand ? line.StartsWith("title") : command == GrubCommandTable.Title)
        {
            if (_imageCount == _images.Length)
            {
                Grow();
            }

            _images[_imageCount++] = length > 6 ? new ImageRow(_text.All, lineStart, start + 6, length - 6) : new ImageRow(_text.All, lineStart, start, 0);
            _imageLines = 0;
            return;
        }

        try
        {
            if (_imageCount > 0)
            {
                _imageLines++;
                if (command is UnknownCommand || command == GrubCommandTable.Root || command == GrubCommandTable.RootNoVerify
                    || command == GrubCommandTable.Kernel || command == GrubCommandTable.Initrd)
                {
                    _images[_imageCount - 1].Apply(_text.All, ref _unusualDisks, start, length, command, nameLength);
                }

                return;
            }

            if (command is not UnknownCommand && command != GrubCommandTable.Default && command != GrubCommandTable.Timeout
                && command != GrubCommandTable.SplashImage)
            {
                return;
            }

            int argumentStart, argumentLength;
            if (command == UnknownCommand)
            {
                (var commandStart, var commandLength, argumentStart, argumentLength) = ExactSplit(text, start, length);
                command = GlobalCommand(text.Slice(commandStart, commandLength));
            }
            else
            {
                (argumentStart, argumentLength) = ArgumentAfterName(text, start, length, nameLength);
            }

            var (valueStart, valueLength) = Strip(text, argumentStart, argumentStart + argumentLength);
            var argument = text.Slice(valueStart, valueLength);
            if (command == GrubCommandTable.Default)
            {
                SetDefault(argument);
            }
            else if (command == GrubCommandTable.Timeout)
            {
                (_timeoutStart, _timeoutLength) = (valueStart, valueLength);
            }
            else if (command == GrubCommandTable.SplashImage)
            {
                GetPath(argument);
            }
        }
        catch (FormatException e)
        {
            throw new PygrubException(e.Message, lineStart);
        }
    }

    private static bool[] CommandsReadingValues()
    {
        var reads = new bool[GrubCommandTable.Count];
        foreach (var command in (ReadOnlySpan<int>)[GrubCommandTable.Title, GrubCommandTable.Root, GrubCommandTable.RootNoVerify, GrubCommandTable.Kernel,
            GrubCommandTable.Initrd, GrubCommandTable.Default, GrubCommandTable.Timeout, GrubCommandTable.SplashImage])
        {
            reads[command] = true;
        }

        return reads;
    }

    /// <summary>The command index of a first word pygrub reads before the first title (default, timeout, splashimage), or <see cref="UnknownCommand"/>.</summary>
    private static int GlobalCommand(GrubChars name) =>
        name.SequenceEqual("default") ? GrubCommandTable.Default
        : name.SequenceEqual("timeout") ? GrubCommandTable.Timeout
        : name.SequenceEqual("splashimage") ? GrubCommandTable.SplashImage
        : UnknownCommand;

    private void Grow()
    {
        var larger = ArrayPool<ImageRow>.Shared.Rent(Math.Max(16, _images.Length * 2));
        _images.AsSpan(0, _imageCount).CopyTo(larger);
        if (_images.Length > 0)
        {
            ArrayPool<ImageRow>.Shared.Return(_images);
        }

        _images = larger;
    }

    private void SetDefault(GrubChars value)
    {
        if (value.SequenceEqual("saved"))
        {
            Default = 0;
            return;
        }

        Default = TryPythonInt(value, out var number) ? number : 0;
        if (Default < 0)
        {
            throw new FormatException("default must be non-negative number");
        }
    }

    /// <summary>Python's <c>strip()</c> of <c>[start, end)</c>: where the stripped text starts and how long it is.</summary>
    internal static (int Start, int Length) Strip(GrubChars text, int start, int end)
    {
        while (start < end && IsPySpace(text[start]))
        {
            start++;
        }

        while (end > start && IsPySpace(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    /// <summary>Python's <c>str.isspace</c> for the characters a menu.lst holds.</summary>
    internal static bool IsPySpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    internal static string PyStrip(string s)
    {
        var (start, length) = Strip(s, 0, s.Length);
        return s.Substring(start, length);
    }

    /// <summary>GrubConf's <c>grub_exact_split(s, 2)</c> of <c>[start, start + length)</c>: the command and where the argument is.</summary>
    internal static (int CommandStart, int CommandLength, int ArgumentStart, int ArgumentLength) ExactSplit(GrubChars text, int start, int length)
    {
        // grub_split splits at '=' when there is one before the first space or tab, so the first of the three decides.
        var s = text.Slice(start, length);
        var eq = s.IndexOfAny(' ', '\t', '=');
        if (eq >= 0 && s[eq] == '=')
        {
            return (start, eq, start + eq + 1, length - eq - 1);
        }

        var (first, restStart, restLength) = SplitWhitespaceOnce(text, start, length);
        return (first.Start, first.Length, restStart, restLength);
    }

    /// <summary>
    /// Where the argument of <c>grub_exact_split(s, 2)</c> of <c>[start, start + length)</c> is, for a line whose first
    /// word GRUB already found: a known command's name (letters only, <paramref name="nameLength"/> of them) ends at a
    /// space, a tab, an '=' or the line's end, which is where <see cref="ExactSplit"/> would find it, without searching.
    /// </summary>
    internal static (int Start, int Length) ArgumentAfterName(GrubChars text, int start, int length, int nameLength)
    {
        var end = start + length;
        var position = start + nameLength;
        if (position >= end)
        {
            return (end, 0);
        }

        if (text[position] == '=')
        {
            return (position + 1, end - position - 1);
        }

        // The space or tab that ended the word, then the rest of the white space split(None, 1) drops.
        position++;
        while (position < end && IsPySpace(text[position]))
        {
            position++;
        }

        return (position, end - position);
    }

    /// <summary>Python's <c>s.split(None, 1)</c> of <c>[start, start + length)</c>, padded to two items: where each is.</summary>
    internal static ((int Start, int Length) First, int RestStart, int RestLength) SplitWhitespaceOnce(GrubChars text, int start, int length)
    {
        var limit = start + length;
        var run = text.Slice(0, limit);
        var first = run.IndexOfPySpace(start, space: false, IsPySpaceChar);
        var end = run.IndexOfPySpace(first, space: true, IsPySpaceChar);
        var rest = run.IndexOfPySpace(end, space: false, IsPySpaceChar);
        return ((first, end - first), rest, limit - rest);
    }

    /// <summary>Python's <c>int(s)</c> for a string (whitespace, sign, digits with single underscores).</summary>
    internal static bool TryPythonInt(string s, out BigInteger value) => TryPythonInt(new GrubChars(s.AsSpan()), out value);

    /// <summary>Python's <c>int(s)</c> for a string (whitespace, sign, digits with single underscores).</summary>
    internal static bool TryPythonInt(GrubChars s, out BigInteger value)
    {
        value = 0;
        var (start, length) = Strip(s, 0, s.Length);
        var t = s.Slice(start, length);
        var position = 0;
        var negative = false;
        if (position < t.Length && (t[position] == '+' || t[position] == '-'))
        {
            negative = t[position] == '-';
            position++;
        }

        if (position >= t.Length)
        {
            return false;
        }

        // Digits gather in a long (at most 17 at a time, so it cannot overflow) and go into the BigInteger 17 at a
        // time: a device or entry number is one step, not a BigInteger multiplication per digit.
        var previousUnderscore = true;
        long pending = 0;
        long scale = 1;
        for (; position < t.Length; position++)
        {
            var c = t[position];
            if (c == '_')
            {
                if (previousUnderscore)
                {
                    return false;
                }

                previousUnderscore = true;
                continue;
            }

            if (!char.IsDigit(c))
            {
                return false;
            }

            pending = (pending * 10) + (char.IsAsciiDigit(c) ? c - '0' : (int)char.GetNumericValue(c));
            scale *= 10;
            previousUnderscore = false;
            if (scale == 100_000_000_000_000_000)
            {
                value = (value * scale) + pending;
                (pending, scale) = (0, 1);
            }
        }

        if (previousUnderscore)
        {
            return false;
        }

        value = scale == 1 ? value : value.IsZero ? pending : (value * scale) + pending;

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>GrubConf's <c>get_path</c>: an optional <c>(device)</c> prefix; returns where the path starts in <paramref name="s"/>.</summary>
    internal static int GetPath(GrubChars s, out Disk? device)
    {
        device = null;
        if (s.IsEmpty || s[0] != '(')
        {
            return 0;
        }

        var close = s.IndexOf(')');
        if (close < 0)
        {
            throw new FormatException("Unable to find matching ')'");
        }

        device = Disk.FromText(s.Slice(0, close));
        return close + 1;
    }

    /// <summary>
    /// <see cref="GetPath(GrubChars, out Disk?)"/> for a caller that only needs where the path starts (kernel, initrd,
    /// splashimage): the device is read only to fail where GrubConf fails, and its usual spelling makes no numbers.
    /// </summary>
    private static int GetPath(GrubChars s)
    {
        if (s.IsEmpty || s[0] != '(')
        {
            return 0;
        }

        var close = s.IndexOf(')');
        if (close < 0)
        {
            throw new FormatException("Unable to find matching ')'");
        }

        var device = s.Slice(0, close);
        if (!Disk.IsUsual(device))
        {
            _ = Disk.FromText(device);
        }

        return close + 1;
    }

    /// <summary>GrubConf's <c>GrubDiskPart</c>: a disk number and an optional partition number.</summary>
    internal readonly record struct Disk(BigInteger Number, BigInteger? Partition)
    {
        public static Disk FromText(string text) => FromText(new GrubChars(text.AsSpan()));

        public static Disk FromText(GrubChars text)
        {
            if (TryReadUsual(text, out var number, out var partition))
            {
                return partition < 0 ? new Disk(number, null) : new Disk(number, partition);
            }

            var comma = text.IndexOf(',');
            if (comma < 0)
            {
                return new Disk(ParseDisk(text), null);
            }

            if (text.Slice(comma + 1).Contains(','))
            {
                throw new FormatException("too many values to unpack (expected 2)");
            }

            return new Disk(ParseDisk(text.Slice(0, comma)), ParsePart(text.Slice(comma + 1)));
        }

        /// <summary>True when <see cref="FromText(GrubChars)"/> reads <paramref name="text"/> in one pass (and so cannot fail).</summary>
        public static bool IsUsual(GrubChars text) => TryReadUsual(text, out _, out _);

        /// <summary>
        /// <c>(hd0,1)</c>, <c>(hd0</c> and the like in one pass: a '(', two characters that are not parentheses or
        /// commas, up to nine digits, optionally a comma and up to nine digits, optionally a ')'. What
        /// <see cref="ParseDisk"/> and <see cref="ParsePart"/> read there (the parentheses dropped, the two characters
        /// skipped, the digits read as int() reads them; neither "/dev/xvd" nor "msdos"/"gpt" can start such a text);
        /// false for anything else.
        /// </summary>
        /// <remarks>The disk and partition (-1: none) are what it reads.</remarks>
        internal static bool TryReadUsual(GrubChars text, out int number, out int partition)
        {
            (number, partition) = (-1, -1);
            var length = text.Length;
            if (length > 0 && text[length - 1] == ')')
            {
                length--;
            }

            if (length < 4 || text[0] != '(' || text[1] is '(' or ')' or ',' || text[2] is '(' or ')' or ',')
            {
                return false;
            }

            var position = 3;
            number = ReadDigits(text, ref position, length);
            if (number < 0)
            {
                return false;
            }

            if (position == length)
            {
                return true;
            }

            if (text[position] != ',')
            {
                return false;
            }

            position++;
            partition = ReadDigits(text, ref position, length);
            return partition >= 0 && position == length;
        }

        // One to nine ASCII digits from position up to end, or -1.
        private static int ReadDigits(GrubChars text, ref int position, int end)
        {
            var start = position;
            var value = 0;
            while (position < end && position - start < 10 && char.IsAsciiDigit(text[position]))
            {
                value = (value * 10) + (text[position] - '0');
                position++;
            }

            return position == start || position - start > 9 ? -1 : value;
        }

        private static BigInteger ParseDisk(GrubChars text)
        {
            Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
            var value = WithoutParentheses(text, buffer);
            if (value.StartsWith("/dev/xvd", StringComparison.Ordinal))
            {
                if (value.Length <= 8)
                {
                    throw new FormatException("string index out of range");
                }

                return value[8] - 'a';
            }

            var digits = value.Length > 2 ? value[2..] : [];
            return TryPythonInt(digits, out var number) ? number : throw new FormatException($"invalid literal for int() with base 10: '{digits.ToString()}'");
        }

        private static BigInteger ParsePart(GrubChars text)
        {
            Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
            var value = WithoutParentheses(text, buffer);
            if (value.StartsWith("msdos", StringComparison.Ordinal))
            {
                value = value[5..];
            }

            if (value.StartsWith("gpt", StringComparison.Ordinal))
            {
                value = value[3..];
            }

            return TryPythonInt(value, out var number) ? number : throw new FormatException($"invalid literal for int() with base 10: '{value.ToString()}'");
        }

        /// <summary>Python's <c>value.replace("(", "").replace(")", "")</c>, into <paramref name="buffer"/>.</summary>
        private static ReadOnlySpan<char> WithoutParentheses(GrubChars text, Span<char> buffer)
        {
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c is not ('(' or ')'))
                {
                    buffer[length++] = c;
                }
            }

            return buffer[..length];
        }

        public override string ToString() => Partition is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"d{Number}p{p}")
            : string.Create(CultureInfo.InvariantCulture, $"d{Number}");
    }

    /// <summary>An exception GrubConf raises, with the line it was reading.</summary>
    private sealed class PygrubException(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    /// <summary>One pygrub image as the comparison reads it: its values where they are in the text, the strings made when asked for.</summary>
    internal readonly struct Image
    {
        private readonly GrubSource _text;
        private readonly ImageRow _row;
        private readonly List<Disk>? _unusualDisks;

        public Image(GrubSource text, in ImageRow row, List<Disk>? unusualDisks)
        {
            _text = text;
            _row = row;
            _unusualDisks = unusualDisks;
        }

        /// <summary>Where the title's line starts in the text.</summary>
        public int TitleOffset => _row.TitleOffset;

        public string Title => _text.Substring(_row.TitleStart, _row.TitleLength);

        public GrubChars TitleChars => _text.Slice(_row.TitleStart, _row.TitleLength);

        /// <summary>Where <see cref="TitleChars"/> start in the text.</summary>
        public int TitleStart => _row.TitleStart;

        public Disk? Root => _row.RootNumber == ImageRow.NoRoot ? null
            : _row.RootNumber < 0 ? _unusualDisks![-_row.RootNumber - 1]
            : new Disk(_row.RootNumber, _row.RootPartition < 0 ? null : _row.RootPartition);

        public bool HasKernel => _row.HasKernel;

        public string? Kernel => Show(_row.Kernel);

        public string? Args => Show(_row.Args);

        public string? Initrd => Show(_row.Initrd);

        public GrubChars KernelChars => Chars(_row.Kernel);

        public GrubChars ArgsChars => Chars(_row.Args);

        public GrubChars InitrdChars => Chars(_row.Initrd);

        public bool HasInitrd => _row.Initrd.Start >= 0;

        private string? Show(Range range) => range.Start >= 0 ? _text.Substring(range.Start, range.Length) : null;

        private GrubChars Chars(Range range) => range.Start >= 0 ? _text.Slice(range.Start, range.Length) : default;
    }

    /// <summary>
    /// One pygrub image as the reading stores it: where its values are in the text, and its root disk as numbers (the
    /// usual spelling), or as the index of one with numbers past an int in the reading's side list.
    /// </summary>
    internal struct ImageRow
    {
        /// <summary><see cref="RootNumber"/> of an image without a root line.</summary>
        public const int NoRoot = int.MinValue;

        public ImageRow(GrubChars text, int titleOffset, int rawTitleStart, int rawTitleLength)
        {
            TitleOffset = titleOffset;
            (TitleStart, TitleLength) = Strip(text, rawTitleStart, rawTitleStart + rawTitleLength);
            (RootNumber, RootPartition) = (NoRoot, -1);
            (Kernel, Args, Initrd) = (Range.None, Range.None, Range.None);
        }

        /// <summary>Where the title's line starts in the text.</summary>
        public int TitleOffset { get; }

        public int TitleStart { get; }

        public int TitleLength { get; }

        /// <summary>The root disk's number; <see cref="NoRoot"/> for none, and -(i + 1) for entry i of the unusual disks.</summary>
        public int RootNumber { get; private set; }

        /// <summary>The root disk's partition, -1 for none.</summary>
        public int RootPartition { get; private set; }

        public bool HasKernel { get; private set; }

        public Range Kernel { get; private set; }

        public Range Args { get; private set; }

        public Range Initrd { get; private set; }

        /// <summary>
        /// Applies one stripped line <c>[start, start + length)</c> of the image. <paramref name="command"/> is GRUB's
        /// command index when it is pygrub's first word (<paramref name="nameLength"/> long): the line is then split
        /// where GRUB found the word, and the word is not compared again.
        /// </summary>
        public void Apply(GrubChars text, ref List<Disk>? unusualDisks, int start, int length, int command, int nameLength)
        {
            int argumentStart, argumentLength;
            if (command == UnknownCommand)
            {
                (var commandStart, var commandLength, argumentStart, argumentLength) = ExactSplit(text, start, length);
                command = ValueCommand(text.Slice(commandStart, commandLength));
            }
            else
            {
                (argumentStart, argumentLength) = ArgumentAfterName(text, start, length, nameLength);
            }

            if (command == UnknownCommand)
            {
                return;
            }

            var (valueStart, valueLength) = Strip(text, argumentStart, argumentStart + argumentLength);
            var value = text.Slice(valueStart, valueLength);
            if (command == GrubCommandTable.Root || command == GrubCommandTable.RootNoVerify)
            {
                if (Disk.TryReadUsual(value, out var number, out var partition))
                {
                    (RootNumber, RootPartition) = (number, partition);
                }
                else
                {
                    // FromText fails here when pygrub's int() fails, as GrubConf does.
                    (unusualDisks ??= []).Add(Disk.FromText(value));
                    (RootNumber, RootPartition) = (-unusualDisks.Count, -1);
                }
            }
            else if (command == GrubCommandTable.Kernel)
            {
                HasKernel = true;
                if (!value.Contains(' '))
                {
                    var path = GetPath(value);
                    Kernel = new Range(valueStart + path, valueLength - path);
                    Args = Range.None;
                }
                else
                {
                    // split(None, 1) of a stripped value: the first word starts the value, so only its end and the
                    // rest's start are searched for.
                    var limit = valueStart + valueLength;
                    var run = text.Slice(0, limit);
                    var wordEnd = run.IndexOfPySpace(valueStart, space: true, IsPySpaceChar);

                    // The value is stripped and holds a space, so white space that is not the value's end follows
                    // the word; mostly one space, stepped over rather than searched for.
                    var restStart = wordEnd + 1;
                    while (restStart < limit && IsPySpace(run[restStart]))
                    {
                        restStart++;
                    }

                    var path = GetPath(text.Slice(valueStart, wordEnd - valueStart));
                    Kernel = new Range(valueStart + path, wordEnd - valueStart - path);
                    Args = new Range(restStart, limit - restStart);
                }
            }
            else if (command == GrubCommandTable.Initrd)
            {
                var path = GetPath(value);
                Initrd = new Range(valueStart + path, valueLength - path);
            }
        }

        /// <summary>The command index of a first word an image reads a value from (root, rootnoverify, kernel, initrd), or <see cref="UnknownCommand"/>.</summary>
        private static int ValueCommand(GrubChars name) =>
            name.SequenceEqual("root") ? GrubCommandTable.Root
            : name.SequenceEqual("rootnoverify") ? GrubCommandTable.RootNoVerify
            : name.SequenceEqual("kernel") ? GrubCommandTable.Kernel
            : name.SequenceEqual("initrd") ? GrubCommandTable.Initrd
            : UnknownCommand;
    }

    /// <summary>A run of the text; <see cref="None"/> for a value pygrub does not have.</summary>
    internal readonly record struct Range(int Start, int Length)
    {
        public static Range None => new(-1, 0);
    }
}
