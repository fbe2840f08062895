using System.Globalization;
using System.Numerics;

namespace XenConfig.Grub.Pygrub;

/// <summary>
/// What pygrub's <c>GrubConf.GrubConfigFile</c> (Xen 4.17) makes of a menu.lst: a faithful port of its parse for
/// the fields that decide what a PV guest boots, used to warn where pygrub and GRUB 0.97 disagree.
/// </summary>
internal sealed class PygrubReading
{
    private PygrubReading()
    {
    }

    /// <summary>Why pygrub fails on the whole file (an exception in GrubConf), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The 0-based line (split at LF) pygrub was reading when it failed.</summary>
    public int ErrorLine { get; private set; }

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

    public static PygrubReading Read(string text)
    {
        var reading = new PygrubReading();
        try
        {
            reading.Parse(text);
        }
        catch (PygrubException e)
        {
            reading.Error = e.Message;
            reading.ErrorLine = e.Line;
            reading.Images.Clear();
        }

        return reading;
    }

    private void Parse(string text)
    {
        var lines = text.Split('\n');
        Image? image = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = PyStrip(lines[index]);
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("title", StringComparison.Ordinal))
            {
                if (image is not null)
                {
                    Images.Add(Build(image));
                }

                image = new Image(index, line.Length > 6 ? line[6..] : string.Empty);
                continue;
            }

            if (image is not null)
            {
                image.Lines.Add((index, line));
                continue;
            }

            var (command, argument) = ExactSplit(line);
            argument = PyStrip(argument);
            try
            {
                switch (command)
                {
                    case "default":
                        SetDefault(argument);
                        break;
                    case "timeout":
                        Timeout = argument;
                        break;
                    case "splashimage":
                        GetPath(argument);
                        break;
                    default:
                        break;
                }
            }
            catch (FormatException e)
            {
                throw new PygrubException(e.Message, index);
            }
        }

        if (image is not null && image.Lines.Count > 0)
        {
            Images.Add(Build(image));
        }
    }

    private static Image Build(Image image)
    {
        foreach (var (index, line) in image.Lines)
        {
            try
            {
                image.Apply(line);
            }
            catch (FormatException e)
            {
                throw new PygrubException(e.Message, index);
            }
        }

        return image;
    }

    private void SetDefault(string value)
    {
        if (value == "saved")
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

    /// <summary>Python's <c>str.isspace</c> for the characters a menu.lst holds.</summary>
    internal static bool IsPySpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    internal static string PyStrip(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsPySpace(s[start]))
        {
            start++;
        }

        while (end > start && IsPySpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>GrubConf's <c>grub_exact_split(s, 2)</c>.</summary>
    internal static (string Command, string Argument) ExactSplit(string s)
    {
        var eq = s.IndexOf('=', StringComparison.Ordinal);
        if (eq >= 0)
        {
            var sp = s.IndexOf(' ', StringComparison.Ordinal);
            var tab = s.IndexOf('\t', StringComparison.Ordinal);
            if ((tab != -1 && tab < sp) || (tab != -1 && sp == -1))
            {
                sp = tab;
            }

            if (eq < sp || sp == -1)
            {
                return (s[..eq], s[(eq + 1)..]);
            }
        }

        return SplitWhitespaceOnce(s);
    }

    /// <summary>Python's <c>s.split(None, 1)</c>, padded to two items.</summary>
    internal static (string First, string Remainder) SplitWhitespaceOnce(string s)
    {
        var start = 0;
        while (start < s.Length && IsPySpace(s[start]))
        {
            start++;
        }

        var end = start;
        while (end < s.Length && !IsPySpace(s[end]))
        {
            end++;
        }

        var rest = end;
        while (rest < s.Length && IsPySpace(s[rest]))
        {
            rest++;
        }

        return (s[start..end], s[rest..]);
    }

    /// <summary>Python's <c>int(s)</c> for a string (whitespace, sign, digits with single underscores).</summary>
    internal static bool TryPythonInt(string s, out BigInteger value)
    {
        value = 0;
        var t = PyStrip(s);
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

        var previousUnderscore = true;
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

            value = (value * 10) + (int)char.GetNumericValue(c);
            previousUnderscore = false;
        }

        if (previousUnderscore)
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>GrubConf's <c>get_path</c>: an optional <c>(device)</c> prefix and the path.</summary>
    internal static (Disk? Device, string Path) GetPath(string s)
    {
        if (!s.StartsWith('('))
        {
            return (null, s);
        }

        var close = s.IndexOf(')', StringComparison.Ordinal);
        if (close < 0)
        {
            throw new FormatException("Unable to find matching ')'");
        }

        return (Disk.FromText(s[..close]), s[(close + 1)..]);
    }

    /// <summary>GrubConf's <c>GrubDiskPart</c>: a disk number and an optional partition number.</summary>
    internal sealed record Disk(BigInteger Number, BigInteger? Partition)
    {
        public static Disk FromText(string text)
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                return new Disk(ParseDisk(text), null);
            }

            var parts = text.Split(',', 3);
            if (parts.Length != 2)
            {
                throw new FormatException("too many values to unpack (expected 2)");
            }

            return new Disk(ParseDisk(parts[0]), ParsePart(parts[1]));
        }

        private static BigInteger ParseDisk(string value)
        {
            value = value.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
            if (value.StartsWith("/dev/xvd", StringComparison.Ordinal))
            {
                if (value.Length <= 8)
                {
                    throw new FormatException("string index out of range");
                }

                return value[8] - 'a';
            }

            var digits = value.Length > 2 ? value[2..] : string.Empty;
            return TryPythonInt(digits, out var number) ? number : throw new FormatException($"invalid literal for int() with base 10: '{digits}'");
        }

        private static BigInteger ParsePart(string value)
        {
            value = value.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
            if (value.StartsWith("msdos", StringComparison.Ordinal))
            {
                value = value[5..];
            }

            if (value.StartsWith("gpt", StringComparison.Ordinal))
            {
                value = value[3..];
            }

            return TryPythonInt(value, out var number) ? number : throw new FormatException($"invalid literal for int() with base 10: '{value}'");
        }

        public override string ToString() => Partition is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"d{Number}p{p}")
            : string.Create(CultureInfo.InvariantCulture, $"d{Number}");
    }

    /// <summary>An exception GrubConf raises, with the line it was reading.</summary>
    private sealed class PygrubException(string message, int line) : Exception(message)
    {
        public int Line { get; } = line;
    }

    /// <summary>One pygrub image.</summary>
    internal sealed class Image(int titleLine, string rawTitle)
    {
        public int TitleLine { get; } = titleLine;

        public string Title { get; } = PyStrip(rawTitle);

        public List<(int Index, string Text)> Lines { get; } = [];

        public Disk? Root { get; private set; }

        public bool HasKernel { get; private set; }

        public Disk? KernelDevice { get; private set; }

        public string? Kernel { get; private set; }

        public string? Args { get; private set; }

        public string? Initrd { get; private set; }

        public void Apply(string line)
        {
            {
                var (command, argument) = ExactSplit(line);
                var value = PyStrip(argument);
                switch (command)
                {
                    case "root":
                    case "rootnoverify":
                        Root = Disk.FromText(value);
                        break;
                    case "kernel":
                        HasKernel = true;
                        if (!value.Contains(' ', StringComparison.Ordinal))
                        {
                            (KernelDevice, Kernel) = GetPath(value);
                            Args = null;
                        }
                        else
                        {
                            var (path, args) = SplitWhitespaceOnce(value);
                            (KernelDevice, Kernel) = GetPath(path);
                            Args = args;
                        }

                        break;
                    case "initrd":
                        (_, Initrd) = GetPath(value);
                        break;
                    default:
                        break;
                }
            }
        }
    }
}
