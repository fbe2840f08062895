using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Sprache;
using XenConfig.Grub.Syntax;
using SpracheParse = Sprache.Parse;

namespace XenConfig.Grub.Model;

/// <summary>
/// A GRUB legacy device name: <c>(fd0)</c>, <c>(hd0)</c>, <c>(hd0,0)</c> (0-based partitions), BSD slices
/// <c>(hd1,0,a)</c> / <c>(hd1,0a)</c> / <c>(hd1,a)</c>, a raw BIOS drive number <c>(0x80,1)</c>, <c>(nd)</c>, <c>(cd)</c>.
/// </summary>
public sealed class GrubDevice : IEquatable<GrubDevice>
{
    private static readonly Parser<int> Decimal =
        SpracheParse.Digit.AtLeastOnce().Text().Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue);

    private static readonly Parser<int> Hex =
        from prefix in SpracheParse.String("0x").Or(SpracheParse.String("0X"))
        from digits in SpracheParse.Chars("0123456789abcdefABCDEF").AtLeastOnce().Text()
        select int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    private static readonly Parser<int> Number = Hex.Or(Decimal);

    private static readonly Parser<(GrubDeviceKind Kind, int Drive, bool Raw)> DrivePart =
        (from _ in SpracheParse.String("fd") from n in Number select (GrubDeviceKind.Floppy, n, false))
        .Or(from _ in SpracheParse.String("hd") from n in Number select (GrubDeviceKind.HardDisk, n, false))
        .Or(SpracheParse.String("nd").Return((GrubDeviceKind.Network, 0, false)))
        .Or(SpracheParse.String("cd").Return((GrubDeviceKind.CdRom, 0, false)))
        .Or(Number.Select(n => n >= 0x80 ? (GrubDeviceKind.HardDisk, n - 0x80, true) : (GrubDeviceKind.Floppy, n, true)));

    private static readonly Parser<char> Slice = SpracheParse.Chars("abcdefgh").Named("BSD slice letter a-h");

    private static readonly Parser<(int? Partition, char? Slice)> PartitionPart =
        from comma in SpracheParse.Char(',')
        from result in
            (from partition in Number
             from slice in SpracheParse.Char(',').Optional().Then(_ => Slice).Optional()
             select ((int?)partition, slice.IsDefined ? (char?)slice.Get() : null))
            .Or(Slice.Select(s => ((int?)null, (char?)s)))
        select result;

    private static readonly Parser<GrubDevice> Grammar =
        from open in SpracheParse.Char('(')
        from drive in DrivePart
        from partition in PartitionPart.Optional()
        from close in SpracheParse.Char(')').Named("')'")
        select new GrubDevice(drive.Kind, drive.Drive, drive.Raw, partition.IsDefined ? partition.Get().Partition : null, partition.IsDefined ? partition.Get().Slice : null);

    // Grammar as a whole-text parser, built once (End() makes a new parser each time it is called).
    private static readonly Parser<GrubDevice> WholeText = Grammar.End();

    private GrubDevice(GrubDeviceKind kind, int drive, bool raw, int? partition, char? slice)
    {
        Kind = kind;
        Drive = drive;
        IsBiosNumber = raw;
        Partition = partition;
        BsdSlice = slice;
        Text = string.Empty;
    }

    /// <summary>The device exactly as written, parentheses included.</summary>
    public string Text { get; private set; }

    /// <summary>Floppy, hard disk, network or CD.</summary>
    public GrubDeviceKind Kind { get; }

    /// <summary>The drive number within its kind: 0 for <c>hd0</c>, <c>fd0</c> and for the BIOS numbers 0x80 and 0x00.</summary>
    public int Drive { get; }

    /// <summary>True when the drive was given as a raw BIOS number (<c>(0x80,1)</c>).</summary>
    public bool IsBiosNumber { get; }

    /// <summary>The 0-based PC partition (<c>(hd0,0)</c> is Linux's <c>sda1</c>), or null for a whole disk.</summary>
    public int? Partition { get; }

    /// <summary>The BSD slice letter, or null.</summary>
    public char? BsdSlice { get; }

    /// <summary>Parses a device name such as <c>(hd0,0)</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid GRUB legacy device name.</exception>
    public static GrubDevice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var device, out var error))
        {
            throw new FormatException(error);
        }

        return device;
    }

    /// <summary>Parses a device name; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GrubDevice? device) => TryParse(text, out device, out _);

    /// <summary>Parses a device name; on failure <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GrubDevice? device, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        device = null;
        // The usual spelling is scanned without Sprache (no input or result objects per call); anything the scanner
        // gives up on goes through Grammar, which reads the same language and words the error.
        GrubDevice parsed;
        if (ScanDevice(text, out var parts) == text.Length)
        {
            parsed = new GrubDevice(parts.Kind, parts.Drive, parts.Raw, parts.Partition, parts.Slice);
        }
        else
        {
            var result = WholeText.TryParse(text);
            if (!result.WasSuccessful)
            {
                var column = result.Remainder.Position + 1;
                error = $"'{text}' is not a GRUB device name such as (hd0,0): {result.Message} at column {column.ToString(CultureInfo.InvariantCulture)}";
                return false;
            }

            parsed = result.Value;
        }

        if (RangeError(Parts.Of(parsed), text) is { } rangeError)
        {
            error = rangeError;
            return false;
        }

        parsed.Text = text;
        device = parsed;
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The parts of the device name <paramref name="text"/> when <see cref="TryParse(string, out GrubDevice?, out string)"/>
    /// accepts it: the usual spellings are read without making a string or a device.
    /// </summary>
    internal static bool TryScan(GrubChars text, out Parts parts)
    {
        if (TryScanHardDisk(text, out parts))
        {
            return true;
        }

        if (ScanDevice(text, out parts) == text.Length)
        {
            return RangeError(parts, string.Empty) is null;
        }

        if (TryParse(text.ToString(), out var device))
        {
            parts = Parts.Of(device);
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="text"/> is a device name <see cref="TryParse(string, out GrubDevice?, out string)"/>
    /// accepts; the usual spellings are checked without making a string.
    /// </summary>
    internal static bool IsValid(GrubChars text)
    {
        return TryScan(text, out _);
    }

    /// <summary>What is out of range in a device that reads as one, or null.</summary>
    private static string? RangeError(Parts parsed, string text)
    {
        if (parsed.Kind == GrubDeviceKind.Floppy && (parsed.Partition is not null || parsed.Slice is not null))
        {
            return $"'{text}': a floppy has no partitions";
        }

        if (parsed.Partition > 254)
        {
            return $"'{text}': partition numbers go up to 254";
        }

        if (parsed.Raw && parsed.Drive + (parsed.Kind == GrubDeviceKind.HardDisk ? 0x80 : 0) > 0xFF)
        {
            return $"'{text}': BIOS drive numbers go up to 0xff";
        }

        return null;
    }

    /// <summary>
    /// Splits a GRUB file name into its device prefix and path: <c>(hd0,0)/boot/vmlinuz</c> gives <c>(hd0,0)</c> and
    /// <c>/boot/vmlinuz</c>; <c>/boot/vmlinuz</c> gives null and itself. Returns false when a prefix is present but
    /// malformed (no closing parenthesis or not a device).
    /// </summary>
    public static bool TrySplitPath(string file, out GrubDevice? device, out string path)
    {
        ArgumentNullException.ThrowIfNull(file);
        device = null;
        path = file;
        if (!file.StartsWith('('))
        {
            return true;
        }

        var close = file.IndexOf(')', StringComparison.Ordinal);
        if (close < 0 || !TryParse(file[..(close + 1)], out device))
        {
            return false;
        }

        path = file[(close + 1)..];
        return true;
    }

    /// <summary>The device exactly as written.</summary>
    public override string ToString() => Text;

    private static int ScanDevice(GrubChars text, out Parts device)
    {
        device = default;
        if (text.IsEmpty || text[0] != '(')
        {
            return -1;
        }

        var position = 1;
        GrubDeviceKind kind;
        var drive = 0;
        var raw = false;
        var name = text.Slice(1);
        if (name.StartsWith("fd") || name.StartsWith("hd"))
        {
            kind = name[0] == 'f' ? GrubDeviceKind.Floppy : GrubDeviceKind.HardDisk;
            position = ScanNumber(text, position + 2, out drive);
        }
        else if (name.StartsWith("nd") || name.StartsWith("cd"))
        {
            kind = name[0] == 'n' ? GrubDeviceKind.Network : GrubDeviceKind.CdRom;
            position += 2;
        }
        else
        {
            position = ScanNumber(text, position, out var number);
            raw = true;
            (kind, drive) = number >= 0x80 ? (GrubDeviceKind.HardDisk, number - 0x80) : (GrubDeviceKind.Floppy, number);
        }

        int? partition = null;
        char? slice = null;
        if (position > 0 && position < text.Length && text[position] == ',')
        {
            position++;
            if (position < text.Length && IsSlice(text[position]))
            {
                slice = text[position++];
            }
            else
            {
                position = ScanNumber(text, position, out var number);
                partition = number;
                var letter = position > 0 && position < text.Length && text[position] == ',' ? position + 1 : position;
                if (position > 0 && letter < text.Length && IsSlice(text[letter]))
                {
                    slice = text[letter];
                    position = letter + 1;
                }
            }
        }

        if (position <= 0 || position >= text.Length || text[position] != ')')
        {
            return -1;
        }

        device = new Parts(kind, drive, raw, partition, slice);
        return position + 1;
    }

    /// <summary>What a device name says, without the device object (the checks of a parse make none).</summary>
    internal readonly record struct Parts(GrubDeviceKind Kind, int Drive, bool Raw, int? Partition, char? Slice)
    {
        public static Parts Of(GrubDevice device) => new(device.Kind, device.Drive, device.IsBiosNumber, device.Partition, device.BsdSlice);
    }

    private static bool IsSlice(char c) => c is >= 'a' and <= 'h';

    /// <summary>
    /// <c>(hdN)</c> and <c>(hdN,M)</c> with decimal numbers of up to four digits and a partition up to 254, the
    /// spellings nearly every root and file prefix uses, read in one pass over the characters: what
    /// <see cref="ScanDevice"/> and <see cref="RangeError"/> make of them. False for every other text (the full
    /// reading then decides).
    /// </summary>
    private static bool TryScanHardDisk(GrubChars text, out Parts parts)
    {
        parts = default;
        var length = text.Length;
        if (length < 5 || length > 14 || text[0] != '(' || text[1] != 'h' || text[2] != 'd' || text[length - 1] != ')')
        {
            return false;
        }

        var position = 3;
        var drive = ReadDecimal(text, ref position, length - 1);
        if (drive < 0)
        {
            return false;
        }

        if (position == length - 1)
        {
            parts = new Parts(GrubDeviceKind.HardDisk, drive, false, null, null);
            return true;
        }

        if (text[position] != ',')
        {
            return false;
        }

        position++;
        var partition = ReadDecimal(text, ref position, length - 1);
        if (partition < 0 || partition > 254 || position != length - 1)
        {
            return false;
        }

        parts = new Parts(GrubDeviceKind.HardDisk, drive, false, partition, null);
        return true;
    }

    // One to four decimal digits from position (a leading "0x" stops at the x and fails the caller's next check); -1 when
    // there is no digit or more than four.
    private static int ReadDecimal(GrubChars text, ref int position, int end)
    {
        var value = 0;
        var start = position;
        while (position < end && position - start < 5 && char.IsAsciiDigit(text[position]))
        {
            value = (value * 10) + (text[position] - '0');
            position++;
        }

        return position == start || position - start > 4 ? -1 : value;
    }

    /// <summary>A decimal or <c>0x</c> hexadecimal number at <paramref name="position"/>: where it ends, or -1 when there is none.</summary>
    private static int ScanNumber(GrubChars text, int position, out int value)
    {
        value = 0;
        if (position < 0)
        {
            return -1;
        }

        var rest = text.Slice(position);
        var hex = rest.Length > 2 && rest[0] == '0' && rest[1] is 'x' or 'X' && char.IsAsciiHexDigit(rest[2]);
        var digits = hex ? rest.Slice(2) : rest;
        var length = 0;
        while (length < digits.Length && (hex ? char.IsAsciiHexDigit(digits[length]) : char.IsAsciiDigit(digits[length])))
        {
            length++;
        }

        if (length == 0)
        {
            return -1;
        }

        if (!hex && length <= 9)
        {
            // Up to 9 decimal digits cannot overflow: int.TryParse's value, without the copy.
            for (var i = 0; i < length; i++)
            {
                value = (value * 10) + (digits[i] - '0');
            }

            return position + length;
        }

        // int.TryParse's reading (a hexadecimal number of 8 digits may be negative; too long a number is int.MaxValue).
        var chars = length <= 64 ? stackalloc char[length] : new char[length];
        digits.Slice(0, length).CopyTo(chars);
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        value = int.TryParse(chars, style, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        return position + (hex ? 2 : 0) + length;
    }

    /// <summary>Two devices are equal when they name the same drive, partition and slice, however spelled.</summary>
    public bool Equals(GrubDevice? other) =>
        other is not null && Kind == other.Kind && Drive == other.Drive && Partition == other.Partition && BsdSlice == other.BsdSlice;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GrubDevice);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Drive, Partition, BsdSlice);
}
