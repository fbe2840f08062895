using System.Globalization;
using System.Numerics;
using XenConfig.Grub.Syntax;

namespace XenConfig.Grub.Pygrub;

/// <summary>
/// What pygrub's <c>GrubConf.GrubConfigFile</c> (Xen 4.17) makes of a menu.lst: a faithful port of its parse for
/// the fields that decide what a PV guest boots, used to warn where pygrub and GRUB 0.97 disagree.
/// </summary>
internal sealed class PygrubReading
{
    private static readonly Func<char, bool> IsPySpaceChar = IsPySpace;

    private readonly GrubSource _text;

    private PygrubReading(GrubSource text)
    {
        _text = text;
    }

    /// <summary>Why pygrub fails on the whole file (an exception in GrubConf), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The 0-based line (split at LF) pygrub was reading when it failed.</summary>
    public int ErrorLine { get; private set; }

    /// <summary>Where that line starts in the text.</summary>
    public int ErrorOffset { get; private set; }

    /// <summary>The <c>default</c> value after pygrub's conversion (0 for <c>saved</c> and non-numbers).</summary>
    public BigInteger Default { get; private set; }

    /// <summary>The raw <c>timeout</c> string, or null when there is none (pygrub's -1).</summary>
    public string? Timeout { get; private set; }

    /// <summary>The images (entries) pygrub lists.</summary>
    public List<Image> Images { get; } = [];

    /// <summary>The image pygrub boots without <c>--entry</c>: the default when it exists, else the first.</summary>
    public int? BootIndex => Images.Count == 0 ? null : Default < Images.Count ? (int)Default : 0;

    /// <summary>The timeout as pygrub's interactive mode reads it (<c>int()</c>); null for none or -1, and false in <paramref name="valid"/> when <c>int()</c> would raise.</summary>
    public BigInteger? TimeoutValue(out bool valid)
    {
        valid = true;
        if (Timeout is null)
        {
            return null;
        }

        if (!TryPythonInt(Timeout, out var value))
        {
            valid = false;
            return null;
        }

        return value == -1 ? null : value;
    }

    public static PygrubReading Read(string text) => Read(GrubSource.Of(text));

    /// <summary>pygrub's reading of <paramref name="text"/> (from its bytes when the file is ASCII).</summary>
    public static PygrubReading Read(GrubSource text)
    {
        var reading = new PygrubReading(text);
        try
        {
            reading.Parse();
        }
        catch (PygrubException e)
        {
            reading.Error = e.Message;
            reading.ErrorLine = e.Line;
            reading.ErrorOffset = e.Offset;
            reading.Images.Clear();
        }

        return reading;
    }

    /// <summary>
    /// GrubConf's parse: every line (split at LF) stripped; comments and blank lines skipped; a line starting with
    /// <c>title</c> starts an image, whose lines are applied in order. Lines are read as spans of the text: strings are
    /// made only for the values pygrub keeps, and only when asked for.
    /// </summary>
    private void Parse()
    {
        var source = _text;
        var text = source.All;
        Image? image = null;
        var imageLines = 0;
        var index = 0;
        for (var position = 0; position <= text.Length; index++)
        {
            var newline = position < text.Length ? text.Slice(position).IndexOf('\n') : -1;
            var end = newline < 0 ? text.Length : position + newline;
            var lineStart = position;
            position = end + 1;
            var (start, length) = Strip(text, lineStart, end);
            var line = text.Slice(start, length);
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("title"))
            {
                if (image is not null)
                {
                    Images.Add(image);
                }

                image = line.Length > 6 ? new Image(source, index, lineStart, start + 6, length - 6) : new Image(source, index, lineStart, start, 0);
                imageLines = 0;
                continue;
            }

            try
            {
                if (image is not null)
                {
                    imageLines++;
                    image.Apply(start, length);
                    continue;
                }

                var (commandStart, commandLength, argumentStart, argumentLength) = ExactSplit(text, start, length);
                var command = text.Slice(commandStart, commandLength);
                var (valueStart, valueLength) = Strip(text, argumentStart, argumentStart + argumentLength);
                var argument = text.Slice(valueStart, valueLength);
                if (command.SequenceEqual("default"))
                {
                    SetDefault(argument);
                }
                else if (command.SequenceEqual("timeout"))
                {
                    Timeout = argument.ToString();
                }
                else if (command.SequenceEqual("splashimage"))
                {
                    GetPath(argument);
                }
            }
            catch (FormatException e)
            {
                throw new PygrubException(e.Message, index, lineStart);
            }
        }

        if (image is not null && imageLines > 0)
        {
            Images.Add(image);
        }
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
        var s = text.Slice(start, length);
        var eq = s.IndexOf('=');
        if (eq >= 0)
        {
            var sp = s.IndexOf(' ');
            var tab = s.IndexOf('\t');
            if ((tab != -1 && tab < sp) || (tab != -1 && sp == -1))
            {
                sp = tab;
            }

            if (eq < sp || sp == -1)
            {
                return (start, eq, start + eq + 1, length - eq - 1);
            }
        }

        var (first, restStart, restLength) = SplitWhitespaceOnce(text, start, length);
        return (first.Start, first.Length, restStart, restLength);
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

    private static void GetPath(GrubChars s) => GetPath(s, out _);

    /// <summary>GrubConf's <c>GrubDiskPart</c>: a disk number and an optional partition number.</summary>
    internal readonly record struct Disk(BigInteger Number, BigInteger? Partition)
    {
        public static Disk FromText(string text) => FromText(new GrubChars(text.AsSpan()));

        public static Disk FromText(GrubChars text)
        {
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
    private sealed class PygrubException(string message, int line, int offset) : Exception(message)
    {
        public int Line { get; } = line;

        public int Offset { get; } = offset;
    }

    /// <summary>One pygrub image. Its values are where they are in the text; the strings are made when asked for.</summary>
    internal sealed class Image
    {
        private readonly GrubSource _text;
        private readonly int _titleStart;
        private readonly int _titleLength;
        // Where the values are in the text (Start -1: none); the root disk is read again from its text when asked for.
        // A large menu holds one image per entry, so an image keeps offsets only (80 bytes).
        private Range _root = Range.None;
        private Range _kernel = Range.None;
        private Range _args = Range.None;
        private Range _initrd = Range.None;

        public Image(GrubSource text, int titleLine, int titleOffset, int rawTitleStart, int rawTitleLength)
        {
            _text = text;
            TitleLine = titleLine;
            TitleOffset = titleOffset;
            (_titleStart, _titleLength) = Strip(text.All, rawTitleStart, rawTitleStart + rawTitleLength);
        }

        public int TitleLine { get; }

        /// <summary>Where the title's line starts in the text.</summary>
        public int TitleOffset { get; }

        public string Title => _text.Substring(_titleStart, _titleLength);

        public GrubChars TitleChars => _text.Slice(_titleStart, _titleLength);

        public Disk? Root => _root.Start < 0 ? null : Disk.FromText(_text.Slice(_root.Start, _root.Length));

        public bool HasKernel { get; private set; }

        public string? Kernel => Show(_kernel);

        public string? Args => Show(_args);

        public string? Initrd => Show(_initrd);

        public GrubChars KernelChars => Chars(_kernel);

        public GrubChars ArgsChars => Chars(_args);

        public GrubChars InitrdChars => Chars(_initrd);

        public bool HasInitrd => _initrd.Start >= 0;

        /// <summary>Applies one stripped line <c>[start, start + length)</c> of the image.</summary>
        public void Apply(int start, int length)
        {
            var text = _text.All;
            var (commandStart, commandLength, argumentStart, argumentLength) = ExactSplit(text, start, length);
            var command = text.Slice(commandStart, commandLength);
            var (valueStart, valueLength) = Strip(text, argumentStart, argumentStart + argumentLength);
            var value = text.Slice(valueStart, valueLength);
            if (command.SequenceEqual("root") || command.SequenceEqual("rootnoverify"))
            {
                // Read now for the errors pygrub raises; kept as where its text is.
                _ = Disk.FromText(value);
                _root = new Range(valueStart, valueLength);
            }
            else if (command.SequenceEqual("kernel"))
            {
                HasKernel = true;
                if (!value.Contains(' '))
                {
                    var path = GetPath(value, out _);
                    _kernel = new Range(valueStart + path, valueLength - path);
                    _args = Range.None;
                }
                else
                {
                    var (first, restStart, restLength) = SplitWhitespaceOnce(text, valueStart, valueLength);
                    var path = GetPath(text.Slice(first.Start, first.Length), out _);
                    _kernel = new Range(first.Start + path, first.Length - path);
                    _args = new Range(restStart, restLength);
                }
            }
            else if (command.SequenceEqual("initrd"))
            {
                var path = GetPath(value, out _);
                _initrd = new Range(valueStart + path, valueLength - path);
            }
        }

        private string? Show(Range range) => range.Start >= 0 ? _text.Substring(range.Start, range.Length) : null;

        private GrubChars Chars(Range range) => range.Start >= 0 ? _text.Slice(range.Start, range.Length) : default;

        /// <summary>A run of the text; <see cref="None"/> for a value pygrub does not have.</summary>
        private readonly record struct Range(int Start, int Length)
        {
            public static Range None => new(-1, 0);
        }
    }
}
